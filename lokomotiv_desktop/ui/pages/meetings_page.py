"""Møder: visits and motivation sessions in a period, in date order. Enter or a double click
opens the visit or session; the company opens from its own button."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QLocale, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.outreach import Visit
from ...services.outreach import today_local
from ...store.database import Store
from ...store.outreach import SessionRepository, VisitRepository
from ..models.outreach_lists import COMPANY_ID_ROLE, ITEM_ROLE, MeetingTableModel
from ..tasks import TaskRunner

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
        for column, width in enumerate((150, 60, 150, 300, 140)):
            header.resizeSection(column, width)
        bar = QHBoxLayout()
        bar.addWidget(self.period)
        bar.addWidget(self.count_label, 1)
        for button in (self.company_button, self.new_visit_button, self.new_session_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.period.currentIndexChanged.connect(self.reload)
        self.table.activated.connect(self._activated)
        self.company_button.clicked.connect(self._open_company)
        self.new_visit_button.clicked.connect(self.new_visit)
        self.new_session_button.clicked.connect(self.new_session)

    def reload(self) -> None:
        back, ahead = PERIODS[self.period.currentIndex()]
        today, store = today_local(), self._store
        first, last = today - timedelta(days=back), today + timedelta(days=ahead)
        self._runner.run(lambda: (VisitRepository(store).between(first, last),
                                  SessionRepository(store).between(first, last)),
                         on_done=self._loaded, cancellable=True)

    def _loaded(self, result) -> None:
        self.model.set_rows(*result)
        self.count_label.setText(self.tr("Visits and sessions: %s")
                                 % QLocale().toString(self.model.rowCount()))
        self.loaded.emit()

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
