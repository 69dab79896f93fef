"""Outreach tables: schema, sync registry, change capture, repositories, board, timeline."""
from __future__ import annotations

import json
from datetime import UTC, date, datetime, time

from lokomotiv_desktop.domain.enums import Phase
from lokomotiv_desktop.domain.outreach import (
    Attendee,
    KpiMeasure,
    MessengerRole,
    SessionFormat,
    VisitKind,
)
from lokomotiv_desktop.store.companies import CompanyRepository
from lokomotiv_desktop.store.outreach import (
    FollowUpRepository,
    SessionRepository,
    VisitRepository,
)
from lokomotiv_desktop.store.phases import KpiRepository, PhaseRepository, timeline
from lokomotiv_desktop.sync.clocks import expand
from lokomotiv_desktop.sync.tables import SYNCED_TABLES, children_of

from .conftest import outbox_count

NEW_TABLES = ("visit", "follow_up", "motivation_session", "phase_change", "kpi_target",
              "participant")


def test_new_tables_are_synced_under_their_company(store):
    for name in NEW_TABLES:
        spec = SYNCED_TABLES[name]
        assert spec.parent == ("company_id", "company"), name
        columns = {r[1] for r in store.db.execute(f"PRAGMA table_info({name})")}
        # Every registered field exists locally, plus the sync columns.
        assert set(spec.fields) | {"id", "deleted", "clocks"} == columns, name
        assert not store.db.execute(f"PRAGMA foreign_key_list({name})").fetchall(), name
    assert SYNCED_TABLES["participant"].personal
    assert not SYNCED_TABLES["visit"].personal
    assert {t.name for t in children_of("company")} >= set(NEW_TABLES)


def test_every_write_to_the_new_tables_leaves_an_outbox_row(store, company_id):
    with store.transaction():
        visit_id = VisitRepository(store).add({
            "company_id": company_id, "date": date(2026, 12, 1), "kind": VisitKind.ANDET,
            "consultant": "Anne Holm", "contact_ids": ["a", "b"]})
        task_id = FollowUpRepository(store).add({
            "company_id": company_id, "due": date(2026, 12, 8), "text": "Ring",
            "consultant": "Anne Holm"})
        session_id = SessionRepository(store).add({
            "company_id": company_id, "date": date(2026, 12, 3),
            "format": SessionFormat.POELSEVOGN, "consultant": "Anne Holm",
            "messengers": [MessengerRole.TR]})
        PhaseRepository(store).record(company_id, Phase.AFKLARING, Phase.MOTIVATION, "Anne")
        KpiRepository(store).add({"company_id": company_id, "description": "80 % screenet",
                                  "target_percent": 80, "deadline": date(2027, 6, 1)})
        SessionRepository(store).add_participants(
            SessionRepository(store).get(session_id), [Attendee("Kim", True)])
    for name in NEW_TABLES:
        assert outbox_count(store, name) == 1, name
    change = store.db.execute(
        "SELECT fields, clocks FROM outbox WHERE tbl = 'visit'").fetchone()
    fields, clocks = json.loads(change[0]), json.loads(change[1])
    assert fields["contact_ids"] == '["a","b"]' and fields["date"] == "2026-12-01"
    assert set(expand(clocks, fields)) == set(fields)  # an insert's clocks are compact
    with store.transaction():
        FollowUpRepository(store).set_done(task_id)
        VisitRepository(store).delete(visit_id)
    assert outbox_count(store, "follow_up") == 2 and outbox_count(store, "visit") == 2
    assert VisitRepository(store).get(visit_id) is None  # deleted rows are not read back


def test_a_rolled_back_write_leaves_no_row_and_no_outbox(store, company_id):
    try:
        with store.transaction():
            FollowUpRepository(store).add({"company_id": company_id, "due": date(2026, 1, 2),
                                           "text": "x", "consultant": "A"})
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert FollowUpRepository(store).for_company(company_id) == []
    assert outbox_count(store, "follow_up") == 0


def test_visit_round_trip(store, company_id):
    with store.transaction():
        visit_id = VisitRepository(store).add({
            "company_id": company_id, "date": date(2026, 12, 1), "time": time(9, 30),
            "kind": VisitKind.FOERSTE_MOEDE, "consultant": "Anne Holm",
            "contact_ids": ["c1"], "notes": "Mødt direktør og TR", "agreed": "Info-møde",
            "next_step": "Send materiale", "next_due": date(2026, 12, 8),
            "company_asked": False})
    visit = VisitRepository(store).get(visit_id)
    assert (visit.date, visit.time, visit.kind) == (date(2026, 12, 1), time(9, 30),
                                                    VisitKind.FOERSTE_MOEDE)
    assert visit.contact_ids == ["c1"] and visit.next_due == date(2026, 12, 8)
    assert visit.notes == "Mødt direktør og TR" and visit.agreed == "Info-møde"


