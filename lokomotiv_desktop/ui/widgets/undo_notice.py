"""A short-lived notice in the status bar, "Opgaven er markeret som udført. Fortryd", for an
act that is quick to do by mistake (a tick in a list). It leaves by itself after a few
seconds; until then its button, or Ctrl+Z on the page, undoes the act."""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

UNDO_MS = 8000


class UndoNotice(QWidget):
    undo_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("undo_notice")
        self.label = QLabel()
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Undo (Ctrl+Z)"))
        self.undo_button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.undo_button)
        self.timer = QTimer(self, singleShot=True, interval=UNDO_MS)
        self.timer.timeout.connect(self.dismiss)
        self.undo_button.clicked.connect(self._undo)
        self.hide()

    def offer(self, text: str) -> None:
        """Shows `text` with the undo button for UNDO_MS (again from the start)."""
        self.label.setText(text)
        self.show()
        self.timer.start()

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    def dismiss(self) -> None:
        self.timer.stop()
        self.hide()

    def _undo(self) -> None:
        if self.active:
            self.dismiss()
            self.undo_requested.emit()
