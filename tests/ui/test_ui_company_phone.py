"""A company's phone number is shown as Danes write it and stored as before."""
from __future__ import annotations

from PySide6.QtCore import Qt

from .test_ui_company_editor import open_by_keyboard, replace_text, stored


def test_the_phone_reads_in_pairs_and_is_stored_with_45(window, qtbot, filled_store,
                                                        wait_idle):
    editor = open_by_keyboard(window, qtbot, "Herning Plast A/S")
    replace_text(qtbot, editor.form.inputs["phone"], "97123456")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle()
    assert stored(filled_store, "Herning Plast").phone == "+4597123456"
    editor.done(0)
    qtbot.waitUntil(lambda: window.editor is None)
    editor = open_by_keyboard(window, qtbot, "Herning Plast A/S")
    assert editor.form.inputs["phone"].text() == "97 12 34 56"
    assert not editor.is_dirty and not editor.save_button.isEnabled()
    editor.done(0)
