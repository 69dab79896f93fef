"""Synkronisering: who is logged in where, the state and latest error in plain Danish, the
conflict inbox with "Behold min" / "Behold deres", the rows from the server this computer
could not store (quarantine), and the last sync runs."""
from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...store import quarantine
from ..dialogs.login_dialog import LoginDialog
from ..models.conflicts_model import COL_MINE, COL_THEIRS, ConflictsModel
from ..models.sync_runs_model import COL_RESULT, SyncRunsModel
from ..sync_ui import SyncController, SyncState
from ..widgets.error_label import ErrorLabel
from ..widgets.quarantine_panel import QuarantinePanel

RUNS_SHOWN = 20


def _heading(text: str, size: int) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(f"font-size: {size}pt; font-weight: 600;")
    return label


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class SyncPage(QWidget):
    def __init__(self, controller: SyncController, window, parent=None):
        super().__init__(parent)
        self.setObjectName("sync_page")
        self.controller = controller
        self.window_ = window  # the main window: data_changed after a resolution
        self.login_dialog: LoginDialog | None = None
        self.logout_box: QMessageBox | None = None

        self.account = QLabel()
        self.account.setObjectName("sync_account")
        self.account.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("sync_page_state")
        self.error = ErrorLabel()
        self.error.setObjectName("sync_page_error")
        self.login_button = QPushButton(self.tr("Log in …"))
        self.logout_button = QPushButton(self.tr("Log out"))
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setToolTip("Ctrl+Shift+S")

        self.conflicts = ConflictsModel(self)
        self.conflicts_view = _table(self.conflicts)
        self.conflicts_view.horizontalHeader().setSectionResizeMode(
            COL_THEIRS, QHeaderView.ResizeMode.Stretch)
        self.conflicts_view.horizontalHeader().setSectionResizeMode(
            COL_MINE, QHeaderView.ResizeMode.Stretch)
        self.conflicts_heading = _heading(self.tr("Conflicts"), 12)
        self.conflicts_empty = QLabel(self.tr("No conflicts: every edit was merged."))
        self.keep_mine = QPushButton(self.tr("Keep &mine"))
        self.keep_mine.setToolTip(self.tr("My value wins and is sent at the next sync"))
        self.keep_theirs = QPushButton(self.tr("Keep &theirs"))
        self.keep_theirs.setToolTip(self.tr("Their value stays; mine is dropped"))
        self.quarantine_panel = QuarantinePanel()
        self.runs = SyncRunsModel(self)
        self.runs_view = _table(self.runs)
        self.runs_view.horizontalHeader().setSectionResizeMode(
            COL_RESULT, QHeaderView.ResizeMode.Stretch)
        self._lay_out()

        self.login_button.clicked.connect(self.open_login)
        self.logout_button.clicked.connect(self.confirm_logout)
        self.sync_button.clicked.connect(lambda: controller.sync_now())
        self.keep_mine.clicked.connect(lambda: self.resolve_selected("mine"))
        self.keep_theirs.clicked.connect(lambda: self.resolve_selected("theirs"))
        self.conflicts_view.selectionModel().selectionChanged.connect(self._enable_buttons)
        controller.changed.connect(self.redraw)
        controller.finished.connect(lambda _report: self.refresh())
        self.redraw()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.login_button, self.logout_button, self.sync_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.choices = QWidget()
        choices = QHBoxLayout(self.choices)
        choices.setContentsMargins(0, 0, 0, 0)
        choices.addWidget(QLabel(self.tr("For the selected conflicts:")))
        choices.addWidget(self.keep_mine)
        choices.addWidget(self.keep_theirs)
        choices.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(self.tr("Synchronisation"), 16))
        layout.addWidget(self.account)
        layout.addWidget(self.state)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addSpacing(8)
        layout.addWidget(self.conflicts_heading)
        layout.addWidget(self.conflicts_empty)
        layout.addWidget(self.conflicts_view, 3)
        layout.addWidget(self.choices)
        layout.addSpacing(8)
        layout.addWidget(self.quarantine_panel, 2)
        layout.addSpacing(8)
        layout.addWidget(_heading(self.tr("Recent synchronisations"), 12))
        layout.addWidget(self.runs_view, 2)

    # -- drawing -------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.refresh()

    def redraw(self) -> None:
        c, status = self.controller, self.controller.status
        if status and status.logged_in:
            places = ", ".join(status.municipalities) or self.tr("all")
            self.account.setText(
                self.tr("Logged in as <b>%1</b> (%2) on %3 · municipalities: %4")
                .replace("%1", status.user).replace("%2", status.role or "")
                .replace("%3", status.server_url or "").replace("%4", places))
        else:
            self.account.setText(self.tr("Not logged in. Log in to share your work with "
                                         "the team; until then everything is kept here."))
        self.login_button.setText(self.tr("Log in as someone else …") if c.logged_in
                                  else self.tr("Log in …"))
        self.logout_button.setEnabled(c.logged_in)
        self.sync_button.setEnabled(c.logged_in and not c.running)
        self.state.setText(self._state_text())
        failed = c.error_kind is not None and c.state is not SyncState.SYNCING
        self.error.show_message(c.message if failed else None)

    def _state_text(self) -> str:
        c, status = self.controller, self.controller.status
        waiting = QLocale().toString(status.pending_changes if status else 0)
        if c.state is SyncState.SYNCING:
            text = self.tr("Synchronising now …")
        elif c.synced_at is not None:
            text = self.tr("Last synchronised %1.").replace(
                "%1", c.synced_at.strftime("%d.%m.%Y %H:%M"))
        else:
            text = self.tr("Not synchronised yet.")
        if c.logged_in and not c.auto_enabled:
            text += " " + self.tr("Automatic sync is paused.")
        return text + " " + self.tr("Changes waiting to be sent: %1.").replace("%1", waiting)

    def refresh(self) -> None:
        """Reads the inbox and the runs on the DB worker."""
        service = self.controller.service
        self.controller.runner.run(
            lambda: (service.conflicts(), service.recent_runs(RUNS_SHOWN)),
            on_done=self._show, cancellable=True)
        self.controller.runner.run(lambda: quarantine.list_rows(service.store),
                                   on_done=self.quarantine_panel.set_rows, cancellable=True)

    def _show(self, data) -> None:
        conflicts, runs = data
        self.conflicts.set_conflicts(conflicts)
        self.runs.set_runs(runs)
        self.conflicts_heading.setText(self.tr("Conflicts (%1)").replace(
            "%1", QLocale().toString(len(conflicts))))
        self.conflicts_empty.setVisible(not conflicts)
        self.conflicts_view.setVisible(bool(conflicts))
        self.choices.setVisible(bool(conflicts))
        if conflicts and not self.conflicts_view.selectionModel().hasSelection():
            self.conflicts_view.selectRow(0)
        self._enable_buttons()

    def _selected(self) -> list:
        rows = sorted({i.row() for i in self.conflicts_view.selectionModel().selectedRows()})
        return [self.conflicts.conflict(r) for r in rows]

    def _enable_buttons(self) -> None:
        chosen = self._selected()
        self.keep_theirs.setEnabled(bool(chosen))
        # A change the server refused cannot win: it can only be acknowledged.
        self.keep_mine.setEnabled(bool(chosen) and not any(c.rejected for c in chosen))

    # -- acting --------------------------------------------------------------------------------
    def resolve_selected(self, keep: Literal["mine", "theirs"]) -> None:
        chosen = [c.id for c in self._selected()]
        if not chosen:
            return
        self.keep_mine.setEnabled(False)
        self.keep_theirs.setEnabled(False)
        service = self.controller.service

        def resolve_all():
            for conflict_id in chosen:
                service.resolve(conflict_id, keep)
            return service.conflicts(), service.recent_runs(RUNS_SHOWN)

        def done(data) -> None:
            self.conflicts_view.clearSelection()
            self._show(data)
            self.window_.data_changed.emit()  # lists show the kept value; pending count grows

        self.controller.runner.run(resolve_all, on_done=done,
                                   on_error=lambda e: self.error.show_message(str(e)))

    def open_login(self) -> None:
        if self.login_dialog is not None and self.login_dialog.isVisible():
            self.login_dialog.raise_()
            return
        self.login_dialog = LoginDialog(self.controller, self.window_)
        self.login_dialog.open()

    def confirm_logout(self) -> None:
        if not self.controller.logged_in:
            return
        status = self.controller.status
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Log out"),
                          self.tr("Log out of %1? Changes not sent yet (%2) stay on this "
                                  "computer and are sent when you log in again.")
                          .replace("%1", status.server_url or "")
                          .replace("%2", QLocale().toString(status.pending_changes)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self.window_)
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(self.tr("Log out"))
        box.buttonClicked.connect(lambda b: b is yes and self.controller.logout())
        self.logout_box = box
        box.open()
