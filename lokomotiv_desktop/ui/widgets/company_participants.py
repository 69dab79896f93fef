"""The company view's Deltagere tab: the company's participants with consent and screening
state, and aggregate counts for the employer with counts under 5 shown as "<5"."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import outreach_rules as rules
from ...domain.danish_format import field_date
from ...domain.small_counts import suppress_small
from ...domain.validation import ValidationError
from ...services.outreach import today_local
from ...store import participant_queries as queries
from ...store.database import Store
from ..models.participants_model import (
    COL_COMPANY,
    COL_CONSENT,
    COL_NAME,
    COL_REFERRED,
    COL_SCREENINGS,
    COL_TEAM,
    ParticipantsModel,
)


class CompanyParticipants(QWidget):
    open_person = Signal(str)  # participant id
    changed = Signal()

    def __init__(self, store: Store, company_id: str, parent=None):
        super().__init__(parent)
        self._store, self.company_id = store, company_id
        self.model = ParticipantsModel(store, None, self, company_id=company_id)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setColumnHidden(COL_COMPANY, True)  # all of them are this company's
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_TEAM, 140), (COL_CONSENT, 130), (COL_SCREENINGS, 150),
                              (COL_REFERRED, 80)):
            header.resizeSection(column, width)
        self.counts = QLabel()
        self.counts.setToolTip(self.tr("Counts under 5 are shown as <5: the employer sees "
                                       "only aggregates."))
        self.new_button = QPushButton(self.tr("New participant …"))
        self.day_button = QPushButton(self.tr("Screening day …"))
        self.open_button = QPushButton(self.tr("Open person"))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.day_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.activated.connect(lambda index: self._open(index.row()))
        self.open_button.clicked.connect(lambda: self._open(self.table.currentIndex().row()))
        self.new_button.clicked.connect(self.new_participant)
        self.day_button.clicked.connect(self.screening_day)
        self.form = None
        self.reload()

    def reload(self) -> None:
        self.model.refresh()
        rows = queries.participant_rows(self._store, company_id=self.company_id)
        screened = sum(1 for r in rows if r.screenings)
        referred = sum(1 for r in rows if r.referral)
        self.counts.setText(self.tr("Participants: %s · Screened: %s · Referred to the "
                                    "dyslexia test: %s") % (suppress_small(len(rows)),
                                                            suppress_small(screened),
                                                            suppress_small(referred)))

    def _open(self, row: int) -> None:
        participant_id = self.model.id_at(row)
        if participant_id:
            self.open_person.emit(participant_id)

    def new_participant(self) -> None:
        from ..dialogs.participant_form import ParticipantForm

        self.form = ParticipantForm(self._store, company_id=self.company_id, parent=self)
        self.form.saved.connect(lambda _p: (self.reload(), self.changed.emit()))
        self.form.open()

    def screening_day(self) -> None:
        self.form = open_screening_day(self, self._store, self.company_id)


def open_person_dialog(parent: QWidget, store: Store, participant_id: str, on_changed):
    """Opens the person view over `parent`; `on_changed` runs after saves and erasure."""
    from ..dialogs.person_dialog import PersonDialog

    dialog = PersonDialog(store, participant_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.changed.connect(on_changed)
    dialog.open()
    return dialog


def ask_day(parent: QWidget) -> str | None:
    """The day of the screening (today offered), or None when cancelled."""
    text, ok = QInputDialog.getText(parent, QCoreApplication.translate("CompanyParticipants", "Screening day"),
                                    QCoreApplication.translate("CompanyParticipants", "Date of the screening day:"),
                                    text=field_date(today_local()))
    return text if ok else None


def open_screening_day(parent: QWidget, store: Store, company_id: str):
    """The screening-day grid of the company on a chosen day (None when cancelled or the
    date is not one)."""
    text = ask_day(parent)
    if text is None:
        return None
    try:
        day = rules.parse_date("date", text, "Dato")
    except ValidationError as error:
        QMessageBox.warning(parent, QCoreApplication.translate("CompanyParticipants", "Screening day"), error.message)
        return None
    from ..dialogs.screening_day_dialog import ScreeningDayDialog

    dialog = ScreeningDayDialog(store, company_id, day, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog

