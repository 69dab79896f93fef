"""The lesson calendars of 200 courses (what the Hold page and the overview's SVU reminders
compute), each 40 lessons on two weekdays with closed weeks and two lessons changed by hand,
read from a real store, against stepping through the same dates picking the pattern's
weekdays (no holidays, no closed weeks, no changes, no store).

Target: 100 ms for all 200 (issue 12). The first calendar in a process also loads the
holiday rules (the holidays package), a one-time cost reported beside it.
"""
from __future__ import annotations

import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from lokomotiv_desktop.services import courses
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store.companies import CompanyRepository

COURSES = 200
LESSONS = 40
ROUNDS = 15
TARGET_MS = "<= 100"


def _store(folder: Path) -> Store:
    store = Store(folder / "bench.db")
    with store.transaction():
        company_id = CompanyRepository(store).create({
            "cvr": "13748136", "name": "Vejle Stål A/S", "municipality_code": "630"})
    for n in range(COURSES):
        start = date(2026, 8, 3) + timedelta(weeks=n % 30)
        course = courses.add_course(
            store, company_id, subject="læsning", trin=1 + n % 4, start=start,
            weekdays=("man,tor", "tir,fre", "ons")[n % 3], time_span="08:00-10:30",
            lessons=LESSONS, closed_weeks="29-31, 42, 52-1", consultant="Anne Holm").course
        lessons = courses.calendar_of(store, course).held
        courses.cancel_lesson(store, course.id, lessons[3].date, "Lærer syg")
        courses.move_lesson(store, course.id, lessons[5].date, lessons[5].date + timedelta(1))
    return store


def _baseline(plans: list[tuple[date, set[int]]]) -> int:
    total = 0
    for start, weekdays in plans:
        day, found = start, 0
        while found < LESSONS:
            if day.weekday() in weekdays:
                found += 1
            day += timedelta(days=1)
        total += found
    return total


def _ours(store: Store) -> int:
    return sum(len(courses.calendar_of(store, c).lessons) for c in courses.courses(store))


def _times(action, arg) -> list[float]:
    out = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        action(arg)
        out.append((time.perf_counter() - started) * 1000)
    return out


def run(report) -> None:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        store = _store(Path(folder))
        setup = time.perf_counter() - started
        plans = [(c.start_date, {s["weekday"] for s in _pattern(c.pattern)})
                 for c in courses.courses(store)]
        first = time.perf_counter()
        _ours(store)
        first_ms = (time.perf_counter() - first) * 1000
        ours, baseline = _times(_ours, store), _times(_baseline, plans)
        store.close()
    p95 = statistics.quantiles(ours, n=20, method="inclusive")[-1]
    base95 = statistics.quantiles(baseline, n=20, method="inclusive")[-1]
    report.note(f"{COURSES} courses x {LESSONS} lessons (set up in {setup:.1f} s); median "
                f"{statistics.median(ours):.1f} ms; the first run in this process "
                f"{first_ms:.1f} ms")
    report("course_calendars_200_p95", round(p95, 1), "ms", round(base95, 2),
           "stepping through the pattern's weekdays", TARGET_MS)


def _pattern(text: str) -> list[dict]:
    import json

    return json.loads(text)
