"""Ticking a task done on Oversigt can be undone: "Fortryd" in the status bar for a few
seconds, or Ctrl+Z; the task comes back as an ordinary (synced) edit."""
from __future__ import annotations

import json

from PySide6.QtCore import Qt

from lokomotiv_desktop.store.outreach import FollowUpRepository

from .conftest import company_id


def tick_overdue(window, qtbot, wait_idle):
    page = window.outreach.overview
    _header, view, model = page.lists["overdue"]
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    wait_idle()
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    return page, view, model


def task_done(window) -> list[bool]:
    return [t.done for t in FollowUpRepository(window.store).for_company(
        company_id(window.store, 0))]


def test_fortryd_in_the_status_bar_reopens_the_task(outreach_window, qtbot, wait_idle):
    page, _view, model = tick_overdue(outreach_window, qtbot, wait_idle)
    notice = page.undo_notice
    assert notice.isVisible() and notice.parent() is outreach_window.statusBar()
    assert notice.label.text() == "Udført: «Ring til Tømrerfirmaet Hansen ApS»."
    assert notice.undo_button.text() == "Fortryd"
    assert task_done(outreach_window) == [True]
    qtbot.mouseClick(notice.undo_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert task_done(outreach_window) == [False]
    assert not notice.isVisible()
    # The reopening is an ordinary edit: it waits in the outbox to be pushed.
    last = outreach_window.store.db.execute(
        "SELECT fields FROM outbox WHERE tbl = 'follow_up' ORDER BY seq DESC").fetchone()
    assert json.loads(last[0]).get("done") in (0, False)


def test_ctrl_z_undoes_the_tick(outreach_window, qtbot, wait_idle):
    page, view, model = tick_overdue(outreach_window, qtbot, wait_idle)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle()
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert task_done(outreach_window) == [False]


def test_the_offer_ends_after_a_few_seconds(outreach_window, qtbot, wait_idle):
    page, view, model = tick_overdue(outreach_window, qtbot, wait_idle)
    assert 5000 <= page.undo_notice.timer.interval() <= 10000
    page.undo_notice.timer.timeout.emit()  # the seconds have passed
    page.undo_notice.timer.stop()
    assert not page.undo_notice.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle()
    assert model.rowCount() == 0 and task_done(outreach_window) == [True]
