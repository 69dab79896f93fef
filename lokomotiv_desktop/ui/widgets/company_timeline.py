"""The company's outreach, as a tab of the company editor: its phase, buttons for a new
visit, a new session, a phase change, a KPI target and the calendar; the KPI targets with
their current value; and the timeline of everything that happened, in date order."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services import phases
from ...services.outreach import company_by_id
from ...store.database import Store
from ..dialogs.calendar_export import export_calendar
from ..dialogs.kpi_form import KpiForm
from ..dialogs.outreach_parts import default_consultant
from ..dialogs.phase_move_dialog import PhaseMoveDialog
from ..dialogs.session_form import SessionForm
from ..dialogs.visit_form import VisitForm
from ..models.company_outreach import ENTRY_ROLE, KpiTableModel, TimelineModel
from ..tasks import TaskRunner


class CompanyOutreachPanel(QWidget):
    changed = Signal()  # something was recorded: the window refreshes its pages
    loaded = Signal()

    def __init__(self, store: Store, runner: TaskRunner, company_id: str, parent=None):
        super().__init__(parent)
        self.setObjectName("company_outreach")
        self._store, self._runner = store, runner
        self.company_id = company_id
        self.company = None
        self.dialog = None  # the form or dialog open from here, if any
        self.phase_label = QLabel()
        self.phase_label.setStyleSheet("font-weight: 600;")
        self.new_visit_button = QPushButton(self.tr("New visit"))
        self.new_session_button = QPushButton(self.tr("New session"))
        self.phase_button = QPushButton(self.tr("Change phase"))
        self.kpi_button = QPushButton(self.tr("New KPI target"))
        self.calendar_button = QPushButton(self.tr("Export calendar …"))
        self.message = QLabel()
        self.message.setStyleSheet("color: #5f6670;")
        self.kpis = KpiTableModel(self)
        self.kpi_table = _table(self.kpis)
        self.kpi_table.setMaximumHeight(130)
        self.timeline = TimelineModel(self)
        self.timeline_table = _table(self.timeline)

        buttons = QHBoxLayout()
        buttons.addWidget(self.phase_label)
        buttons.addStretch(1)
        for button in (self.new_visit_button, self.new_session_button, self.phase_button,
                       self.kpi_button, self.calendar_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("KPI targets")))
        layout.addWidget(self.kpi_table)
        layout.addWidget(QLabel(self.tr("Timeline")))
        layout.addWidget(self.timeline_table, 1)
        layout.addWidget(self.message)

        self.new_visit_button.clicked.connect(lambda: self.open_visit(None))
        self.new_session_button.clicked.connect(lambda: self.open_session(None))
        self.phase_button.clicked.connect(self.change_phase)
        self.kpi_button.clicked.connect(lambda: self.open_kpi(None))
        self.calendar_button.clicked.connect(self.export)
        self.timeline_table.activated.connect(self._open_entry)
        self.kpi_table.activated.connect(
            lambda index: self.open_kpi(index.data(ENTRY_ROLE).target.id))
        self.reload()

    def reload(self) -> None:
        store, company_id = self._store, self.company_id

        def read():
            return (company_by_id(store, company_id), phases.company_timeline(store, company_id),
                    phases.kpi_status(store, company_id))

        self._runner.run(read, on_done=self._loaded, cancellable=True)

    def _loaded(self, result) -> None:
        self.company, entries, kpis = result
        self.phase_label.setText(self.tr("Phase: %s") % f"{self.company.phase.value}. "
                                 f"{self.company.phase.label}")
        self.timeline.set_rows(entries)
        self.kpis.set_rows(kpis)
        self.timeline_table.scrollToBottom()  # the newest at the bottom, in view
        self.loaded.emit()

    # -- opening forms -------------------------------------------------------------------------
    def _show(self, dialog) -> None:
        if self.dialog is not None:
            return
        self.dialog = dialog
        dialog.saved.connect(self._recorded)
        if hasattr(dialog, "deleted"):
            dialog.deleted.connect(lambda: self._recorded(None))
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def open_visit(self, visit_id: str | None) -> None:
        self._show(VisitForm(self._store, self._runner, self.company_id, visit_id, self))

    def open_session(self, session_id: str | None) -> None:
        self._show(SessionForm(self._store, self._runner, self.company_id, session_id, self))

    def open_kpi(self, target_id: str | None) -> None:
        self._show(KpiForm(self._store, self._runner, self.company_id, target_id, self))

    def change_phase(self) -> None:
        if self.company is None or self.dialog is not None:
            return
        company = self.company
        dialog = PhaseMoveDialog(self._store, self._runner,
                                 [(company.id, company.name, company.phase)], None,
                                 default_consultant(self._store, company), self)
        dialog.moved.connect(lambda *_: self._recorded(None))
        self.dialog = dialog
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def export(self) -> None:
        name = self.company.name if self.company else self.company_id
        export_calendar(self, self._store, self._runner, company_id=self.company_id,
                        title=name, report=self.message.setText)

    def _open_entry(self, index: QModelIndex) -> None:
        entry = index.data(ENTRY_ROLE)
        if entry is None:
            return
        if entry.kind == "besøg":
            self.open_visit(entry.row_id)
        elif entry.kind == "møde":
            self.open_session(entry.row_id)

    def _recorded(self, _result) -> None:
        self.reload()
        self.changed.emit()

    def _dialog_closed(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()


def _table(model) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    return table
