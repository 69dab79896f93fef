"""The right end of the status bar: offline / synkroniserer (with progress) / synkroniseret
kl. HH:MM / fejl (the Danish message in the tooltip), and how many changes wait to be sent.
Clicking it opens the "Synkronisering" page."""
from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from ..sync_ui import SyncController, SyncState

_DOT_COLOURS = {
    SyncState.OFFLINE: "#8a8a8a",
    SyncState.SYNCING: "#1f6fb2",
    SyncState.SYNCED: "#2e7d32",
    SyncState.ERROR: "#b3261e",
}


class SyncStatusWidget(QWidget):
    clicked = Signal()

    def __init__(self, controller: SyncController, parent=None):
        super().__init__(parent)
        self.setObjectName("sync_status")
        self._controller = controller
        self.dot = QLabel("●")
        self.text = QLabel()
        self.text.setObjectName("sync_state_text")
        self.progress = QProgressBar()
        self.progress.setObjectName("sync_progress")
        self.progress.setFixedWidth(110)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.pending = QLabel()
        self.pending.setObjectName("sync_pending")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(6)
        layout.addStretch(1)  # keeps the text at the right edge when the progress bar hides
        for widget in (self.dot, self.text, self.progress, self.pending):
            layout.addWidget(widget)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        controller.changed.connect(self.redraw)
        controller.progressed.connect(self.show_progress)
        self.redraw()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def redraw(self) -> None:
        c = self._controller
        state = c.state
        self.dot.setStyleSheet(f"color: {_DOT_COLOURS[state]};")
        self.progress.setVisible(state is SyncState.SYNCING)
        if state is SyncState.SYNCING:
            self.text.setText(self.tr("Synchronising …"))
            tip = self.tr("Synchronising with %1").replace("%1", _server(c))
        elif state is SyncState.SYNCED:
            self.text.setText(self.tr("Synchronised at %1").replace("%1", _clock(c)))
            tip = self.tr("Synchronised with %1").replace("%1", _server(c))
        elif state is SyncState.ERROR:
            self.text.setText(self.tr("Update Lokomotiv") if c.error_kind == "upgrade"
                              else self.tr("Sync error"))
            tip = c.message
        else:
            self.text.setText(self.tr("Offline"))
            tip = c.message
        hint = self.tr("Click to open the sync page · Ctrl+Shift+S syncs now")
        self.setToolTip(f"{tip}\n{hint}" if tip else hint)
        self._show_pending()

    def _show_pending(self) -> None:
        status = self._controller.status
        waiting = status.pending_changes if status else 0
        self.pending.setVisible(waiting > 0)
        self.pending.setText("· " + self.tr("%1 waiting").replace(
            "%1", QLocale().toString(waiting)))
        self.pending.setToolTip(self.tr("%n change(s) not sent to the server yet", "", waiting))

    def show_progress(self, phase: str, done: int, total: object) -> None:
        if phase == "push" and isinstance(total, int) and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self.text.setText(self.tr("Sending %1 of %2 …").replace(
                "%1", QLocale().toString(done)).replace("%2", QLocale().toString(total)))
        elif phase == "pull":
            self.progress.setRange(0, 0)  # how much is coming is not known: a busy bar
            self.text.setText(self.tr("Fetching … %1").replace(
                "%1", QLocale().toString(done)))
        else:
            self.progress.setRange(0, 0)
            self.text.setText(self.tr("Contacting the server …"))


def _server(controller: SyncController) -> str:
    status = controller.status
    return status.server_url if status and status.server_url else "?"


def _clock(controller: SyncController) -> str:
    when = controller.synced_at
    if when is None:
        return "?"
    return when.strftime("%H:%M") if when.date() == when.now().date() \
        else when.strftime("%d.%m. %H:%M")
