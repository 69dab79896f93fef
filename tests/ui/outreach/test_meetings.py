"""Møder: visits and sessions in a period, opening one for editing; New visit from the
menu with its shortcut."""
from __future__ import annotations

from PySide6.QtCore import Qt

from .conftest import company_id, name


def open_meetings(window, qtbot):
    page = window.show_page("meetings")  # built on this first visit
    assert page is window.outreach.meetings
    qtbot.waitUntil(lambda: page.model.rowCount() == 5)
    return page


def test_meetings_lists_visits_and_sessions_in_date_order(outreach_window, qtbot):
    page = open_meetings(outreach_window, qtbot)
    rows = [[page.model.index(r, c).data() for c in range(6)] for r in range(5)]
    assert [r[3] for r in rows] == [name(0), name(1), name(3), name(7), name(4)]
    assert rows[3][2] == "Pølsevogn" and rows[3][5] == "40 / 31 / 22"
    assert rows[4][:3] == ["7.12.2026", "09:30", "Opfølgning"]
    assert page.model.index(4, 0).data(Qt.ItemDataRole.ToolTipRole) == "mandag 7. december 2026"
    assert page.count_label.text() == "Besøg og møder: 5"
    page.period.setCurrentIndex(0)  # the next 30 days
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)


def test_enter_opens_the_visit_for_editing(outreach_window, qtbot):
    page = open_meetings(outreach_window, qtbot)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(4, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    form = outreach_window.outreach.form
    assert form is not None and form.windowTitle() == f"Ret besøg – {name(4)}"
    assert form.time.text() == "09:30"


def test_new_visit_shortcut_uses_the_selected_company(outreach_window, qtbot):
    page = open_meetings(outreach_window, qtbot)
    page.table.setCurrentIndex(page.model.index(3, 0))
    action = outreach_window.outreach.actions["new_visit"]
    assert action.shortcut().toString() == "Ctrl+Shift+V"
    assert outreach_window.outreach.actions["new_session"].shortcut().toString() == "Ctrl+Shift+M"
    action.trigger()
    form = outreach_window.outreach.form
    assert form.company.id == company_id(outreach_window.store, 7)
    assert form.windowTitle() == f"Nyt besøg – {name(7)}"


def test_new_session_without_a_company_in_front_asks_which(outreach_window, qtbot):
    controller = outreach_window.outreach
    outreach_window.show_page("settings")
    controller.actions["new_session"].trigger()
    picker = controller.picker
    assert picker is not None and picker.windowTitle() == "Hvilken virksomhed?"
    qtbot.keyClicks(picker.query, "bageri")
    qtbot.keyClick(picker.query, Qt.Key.Key_Return)
    assert controller.form is not None
    assert controller.form.windowTitle() == f"Nyt møde – {name(4)}"


def test_meeting_model_passes_the_model_tester(outreach_window, qtbot, qtmodeltester):
    qtmodeltester.check(open_meetings(outreach_window, qtbot).model)


def test_search_consultant_and_kind_filter_the_meetings(outreach_window, qtbot):
    page = open_meetings(outreach_window, qtbot)
    qtbot.keyClicks(page.search, "TØMRER")  # as Virksomheder: case and letters folded
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert {page.model.index(r, 3).data() for r in range(2)} == {name(0), name(1)}
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 5)
    page.consultant.setCurrentIndex(page.consultant.findText("Bo Jensen"))
    assert [page.model.index(r, 3).data() for r in range(page.model.rowCount())] == [
        name(1), name(4)]
    page.consultant.setCurrentIndex(0)
    page.kind.setCurrentIndex(page.kind.findText("Møde: Pølsevogn"))
    assert [page.model.index(r, 3).data() for r in range(page.model.rowCount())] == [name(7)]
    assert page.count_label.text() == "Besøg og møder: 1"
    page.kind.setCurrentIndex(page.kind.findText("Besøg: Opfølgning"))
    assert [page.model.index(r, 3).data() for r in range(page.model.rowCount())] == [name(4)]
