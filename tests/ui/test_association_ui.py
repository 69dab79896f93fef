"""Forening driven as a person would: add member municipalities and an organisation, end a
membership, elect a board, and enter a year's grants until the total shows in kroner and the
annual statements are saved. The year is fixed (2027) and the dates typed."""
from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lokomotiv_desktop.services import association

SHOTS = "/tmp/c12/png" if os.path.isdir("/tmp/c12/png") else None


def shoot(widget, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()
        widget.grab().save(os.path.join(SHOTS, f"ui13-{name}.png"))


@pytest.fixture
def page(qtbot, filled_store, runner, wait_idle):
    from lokomotiv_desktop.ui.pages.association_page import AssociationPage

    widget = AssociationPage(filled_store, runner)
    qtbot.addWidget(widget)
    widget.resize(1000, 620)
    widget.show()
    widget.reload()
    wait_idle()
    return widget


def type_into(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def add_member(qtbot, page, wait_idle, kind: str, name: str, since: str = "1.1.2024") -> None:
    page.member_kind.setCurrentIndex(page.member_kind.findData(kind))
    type_into(qtbot, page.member_name, name)
    type_into(qtbot, page.member_since, since)
    click(qtbot, page.add_member_button)
    wait_idle()


def test_add_members_and_see_them(qtbot, page, wait_idle):
    add_member(qtbot, page, wait_idle, "kommune", "615")
    add_member(qtbot, page, wait_idle, "organisation", "3F")
    rows = {row[0]: row for row in page.member_rows()}
    assert rows["Horsens"][1:] == ["Kommune", "615", "1.1.2024", "", "Ja"]
    assert rows["3F"][1:] == ["Organisation", "", "1.1.2024", "", "Nej"]
    assert page.member_count.text() == "2 medlemmer i dag, 1 med stemmeret"
    assert page.member_name.text() == ""
    shoot(page, "association-members")


def test_a_refused_member_says_why_in_danish(qtbot, page, wait_idle):
    add_member(qtbot, page, wait_idle, "kommune", "615")
    add_member(qtbot, page, wait_idle, "kommune", "615")
    assert page.member_error.isVisible()
    assert "Horsens Kommune er allerede medlem" in page.member_error.text()
    add_member(qtbot, page, wait_idle, "kommune", "9999")
    assert "Der er ingen kommune «9999»" in page.member_error.text()
    assert len(page.member_rows()) == 1


def test_end_a_membership(qtbot, page, wait_idle):
    add_member(qtbot, page, wait_idle, "kommune", "Vejle")
    page.member_table.selectRow(0)
    type_into(qtbot, page.member_until, "31.12.2025")
    click(qtbot, page.end_member_button)
    wait_idle()
    assert page.member_rows()[0][4] == "31.12.2025"
    assert page.member_count.text() == "0 medlemmer i dag, 0 med stemmeret"


def test_the_board_has_one_chair(qtbot, page, wait_idle):
    page.tabs.setCurrentIndex(1)
    for name, role in (("Lone Madsen", "formand"), ("Per Bech", "medlem"),
                       ("Sara Holm", "formand")):
        type_into(qtbot, page.board_name, name)
        page.board_role.setCurrentIndex(page.board_role.findData(role))
        click(qtbot, page.add_board_button)
        wait_idle()
    table = page.board_table
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert sorted(rows) == [["Lone Madsen", "Formand", "Ja"], ["Per Bech", "Medlem", "Ja"]]
    assert "allerede en formand: Lone Madsen" in page.board_error.text()


def test_grants_total_in_danish_kroner_and_the_statements_saved(qtbot, page, wait_idle,
                                                                 tmp_path):
    association.add_municipality_member(page._store, "630", "1.1.2024")
    association.add_municipality_member(page._store, "615", "1.1.2024")
    page.tabs.setCurrentIndex(2)
    grants = page.grants
    grants.year.setValue(2027)
    wait_idle()
    type_into(qtbot, grants.rate, "10")
    click(qtbot, grants.save_rate_button)
    wait_idle()
    names = [grants.table.item(r, 0).text() for r in range(grants.table.rowCount())]
    vejle = names.index("Vejle (630)")
    assert "intet antal P-numre" in grants.table.item(vejle, 7).text()

    for row, count, reason in ((vejle, "1234", "CVR-udtrækket mangler Østbyen"),
                               (names.index("Horsens (615)"), "", "")):
        grants.table.selectRow(row)
        type_into(qtbot, grants.count, count)
        type_into(qtbot, grants.reason, reason)
        click(qtbot, grants.save_count_button)
        wait_idle()
    grants.table.selectRow(vejle)
    type_into(qtbot, grants.task, "Screeningsdag")
    type_into(qtbot, grants.amount, "4700")
    click(qtbot, grants.add_activity_button)
    wait_idle()
    row = [grants.table.item(vejle, c).text() for c in range(grants.table.columnCount())]
    assert row[1] == "1234" and row[3] == "CVR-udtrækket mangler Østbyen"
    assert row[4:7] == ["12.340,00 kr.", "4.700,00 kr.", "17.040,00 kr."]
    # Horsens counted from the CVR data: the window data has no production unit there
    horsens = names.index("Horsens (615)")
    assert grants.table.item(horsens, 1).text() == "0"
    assert grants.total.text().startswith("I alt 17.040,00 kr. for 2 medlemskommuner")
    shoot(page, "association-grants")

    folder = tmp_path / "opgørelser"
    grants.save_statements(str(folder))
    wait_idle()
    assert sorted(p.name for p in folder.iterdir()) == [
        "tilskud-2027-615-horsens.pdf", "tilskud-2027-630-vejle.pdf",
        "tilskud-2027-oversigt.pdf"]
    assert grants.message.text() == f"3 opgørelser gemt i {folder}."


def test_a_count_by_hand_needs_a_reason(qtbot, page, wait_idle):
    association.add_municipality_member(page._store, "630", "1.1.2024")
    grants = page.grants
    grants.year.setValue(2027)
    wait_idle()
    grants.table.selectRow(0)
    type_into(qtbot, grants.count, "50")
    click(qtbot, grants.save_count_button)
    wait_idle()
    assert "skal have en begrundelse" in grants.error.text()
