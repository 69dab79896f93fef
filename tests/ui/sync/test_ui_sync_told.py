"""The window tells the consultant what happened to their edits elsewhere: a value that
lost to another consultant's later edit, and an edit of a company deleted meanwhile, which
"Behold min" brings back. Driven through the Synkronisering page."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt
from sync_scenarios import COMPANY, OtherLaptop, company_id, phone_of, set_phone

from lokomotiv_desktop.ui.models.conflicts_model import COL_FIELD, COL_MINE, COL_THEIRS, COL_WHO


def _sync(window, qtbot):
    with qtbot.waitSignal(window.sync.finished, timeout=10000) as round_:
        assert window.sync.sync_now()
    assert round_.args[0].ok, round_.args[0].error
    return round_.args[0]


def _row(model, row=0) -> tuple:
    return tuple(model.index(row, column).data()
                 for column in (COL_FIELD, COL_MINE, COL_THEIRS, COL_WHO))


def test_a_value_that_lost_later_is_told_on_the_next_sync(logged_in, server, tmp_path, qtbot):
    other = OtherLaptop(server, tmp_path / "bo.db")
    try:
        other.sync()
        set_phone(logged_in.store, "+4511111111")
        assert _sync(logged_in, qtbot).conflicts == 0  # pushed first: it stood, for now
        time.sleep(0.005)
        set_phone(other.store, "+4522222222")  # bo had not pulled it: concurrent, later
        other.sync()
        assert _sync(logged_in, qtbot).conflicts == 1
        page = logged_in.show_page("sync")
        qtbot.waitUntil(lambda: page.conflicts.rowCount() == 1)
        assert _row(page.conflicts) == ("Telefon", "+4511111111", "+4522222222", "bo")
        assert phone_of(logged_in.store) == "+4522222222"
    finally:
        other.close()


def test_an_edit_of_a_company_deleted_meanwhile_can_be_brought_back(
        logged_in, server, tmp_path, qtbot, wait_idle):
    other = OtherLaptop(server, tmp_path / "bo.db")
    try:
        other.sync()
        with other.store.transaction():
            other.store.changes.delete("company", company_id(other.store))
        other.sync()
        set_phone(logged_in.store, "+4533333333")  # before the window heard of it
        assert _sync(logged_in, qtbot).conflicts == 1
        page = logged_in.show_page("sync")
        qtbot.waitUntil(lambda: page.conflicts.rowCount() == 1)
        assert _row(page.conflicts) == ("Slettet", "Gendan den, med min ændring", "Slettet af bo", "bo")
        logged_in.grab().save(str(tmp_path / "slettet.png"))
        wait_idle()  # the page has loaded the inbox
        view = page.conflicts_view  # the consultant clicks the entry
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.visualRect(page.conflicts.index(0, COL_FIELD)).center())
        qtbot.waitUntil(page.keep_mine.isEnabled)
        page.keep_mine.click()  # "Behold min": the company comes back, with the edit
        qtbot.waitUntil(lambda: page.conflicts.rowCount() == 0)
        assert _sync(logged_in, qtbot).ok
        other.sync()
        for store in (logged_in.store, other.store):
            [(deleted, phone)] = store.db.execute(
                "SELECT deleted, phone FROM company WHERE name = ?", [COMPANY]).fetchall()
            assert (deleted, phone) == (0, "+4533333333")
    finally:
        other.close()
