"""Screeninger: the participants (search as you type, by municipality), the referrals
awaiting a dyslexia test result, and suggested classes."""
from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.danish_format import field_date
from ...store import participant_queries as queries
from ...store.companies import CompanyRepository
from ...store.database import Store
from ...store.participants import ParticipantRepository
from ..models.participants_model import COL_NAME, ParticipantsModel
from ..tasks import TaskRunner
from ..widgets.class_suggestions_view import ClassSuggestionsView
from ..widgets.company_participants import open_person_dialog, open_screening_day
from ..widgets.error_label import ErrorLabel

SEARCH_DEBOUNCE_MS = 150


class ScreeningsPage(QWidget):
    changed = Signal()  # a participant saved or erased here

    def __init__(self, store: Store, runner: TaskRunner | None, parent=None):
        super().__init__(parent)
        self._store, self._runner = store, runner
        self.model = ParticipantsModel(store, runner, self)
        self.dialog = None  # the person view or form open from here
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, team or company"))
        self.search.setClearButtonEnabled(True)
        self.municipality = QComboBox()
        self.municipality.setAccessibleName(self.tr("Municipality"))
        self.municipality.addItem(self.tr("All municipalities"), None)
        for m in CompanyRepository(store).municipalities():
            self.municipality.addItem(m.name, m.code)
        self.new_button = QPushButton(self.tr("New participant …"))
        self.day_button = QPushButton(self.tr("Screening day …"))
        self.day_button.setToolTip(self.tr("The screening-day grid of the chosen "
                                           "participant's company"))
        self.open_button = QPushButton(self.tr("Open person"))
        self.count_label = QLabel()
        self.message = ErrorLabel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((220, 220, 140, 130, 150)):
            header.resizeSection(column, width)

        participants = QWidget()
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.municipality, 1)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.day_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        inner = QVBoxLayout(participants)
        inner.addLayout(top)
        inner.addWidget(self.table, 1)
        inner.addWidget(self.message)
        inner.addLayout(buttons)

        self.awaiting = QTableWidget(0, 3)
        self.awaiting.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Company"),
                                                 self.tr("Referred")])
        self.awaiting.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.awaiting.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.awaiting.verticalHeader().hide()
        self.awaiting.horizontalHeader().setStretchLastSection(True)
        self.awaiting.setColumnWidth(0, 240)
        self.awaiting.setColumnWidth(1, 240)
        self.suggestions = ClassSuggestionsView(store)

        self.tabs = QTabWidget()
        self.tabs.addTab(participants, self.tr("Participants"))
        self.tabs.addTab(self.awaiting, self.tr("Awaiting result"))
        self.tabs.addTab(self.suggestions, self.tr("Suggested classes"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.open_current)
        self.municipality.currentIndexChanged.connect(self.apply_filters)
        self.table.activated.connect(lambda index: self.open_person(self.model.id_at(index.row())))
        self.awaiting.cellActivated.connect(self._open_awaiting)
        self.open_button.clicked.connect(self.open_current)
        self.new_button.clicked.connect(self.new_participant)
        self.day_button.clicked.connect(self.screening_day)
        self.model.loaded.connect(self._show_count)
        self.suggestions.plan_requested.connect(self.plan_course)

    def reload(self) -> None:
        self.apply_filters()
        self.reload_awaiting()

    def apply_filters(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.search.text(), self.municipality.currentData())

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%s participants") % QLocale().toString(
            self.model.rowCount()))
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, COL_NAME))

    def reload_awaiting(self) -> None:
        rows = ParticipantRepository(self._store).awaiting_result()
        self.awaiting.setRowCount(len(rows))
        for r, (_referral_id, pid, name, company, day) in enumerate(rows):
            for c, text in enumerate((name, company, field_date(_iso(day)))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, pid)
                self.awaiting.setItem(r, c, item)
        self.tabs.setTabText(1, self.tr("Awaiting result (%s)") % len(rows))

    def _open_awaiting(self, row: int, _column: int) -> None:
        self.open_person(self.awaiting.item(row, 0).data(Qt.ItemDataRole.UserRole))

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def open_current(self) -> None:
        if self._debounce.isActive():
            self.apply_filters()
        self.open_person(self.current_id())

    def open_person(self, participant_id: str | None):
        if not participant_id:
            return None
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        return self._track(open_person_dialog(self, self._store, participant_id,
                                              self._changed))

    def _track(self, dialog):
        """The dialog open from here, forgotten as it closes (it deletes itself)."""
        self.dialog = dialog
        if dialog is not None:
            dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        return dialog

    def _forget(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()

    def new_participant(self):
        from ..dialogs.participant_form import ParticipantForm

        form = ParticipantForm(self._store, parent=self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(lambda _p: self._changed())
        form.open()
        return self._track(form)

    def screening_day(self):
        pid = self.current_id()
        row = queries.rows_for(self._store, [pid]).get(pid) if pid else None
        if row is None or not row.company_id:
            self.message.show_message(self.tr(
                "Choose a participant of the company first: the screening day is held at "
                "a workplace."))
            return None
        self.message.show_message(None)
        return self._track(open_screening_day(self, self._store, row.company_id))


    def plan_course(self, suggested):
        """Planlæg hold: the course form filled from a suggested class, whose people are
        enrolled when it is saved."""
        from ..dialogs.course_form import CourseForm

        form = CourseForm(self._store, self._runner, suggestion=suggested, parent=self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(lambda _s: self._changed())
        form.open()
        return self._track(form)


def _iso(day):
    from datetime import date

    return day if isinstance(day, date) else date.fromisoformat(str(day))
