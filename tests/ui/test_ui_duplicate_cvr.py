"""A new company's CVR number that exists already is reported while typing, with a button
"Åbn den eksisterende" that opens that company."""
from __future__ import annotations

from PySide6.QtCore import Qt

from lokomotiv_desktop.store.companies import CompanyRepository

from .test_ui_company_editor import stored


def new_company(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.isVisible())
    return window.editor


def test_a_known_cvr_is_reported_while_typing_and_opens_the_company(window, qtbot,
                                                                    filled_store):
    existing = stored(filled_store, "Herning Plast")
    editor = new_company(window, qtbot)
    button = editor.duplicate.button
    assert not button.isVisible()
    qtbot.keyClicks(editor.form.inputs["cvr"], existing.cvr)  # nothing else typed, no Save
    label = editor.form.errors["cvr"]
    qtbot.waitUntil(button.isVisible)
    assert label.text() == (f"Der findes allerede en virksomhed med CVR-nummer {existing.cvr}: "
                            "Herning Plast A/S.")
    assert label.isVisible() and not editor.save_button.isEnabled()
    assert button.text() == "Åbn den eksisterende"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor is not editor
                    and window.editor.isVisible())
    assert window.editor.company_id == existing.id
    assert window.editor.form.inputs["name"].text() == "Herning Plast A/S"
    assert CompanyRepository(filled_store).count() == 8
    window.editor.done(0)


def test_a_new_cvr_is_not_reported(window, qtbot):
    editor = new_company(window, qtbot)
    qtbot.keyClicks(editor.form.inputs["cvr"], "13748136")
    qtbot.wait(100)
    assert not editor.duplicate.button.isVisible()
    assert not editor.form.errors["cvr"].isVisible()
    editor.done(0)
