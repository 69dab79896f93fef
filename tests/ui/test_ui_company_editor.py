"""The company editor: open, edit, validate as you type, save, and the unsaved-changes prompt."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from lokomotiv_desktop.store.companies import CompanyRepository
from lokomotiv_desktop.ui.models.child_rows import ChildColumn, ChildRowsModel
from lokomotiv_desktop.ui.models.company_table import COL_NAME

INVALID_CVR_MESSAGE = ("CVR-nummeret «12345678» findes ikke: kontrolcifferet passer ikke. "
                       "Tjek for en tastefejl.")


def open_by_keyboard(window, qtbot, name: str):
    """Types the name in the search field, then Enter opens the first hit."""
    page = window.companies
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, name)  # Ctrl+F selected the old text: typing replaces it
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1
                    and page.model.index(0, COL_NAME).data() == name)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.isActiveWindow())
    return window.editor


def replace_text(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def stored(store, name: str):
    repository = CompanyRepository(store)
    return repository.get(repository.search(name, limit=1)[0].id)


def test_open_edit_and_save_stores_the_change(window, qtbot, filled_store, wait_idle):
    editor = open_by_keyboard(window, qtbot, "Herning Plast A/S")
    assert not editor.save_button.isEnabled()  # nothing changed yet
    replace_text(qtbot, editor.form.inputs["phone"], "+45 97 12 34 56")
    assert editor.save_button.isEnabled()
    pending = filled_store.pending_changes()
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle()
    assert stored(filled_store, "Herning Plast").phone == "+4597123456"
    assert filled_store.pending_changes() == pending + 1  # one outbox row for one field
    assert not editor.is_dirty and not editor.save_button.isEnabled()
    editor.close()
    qtbot.waitUntil(lambda: window.editor is None)


def test_invalid_cvr_shows_the_danish_message_and_saves_nothing(window, qtbot, filled_store):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.isActiveWindow())
    editor = window.editor
    pending = filled_store.pending_changes()
    qtbot.keyClicks(editor.form.inputs["cvr"], "12345678")
    qtbot.keyClicks(editor.form.inputs["name"], "Tastefejl ApS")
    label = editor.form.errors["cvr"]
    assert label.isVisible() and label.text() == INVALID_CVR_MESSAGE
    assert not editor.save_button.isEnabled()
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert CompanyRepository(filled_store).count() == 8
    assert filled_store.pending_changes() == pending
    # Fixing the typo clears the message.
    replace_text(qtbot, editor.form.inputs["cvr"], "13748136")
    assert not label.isVisible() and editor.save_button.isEnabled()
    editor.done(0)


def test_a_saved_companys_cvr_is_read_only(window, qtbot, filled_store):
    before = stored(filled_store, "Herning Plast").cvr
    editor = open_by_keyboard(window, qtbot, "Herning Plast A/S")
    cvr = editor.form.inputs["cvr"]
    assert cvr.isReadOnly() and cvr.text() == before
    assert cvr.toolTip().startswith("CVR-nummeret er virksomhedens identitet og kan ikke "
                                    "ændres på en gemt virksomhed.")
    replace_text(qtbot, cvr, "10150817")
    assert cvr.text() == before and not editor.save_button.isEnabled()
    editor.done(0)


def answer_prompt(qtbot, button_text: str, seen: list[str]) -> None:
    """Clicks a button of the question box as soon as it shows, as a person would."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text() == button_text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_closing_with_unsaved_changes_asks_first(window, qtbot, filled_store, wait_idle):
    editor = open_by_keyboard(window, qtbot, "Herning Plast A/S")
    replace_text(qtbot, editor.form.inputs["city"], "Ikast")
    seen: list[str] = []
    answer_prompt(qtbot, "Annullér", seen)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert seen == ["Vil du gemme ændringerne i Herning Plast A/S?"]
    assert editor.isVisible() and editor.form.inputs["city"].text() == "Ikast"

    answer_prompt(qtbot, "Kassér", seen)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.editor is None)
    assert stored(filled_store, "Herning Plast").city == "Herning"

    editor = open_by_keyboard(window, qtbot, "Herning Plast A/S")
    replace_text(qtbot, editor.form.inputs["city"], "Ikast")
    answer_prompt(qtbot, "Gem", seen)
    editor.close()  # the window's X
    qtbot.waitUntil(lambda: window.editor is None)
    wait_idle()
    assert stored(filled_store, "Herning Plast").city == "Ikast"


def test_prompt_save_with_invalid_input_keeps_the_editor_open(window, qtbot, filled_store):
    editor = open_by_keyboard(window, qtbot, "Herning Plast A/S")
    replace_text(qtbot, editor.form.inputs["email"], "info@")
    seen: list[str] = []
    answer_prompt(qtbot, "Gem", seen)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert seen and editor.isVisible()
    assert editor.form.errors["email"].isVisible()
    assert stored(filled_store, "Herning Plast").email is None
    editor.done(0)


