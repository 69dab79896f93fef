"""Courses for the demo store, so that Hold shows planned and running classes on the first
start: a VUC and an AOF per municipality of the screened demo people, and for a few
companies their first suggested class planned as a course, some already under way with
attendance, some starting soon with the SVU window open. Fictitious; never synced."""
from __future__ import annotations

import random
from datetime import date, timedelta

from ..domain.validation import ValidationError
from ..store.courses import CourseRepository, EnrolmentRepository
from ..store.database import Store
from . import outreach
from .courses import add_provider, calendar_of, providers
from .enrolments import enrol_suggested

# (weekdays, time, lessons): 30-40 hours each, the usual length of a trin.
_PATTERNS = (("man,tor", "08:00-10:30", 14), ("tir", "13:00-16:00", 12),
             ("ons,fre", "07:00-09:00", 16))
_TEACHERS = ("Mette Sørensen", "Jens Lund", "Aisha Khan", "Per Madsen", "Lone Bach",
             "Ole Friis", "Hanne Dal", "Bo Winther")


def add_demo_courses(store: Store, seed: int = 1, today: date | None = None,
                     courses: int = 8) -> int:
    """Plans up to `courses` courses; returns how many were planned."""
    rng = random.Random(seed)
    today = today or outreach.today_local()
    rows = store.db.execute(
        "SELECT c.id, c.municipality_code, m.name, c.consultant, count(*) FROM participant p "
        "JOIN company c ON c.id = p.company_id LEFT JOIN municipality m "
        "ON m.code = c.municipality_code WHERE p.deleted = 0 GROUP BY c.id "
        "ORDER BY count(*) DESC, c.id LIMIT ?", [courses]).fetchall()
    schools = _providers(store, {(code, name) for _, code, name, _, _ in rows if code})
    planned = 0
    for index, (company_id, code, _, consultant, _) in enumerate(rows):
        weekdays, span, lessons = _PATTERNS[index % len(_PATTERNS)]
        consented = date.fromisoformat(store.db.execute(
            "SELECT max(given_on) FROM consent s JOIN participant p ON p.id = s.participant_id "
            "WHERE p.company_id = ? AND s.purpose = 'course'", [company_id]).fetchone()[0])
        # A course begins the week after its people agreed (and after the company's first
        # visit); one that would have begun long ago begins in 4-10 weeks instead (its SVU
        # window open now).
        first_visit = store.db.execute("SELECT min(date) FROM visit WHERE company_id = ? AND "
                                       "deleted = 0", [company_id]).fetchone()[0]
        begins = max(consented, date.fromisoformat(first_visit) if first_visit else consented)
        start = _monday(begins + timedelta(days=7))
        if start > today - timedelta(days=14):
            start = _monday(today + timedelta(weeks=rng.randint(4, 10)))
        try:
            result = enrol_suggested(
                store, [company_id], 1, day=consented, min_size=3,
                provider_id=schools.get(code), start=start, weekdays=weekdays, time_span=span,
                lessons=lessons, closed_weeks="29-31, 42",
                teacher=_TEACHERS[index % len(_TEACHERS)], consultant=consultant,
                status="i gang" if start < today else "bekræftet")
        except ValidationError:
            continue  # no class to suggest for this company
        planned += 1
        if start < today:
            _attendance(store, result.saved.course, today, rng)
    return planned


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _providers(store: Store, municipalities: set[tuple[str, str]]) -> dict[str, str]:
    """municipality code -> the id of its VUC (made once, with an AOF beside it)."""
    known = {p.name: p for p in providers(store)}
    found = {}
    for code, name in sorted(municipalities):
        for kind in ("VUC", "AOF"):
            title = f"{kind} {name}"
            school = known.get(title) or add_provider(
                store, name=title, kind=kind, contact="Skolens kontaktperson",
                phone="70 10 20 30", email=f"kursus@{kind.lower()}-{code}.dk",
                municipality_code=code)
            if kind == "VUC":
                found[code] = school.id
    return found


def _attendance(store: Store, course, today: date, rng: random.Random) -> None:
    """Attendance of the lessons held so far; a course that has ended is finished, with
    most people through and a result."""
    repo = EnrolmentRepository(store)
    calendar = calendar_of(store, course)
    held = [x.date for x in calendar.held if x.date < today]
    ended = calendar.last is not None and calendar.last < today
    with store.transaction():
        for enrolment in repo.of_course(course.id):
            for day in held:
                repo.mark(enrolment.id, day, rng.random() < 0.88)
            if held:  # the window closed three weeks before the start
                repo.update(enrolment.id, {"svu_applied": 1, "svu_applied_on": enrolment.date
                                           .isoformat()})
            if ended:
                through = rng.random() < 0.85
                repo.update(enrolment.id, {
                    "status": "gennemført" if through else "udgået",
                    "result": rng.choice(("bestået", "standpunkt")) if through
                    else "ikke_afsluttet"})
            elif held:
                repo.update(enrolment.id, {"status": "startet"})
        if ended:
            CourseRepository(store).update(course.id, {"status": "afsluttet"})
