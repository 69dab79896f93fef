"""Typing into the screening-day grid as a person does (shared by the tests and the crash
child), and the company they screen at."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from lokomotiv_desktop.services.participants import add_participant
from lokomotiv_desktop.store.companies import CompanyRepository

DAY = date(2026, 12, 2)
CVR = "12345674"


def add_company(store) -> str:
    """A company with two people invited (signed up at the motivation meeting)."""
    with store.transaction():
        company_id = CompanyRepository(store).create({
            "cvr": CVR, "name": "Vejle Stål A/S", "city": "Vejle",
            "municipality_code": "630", "phase": 4, "consultant": "Anne Holm",
            "address": "Havnen 1", "postcode": "7100"})
    for first, last in (("Ole", "Olsen"), ("Zenia", "Berg")):
        add_participant(store, company_id, first_name=first, last_name=last, signed_up=True)
    return company_id


def focused():
    return QApplication.focusWidget()


def key(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)
    QApplication.processEvents()


def cell(text: str) -> None:
    """Types into the current cell (opening its editor) and goes on with Tab."""
    type_text(text)
    key(Qt.Key.Key_Tab)


def type_text(text: str) -> None:
    """Key by key to whatever has focus: the first key may open the cell's editor."""
    for char in text:
        QTest.keyClicks(focused(), char)


def person(fields: list[str], consent: bool = True, next_person: bool = True) -> None:
    """One row from its consent cell: Space (consent), then the cells in order, each left
    with Tab, and Ctrl+Enter from the last one for the next person (or, without
    next_person, Tab from the last one too)."""
    if consent:
        key(Qt.Key.Key_Space)
    key(Qt.Key.Key_Tab)
    if not next_person:  # stops in the cell after the last one typed
        for text in fields:
            cell(text)
        return
    for text in fields[:-1]:
        cell(text)
    type_text(fields[-1] if fields else "")
    key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
