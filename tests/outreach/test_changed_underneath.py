"""Edits of visits, sessions and KPI targets write only the fields changed, and a field
changed underneath since the form loaded it is not overwritten silently."""
from __future__ import annotations

from dataclasses import asdict
from datetime import date

import pytest

from lokomotiv_desktop.services import motivation, phases
from lokomotiv_desktop.services import outreach as service
from lokomotiv_desktop.services.companies import ChangedUnderneath
from lokomotiv_desktop.store.outreach import FollowUpRepository

from .conftest import outbox_count


def elsewhere(store, table: str, row_id: str, values: dict) -> None:
    with store.transaction():
        store.changes.update(table, row_id, values)


def as_loaded(entity) -> dict:
    return asdict(entity)


def test_visit_edit_keeps_a_change_made_underneath(store, company_id):
    logged = service.log_visit(store, company_id, date="2026-12-01", kind="første møde",
                               consultant="Anne Holm", next_step="Ring", next_due="2026-12-08")
    loaded = as_loaded(logged.visit)
    elsewhere(store, "visit", logged.visit.id, {"agreed": "Møde med HR"})
    before = outbox_count(store, "visit")
    edited = service.update_visit(store, logged.visit.id, loaded=loaded, notes="Godt møde",
                                  agreed="")  # the form's stale (empty) agreed: as loaded
    assert (edited.visit.notes, edited.visit.agreed) == ("Godt møde", "Møde med HR")
    assert outbox_count(store, "visit") == before + 1
    assert edited.task.text == "Ring"  # the next step was not touched


def test_visit_conflict_then_keep_mine(store, company_id):
    logged = service.log_visit(store, company_id, date="2026-12-01", kind="første møde",
                               consultant="Anne Holm", next_step="Ring", next_due="2026-12-08")
    loaded = as_loaded(logged.visit)
    elsewhere(store, "visit", logged.visit.id, {"next_due": "2026-12-10"})
    with pytest.raises(ChangedUnderneath) as caught:
        service.update_visit(store, logged.visit.id, loaded=loaded, next_due="9.12.2026")
    [conflict] = caught.value.conflicts
    assert (conflict.key, conflict.theirs, conflict.mine) == (
        "next_due", date(2026, 12, 10), date(2026, 12, 9))
    loaded["next_due"] = conflict.theirs
    edited = service.update_visit(store, logged.visit.id, loaded=loaded, next_due="9.12.2026")
    assert edited.visit.next_due == date(2026, 12, 9) == edited.task.due
    [task] = FollowUpRepository(store).for_company(company_id)
    assert task.text == "Ring"


def test_session_edit_and_conflict(store, company_id):
    session = motivation.log_session(store, company_id, date="2026-12-03", format="pølsevogn",
                                     consultant="Anne Holm", invited=40, attended=30)
    loaded = as_loaded(session)
    elsewhere(store, "motivation_session", session.id, {"place": "Kantinen", "attended": 32})
    updated = motivation.update_session(store, session.id, loaded=loaded, signed_up="20",
                                        place="")
    assert (updated.place, updated.attended, updated.signed_up) == ("Kantinen", 32, 20)
    with pytest.raises(ChangedUnderneath) as caught:
        motivation.update_session(store, session.id, loaded=loaded, attended="31")
    assert [(c.key, c.theirs, c.mine) for c in caught.value.conflicts] == [
        ("attended", 32, 31)]
    assert motivation.SessionRepository(store).get(session.id).attended == 32


def test_kpi_edit_and_conflict(store, company_id):
    target = phases.add_kpi_target(store, company_id, description="80 % screenet",
                                   target_percent=80, deadline="1.6.2027")
    loaded = as_loaded(target)
    elsewhere(store, "kpi_target", target.id, {"target_percent": 90})
    with pytest.raises(ChangedUnderneath):
        phases.update_kpi_target(store, target.id, loaded=loaded, target_percent="85")
    updated = phases.update_kpi_target(store, target.id, loaded=loaded, employees="50",
                                       target_percent="80")
    assert (updated.target_percent, updated.employees) == (90, 50)


def test_without_loaded_values_an_edit_writes_what_it_is_given(store, company_id):
    """The CLI: the person names the fields, so each one sent is an edit."""
    session = motivation.log_session(store, company_id, date="2026-12-03", format="pølsevogn",
                                     consultant="Anne Holm")
    elsewhere(store, "motivation_session", session.id, {"place": "Kantinen"})
    assert motivation.update_session(store, session.id, place="Hallen").place == "Hallen"
