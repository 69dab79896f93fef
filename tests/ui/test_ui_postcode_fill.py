"""Typing a postcode in the company form fills in By and proposes the Kommune, without
overwriting what the person typed or chose."""
from __future__ import annotations

from PySide6.QtCore import Qt

from .test_ui_company_editor import open_by_keyboard, replace_text


def new_company_form(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.isActiveWindow())
    return window.editor, window.editor.form


def test_a_postcode_fills_in_by_and_kommune(window, qtbot):
    editor, form = new_company_form(window, qtbot)
    city, municipality = form.inputs["city"], form.inputs["municipality_code"]
    qtbot.keyClicks(form.inputs["postcode"], "710")
    assert city.text() == "" and municipality.currentData() == ""  # not a whole postcode yet
    qtbot.keyClicks(form.inputs["postcode"], "0")
    assert city.text() == "Vejle"
    assert municipality.currentData() == "630" and municipality.currentText() == "Vejle (630)"
    # A corrected postcode replaces what the earlier one filled in.
    replace_text(qtbot, form.inputs["postcode"], "8000")
    assert city.text() == "Aarhus C" and municipality.currentData() == "751"
    assert editor.is_dirty
    editor.done(0)


def test_a_typed_by_and_a_chosen_kommune_are_kept(window, qtbot):
    editor, form = new_company_form(window, qtbot)
    city, municipality = form.inputs["city"], form.inputs["municipality_code"]
    qtbot.keyClicks(city, "Bredsten")
    municipality.setCurrentIndex(municipality.findData("615"))  # the person picked Horsens
    qtbot.keyClicks(form.inputs["postcode"], "7100")
    assert city.text() == "Bredsten"
    assert municipality.currentData() == "615"
    editor.done(0)


def test_an_unknown_postcode_leaves_by_alone(window, qtbot):
    editor, form = new_company_form(window, qtbot)
    qtbot.keyClicks(form.inputs["postcode"], "7100")
    assert form.inputs["city"].text() == "Vejle"
    replace_text(qtbot, form.inputs["postcode"], "0001")
    assert form.inputs["city"].text() == "Vejle"  # nothing better to offer
    editor.done(0)


def test_a_saved_companys_by_follows_a_new_postcode_when_it_was_the_postcodes(window, qtbot):
    """Vejle Maskinfabrik A/S is stored as 7100 Vejle in Vejle Kommune: all three agree, so
    a new postcode replaces By and Kommune."""
    editor = open_by_keyboard(window, qtbot, "Vejle Maskinfabrik A/S")
    form = editor.form
    replace_text(qtbot, form.inputs["postcode"], "8000")
    assert form.inputs["city"].text() == "Aarhus C"
    assert form.inputs["municipality_code"].currentData() == "751"
    editor.done(0)


def test_a_saved_companys_own_by_and_kommune_stay(window, qtbot):
    """Herning Plast A/S is stored as 7100 Herning in Herning Kommune: By and Kommune are not
    the postcode's, so someone chose them, and they stay."""
    editor = open_by_keyboard(window, qtbot, "Herning Plast A/S")
    form = editor.form
    replace_text(qtbot, form.inputs["postcode"], "8000")
    assert form.inputs["city"].text() == "Herning"
    assert form.inputs["municipality_code"].currentData() == "657"
    editor.done(0)
