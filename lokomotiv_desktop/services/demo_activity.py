"""Outreach activity for the demo store, so Oversigt, Faser and Møder show real-looking work
on the first start: visits with their next steps (some overdue, some due this week),
motivation sessions and phase moves, spread around today. As a consultant books them: on
working days only (no weekends, no Danish public holidays), and no phase move after today."""
from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from ..domain.outreach_rules import day_note
from ..store.database import Store
from . import motivation, outreach, phases

_NEXT_STEPS = (
    "Send materiale om FVU til HR", "Aftal informationsmøde med TR",
    "Ring til direktøren om screening", "Book testvejleder hos VUC",
    "Følg op på tilmeldinger", "Send forslag til holdplan",
)
_NOTES = (
    "Mødt direktør og TR. Positive over for screening af alle.",
    "HR vil gerne, men produktionen er presset indtil uge 10.",
    "TR foreslår pølsevognsmøde ved vagtskiftet.",
    "Ledelsen siger ja til at alle skal screenes.",
)
_KIND_BY_PHASE = {1: "telefonmøde", 2: "første møde", 3: "nøglepersonkursus",
                  4: "opfølgning", 5: "opfølgning"}


def add_demo_activity(store: Store, companies: int = 120, seed: int = 1,
                      today: date | None = None) -> int:
    """Adds visits, follow-ups, sessions and phase history to up to `companies` demo
    companies that have a consultant (reklamebeskyttede are left alone). Returns how many."""
    rng = random.Random(seed)
    today = today or outreach.today_local()
    rows = store.db.execute(
        "SELECT id, phase, consultant FROM company WHERE deleted = 0 AND consultant != '' "
        "AND marketing_protected = 0 ORDER BY id LIMIT ?", [companies]).fetchall()
    for company_id, phase, consultant in rows:
        _company_activity(store, rng, company_id, phase, consultant, today)
    return len(rows)


def _company_activity(store: Store, rng: random.Random, company_id: str, phase: int,
                      consultant: str, today: date) -> None:
    if phase > 1:
        # The history of how the company got to its phase: one move per earlier phase, a
        # week apart, the last one yesterday at the latest (the board counts days in phase).
        span = 7 * (phase - 1)
        started = today - timedelta(days=span + rng.randint(1, 100))
        days = [workday_before(started + timedelta(days=7 * (p - 1))) for p in range(1, phase + 1)]
        for target, day in enumerate(days, start=1):
            phases.move_phase(store, company_id, target, consultant, "Demodata",
                              at=datetime.combine(day, time(10), tzinfo=outreach.COPENHAGEN))
    visit_day = workday_from(today + timedelta(days=rng.randint(-21, 10)))
    due = workday_from(visit_day + timedelta(days=rng.randint(3, 14)))
    outreach.log_visit(
        store, company_id, date=visit_day, time=f"{rng.choice((8, 9, 10, 13, 14))}:30",
        kind=_KIND_BY_PHASE[phase], consultant=consultant, notes=rng.choice(_NOTES),
        next_step=rng.choice(_NEXT_STEPS), next_due=due)
    if phase >= 2 and rng.random() < 0.6:
        invited = rng.randint(12, 80)
        attended = rng.randint(invited // 2, invited)
        motivation.log_session(
            store, company_id, date=workday_from(today + timedelta(days=rng.randint(-30, 14))),
            time="14:00", format=rng.choice(("pølsevogn", "informationsmøde", "temamøde")),
            consultant=consultant, place="Kantinen", messengers=["tr", "leder"],
            invited=invited, attended=attended, signed_up=rng.randint(attended // 3, attended))


def workday_from(day: date) -> date:
    """The day itself, or the first working day after it (past a weekend or Påske)."""
    while day_note(day) is not None:
        day += timedelta(days=1)
    return day


def workday_before(day: date) -> date:
    """The day itself, or the last working day before it: a past date stays past."""
    while day_note(day) is not None:
        day -= timedelta(days=1)
    return day
