"""The company editor saves only what the person changed: a phase moved in the outreach tab
or a change pulled by a sync while the editor is open is kept, and a field changed on both
sides is asked about (Behold min / Behold deres) instead of silently overwritten."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from lokomotiv_desktop.domain.danish_format import display_phone
from lokomotiv_desktop.domain.enums import Phase
from lokomotiv_desktop.services.phases import phase_history
from lokomotiv_desktop.store.companies import CompanyRepository

from .test_ui_company_editor import replace_text
from .window_data import valid_cvr

HERNING = 3  # Herning Plast A/S, in phase 2 Motivation


def open_editor(window, qtbot, seed: int = HERNING):
    company_id = CompanyRepository(window.store).get_by_cvr(valid_cvr(seed)).id
    window.open_company(company_id)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.isVisible())
    return window.editor, company_id


def from_elsewhere(store, company_id: str, values: dict) -> None:
    """A write made outside the editor, in its own transaction, as a pulled change is."""
    with store.transaction():
        store.changes.update("company", company_id, values)


def answer_conflict(qtbot, button_text: str, seen: list[tuple[str, str]]) -> None:
    """Clicks a button of the question as soon as it shows, as a person would."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "changed_underneath":
            QTimer.singleShot(20, click)
            return
        seen.append((box.text(), box.informativeText()))
        button = next(b for b in box.buttons() if b.text() == button_text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_a_phase_change_then_a_notes_edit_keeps_the_new_phase(window, qtbot, wait_idle):
    editor, company_id = open_editor(window, qtbot)
    panel = editor.outreach
    qtbot.waitUntil(lambda: panel.company is not None)
    editor.tabs.setCurrentWidget(panel)
    qtbot.mouseClick(panel.phase_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    dialog.phase.setCurrentIndex(dialog.phase.findData(Phase.ENGAGEMENT))
    dialog.changed_by.setText("Karin Lund")
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    editor.tabs.setCurrentIndex(0)
    # The form shows the phase as it is now, not as it was loaded.
    assert editor.form.inputs["phase"].currentData() == 3
    notes = editor.form.inputs["notes"]
    notes.setFocus()
    qtbot.keyClicks(notes, "Ring efter nytår")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # Gem
    wait_idle()
    company = CompanyRepository(window.store).get(company_id)
    assert (company.phase, company.notes) == (Phase.ENGAGEMENT, "Ring efter nytår")
    history = phase_history(window.store, company_id)
    assert [(p.from_phase, p.to_phase) for p in history] == [
        (Phase.MOTIVATION, Phase.ENGAGEMENT)]  # no move back
    assert editor.form.inputs["phase"].currentData() == 3
    editor.done(0)


def test_a_change_pulled_while_editing_another_field_is_kept(window, qtbot, wait_idle):
    editor, company_id = open_editor(window, qtbot)
    from_elsewhere(window.store, company_id, {"phone": "+4597000000", "phase": 4})
    replace_text(qtbot, editor.form.inputs["city"], "Ikast")
    pending = window.store.pending_changes()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # Gem
    wait_idle()
    company = CompanyRepository(window.store).get(company_id)
    assert (company.city, company.phone, company.phase) == ("Ikast", "+4597000000",
                                                            Phase.GENNEMFOERELSE)
    assert window.store.pending_changes() == pending + 1  # the city, nothing else
    editor.done(0)


@pytest.mark.parametrize(("answer", "kept"), [("Behold min", "+4570102030"),
                                              ("Behold deres", "+4597000000")])
def test_the_same_field_changed_underneath_is_asked_about(window, qtbot, wait_idle, answer,
                                                          kept):
    editor, company_id = open_editor(window, qtbot)
    from_elsewhere(window.store, company_id, {"phone": "+4597000000"})
    replace_text(qtbot, editor.form.inputs["phone"], "70 10 20 30")
    replace_text(qtbot, editor.form.inputs["city"], "Ikast")
    seen: list[tuple[str, str]] = []
    answer_conflict(qtbot, answer, seen)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: CompanyRepository(window.store).get(company_id).city == "Ikast",
                    timeout=5000)
    wait_idle()
    assert seen == [("Feltet «Telefon» er ændret af en anden, mens du redigerede.",
                     "Deres værdi: +4597000000\nDin værdi: +4570102030")]
    assert CompanyRepository(window.store).get(company_id).phone == kept
    assert editor.form.inputs["phone"].text() == display_phone(kept) and not editor.is_dirty
    editor.done(0)


def test_cancelling_the_question_saves_nothing_and_keeps_what_was_typed(window, qtbot,
                                                                          wait_idle):
    editor, company_id = open_editor(window, qtbot)
    from_elsewhere(window.store, company_id, {"phone": "+4597000000"})
    replace_text(qtbot, editor.form.inputs["phone"], "70 10 20 30")
    pending = window.store.pending_changes()
    seen: list[tuple[str, str]] = []
    answer_conflict(qtbot, "Annullér", seen)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen) and editor.general_error.isVisible(), timeout=5000)
    wait_idle()
    assert window.store.pending_changes() == pending
    assert editor.form.inputs["phone"].text() == "70 10 20 30" and editor.is_dirty
    assert "«Telefon» er ændret af en anden" in editor.general_error.text()
    editor.done(0)


def test_a_contact_changed_underneath_is_asked_about_with_its_name(window, qtbot, wait_idle):
    editor, company_id = open_editor(window, qtbot, seed=0)  # has Mette Madsen, TR
    contact = CompanyRepository(window.store).get(company_id).contacts[0]
    with window.store.transaction():
        window.store.changes.update("contact", contact.id, {"phone": "+4520202020"})
    editor.tabs.setCurrentIndex(2)
    editor.contacts.setData(editor.contacts.index(0, 2), "30303030")
    seen: list[tuple[str, str]] = []
    answer_conflict(qtbot, "Behold deres", seen)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen) and not editor.is_dirty, timeout=5000)
    wait_idle()
    assert seen[0][0] == "Feltet «Telefon (Mette Madsen)» er ændret af en anden, mens du redigerede."
    assert CompanyRepository(window.store).get(company_id).contacts[0].phone == "+4520202020"
    editor.done(0)
