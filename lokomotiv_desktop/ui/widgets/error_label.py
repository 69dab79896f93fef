"""The Danish message for a field that is not valid, and the one place a form shows them.

Messages live at the form's foot (ErrorFoot), not under their fields: a message appearing
under a field pushed every field below it down, and under a narrow field (a number) a long
message was cut off. At the foot a message has the form's whole width, the space for the
first lines is reserved so nothing moves, and the field's own label turns red to say which.
"""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

ERROR_COLOUR = "#b3261e"


class ErrorLabel(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.field_label: QLabel | None = None  # turns red while the message shows
        self.hide()

    def show_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))
        if self.field_label is not None:
            # Colour only: the label keeps its font, so no field moves.
            self.field_label.setStyleSheet(f"color: {ERROR_COLOUR};" if message else "")


class ErrorFoot(QWidget):
    """The messages of a form, in field order, in a band whose first lines are reserved."""

    def __init__(self, reserved_lines: int = 2, parent=None):
        super().__init__(parent)
        self.setObjectName("error_foot")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 4, 0, 4)
        self._layout.setSpacing(2)
        self._layout.addStretch(1)
        line = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(reserved_lines * line + (reserved_lines - 1) * 2 + 8)
        self.general = ErrorLabel(self)  # what belongs to no one field: always the last
        self._layout.insertWidget(0, self.general)

    def add(self, field_label: QLabel | None = None) -> ErrorLabel:
        label = ErrorLabel(self)
        label.field_label = field_label
        self._layout.insertWidget(self._layout.indexOf(self.general), label)
        return label
