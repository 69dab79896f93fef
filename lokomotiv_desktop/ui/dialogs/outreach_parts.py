"""Small pieces the outreach forms share: the company header, the reklamebeskyttet banner,
dates as Danes write them, and who the consultant is by default."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel

from ...domain.danish_format import field_date
from ...domain.entities import Company
from ...services.me import my_name
from ...store.database import Store


def danish_date(day: date) -> str:
    """'2.12.2026', as every field and table writes a date (domain/danish_format)."""
    return field_date(day)


def default_consultant(store: Store, company: Company | None = None) -> str:
    """Me (Indstillinger → Mig, else the logged-in account), else the company's consultant."""
    return my_name(store) or (company.consultant if company else "") or ""


def company_header(company: Company) -> QLabel:
    label = QLabel(f"{company.name}  ·  CVR {company.cvr}")
    label.setObjectName("company_header")
    label.setStyleSheet("font-size: 14pt; font-weight: 600;")
    return label
