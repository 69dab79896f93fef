"""Helpers for tests that a form holds still: where each field is, and whether a message
fits its label."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget


def field_rects(top: QWidget, fields: dict[str, QWidget]) -> dict[str, QRect]:
    QApplication.processEvents()
    top.layout().activate()
    return {name: QRect(w.mapTo(top, QPoint(0, 0)), w.size()) for name, w in fields.items()
            if w.isVisibleTo(top)}


def fits(label: QLabel) -> bool:
    """The whole text is drawn: one line that is not wider than the label, or wrapped
    lines that are not taller than it."""
    QApplication.processEvents()
    if not label.isVisible() or not label.text():
        return False
    width = label.contentsRect().width()
    if label.sizeHint().width() <= width and not label.wordWrap():
        return True
    needed = label.fontMetrics().boundingRect(
        QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), label.text()).height()
    return label.wordWrap() and needed <= label.contentsRect().height()
