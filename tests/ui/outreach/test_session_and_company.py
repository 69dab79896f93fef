"""The session form (counts checked together, attendees registered as participants), the
company editor's outreach tab (timeline, KPI targets, phase change) and the .ics export."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from lokomotiv_desktop.domain.enums import Phase
from lokomotiv_desktop.services import motivation
from lokomotiv_desktop.services.phases import kpi_status, phase_history
from lokomotiv_desktop.store.outreach import SessionRepository
from lokomotiv_desktop.ui.dialogs.session_form import SessionForm

from .conftest import company_id

SAVE_FILE_NAME = "lokomotiv_desktop.ui.dialogs.calendar_export.save_file_name"


@pytest.fixture
def session_form(filled_store, runner):
    form = SessionForm(filled_store, runner, company_id(filled_store, 0))
    form.show()
    yield form
    form.done(0)
    form.deleteLater()


def test_session_counts_are_checked_together(session_form, qtbot, filled_store):
    form = session_form
    qtbot.keyClicks(form.invited, "30")
    qtbot.keyClicks(form.attended, "31")
    assert form.errors["attended"].text() == (
        "Der kan ikke være flere fremmødte (31) end inviterede (30).")
    assert not form.save_button.isEnabled()
    form.attended.clear()
    qtbot.keyClicks(form.attended, "tyve")
    assert form.errors["attended"].text() == "Fremmødte skal være et helt tal (0 eller mere): «tyve»."
    assert SessionRepository(filled_store).for_company(company_id(filled_store, 0)) == []


def test_session_saved_and_those_signed_up_registered(session_form, qtbot, filled_store,
                                                      wait_idle):
    form = session_form
    form.format.setCurrentIndex(form.format.findText("Pølsevogn"))
    qtbot.keyClicks(form.place, "Kantinen")
    form.messengers[next(iter(form.messengers))].click()  # TR
    for box, text in ((form.invited, "40"), (form.attended, "31"), (form.signed_up, "22")):
        qtbot.keyClicks(box, text)
    assert not form.register_button.isEnabled()  # no names yet
    qtbot.keyClicks(form.names, "Jens Hansen")
    qtbot.keyClick(form.names, Qt.Key.Key_Return)
    qtbot.keyClicks(form.names, "Lone Berg")
    assert form.register_button.text() == "Gem mødet og registrér de tilmeldte"
    assert form.kpi_note.text() == ("Screeningsmålet tæller de navne, der registreres her, "
                                    "ikke tallet ovenfor.")
    with qtbot.waitSignal(form.saved, timeout=5000):
        qtbot.mouseClick(form.register_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert form.isVisible()  # stays open for more names
    [session] = SessionRepository(filled_store).for_company(company_id(filled_store, 0))
    assert (session.format.value, session.place, session.invited, session.attended,
            session.signed_up, [m.value for m in session.messengers]) == (
        "pølsevogn", "Kantinen", 40, 31, 22, ["tr"])
    people = motivation.attendees(filled_store, session.id)
    assert [(a.name, a.signed_up) for _, a in people] == [("Jens Hansen", True),
                                                         ("Lone Berg", True)]
    assert form.registered.text() == "Registreret (2): Jens Hansen, Lone Berg"
    # What the KPI counts, next to what the form said.
    assert form.kpi_note.text() == ("Screeningsmålet tæller registrerede navne: 2 af de 22 "
                                    "tilmeldte er registreret.")
    assert SessionRepository(filled_store).signed_up_count(company_id(filled_store, 0)) == 2
    assert form.names.toPlainText() == "" and not form.save_button.isEnabled()


def open_outreach_tab(window, qtbot, seed: int):
    window.open_company(company_id(window.store, seed))
    panel = window.editor.outreach
    qtbot.waitUntil(lambda: panel.company is not None)
    window.editor.tabs.setCurrentWidget(panel)
    return panel


def test_company_tab_shows_the_timeline_in_date_order(outreach_window, qtbot):
    panel = open_outreach_tab(outreach_window, qtbot, 0)
    rows = [[panel.timeline.index(r, c).data() for c in range(4)]
            for r in range(panel.timeline.rowCount())]
    assert rows == [["22.11.2026", "", "Besøg", "Første møde"],
                    ["29.11.2026", "", "Opgave", "Ring til Tømrerfirmaet Hansen ApS"]]
    assert panel.phase_label.text() == "Fase: 1. Afklaring"


def test_change_phase_from_the_company_tab(outreach_window, qtbot):
    panel = open_outreach_tab(outreach_window, qtbot, 0)
    qtbot.mouseClick(panel.phase_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog.target() == Phase.MOTIVATION  # the next phase is suggested
    dialog.phase.setCurrentIndex(2)
    dialog.changed_by.setText("Anne Holm")
    qtbot.keyClicks(dialog.reason, "Nøglepersonkursus aftalt")
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert panel.phase_label.text() == "Fase: 3. Engagement"
    kinds = [panel.timeline.index(r, 2).data() for r in range(panel.timeline.rowCount())]
    assert "Fase" in kinds
    [change] = phase_history(outreach_window.store, company_id(outreach_window.store, 0))
    assert change.to_phase == Phase.ENGAGEMENT and change.reason == "Nøglepersonkursus aftalt"


def test_kpi_target_with_its_current_value(outreach_window, qtbot, wait_idle):
    store = outreach_window.store
    session = motivation.log_session(store, company_id(store, 0), date="1.12.2026",
                                     format="pølsevogn", consultant="Anne Holm")
    motivation.register_attendees(store, session.id, ["A", "B", "C"])
    panel = open_outreach_tab(outreach_window, qtbot, 0)
    qtbot.mouseClick(panel.kpi_button, Qt.MouseButton.LeftButton)
    form = panel.dialog
    qtbot.keyClicks(form.description, "80 % screenet inden 1. juni")
    qtbot.keyClicks(form.target_percent, "180")
    assert form.errors["target_percent"].text() == "Mål skal ligge mellem 0 og 100 %, ikke 180."
    form.target_percent.clear()
    qtbot.keyClicks(form.target_percent, "80")
    qtbot.keyClicks(form.deadline, "1.6.2027")
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    # Three signed up of the P-unit's 12 employees.
    assert [panel.kpis.index(0, c).data() for c in range(5)] == [
        "80 % screenet inden 1. juni", "1.6.2027", "80 %", "25 %  (3 / 12)",
        "181 dage tilbage"]
    assert kpi_status(store, company_id(store, 0), date(2026, 12, 2))[0].current_percent == 25


def test_export_the_companys_calendar(outreach_window, qtbot, tmp_path, monkeypatch, wait_idle):
    target = tmp_path / "hansen"
    monkeypatch.setattr(SAVE_FILE_NAME, lambda *args, **kwargs: str(target))
    panel = open_outreach_tab(outreach_window, qtbot, 0)
    qtbot.mouseClick(panel.calendar_button, Qt.MouseButton.LeftButton)
    wait_idle()
    written = (tmp_path / "hansen.ics").read_text()
    assert written.count("BEGIN:VEVENT") == 1 and "Tømrerfirmaet Hansen ApS" in written
    assert panel.message.text().startswith("Kalenderen er gemt: ")


def test_export_my_calendar_from_the_menu(outreach_window, qtbot, tmp_path, monkeypatch,
                                          wait_idle):
    outreach_window.store.set_state("user", "Anne Holm")
    monkeypatch.setattr(SAVE_FILE_NAME, lambda *args, **kwargs: str(tmp_path / "mig.ics"))
    action = outreach_window.outreach.actions["export_calendar"]
    assert action.shortcut().toString() == "Ctrl+Shift+E"
    action.trigger()
    wait_idle()
    written = (tmp_path / "mig.ics").read_text()
    # Anne Holm's: the visit at Hansen and the session at Rengøringshuset.
    assert written.count("BEGIN:VEVENT") == 2
    assert outreach_window.statusBar().currentMessage().endswith("(2 aftaler)")


def test_cancelled_file_dialog_writes_nothing(outreach_window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(SAVE_FILE_NAME, lambda *args, **kwargs: "")
    panel = open_outreach_tab(outreach_window, qtbot, 0)
    qtbot.mouseClick(panel.calendar_button, Qt.MouseButton.LeftButton)
    assert panel.message.text() == "" and not list(tmp_path.glob("*.ics"))
    assert not outreach_window.runner.busy  # nothing was queued to write


def test_company_models_pass_the_model_tester(outreach_window, qtbot, qtmodeltester):
    panel = open_outreach_tab(outreach_window, qtbot, 0)
    qtmodeltester.check(panel.timeline)
    qtmodeltester.check(panel.kpis)


def test_a_session_is_deleted_from_the_companys_timeline(outreach_window, qtbot, monkeypatch,
                                                          wait_idle):
    from lokomotiv_desktop.ui.dialogs import validated_dialog

    store = outreach_window.store
    session = motivation.log_session(store, company_id(store, 0), date="2.12.2026",
                                     format="pølsevogn", consultant="Anne Holm")
    panel = open_outreach_tab(outreach_window, qtbot, 0)

    def titles():
        return [panel.timeline.index(r, 3).data() for r in range(panel.timeline.rowCount())]

    before = titles()
    questions = []
    monkeypatch.setattr(validated_dialog, "confirm_delete",
                        lambda parent, question: questions.append(question) or True)
    panel.open_session(session.id)
    form = panel.dialog
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        qtbot.mouseClick(form.delete_button, Qt.MouseButton.LeftButton)
    assert questions == ["Slet motivationsmødet hos Tømrerfirmaet Hansen ApS den 2.12.2026?"]
    assert len(titles()) == len(before) - 1
    assert SessionRepository(store).get(session.id) is None
    wait_idle()