def test_new_company_with_unit_and_contact(window, qtbot, filled_store, wait_idle):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.isActiveWindow())
    editor = window.editor
    form = editor.form
    assert not editor.save_button.isEnabled()
    assert not form.errors["cvr"].isVisible()  # an empty form does not greet in red
    qtbot.keyClicks(form.inputs["cvr"], "13748136")
    qtbot.keyClicks(form.inputs["name"], "Lokomotiv Testfabrik ApS")
    qtbot.keyClicks(form.inputs["postcode"], "7100")
    assert editor.save_button.isEnabled()

    editor.tabs.setCurrentIndex(1)
    qtbot.mouseClick(editor.units_editor.add_button, Qt.MouseButton.LeftButton)
    assert not editor.save_button.isEnabled()  # the new row has no P-number yet
    assert "P-nummer" in editor.units_editor.error_label.text()
    editor.units.setData(editor.units.index(0, 0), "1234567890")
    editor.tabs.setCurrentIndex(2)
    qtbot.mouseClick(editor.contacts_editor.add_button, Qt.MouseButton.LeftButton)
    editor.contacts.setData(editor.contacts.index(0, 0), "Ida Ibsen")
    editor.contacts.setData(editor.contacts.index(0, 1), "tr")
    editor.contacts.setData(editor.contacts.index(0, 4), Qt.CheckState.Checked,
                            Qt.ItemDataRole.CheckStateRole)
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    company = stored(filled_store, "Lokomotiv Testfabrik")
    assert company.cvr == "13748136" and company.postcode == "7100"
    assert [u.pnr for u in company.production_units] == ["1234567890"]
    assert [(c.name, c.role.value, c.trusted) for c in company.contacts] == [
        ("Ida Ibsen", "tr", True)]
    assert window.companies.model.rowCount() == 9  # the list refreshed after the save
    # Saved, the new company can have visits and sessions at once: its outreach tab is there.
    assert editor.tabs.count() == 5 and editor.tabs.tabText(3) == "Forløb og aftaler"
    assert editor.tabs.tabText(4) == "Deltagere"  # issue 11: the company's participants
    editor.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: editor.outreach.company is not None)
    assert editor.outreach.company.name == "Lokomotiv Testfabrik ApS"
    # Saving again after an edit updates the same rows (new rows got their ids on reload).
    editor.contacts.setData(editor.contacts.index(0, 2), "75123456")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert [c.phone for c in stored(filled_store, "Lokomotiv Testfabrik").contacts] == [
        "+4575123456"]
    editor.done(0)


def test_duplicate_cvr_is_reported_at_the_field(window, qtbot, filled_store, wait_idle):
    existing = stored(filled_store, "Herning Plast").cvr
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.editor is not None)
    editor = window.editor
    qtbot.keyClicks(editor.form.inputs["cvr"], existing)
    qtbot.keyClicks(editor.form.inputs["name"], "Dublet ApS")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "findes allerede" in editor.form.errors["cvr"].text()
    assert editor.form.errors["cvr"].isVisible() and editor.company_id is None
    assert CompanyRepository(filled_store).count() == 8
    editor.done(0)


def test_removing_a_contact_deletes_it(window, qtbot, filled_store, wait_idle):
    editor = open_by_keyboard(window, qtbot, "Tømrerfirmaet Hansen ApS")
    assert editor.tabs.tabText(2) == "Kontaktpersoner (1)"
    editor.tabs.setCurrentIndex(2)
    editor.contacts_editor.table.setCurrentIndex(editor.contacts.index(0, 0))
    qtbot.mouseClick(editor.contacts_editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.tabs.tabText(2) == "Kontaktpersoner (0)"
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle()
    assert stored(filled_store, "Tømrerfirmaet Hansen").contacts == []
    editor.done(0)


def test_reklamebeskyttet_banner(window, qtbot):
    editor = open_by_keyboard(window, qtbot, "Vejle Maskinfabrik A/S")
    assert editor.protected_banner.isVisible()
    texts = [w.text() for w in editor.protected_banner.findChildren(type(editor.title))]
    assert "Reklamebeskyttet: kontakt kun efter virksomhedens eget ønske" in texts
    editor.done(0)
    editor = open_by_keyboard(window, qtbot, "Herning Plast A/S")
    assert not editor.protected_banner.isVisible()
    editor.done(0)


def test_child_rows_model_passes_qt_model_tester(qtmodeltester):
    from lokomotiv_desktop.domain.company_rules import clean_contact_field

    model = ChildRowsModel([ChildColumn("name", "Navn"),
                            ChildColumn("role", "Rolle", "choice", [("tr", "TR")]),
                            ChildColumn("trusted", "Betroet", "bool")], clean_contact_field)
    model.load([{"id": "a", "name": "Ida", "role": "tr", "trusted": True},
                {"id": "b", "name": "", "role": "tr", "trusted": False}])
    assert model.errors() == [(1, "Navn", "Navn mangler.")]
    qtmodeltester.check(model, force_py=True)
    model.remove_row(0)
    assert model.payload() == [{"name": "", "role": "tr", "trusted": False, "id": "b"},
                               {"id": "a", "deleted": True}]
    qtmodeltester.check(model, force_py=True)
