"""Demo data keeps a consultant's calendar: working days only, and no history in the future."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from lokomotiv_desktop.domain.outreach_rules import day_note
from lokomotiv_desktop.services.demo import load_demo
from lokomotiv_desktop.services.demo_activity import add_demo_activity


def _booked_days(store) -> list[tuple[str, date]]:
    rows = store.db.execute(
        "SELECT 'visit', date FROM visit UNION ALL SELECT 'task', due FROM follow_up "
        "UNION ALL SELECT 'session', date FROM motivation_session").fetchall()
    return [(kind, date.fromisoformat(day)) for kind, day in rows]


# Around Christmas and Easter, where a week holds several public holidays.
@pytest.mark.parametrize("today", [date(2026, 12, 23), date(2027, 3, 24)])
def test_no_meeting_visit_or_task_on_a_weekend_or_public_holiday(store, today):
    load_demo(store, companies=150, seed=3, activity=False)
    assert add_demo_activity(store, companies=150, seed=3, today=today) > 50
    booked = _booked_days(store)
    assert len(booked) > 100
    assert [(kind, day, day_note(day)) for kind, day in booked if day_note(day)] == []


def test_no_phase_change_after_today(store):
    today = date(2026, 12, 2)
    load_demo(store, companies=150, seed=5, activity=False)
    add_demo_activity(store, companies=150, seed=5, today=today)
    changed = [datetime.fromisoformat(r[0]) for r in store.db.execute(
        "SELECT changed_at FROM phase_change")]
    assert len(changed) > 50
    assert max(changed) < datetime(2026, 12, 2, tzinfo=UTC)
    assert [d for d in changed if day_note(d.date())] == []

