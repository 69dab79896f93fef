"""Small pieces the outreach forms share: the company header, the reklamebeskyttet banner,
dates as Danes write them, and who the consultant is by default."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ...domain.entities import Company
from ...store.database import Store
from ..icons import icon


def danish_date(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def default_consultant(store: Store, company: Company | None = None) -> str:
    """The user set in Indstillinger, else the company's consultant."""
    return (store.get_state("user") or "").strip() or (company.consultant if company else "")


def company_header(company: Company) -> QLabel:
    label = QLabel(f"{company.name}  ·  CVR {company.cvr}")
    label.setObjectName("company_header")
    label.setStyleSheet("font-size: 14pt; font-weight: 600;")
    return label


def protected_banner(parent: QWidget | None = None) -> QWidget:
    """The same red mark as the company editor's."""
    banner = QWidget(parent)
    banner.setObjectName("protected_banner")
    banner.setStyleSheet("#protected_banner { background: #fdecea; border: 1px solid "
                         "#c0392b; border-radius: 4px; } QLabel { color: #7b241c; }")
    row = QHBoxLayout(banner)
    row.setContentsMargins(8, 6, 8, 6)
    picture = QLabel()
    picture.setPixmap(icon("protected").pixmap(20, 20))
    text = QLabel(QCoreApplication.translate(
        "OutreachParts", "Reklamebeskyttet: contact only at the company's own request"))
    text.setStyleSheet("font-weight: 600;")
    row.addWidget(picture)
    row.addWidget(text, 1)
    return banner
