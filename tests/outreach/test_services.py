"""Use cases: visits with their task, reklamebeskyttelse, tasks, overview, sessions,
attendees, phase moves and KPI targets."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from lokomotiv_desktop.domain.enums import Phase
from lokomotiv_desktop.domain.outreach import Attendee, KpiMeasure, MessengerRole
from lokomotiv_desktop.domain.validation import ValidationError
from lokomotiv_desktop.services import motivation, phases
from lokomotiv_desktop.services import outreach as service
from lokomotiv_desktop.store.companies import CompanyRepository

from .conftest import outbox_count, row_count

TODAY = date(2026, 12, 2)  # a Wednesday


def _visit(store, company_id, **extra):
    values = {"date": "2026-12-01", "time": "09:30", "kind": "første møde",
              "consultant": "Anne Holm", "notes": "Mødt direktør og TR"}
    return service.log_visit(store, company_id, **{**values, **extra})


def test_a_visit_with_a_next_step_makes_a_task_in_the_same_transaction(store, company_id):
    logged = _visit(store, company_id, next_step="Send materiale til HR", next_due="2026-12-08")
    assert logged.task.text == "Send materiale til HR"
    assert logged.task.due == date(2026, 12, 8) and logged.task.visit_id == logged.visit.id
    assert logged.task.consultant == "Anne Holm" and not logged.task.done
    assert logged.hints == []
    plain = _visit(store, company_id)
    assert plain.task is None
    assert row_count(store, "follow_up") == 1


def test_visit_and_task_roll_back_together(store, company_id, monkeypatch):
    from lokomotiv_desktop.store.outreach import FollowUpRepository

    def broken(self, values):
        raise RuntimeError("disk full")
    monkeypatch.setattr(FollowUpRepository, "add", broken)
    with pytest.raises(RuntimeError):
        _visit(store, company_id, next_step="Ring", next_due="2026-12-08")
    assert row_count(store, "visit") == 0 and outbox_count(store, "visit") == 0


def test_a_due_date_on_a_holiday_is_pointed_out(store, company_id):
    logged = _visit(store, company_id, next_step="Ring", next_due="2026-12-25")
    assert logged.hints == ["Frist: 25.12.2026 er en helligdag (Juledag)."]
    assert logged.task.due == date(2026, 12, 25)  # a hint, not a rule


@pytest.mark.parametrize("extra, field", [
    ({"kind": "kaffe"}, "kind"), ({"date": "2026-02-30"}, "date"), ({"time": "25:00"}, "time"),
    ({"next_step": "Ring"}, "next_due"), ({"consultant": " "}, "consultant"),
    ({"contact_ids": ["not-a-contact"]}, "contact_ids"), ({"unit_id": "nope"}, "unit_id"),
])
def test_bad_visit_input_writes_nothing(store, company_id, extra, field):
    with pytest.raises(ValidationError) as err:
        _visit(store, company_id, **extra)
    assert err.value.field == field and err.value.message
    assert row_count(store, "visit") == 0 and store.pending_changes() == outbox_count(
        store, "company") + outbox_count(store, "production_unit") + outbox_count(store, "contact")


def test_reklamebeskyttet_company_needs_the_confirmation_and_it_is_recorded(store, protected_id):
    with pytest.raises(ValidationError) as err:
        _visit(store, protected_id)
    assert "reklamebeskyttet" in err.value.message and "--company-asked" in err.value.message
    assert row_count(store, "visit") == 0
    logged = _visit(store, protected_id, company_asked=True)
    assert logged.visit.company_asked is True
    stored = store.db.execute("SELECT company_asked FROM visit").fetchone()[0]
    assert stored == 1


def test_the_confirmation_is_not_recorded_for_an_unprotected_company(store, company_id):
    assert _visit(store, company_id, company_asked=True).visit.company_asked is False


def test_visit_contacts_and_unit_are_the_companys(store, company_id):
    company = CompanyRepository(store).get(company_id)
    contact = company.contacts[0].id
    unit = company.production_units[0].id
    logged = _visit(store, company_id, contact_ids=[contact, contact], unit_id=unit)
    assert logged.visit.contact_ids == [contact] and logged.visit.unit_id == unit


def test_editing_a_visit_keeps_its_task_in_step(store, company_id):
    logged = _visit(store, company_id, next_step="Ring", next_due="2026-12-08")
    edited = service.update_visit(store, logged.visit.id, next_step="Ring til TR",
                                  next_due="2026-12-09")
    assert (edited.task.id, edited.task.text, edited.task.due) == (
        logged.task.id, "Ring til TR", date(2026, 12, 9))
    cleared = service.update_visit(store, logged.visit.id, next_step="", next_due=None)
    assert cleared.task is None and cleared.visit.next_step == ""
    with pytest.raises(ValidationError, match="Ukendt felt"):
        service.update_visit(store, logged.visit.id, colour="red")
    service.delete_visit(store, logged.visit.id)
    assert service.tasks(store) == []


def _tasks(store, company_id):
    for day in (1, 2, 4, 6, 7):
        service.add_task(store, company_id, due=date(2026, 12, day), text=f"Opgave {day}",
                         consultant="Anne Holm")
    service.add_task(store, company_id, due="2026-12-02", text="Sørens", consultant="Søren")


def test_task_filters(store, company_id):
    _tasks(store, company_id)
    texts = lambda due, who=None: [d.item.text for d in service.tasks(store, due, who, TODAY)]  # noqa: E731
    assert texts("overdue") == ["Opgave 1"]
    assert texts("today") == ["Opgave 2", "Sørens"]
    assert texts("week") == ["Opgave 2", "Sørens", "Opgave 4", "Opgave 6"]
    assert texts("today", "Søren") == ["Sørens"]
    assert len(texts(None)) == 6
    with pytest.raises(ValidationError, match="Ukendt filter"):
        service.tasks(store, "month")


def test_task_done_by_prefix_and_reopen(store, company_id):
    task = service.add_task(store, company_id, due="2026-12-02", text="Ring", consultant="A")
    done = service.set_task_done(store, task.id[:-4])
    assert done.done and done.done_at
    assert service.tasks(store) == []
    assert not service.set_task_done(store, task.id, done=False).done
    with pytest.raises(ValidationError, match="ingen opgave"):
        service.set_task_done(store, "ffff")
    with pytest.raises(ValidationError, match="Opgavens tekst mangler"):
        service.add_task(store, company_id, due="2026-12-02", text=" ", consultant="A")


def test_overview(store, company_id):
    _tasks(store, company_id)
    _visit(store, company_id, date="2026-12-10")
    _visit(store, company_id, date="2026-11-30")  # past: not upcoming
    motivation.log_session(store, company_id, date="2026-12-03", format="pølsevogn",
                           consultant="Anne Holm")
    view = service.overview(store, "Anne Holm", TODAY)
    assert [d.item.text for d in view.overdue] == ["Opgave 1"]
    assert [d.item.text for d in view.due_today] == ["Opgave 2"]
    assert [d.item.text for d in view.this_week] == ["Opgave 4", "Opgave 6"]
    assert [d.item.date for d in view.upcoming_visits] == [date(2026, 12, 10)]
    assert [d.item.date for d in view.upcoming_sessions] == [date(2026, 12, 3)]
    assert view.reminder == "Du har 1 overskredet opfølgning."
    assert service.overview(store, "Ingen", TODAY).reminder is None


def test_consultant_identity(store):
    with pytest.raises(ValidationError, match="Hvem er konsulent"):
        service.current_consultant(store)
    store.set_state("user", "Anne Holm")
    assert service.current_consultant(store) == "Anne Holm"
    assert service.current_consultant(store, "Søren") == "Søren"


def test_company_lookup_messages(store):
    with pytest.raises(ValidationError, match="kontrolcifferet"):
        service.company_by_cvr(store, "13748137")
    with pytest.raises(ValidationError, match="ingen virksomhed med CVR-nummer 13748136"):
        service.company_by_cvr(store, "13748136")


def test_session_with_messengers_and_counts(store, company_id):
    session = motivation.log_session(
        store, company_id, date="2026-12-03", time="12:00", format="pølsevogn",
        consultant="Anne Holm", place="Kantinen", messengers=["TR", "ambassadør"],
        invited="40", attended=31, signed_up=22)
    assert session.messengers == [MessengerRole.TR, MessengerRole.AMBASSADOER]
    assert (session.invited, session.attended, session.signed_up) == (40, 31, 22)
    updated = motivation.update_session(store, session.id, signed_up=25)
    assert updated.signed_up == 25 and updated.place == "Kantinen"
    with pytest.raises(ValidationError, match="flere tilmeldt screening"):
        motivation.update_session(store, session.id, signed_up=32)
    assert motivation.SessionRepository(store).get(session.id).signed_up == 25
    motivation.delete_session(store, session.id)
    assert motivation.SessionRepository(store).for_company(company_id) == []


def test_register_attendees_in_one_go(store, company_id):
    session = motivation.log_session(store, company_id, date="2026-12-03",
                                     format="informationsmøde", consultant="Anne")
    ids = motivation.register_attendees(store, session.id, [
        "Kim Larsen", ("Mona  Holm", "nej"), Attendee("Per Skov", True)])
    assert len(ids) == 3
    registered = {a.name: a.signed_up for _, a in motivation.attendees(store, session.id)}
    assert registered == {"Kim Larsen": True, "Mona Holm": False, "Per Skov": True}
    # Registering the same list again adds nobody; a blank name refuses the whole list.
    assert motivation.register_attendees(store, session.id, ["kim larsen"]) == []
    with pytest.raises(ValidationError, match="Deltager nr. 2 mangler et navn"):
        motivation.register_attendees(store, session.id, ["Ny Person", " "])
    assert row_count(store, "participant") == 3
    assert outbox_count(store, "participant") == 3


def test_move_phase_records_history(store, company_id):
    at = datetime(2025, 12, 1, 10, 0, tzinfo=UTC)  # before the next move (made now)
    change = phases.move_phase(store, company_id, "motivation", "Anne Holm", "Ja til møde", at)
    assert (change.from_phase, change.to_phase, change.changed_by, change.reason,
            change.changed_at) == (Phase.AFKLARING, Phase.MOTIVATION, "Anne Holm",
                                   "Ja til møde", at)
    assert CompanyRepository(store).get(company_id).phase == Phase.MOTIVATION
    assert phases.move_phase(store, company_id, 2, "Anne Holm") is None  # already there
    phases.move_phase(store, company_id, "3", "Søren")
    assert [(p.from_phase, p.to_phase) for p in phases.phase_history(store, company_id)] == [
        (Phase.AFKLARING, Phase.MOTIVATION), (Phase.MOTIVATION, Phase.ENGAGEMENT)]
    assert outbox_count(store, "phase_change") == 2
    with pytest.raises(ValidationError, match="Ukendt fase"):
        phases.move_phase(store, company_id, "9", "Anne")
    card = phases.board(store, today=date(2026, 12, 5)).columns[Phase.ENGAGEMENT][0]
    assert card.company_id == company_id


def test_kpi_target_current_value(store, company_id):
    target = phases.add_kpi_target(
        store, company_id, description="80 % af medarbejderne screenet inden 1. juni",
        target_percent="80 %", deadline="1.6.2027")
    session = motivation.log_session(store, company_id, date="2026-12-03",
                                     format="pølsevogn", consultant="Anne")
    motivation.register_attendees(store, session.id, [f"Person {n}" for n in range(30)] +
                                  [(f"Nej {n}", False) for n in range(5)])
    (status,) = phases.kpi_status(store, company_id, today=date(2027, 5, 1))
    # 30 signed up of the P-units' 100 employees
    assert (status.counted, status.out_of, status.current_percent) == (30, 100, 30.0)
    assert status.days_left == 31 and not status.reached
    phases.update_kpi_target(store, target.id, employees=35)
    (status,) = phases.kpi_status(store, company_id, today=date(2027, 5, 1))
    assert status.current_percent == 85.7 and status.reached


def test_manual_kpi_and_unknown_headcount(store, protected_id):
    phases.add_kpi_target(store, protected_id, description="Tilfredshed", target_percent=90,
                          deadline="2027-01-01", measure="manuel", manual_value="75,5")
    phases.add_kpi_target(store, protected_id, description="Screenet", target_percent=80,
                          deadline="2027-01-01")
    manual, screened = phases.kpi_status(store, protected_id, today=date(2026, 12, 1))
    assert manual.target.measure is KpiMeasure.MANUEL and manual.current_percent == 75.5
    assert screened.current_percent is None  # no headcount known: no guess
    with pytest.raises(ValidationError, match="Beskrivelse af målet mangler"):
        phases.add_kpi_target(store, protected_id, description="", target_percent=1,
                              deadline="2027-01-01")
    phases.delete_kpi_target(store, manual.target.id)
    assert len(phases.kpi_status(store, protected_id)) == 1
    with pytest.raises(ValidationError, match="findes ikke"):
        phases.delete_kpi_target(store, manual.target.id)
