"""The login dialog holds still when a message shows, and a demo store's refusal is said as
the dialog opens, in words for a desktop user."""
from __future__ import annotations

from lokomotiv_desktop.services.demo import DEMO_STATE_KEY
from tests.ui.form_geometry import field_rects, fits
from tests.ui.sync.test_ui_sync_login import fill, open_dialog


def fields(dialog):
    return {"address": dialog.address, "user": dialog.user, "password": dialog.password}


def test_a_failed_login_neither_moves_nor_squashes_the_fields(sync_window, qtbot):
    dialog = open_dialog(sync_window, qtbot)
    fill(qtbot, dialog, "127.0.0.1:9", "anna", "forkert")  # nobody answers on port 9
    before = field_rects(dialog, fields(dialog))
    dialog.login_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10000)
    assert field_rects(dialog, fields(dialog)) == before
    assert fits(dialog.error), dialog.error.text()
    dialog.reject()


def test_a_wrong_address_marks_the_field_and_moves_nothing(sync_window, qtbot):
    dialog = open_dialog(sync_window, qtbot)
    before = field_rects(dialog, fields(dialog))
    fill(qtbot, dialog, "ikke en adresse", "anna", "x")
    assert dialog.address_error.isVisible() and fits(dialog.address_error)
    assert field_rects(dialog, fields(dialog)) == before
    dialog.reject()


def test_a_demo_store_is_refused_before_anything_is_typed(sync_window, qtbot):
    store = sync_window.store
    with store.transaction():
        store.set_state(DEMO_STATE_KEY, "1")
    dialog = open_dialog(sync_window, qtbot)
    text = dialog.error.text()
    assert dialog.error.isVisible() and fits(dialog.error)
    assert "demodata" in text and str(store.path) in text and "--db" not in text
    assert not dialog.address.isEnabled() and not dialog.login_button.isEnabled()
    dialog.reject()