def test_open_tasks_by_due_range_and_consultant(store, company_id):
    repo = FollowUpRepository(store)
    with store.transaction():
        for day, who in ((1, "Anne"), (5, "Anne"), (9, "Søren")):
            repo.add({"company_id": company_id, "due": date(2026, 12, day),
                      "text": f"Opgave {day}", "consultant": who})
    assert [d.item.text for d in repo.open_tasks()] == ["Opgave 1", "Opgave 5", "Opgave 9"]
    assert [d.item.text for d in repo.open_tasks(date(2026, 12, 2), date(2026, 12, 9))] == [
        "Opgave 5", "Opgave 9"]
    assert [d.item.text for d in repo.open_tasks(consultant="Søren")] == ["Opgave 9"]
    first = repo.open_tasks()[0]
    assert first.company.cvr == "13748136" and first.company.name == "Vejle Stål A/S"
    assert [t.id for t in repo.find(first.item.id[:30])] == [first.item.id]


def test_kpi_and_unit_employees(store, company_id):
    repo = KpiRepository(store)
    with store.transaction():
        repo.add({"company_id": company_id, "description": "80 % screenet",
                  "target_percent": 80.0, "deadline": date(2027, 6, 1),
                  "measure": KpiMeasure.SCREENING_TILMELDT})
    (target,) = repo.for_company(company_id)
    assert (target.target_percent, target.deadline) == (80.0, date(2027, 6, 1))
    assert repo.unit_employees(company_id) == 100


def _company(store, name, municipality, consultant, phase):
    with store.transaction():
        return CompanyRepository(store).create({
            "cvr": "12345674", "name": name, "municipality_code": municipality,
            "consultant": consultant, "phase": phase})


def test_board_groups_filters_and_counts(store, company_id):
    other = _company(store, "Aarhus Plast ApS", "751", "Søren Dahl", 3)
    phases, tasks = PhaseRepository(store), FollowUpRepository(store)
    with store.transaction():
        CompanyRepository(store).update(company_id, {"phase": 2})
        phases.record(company_id, Phase.AFKLARING, Phase.MOTIVATION, "Anne",
                      at=datetime(2026, 11, 20, 9, 0, tzinfo=UTC))
        # An older entry into phase 2 must not count: the latest entry does.
        phases.record(company_id, None, Phase.MOTIVATION, "Anne",
                      at=datetime(2026, 10, 1, 9, 0, tzinfo=UTC))
        for day, done in ((10, False), (4, True), (7, False)):
            task_id = tasks.add({"company_id": company_id, "due": date(2026, 12, day),
                                 "text": "x", "consultant": "Anne"})
            if done:
                tasks.set_done(task_id)
    board = phases.board(today=date(2026, 11, 27))
    assert board.counts == {Phase.AFKLARING: 0, Phase.MOTIVATION: 1, Phase.ENGAGEMENT: 1,
                            Phase.GENNEMFOERELSE: 0, Phase.OPFOELGNING: 0}
    (card,) = board.columns[Phase.MOTIVATION]
    assert (card.name, card.municipality, card.consultant) == ("Vejle Stål A/S", "Vejle",
                                                              "Anne Holm")
    assert card.next_due == date(2026, 12, 7)  # the done task on the 4th is skipped
    assert card.days_in_phase == 7
    (plain,) = board.columns[Phase.ENGAGEMENT]
    assert plain.company_id == other and plain.next_due is None and plain.days_in_phase is None
    assert len(phases.board(municipality_code="751")) == 1
    assert len(phases.board(consultant="Anne Holm")) == 1
    assert len(phases.board(municipality_code="751", consultant="Anne Holm")) == 0
    with store.transaction():
        CompanyRepository(store).delete(other)
    assert len(phases.board()) == 1


def test_timeline_in_date_order(store, company_id):
    with store.transaction():
        VisitRepository(store).add({"company_id": company_id, "date": date(2026, 12, 1),
                                    "time": time(9, 30), "kind": VisitKind.FOERSTE_MOEDE,
                                    "consultant": "Anne", "notes": "Godt møde"})
        SessionRepository(store).add({"company_id": company_id, "date": date(2026, 12, 3),
                                      "format": SessionFormat.POELSEVOGN, "consultant": "Anne",
                                      "invited": 40, "attended": 31})
        FollowUpRepository(store).add({"company_id": company_id, "due": date(2026, 12, 2),
                                       "text": "Send materiale", "consultant": "Anne"})
        PhaseRepository(store).record(company_id, Phase.AFKLARING, Phase.MOTIVATION, "Anne",
                                      "sagde ja", datetime(2026, 12, 1, 23, 30, tzinfo=UTC))
    entries = timeline(store, company_id)
    assert [(e.day, e.kind) for e in entries] == [
        (date(2026, 12, 1), "besøg"), (date(2026, 12, 2), "opgave"),
        # 23:30 UTC is 00:30 the next day in Copenhagen
        (date(2026, 12, 2), "fase"), (date(2026, 12, 3), "møde")]
    assert entries[2].title == "Afklaring → Motivation" and "sagde ja" in entries[2].detail
    assert "fremmødt 31" in entries[3].detail
