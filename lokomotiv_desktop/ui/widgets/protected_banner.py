"""The red reklamebeskyttet mark, the same wherever a protected company is shown."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ..icons import icon


def protected_banner(parent: QWidget | None = None) -> QWidget:
    banner = QWidget(parent)
    banner.setObjectName("protected_banner")
    banner.setStyleSheet("#protected_banner { background: #fdecea; border: 1px solid "
                         "#c0392b; border-radius: 4px; } QLabel { color: #7b241c; }")
    row = QHBoxLayout(banner)
    row.setContentsMargins(8, 6, 8, 6)
    picture = QLabel()
    picture.setPixmap(icon("protected").pixmap(20, 20))
    text = QLabel(QCoreApplication.translate(
        "ProtectedBanner", "Reklamebeskyttet: contact only at the company's own request"))
    text.setStyleSheet("font-weight: 600;")
    row.addWidget(picture)
    row.addWidget(text, 1)
    return banner
