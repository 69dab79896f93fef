"""Virksomheder: the list of companies with search as you type and filters."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Phase
from ...services.me import my_name
from ...store.companies import SEARCH_LIMIT, CompanyRepository
from ..models.company_table import COL_NAME, CompanyTableModel
from ..tasks import TaskRunner
from ..widgets.mine_toggle import MineToggle

SEARCH_DEBOUNCE_MS = 150


class CompaniesPage(QWidget):
    open_company = Signal(str)  # company id
    new_company = Signal()
    import_requested = Signal()  # "Import CVR extract …"

    def __init__(self, repository: CompanyRepository, runner: TaskRunner, parent=None):
        super().__init__(parent)
        self._repository = repository
        self._runner = runner
        self.model = CompanyTableModel(repository, runner, self)

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search name, CVR, P-number, address, city or contact person (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.municipality = QComboBox()
        self.municipality.setAccessibleName(self.tr("Municipality"))
        self.phase = QComboBox()
        self.phase.setAccessibleName(self.tr("Phase"))
        self.consultant = QComboBox()
        self.consultant.setAccessibleName(self.tr("Consultant"))
        self.new_button = QPushButton(self.tr("New company"))
        self.new_button.setToolTip(self.tr("Create a company (Ctrl+N)"))
        self.import_button = QPushButton(self.tr("Import …"))
        self.import_button.setToolTip(self.tr(
            "Import companies and P-units from a CVR extract (a CSV file) (Ctrl+I)"))
        self.count_label = QLabel()
        self.mine = MineToggle("companies", self)  # shown once start() knows my name
        self._fill_filter_choices()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view never measures 300 000 rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((320, 90, 140, 140, 120)):
            header.resizeSection(column, width)
        # Indicator first: enabling sorting sorts by it, and the model is already in that order.
        header.setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

        # The search on a row of its own: at 1024 px beside four filters it would shrink
        # to a few letters.
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.import_button)
        filters = QHBoxLayout()
        filters.addWidget(self.municipality, 1)
        filters.addWidget(self.phase, 1)
        filters.addWidget(self.consultant, 1)
        filters.addWidget(self.mine)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self._open_when_loaded = False
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._open_first_or_current)
        for combo in (self.municipality, self.phase, self.consultant):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.mine.changed.connect(self._apply_filters)
        self.table.activated.connect(self._open_row)
        self.new_button.clicked.connect(self.new_company)
        self.import_button.clicked.connect(self.import_requested)
        self.model.loaded.connect(self._show_count)

    def _fill_filter_choices(self) -> None:
        self.municipality.addItem(self.tr("All municipalities"), None)
        for municipality in self._repository.municipalities():
            self.municipality.addItem(municipality.name, municipality.code)
        self.phase.addItem(self.tr("All phases"), None)
        for phase in Phase:
            self.phase.addItem(f"{phase.value} {phase.label}", phase.value)
        self.consultant.addItem(self.tr("All consultants"), None)

    def reload_consultants(self) -> None:
        """The consultants in the store change with saves and syncs: read them in the
        background (a DISTINCT over every company) and keep the current choice."""
        def fill(names: list[str]) -> None:
            chosen = self.consultant.currentData()
            self.consultant.blockSignals(True)
            while self.consultant.count() > 1:
                self.consultant.removeItem(1)
            for name in names:
                self.consultant.addItem(name, name)
            index = self.consultant.findData(chosen) if chosen is not None else 0
            self.consultant.setCurrentIndex(max(index, 0))
            self.consultant.blockSignals(False)

        self._runner.run(self._repository.consultants, on_done=fill, cancellable=True)

    def start(self) -> None:
        """First load; called once the window is up. The list goes first in the runner's
        queue: it is what the user is waiting for."""
        # My name first (on the worker: the GUI thread never queries the store while the
        # worker may be using it), then the first load, on my companies when I have one.
        store = self._repository.store

        def named(name: str | None) -> None:
            self.mine.set_name(name)
            self._apply_filters()

        self._runner.run(lambda: my_name(store), on_done=named)
        self.reload_consultants()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _apply_filters(self) -> None:
        self._debounce.stop()
        mine = self.mine.consultant()
        # "Kun mine" decides the consultant; the box says so rather than showing "Alle".
        self.consultant.setEnabled(mine is None)
        self.model.set_filter(replace(
            self.model.company_filter,
            text=self.search.text(),
            municipality_code=self.municipality.currentData(),
            phase=self.phase.currentData(),
            consultant=mine if mine is not None else self.consultant.currentData(),
        ))

    def _show_count(self) -> None:
        rows = self.model.rowCount()
        text = self.tr("Companies: %s") % QLocale().toString(rows)
        if rows >= SEARCH_LIMIT and self.model.company_filter.text.strip():
            text += "  " + self.tr("(the first %s matches; type more to narrow the search)") \
                % QLocale().toString(SEARCH_LIMIT)
        self.count_label.setText(text)
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, COL_NAME))
        if self._open_when_loaded:
            self._open_when_loaded = False
            self._open_first_or_current()

    def _open_row(self, index: QModelIndex) -> None:
        company_id = self.model.company_id_at(index.row())
        if company_id:
            self.open_company.emit(company_id)

    def _open_first_or_current(self) -> None:
        if self._debounce.isActive():
            # Enter before the list caught up with the typing: open the first hit of what
            # was typed, once it is in.
            self._open_when_loaded = True
            self._apply_filters()
            return
        index = self.table.currentIndex()
        if index.isValid():
            self._open_row(index)
