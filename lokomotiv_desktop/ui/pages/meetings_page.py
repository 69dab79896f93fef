"""Møder: visits and motivation sessions in a period, in date order, with the same search box
and filters as Virksomheder (consultant, kind, period, "Kun mine"). Enter or a double click
opens the visit or session; the company opens from its own button.

The period is read in the background; the other filters work on those rows in memory (a
year of meetings is a few thousand rows), so typing never waits for the disk."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QLocale, QModelIndex, QTimer, Signal
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

from ...domain.danish_format import sort_key
from ...domain.outreach import SessionFormat, Visit, VisitKind
from ...domain.text import fold_danish
from ...services.me import my_name
from ...services.outreach import today_local
from ...store.database import Store
from ...store.outreach import SessionRepository, VisitRepository
from ..models.outreach_lists import COMPANY_ID_ROLE, ITEM_ROLE, MeetingTableModel
from ..tasks import TaskRunner
from ..widgets.mine_toggle import MineToggle

# (days back, days ahead) per choice of the period box
PERIODS = ((0, 30), (30, 0), (30, 90), (365, 365))


class MeetingsPage(QWidget):
    open_company = Signal(str)
    edit_visit = Signal(str, str)  # company id, visit id
    edit_session = Signal(str, str)  # company id, session id
    new_visit = Signal()
    new_session = Signal()
    loaded = Signal()

    def __init__(self, store: Store, runner: TaskRunner, parent=None):
        super().__init__(parent)
        self.setObjectName("meetings_page")
        self._store, self._runner = store, runner
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        for text in (self.tr("Next 30 days"), self.tr("Last 30 days"),
                     self.tr("Last 30 and next 90 days"), self.tr("A year back and ahead")):
            self.period.addItem(text)
        self.period.setCurrentIndex(2)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search company, CVR or consultant"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)  # the placeholder stays whole at 1024 px
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind"))
        self.kind.addItem(self.tr("All kinds"), None)
        for kind in VisitKind:
            self.kind.addItem(self.tr("Visit: %s") % kind.label, ("visit", kind))
        for session_format in SessionFormat:
            self.kind.addItem(self.tr("Session: %s") % session_format.label,
                              ("session", session_format))
        self.consultant = QComboBox()
        self.consultant.setAccessibleName(self.tr("Consultant"))
        self.consultant.addItem(self.tr("All consultants"), None)
        for combo in (self.kind, self.consultant):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.mine = MineToggle("meetings", self)  # shown once a load knows my name
        self._visits: list = []
        self._sessions: list = []
        self.count_label = QLabel()
        self.new_visit_button = QPushButton(self.tr("New visit …"))
        self.new_session_button = QPushButton(self.tr("New session …"))
        self.company_button = QPushButton(self.tr("Open company"))
        self.model = MeetingTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((95, 50, 135, 240, 140)):
            header.resizeSection(column, width)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.consultant, 1)
        filters.addWidget(self.kind, 1)
        filters.addWidget(self.period, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.mine)
        bar.addWidget(self.count_label, 1)
        for button in (self.company_button, self.new_visit_button, self.new_session_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._debounce = QTimer(self, singleShot=True, interval=120)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (self.kind, self.consultant):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.mine.changed.connect(self.apply_filters)
        self.period.currentIndexChanged.connect(self.reload)
        self.table.activated.connect(self._activated)
        self.company_button.clicked.connect(self._open_company)
        self.new_visit_button.clicked.connect(self.new_visit)
        self.new_session_button.clicked.connect(self.new_session)

    def reload(self) -> None:
        back, ahead = PERIODS[self.period.currentIndex()]
        today, store = today_local(), self._store
        first, last = today - timedelta(days=back), today + timedelta(days=ahead)
        # My name is read on the worker too: the GUI thread never queries the store while
        # the worker may be using it.
        self._runner.run(lambda: (VisitRepository(store).between(first, last),
                                  SessionRepository(store).between(first, last),
                                  my_name(store)),
                         on_done=self._loaded, cancellable=True)

    def _loaded(self, result) -> None:
        self._visits, self._sessions, name = result
        self.mine.set_name(name)
        self._fill_consultants()
        self.apply_filters()
        self.loaded.emit()

    def _fill_consultants(self) -> None:
        names = sorted({d.item.consultant for d in (*self._visits, *self._sessions)
                        if d.item.consultant}, key=sort_key)
        chosen = self.consultant.currentData()
        self.consultant.blockSignals(True)
        while self.consultant.count() > 1:
            self.consultant.removeItem(1)
        for name in names:
            self.consultant.addItem(name, name)
        self.consultant.setCurrentIndex(max(self.consultant.findData(chosen), 0)
                                        if chosen is not None else 0)
        self.consultant.blockSignals(False)

    def apply_filters(self) -> None:
        self._debounce.stop()
        mine = self.mine.consultant()
        self.consultant.setEnabled(mine is None)  # "Kun mine" decides the consultant
        consultant = mine if mine is not None else self.consultant.currentData()
        kind = self.kind.currentData()
        text = fold_danish(self.search.text().strip())

        def keep(dated, what: str) -> bool:
            item = dated.item
            if consultant is not None and item.consultant != consultant:
                return False
            if kind is not None and (kind[0] != what or kind[1] != (
                    item.kind if what == "visit" else item.format)):
                return False
            return not text or text in fold_danish(dated.company.name) or \
                dated.company.cvr.startswith(text) or text in fold_danish(item.consultant)

        self.model.set_rows([d for d in self._visits if keep(d, "visit")],
                            [d for d in self._sessions if keep(d, "session")])
        self.count_label.setText(self.tr("Visits and sessions: %s")
                                 % QLocale().toString(self.model.rowCount()))

    def selected_company_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(COMPANY_ID_ROLE) if index.isValid() else None

    def _open_company(self) -> None:
        company_id = self.selected_company_id()
        if company_id:
            self.open_company.emit(company_id)

    def _activated(self, index: QModelIndex) -> None:
        item, company_id = index.data(ITEM_ROLE), index.data(COMPANY_ID_ROLE)
        if item is None:
            return
        signal = self.edit_visit if isinstance(item, Visit) else self.edit_session
        signal.emit(company_id, item.id)
