"""The demo store's courses: planned from suggested classes with people who agreed to course
planning, some under way with attendance, some with the SVU window open; nothing queued."""
from __future__ import annotations

from datetime import date

from lokomotiv_desktop.domain.row_rules import row_problems
from lokomotiv_desktop.services import course_view, courses
from lokomotiv_desktop.services.demo import load_demo
from lokomotiv_desktop.sync.tables import SYNCED_TABLES

TODAY = date(2026, 12, 3)


def test_the_demo_plans_courses_around_today(store, monkeypatch):
    monkeypatch.setattr("lokomotiv_desktop.services.outreach.today_local", lambda: TODAY)
    load_demo(store, companies=200, seed=2)
    planned = courses.courses(store)
    assert len(planned) >= 4
    views = [course_view.course_view(store, c, today=TODAY) for c in planned]
    assert all(v["participants"] and v["provider"] for v in views)
    assert any(v["start"] < TODAY.isoformat() and v["status"] in ("i_gang", "afsluttet")
               and any(p["attendance"] for p in v["participants"]) for v in views)
    assert course_view.svu_reminders(store, today=TODAY)
    assert store.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    for table in ("provider", "course", "enrolment", "attendance"):  # every row would sync
        fields = SYNCED_TABLES[table].fields
        for row in store.db.execute(f"SELECT {', '.join(fields)} FROM {table}").fetchall():
            assert row_problems(table, dict(zip(fields, row, strict=True))) == {}


def test_the_demo_association_has_members_a_board_and_a_years_grants(store, monkeypatch):
    from lokomotiv_desktop.services import association, grants

    monkeypatch.setattr("lokomotiv_desktop.services.outreach.today_local", lambda: TODAY)
    load_demo(store, companies=200, seed=2)
    voting = [m for m in association.members(store) if m["vote"]]
    assert len(voting) >= 4 and {"DI", "FH", "3F"} <= {m["name"] for m in
                                                     association.members(store)}
    assert [b["role"] for b in association.board(store)].count("formand") == 1
    code = voting[0]["municipality_code"]
    statement = grants.statement(store, code, TODAY.year)
    assert statement["per_pnr"] == 10 and statement["pnr"]["used"] > 0
    assert statement["total"] == statement["basic"] + statement["activity_total"] > 0
    assert store.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
