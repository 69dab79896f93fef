"""The KPI funnel of issue 13, computed offline from the synced store: per period and per
municipality, consultant, company or industry (domain.kpi names and filters them, the
SQL is store.kpi_queries, docs/kpi.md says what each number counts).

Course numbers (hours, completed, passed, days to the first course) need the lesson
calendar, which follows from each course's pattern: it is computed only for the courses
that can matter (alive, not aflyst, started by the period's end), hundreds and not the
100 000s of companies."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..domain.course_calendar import Calendar
from ..domain.courses import Course
from ..domain.kpi import (
    BEGINNING,
    EMPLOYMENT,
    FUNNEL,
    PERSON_COUNTS,
    PERSON_NUMBERS,
    KpiFilter,
    bounds,
    check_name,
    median,
    months,
    period,
    subject_trin_key,
)
from ..store.database import Store
from ..store.kpi_queries import KpiQueries, Scope
from .courses import calendar_of
from .outreach import today_local


@dataclass
class KpiResult:
    filter: KpiFilter
    numbers: dict[str, int | float | None] = field(default_factory=dict)
    employment: dict[str, dict[str, int]] = field(default_factory=dict)
    by_subject: dict[str, dict[str, int]] = field(default_factory=dict)
    by_subject_trin: dict[str, int] = field(default_factory=dict)
    dyslexia: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict:
        f = self.filter
        return {
            "filter": {"from": f.first.isoformat() if f.first else None,
                       "to": f.last.isoformat() if f.last else None,
                       "municipality": f.municipality, "consultant": f.consultant,
                       "company_id": f.company_id, "industry": f.industry},
            "numbers": {name: self.numbers.get(name) for name in FUNNEL},
            "employment": self.employment, "by_subject": self.by_subject,
            "by_subject_trin": self.by_subject_trin, "dyslexia": self.dyslexia,
        }


@dataclass
class _Run:
    """One computation: the period, the resolved scope and the course calendars (once)."""
    store: Store
    queries: KpiQueries
    scope: Scope
    first: date
    last: date
    courses: list[tuple[Course, Calendar]] | None = None

    @property
    def lo_hi(self) -> tuple[str, str]:
        return bounds(self.first, self.last)

    def calendars(self) -> list[tuple[Course, Calendar]]:
        if self.courses is None:
            self.courses = [(c, calendar_of(self.store, c))
                            for c in self.queries.courses_until(self.lo_hi[1])]
        return self.courses

    def within(self, first: date, last: date) -> _Run:
        return replace(self, first=max(first, self.first), last=min(last, self.last))


def _start(store: Store, flt: KpiFilter) -> tuple[_Run, KpiFilter]:
    first, last = period(flt, today_local())
    queries = KpiQueries(store)
    return _Run(store, queries, queries.scope(flt), first, last), replace(flt, last=last)


def compute(store: Store, flt: KpiFilter = KpiFilter()) -> KpiResult:  # noqa: B008 - frozen
    run, resolved = _start(store, flt)
    return _compute(run, resolved)


def _compute(run: _Run, flt: KpiFilter, groups=None) -> KpiResult:
    result = KpiResult(flt, employment={n: dict.fromkeys(EMPLOYMENT, 0) for n in PERSON_COUNTS})
    for group in groups or _GROUPS:
        group(run, result)
    return result


# -- the number groups (one query each, the course group one pass over the calendars) ----

def _companies(run: _Run, result: KpiResult) -> None:
    contacted, met = run.queries.visit_counts(run.scope, *run.lo_hi)
    result.numbers["companies_contacted"], result.numbers["first_meetings"] = contacted, met
    result.numbers["companies_motivation"] = run.queries.company_count(
        "companies_motivation", run.scope, *run.lo_hi)


def _sessions(run: _Run, result: KpiResult) -> None:
    sessions, attendees = run.queries.session_totals(run.scope, *run.lo_hi)
    result.numbers["sessions"], result.numbers["session_attendees"] = sessions, attendees


def _screened(run: _Run, result: KpiResult) -> None:
    rows = run.queries.screened_groups(run.scope, *run.lo_hi)
    for employment, subject, n in rows:
        if subject is None:
            result.employment["screened"][employment] = n
    result.numbers["screened"] = sum(result.employment["screened"].values())
    result.by_subject["screened"] = _summed((s, n) for _, s, n in rows if s is not None)


def _dyslexia(run: _Run, result: KpiResult) -> None:
    q, lo_hi = run.queries, run.lo_hi
    for employment, n in q.person_groups("referred_dyslexia", run.scope, *lo_hi):
        result.employment["referred_dyslexia"][employment] = n
    result.numbers["referred_dyslexia"] = sum(result.employment["referred_dyslexia"].values())
    rows = q.person_groups("dyslexia_results", run.scope, *lo_hi, ("d.result",))
    result.dyslexia = _summed((code, n) for _, code, n in rows)
    result.numbers["dyslexia_results"] = sum(result.dyslexia.values())


def _enrolled(run: _Run, result: KpiResult) -> None:
    rows = run.queries.person_groups("enrolled", run.scope, *run.lo_hi, ("k.subject", "k.trin"))
    for employment, _, _, n in rows:
        result.employment["enrolled"][employment] += n
    result.numbers["enrolled"] = sum(n for *_, n in rows)
    result.by_subject["enrolled"] = _summed((subject, n) for _, subject, _, n in rows)
    result.by_subject_trin = _summed((subject_trin_key(s, t), n) for _, s, t, n in rows)


def _courses(run: _Run, result: KpiResult) -> None:
    taught = _taught(run)
    result.numbers["hours_taught"] = round(sum(hours for hours in taught.values()), 2)
    rows = _completed(run)
    for _, employment, _, outcome in rows:
        result.employment["completed"][employment] += 1
        result.employment["passed"][employment] += outcome == "bestået"
    result.numbers["completed"] = len(rows)
    result.numbers["passed"] = sum(1 for *_, outcome in rows if outcome == "bestået")
    result.by_subject["completed"] = _summed((subject, 1) for _, _, subject, _ in rows)
    result.numbers["median_days_to_course"] = median(list(_days_to_course(run).values()))


_GROUPS: tuple[Callable[[_Run, KpiResult], None], ...] = (
    _companies, _sessions, _screened, _dyslexia, _enrolled, _courses)
_GROUP_OF = {**dict.fromkeys(("companies_contacted", "first_meetings",
                              "companies_motivation"), _companies),
             "sessions": _sessions, "session_attendees": _sessions, "screened": _screened,
             "referred_dyslexia": _dyslexia, "dyslexia_results": _dyslexia,
             "enrolled": _enrolled, **dict.fromkeys(("completed", "passed", "hours_taught",
                                                     "median_days_to_course"), _courses)}


def _taught(run: _Run) -> dict[str, float]:
    """Company id -> hours of held lessons dated in the period (courses by their company)."""
    calendars = run.calendars()
    in_scope = run.queries.companies_in_scope(run.scope, {c.company_id for c, _ in calendars})
    hours: dict[str, float] = {}
    for course, calendar in calendars:
        if course.company_id in in_scope:
            held = sum(lesson.hours for lesson in calendar.held
                       if run.first <= lesson.date <= run.last)
            if held:
                hours[course.company_id] = hours.get(course.company_id, 0) + held
    return hours


def _completed(run: _Run) -> list[tuple]:
    ending = [course.id for course, calendar in run.calendars()
              if calendar.last and run.first <= calendar.last <= run.last]
    return run.queries.completed_rows(run.scope, ending) if ending else []


def _days_to_course(run: _Run) -> dict[str, int]:
    """Company id -> days from its first visit ever to its first course's first lesson, for
    the companies in scope whose first lesson ever is in the period."""
    first_lesson: dict[str, date] = {}
    for course, calendar in run.calendars():
        if calendar.first:
            for company_id in course.all_company_ids:
                known = first_lesson.get(company_id)
                first_lesson[company_id] = min(known, calendar.first) if known else calendar.first
    starting = {c: d for c, d in first_lesson.items() if run.first <= d <= run.last}
    scoped = run.queries.companies_in_scope(run.scope, starting)
    visits = run.queries.first_visits(scoped)
    return {c: (starting[c] - date.fromisoformat(visits[c])).days for c in scoped if c in visits}


def _summed(pairs) -> dict[str, int]:
    out: dict[str, int] = {}
    for key, n in pairs:
        out[key] = out.get(key, 0) + n
    return dict(sorted(out.items()))


# -- views of the same numbers --------------------------------------------------------------

def monthly(store: Store, flt: KpiFilter, name: str) -> list[tuple[str, int | float]]:
    """("2027-01", n) for every month of the period (without a start: the last 12 months);
    a month without any value gives 0."""
    check_name(name)
    run, resolved = _start(store, flt)
    if flt.first is None:
        back = date(run.last.year - (run.last.month <= 11), (run.last.month - 12) % 12 + 1, 1)
        run = replace(run, first=max(back, BEGINNING))
    group = _GROUP_OF[name]
    out = []
    for label, first, last in months(run.first, run.last):
        result = _compute(run.within(first, last), resolved, (group,))
        value = result.numbers.get(name)
        out.append((label, 0 if value is None else value))
    return out


def per_municipality(store: Store, flt: KpiFilter) -> dict[str, KpiResult]:
    """Municipality code -> its numbers, for the municipalities with any activity in the
    period (within the filter's own municipality, if it has one). Each query runs once,
    grouped by municipality, and every municipality reads its share."""
    run, resolved = _start(store, flt)
    codes = run.queries.active_municipalities(*run.lo_hi)
    if flt.municipality is not None:
        codes = [c for c in codes if c == flt.municipality]
    run.calendars()  # once, for every municipality
    grouped = replace(run.scope, municipality=None, per_municipality=True)
    answers: dict[tuple, Any] = {}
    out = {}
    for code in codes:
        narrowed = replace(resolved, municipality=code)
        queries = _OneMunicipality(run.queries, grouped, code, answers)
        out[code] = _compute(replace(run, queries=queries, scope=grouped), narrowed)
    return out


class _OneMunicipality:
    """KpiQueries as one municipality sees them: a scoped query is asked once for all
    municipalities (answers shared between them) and answers for this code."""

    def __init__(self, queries: KpiQueries, scope: Scope, code: str, answers: dict):
        self.queries, self.scope, self.code, self.answers = queries, scope, code, answers

    def __getattr__(self, name: str):
        method = getattr(self.queries, name)

        def call(*args, **kwargs):
            if not any(isinstance(a, Scope) for a in args):
                return method(*args, **kwargs)
            args = tuple(self.scope if isinstance(a, Scope) else a for a in args)
            key = (name, repr(tuple(sorted(a) if isinstance(a, (set, dict)) else a
                                    for a in args if not isinstance(a, Scope))),
                   repr(sorted(kwargs.items())))
            if key not in self.answers:
                self.answers[key] = method(*args, **kwargs)
            return self.answers[key][self.code]
        return call


def drill(store: Store, flt: KpiFilter, name: str) -> list[dict[str, Any]]:
    """The companies or participants behind a number (window only: person rows never leave
    the association)."""
    check_name(name)
    run, _ = _start(store, flt)
    q, lo_hi = run.queries, run.lo_hi
    if name in PERSON_NUMBERS:
        if name in ("completed", "passed"):
            ids = {r[0] for r in _completed(run) if name == "completed" or r[3] == "bestået"}
        else:
            ids = set(q.participant_ids(name, run.scope, *lo_hi))
        return [{"kind": "participant", "id": pid, "name": f"{first} {last}".strip(),
                 "company": company} for pid, first, last, company in q.participants(ids)]
    if name == "hours_taught":
        ids = set(_taught(run))
    elif name == "median_days_to_course":
        ids = set(_days_to_course(run))
    else:
        ids = set(q.company_ids("sessions" if name == "session_attendees" else name,
                                run.scope, *lo_hi))
    return [{"kind": "company", "id": cid, "cvr": cvr, "name": company_name}
            for cid, cvr, company_name in q.companies(ids)]
