"""The screening day at one company on one date: school and tester at the top (they apply to
every row), a running count, and the grid (widgets/screening_day_grid) whose rows are saved
the moment they are complete. Nothing waits for "Gem": closing only asks when a typed row
is not on disk yet."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from ...services import screenings
from ...store.companies import CompanyRepository
from ...store.database import Store
from ..models.screening_day_model import ScreeningDayModel
from ..widgets.screening_day_grid import ScreeningDayGrid
from .outreach_parts import company_header, danish_date


class ScreeningDayDialog(QDialog):
    """ScreeningDayDialog(store, company_id, day): saves run on this thread, row by row
    (see models/screening_day_model), so it needs no background runner."""

    def __init__(self, store: Store, company_id: str, day: date, parent=None):
        super().__init__(parent)
        self.setObjectName("screening_day_dialog")
        company = CompanyRepository(store).get(company_id)
        if company is None:
            raise LookupError(f"no company {company_id}")
        self._store, self._company_id, self._day = store, company_id, day
        self.setWindowTitle(self.tr("Screening day – %1 – %2").replace("%1", company.name)
                            .replace("%2", danish_date(day)))

        self.school = QLineEdit()
        self.school.setObjectName("school")
        self.school.setPlaceholderText(self.tr("e.g. VUC Syd"))
        self.tester = QLineEdit()
        self.tester.setObjectName("tester")
        self.tester.setPlaceholderText(self.tr("the school's test guide"))
        self.count = QLabel()
        self.count.setObjectName("day_count")
        self.count.setStyleSheet("font-size: 13pt; font-weight: 600;")
        hint = QLabel(self.tr("Space ticks consent · Tab or Enter: next cell · Ctrl+Enter: "
                              "next person · each row is saved as soon as it is complete"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")

        self.model = ScreeningDayModel(store, company_id, day, self._header, self)
        self._prefill_header()
        self.grid = ScreeningDayGrid(self.model, self)
        self.model.saved.connect(self._refresh_count)
        # The status cell is narrow: the rows' problems are shown whole below the grid.
        self.problem = QLabel()
        self.problem.setObjectName("row_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a61b1b;")
        self.model.dataChanged.connect(self._show_problem)
        for box in (self.school, self.tester):
            box.setMaximumWidth(420)
            box.editingFinished.connect(self._header_changed)
        self._shown_header = self._header()

        top = QHBoxLayout()
        form = QFormLayout()
        form.addRow(self.tr("Date"), QLabel(danish_date(day)))
        form.addRow(self.tr("School"), self.school)
        form.addRow(self.tr("Tester"), self.tester)
        top.addLayout(form, 1)
        top.addSpacing(24)
        top.addWidget(self.count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(company_header(company))
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(1240, 560)
        self._refresh_count()
        first_open = next((n for n, row in enumerate(self.model.rows) if not row.screening_id),
                          len(self.model.rows) - 1)
        self.grid.start(first_open)

    def _header(self) -> tuple[str, str]:
        return self.school.text().strip(), self.tester.text().strip()

    def _prefill_header(self) -> None:
        """Reopened day: school and tester of the day's first saved screening."""
        for _person, record in screenings.day_rows(self._store, self._company_id, self._day):
            if record is not None:
                self.school.setText(record.school)
                self.tester.setText(record.tester)
                return

    def _header_changed(self) -> None:
        if self._header() != self._shown_header:
            self._shown_header = self._header()
            self.model.resave_saved()

    def _show_problem(self, *_args) -> None:
        """Every row that is not saved, and why (the tinted rows), in full."""
        lines = [self.tr("Row %1: %2").replace("%1", str(n + 1)).replace("%2", row.problem)
                 for n, row in enumerate(self.model.rows) if row.problem]
        self.problem.setText("\n".join(lines))

    def _refresh_count(self, *_args) -> None:
        screened, invited = screenings.day_count(self._store, self._company_id, self._day)
        self.count.setText(self.tr("Screened %1 of %2 invited").replace("%1", str(screened))
                           .replace("%2", str(invited)))

    def reject(self) -> None:
        self.grid.setFocus()  # commits the cell being typed, which may complete its row
        unsaved = self.model.unsaved_rows()
        if unsaved:
            answer = QMessageBox.question(
                self, self.tr("Rows not saved"),
                self.tr("%n row(s) are not complete and will not be saved. Close anyway?",
                        "", unsaved))
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
