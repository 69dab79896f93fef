"""Small pieces the outreach forms share: the company header, the reklamebeskyttet banner,
dates as Danes write them, and who the consultant is by default."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel

from ...domain.entities import Company
from ...store.database import Store


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
