"""Oversigt: the first page, follow-ups by urgency, upcoming events, the quiet reminder,
ticking a task off, and Enter to open the company."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from lokomotiv_desktop.services import outreach
from lokomotiv_desktop.store.outreach import FollowUpRepository

from .conftest import TODAY, company_id, name


def texts(overview, key: str) -> list[str]:
    _header, _view, model = overview.lists[key]
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_overview_is_the_first_page_and_shows_tasks_by_urgency(outreach_window):
    window = outreach_window
    assert window.current_page_key() == "overview"
    assert window.navigation.item(0).text() == "Oversigt"
    page = window.outreach.overview
    assert [name(0) in t for t in texts(page, "overdue")] == [True]
    assert [name(1) in t for t in texts(page, "today")] == [True]
    assert [name(3) in t for t in texts(page, "week")] == [True]
    assert [name(4) in t for t in texts(page, "visits")] == [True]
    assert "09:30" in texts(page, "visits")[0] and "Opfølgning" in texts(page, "visits")[0]
    assert [name(7) in t for t in texts(page, "sessions")] == [True]
    assert page.lists["overdue"][0].text() == "Overskredet (1)"
    assert page.tiles["open"].text() == "3" and page.tiles["overdue"].text() == "1"
    # window_data: two companies in Afklaring, three in Motivation, one in each of the rest
    assert [page.tiles[f"phase{p}"].text() for p in range(1, 6)] == ["2", "3", "1", "1", "1"]


def test_quiet_reminder_of_overdue_tasks_without_a_modal(outreach_window):
    window = outreach_window
    page = window.outreach.overview
    assert page.banner.isVisible()
    assert page.banner.text() == "Du har 1 overskredet opfølgning."
    assert window.statusBar().currentMessage() == "Du har 1 overskredet opfølgning."
    assert not [w for w in window.findChildren(QMessageBox) if w.isVisible()]


def test_space_ticks_a_task_done_and_it_leaves_the_list(outreach_window, qtbot, wait_idle):
    page = outreach_window.outreach.overview
    _header, view, model = page.lists["overdue"]
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    wait_idle()
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    assert not page.banner.isVisible()
    done = FollowUpRepository(outreach_window.store).for_company(
        company_id(outreach_window.store, 0))
    assert [t.done for t in done] == [True]
    assert outreach.tasks(outreach_window.store, "overdue", today=TODAY) == []


def test_enter_opens_the_company(outreach_window, qtbot):
    _header, view, model = outreach_window.outreach.overview.lists["today"]
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: outreach_window.editor is not None)
    assert outreach_window.editor.company_id == company_id(outreach_window.store, 1)


def test_only_mine_shows_the_users_tasks(outreach_store, runner, qtbot, wait_idle):
    from lokomotiv_desktop.ui.pages.overview_page import OverviewPage

    outreach_store.set_state("user", "Bo Jensen")
    page = OverviewPage(outreach_store, runner)
    qtbot.addWidget(page)
    assert page.mine.mine_button.isChecked()
    with qtbot.waitSignal(page.loaded):
        page.reload()
    assert page.mine.mine_button.toolTip() == "Kun det, Bo Jensen er konsulent for"
    assert texts(page, "today") and texts(page, "overdue") == []  # company 1 is Bo's
    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(page.mine.all_button, Qt.MouseButton.LeftButton)
    assert len(texts(page, "overdue")) == 1


def test_dated_list_model_passes_the_model_tester(outreach_window, qtmodeltester):
    for _header, _view, model in outreach_window.outreach.overview.lists.values():
        qtmodeltester.check(model)
