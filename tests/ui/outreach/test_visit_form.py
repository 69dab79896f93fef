"""The visit form: validation as you type in Danish, Save disabled while invalid, nothing
saved from bad input, the reklamebeskyttet confirmation, and unsaved changes."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from lokomotiv_desktop.store.outreach import FollowUpRepository, VisitRepository
from lokomotiv_desktop.ui.dialogs import validated_dialog
from lokomotiv_desktop.ui.dialogs.prompts import Choice
from lokomotiv_desktop.ui.dialogs.visit_form import VisitForm

from .conftest import company_id


@pytest.fixture
def open_form(qtbot, filled_store, runner):
    forms = []

    def make(seed: int, visit_id: str | None = None) -> VisitForm:
        # Not qtbot.addWidget: its close() at teardown would ask about unsaved changes.
        form = VisitForm(filled_store, runner, company_id(filled_store, seed), visit_id)
        form.show()
        forms.append(form)
        return form

    yield make
    for form in forms:
        form.done(0)
        form.deleteLater()


def type_into(qtbot, widget, text: str) -> None:
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_invalid_date_shows_danish_message_disables_save_and_saves_nothing(
        open_form, qtbot, filled_store, wait_idle):
    form = open_form(0)
    assert form.date.text() == "2.12.2026"  # today, as Danes write it
    type_into(qtbot, form.date, "31.13.2026")
    assert form.errors["date"].isVisible()
    assert form.errors["date"].text() == ("Dato «31.13.2026» er ikke en gyldig dato. "
                                          "Skriv fx 1.12.2026.")
    assert not form.save_button.isEnabled()
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle()
    assert VisitRepository(filled_store).for_company(company_id(filled_store, 0)) == []
    type_into(qtbot, form.date, "1.12.2026")
    assert not form.errors["date"].isVisible() and form.save_button.isEnabled()


def test_next_step_needs_a_due_date_after_the_visit(open_form, qtbot):
    form = open_form(0)
    qtbot.keyClicks(form.next_step, "Send materiale til HR")
    assert form.errors["next_due"].text() == "Næste skridt mangler en frist. Angiv en dato for det."
    assert not form.save_button.isEnabled()
    qtbot.keyClicks(form.next_due, "1.11.2026")
    assert form.errors["next_due"].text() == "Fristen 1.11.2026 ligger før mødet 2.12.2026."
    type_into(qtbot, form.next_due, "25.12.2026")
    assert not form.errors["next_due"].isVisible() and form.save_button.isEnabled()
    assert form.due_hint.text() == "Bemærk: 25.12.2026 er en helligdag (Juledag)."
    type_into(qtbot, form.time, "25:00")
    assert form.errors["time"].text() == "Klokkeslæt «25:00» er ikke gyldigt. Skriv fx 9.30."


def test_a_valid_visit_is_saved_with_contacts_and_its_follow_up(open_form, qtbot, filled_store,
                                                                 wait_idle):
    form = open_form(0)
    type_into(qtbot, form.time, "09:30")
    form.kind.setCurrentIndex(form.kind.findText("Første møde"))
    type_into(qtbot, form.consultant, "Anne Holm")
    form.unit.setCurrentIndex(1)
    form.contacts.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(form.notes, "Mødt direktør og TR")
    qtbot.keyClicks(form.next_step, "Send materiale til HR")
    qtbot.keyClicks(form.next_due, "8.12.2026")
    with qtbot.waitSignal(form.saved, timeout=5000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert not form.isVisible()
    company = company_id(filled_store, 0)
    [visit] = VisitRepository(filled_store).for_company(company)
    assert (visit.date, visit.time.strftime("%H:%M"), visit.kind.value, visit.consultant) == (
        date(2026, 12, 2), "09:30", "første møde", "Anne Holm")
    assert len(visit.contact_ids) == 1 and visit.unit_id and visit.notes == "Mødt direktør og TR"
    [task] = FollowUpRepository(filled_store).for_company(company)
    assert (task.text, task.due, task.visit_id) == ("Send materiale til HR", date(2026, 12, 8),
                                                   visit.id)


def test_reklamebeskyttet_company_needs_the_confirmation(open_form, qtbot, filled_store,
                                                         wait_idle):
    form = open_form(2)  # Vejle Maskinfabrik A/S is reklamebeskyttet
    banner = form.findChild(validated_dialog.QWidget, "protected_banner")
    assert banner is not None and banner.isVisible()
    assert form.company_asked.isVisible() and not form.company_asked.isChecked()
    assert form.company_asked.text() == "Virksomheden har selv bedt om kontakt"
    assert "er reklamebeskyttet" in form.errors["company_asked"].text()
    assert not form.save_button.isEnabled()
    form.company_asked.click()
    assert form.save_button.isEnabled() and not form.errors["company_asked"].isVisible()
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save_button.click()
    wait_idle()
    [visit] = VisitRepository(filled_store).for_company(company_id(filled_store, 2))
    assert visit.company_asked is True


def test_a_company_without_the_mark_has_no_confirmation(open_form):
    form = open_form(0)
    assert not form.company_asked.isVisible()
    assert form.findChild(validated_dialog.QWidget, "protected_banner") is None


def test_closing_with_unsaved_changes_asks_first(open_form, qtbot, monkeypatch, filled_store):
    answers = [Choice.CANCEL, Choice.DISCARD]
    asked = []
    monkeypatch.setattr(validated_dialog, "ask_save_changes",
                        lambda parent, subject, problems=None: asked.append(subject)
                        or answers.pop(0))
    form = open_form(0)
    qtbot.keyClick(form, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert not form.isVisible() and asked == []
    form = open_form(0)
    qtbot.keyClicks(form.notes, "Ringede")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert form.isVisible()  # Annullér keeps the form and the text
    assert form.notes.toPlainText() == "Ringede"
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert asked == ["besøget hos Tømrerfirmaet Hansen ApS"] * 2
    assert VisitRepository(filled_store).for_company(company_id(filled_store, 0)) == []


def test_editing_a_visit_updates_it(open_form, qtbot, filled_store, wait_idle):
    from lokomotiv_desktop.services.outreach import log_visit

    company = company_id(filled_store, 0)
    logged = log_visit(filled_store, company, date="1.12.2026", kind="telefonmøde",
                       consultant="Anne Holm", next_step="Ring igen", next_due="3.12.2026")
    form = open_form(0, logged.visit.id)
    assert form.windowTitle().startswith("Ret besøg") and not form.save_button.isEnabled()
    type_into(qtbot, form.next_due, "4.12.2026")
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save_button.click()
    wait_idle()
    [task] = FollowUpRepository(filled_store).for_company(company)
    assert task.due == date(2026, 12, 4)


def test_a_visit_is_deleted_after_confirming_with_its_open_task(open_form, qtbot, filled_store,
                                                                 wait_idle, monkeypatch):
    from lokomotiv_desktop.services.outreach import log_visit

    company = company_id(filled_store, 0)
    logged = log_visit(filled_store, company, date="1.12.2026", kind="telefonmøde",
                       consultant="Anne Holm", next_step="Ring igen", next_due="3.12.2026")
    assert not hasattr(open_form(0), "delete_button")  # a new visit: nothing to delete
    questions, answers = [], [False, True]
    monkeypatch.setattr(validated_dialog, "confirm_delete",
                        lambda parent, question: questions.append(question) or answers.pop(0))
    form = open_form(0, logged.visit.id)
    assert form.delete_button.text() == "Slet …"
    qtbot.mouseClick(form.delete_button, Qt.MouseButton.LeftButton)  # "Annullér"
    assert form.isVisible()
    assert VisitRepository(filled_store).get(logged.visit.id) is not None
    with qtbot.waitSignal(form.deleted, timeout=5000):
        qtbot.mouseClick(form.delete_button, Qt.MouseButton.LeftButton)  # "Slet"
    wait_idle()
    assert not form.isVisible()
    assert questions == ["Slet besøget hos Tømrerfirmaet Hansen ApS den 1.12.2026? En åben "
                         "opfølgningsopgave fra besøget slettes med."] * 2
    assert VisitRepository(filled_store).for_company(company) == []
    assert FollowUpRepository(filled_store).for_company(company) == []
    # the deletion travels like any other change
    assert filled_store.db.execute(
        "SELECT count(*) FROM outbox WHERE tbl = 'visit' AND row_id = ? "
        "AND fields LIKE '%deleted%'", [logged.visit.id]).fetchone()[0] == 1
