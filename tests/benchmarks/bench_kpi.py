"""The full KPI funnel (services.kpi.compute) for 300 000 companies and 50 000 participants,
against the bare SQL aggregate of the same counts (plain COUNT / COUNT(DISTINCT) queries
without the scope, no Python), both measured in this run on one store.

Targets (issue 13): the full KpiResult <= 1 s, and <= 3x the bare SQL.
The store: the cached 300 000-company store plus two and a half years of outreach (visits,
phase changes, sessions), 50 000 participants (a tenth unemployed) with screenings,
referrals and results, 400 courses with enrolments; built once and cached beside it.
"""
from __future__ import annotations

import random
import shutil
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from lokomotiv_desktop.domain.kpi import KpiFilter
from lokomotiv_desktop.services import kpi
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store.migrations import LATEST

from .fixtures import GENERATOR_VERSION, cached_store_path

COMPANIES, PARTICIPANTS, COURSES = 300_000, 50_000, 400
ACTIVE, WITH_PEOPLE = 50_000, 5_000  # companies with outreach; with participants
KPI_VERSION = 1  # bump when the data below changes
FIRST, LAST = date(2027, 1, 1), date(2027, 6, 30)
ROUNDS = 9
SUBJECTS = [("læsning", 2), ("matematik", 1), ("digital", 1), ("engelsk", 2), ("obu", None)]


def _day(rng: random.Random) -> str:
    return (date(2025, 1, 1) + timedelta(days=rng.randrange(910))).isoformat()


def _fill(store: Store, seed: int = 13) -> None:
    rng = random.Random(seed)
    companies = [r[0] for r in store.db.execute(f"SELECT id FROM company LIMIT {ACTIVE}")]
    kinds = ["telefonmøde", "første møde", "opfølgning", "andet"]
    add = store.changes.insert_many
    with store.transaction():
        add("visit", [{"company_id": rng.choice(companies), "date": _day(rng),
                       "kind": rng.choice(kinds), "consultant": "Anne Holm"}
                      for _ in range(100_000)])
        add("phase_change", [{"company_id": rng.choice(companies), "to_phase": rng.randint(1, 5),
                              "changed_at": _day(rng) + "T10:00:00Z"} for _ in range(50_000)])
        add("motivation_session", [{"company_id": rng.choice(companies[:WITH_PEOPLE]),
                                    "date": _day(rng), "attended": rng.randint(3, 40)}
                                   for _ in range(10_000)])
        people = add("participant", [  # every tenth unemployed (no company, own municipality)
            {"company_id": None if n % 10 == 0 else companies[n % WITH_PEOPLE],
             "employment": "ledig" if n % 10 == 0 else "beskæftiget",
             "municipality_code": "630" if n % 10 == 0 else None,
             "first_name": "Deltager", "last_name": str(n)} for n in range(PARTICIPANTS)])
        add("screening", [{"participant_id": p, "date": _day(rng), "subject": s, "trin": t,
                           "tool": "vlv2", "outcome": "laesekursus"}
                          for p in people for s, t in [rng.choice(SUBJECTS[:4])]])
        referrals = add("referral", [{"participant_id": p, "date": _day(rng)}
                                     for p in people[::12]])
        add("dyslexia_result", [{"referral_id": r, "date": _day(rng),
                                 "result": rng.choice(["rød", "gul", "grøn"])}
                                for r in referrals[::2]])
        courses = []
        for n in range(COURSES):
            subject, trin = rng.choice(SUBJECTS)
            start = date(2025, 1, 6) + timedelta(weeks=rng.randrange(125))
            courses.append({"company_id": companies[n * 7], "subject": subject, "trin": trin,
                            "start_date": start.isoformat(), "lesson_count": 20,
                            "pattern": '[{"weekday":0,"start":"08:00","end":"10:30"},'
                                       '{"weekday":3,"start":"08:00","end":"10:30"}]',
                            "status": "aflyst" if n % 20 == 0 else "i_gang"})
        course_ids = add("course", courses)
        add("enrolment", [{"participant_id": people[n * 3], "course_id": course_ids[n % COURSES],
                           "date": courses[n % COURSES]["start_date"],
                           "status": rng.choice(["tilmeldt", "gennemført", "udgået"]),
                           "result": rng.choice(["bestået", None])} for n in range(4_000)])
    store.db.execute("ANALYZE")


def _store_path(log) -> Path:
    path = cached_store_path(COMPANIES, log).with_name(
        f"lokomotiv-bench-kpi-{COMPANIES}-s{LATEST}-g{GENERATOR_VERSION}-k{KPI_VERSION}.db")
    if not path.exists():
        log(f"# adding the KPI data to a copy at {path} (once; cached)")
        building = path.with_suffix(".building")
        shutil.copyfile(cached_store_path(COMPANIES, log), building)
        store = Store(building)
        try:
            _fill(store)
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            store.close()
        shutil.move(building, path)
    return path


BARE = [  # the same counts, the plainest way
    "SELECT COUNT(DISTINCT company_id) FROM visit WHERE deleted = 0 AND date >= ?1 AND date < ?2",
    "SELECT COUNT(DISTINCT company_id) FROM visit WHERE deleted = 0 AND kind = 'første møde' "
    "AND date >= ?1 AND date < ?2",
    "SELECT COUNT(DISTINCT company_id) FROM phase_change WHERE deleted = 0 AND to_phase >= 2 "
    "AND changed_at >= ?1 AND changed_at < ?2",
    "SELECT COUNT(*), TOTAL(attended) FROM motivation_session WHERE deleted = 0 AND date >= ?1 "
    "AND date < ?2",
    "SELECT COUNT(DISTINCT participant_id) FROM screening WHERE deleted = 0 AND date >= ?1 "
    "AND date < ?2",
    "SELECT subject, COUNT(DISTINCT participant_id) FROM screening WHERE deleted = 0 "
    "AND date >= ?1 AND date < ?2 GROUP BY subject",
    "SELECT COUNT(*) FROM referral WHERE deleted = 0 AND date >= ?1 AND date < ?2",
    "SELECT result, COUNT(*) FROM dyslexia_result WHERE deleted = 0 AND date >= ?1 "
    "AND date < ?2 GROUP BY result",
    "SELECT k.subject, k.trin, COUNT(*) FROM enrolment e JOIN course k ON k.id = e.course_id "
    "WHERE e.deleted = 0 AND e.date >= ?1 AND e.date < ?2 GROUP BY 1, 2",
    "SELECT COUNT(*), SUM(result = 'bestået') FROM enrolment WHERE deleted = 0 "
    "AND status = 'gennemført'",
]


def _medians_s(*actions) -> list[float]:
    """Median seconds of each action, measured in alternation (the load on the shared
    cores moves; alternating keeps it the same for both), after one warm-up each."""
    for action in actions:
        action()  # warm: the pages in the cache, as on a laptop that has the store open
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(ROUNDS):
        for action, spent in zip(actions, times, strict=True):
            started = time.perf_counter()
            action()
            spent.append(time.perf_counter() - started)
    return [statistics.median(spent) for spent in times]


def run(report) -> None:
    store = Store(_store_path(report.note))
    try:
        bounds = (FIRST.isoformat(), (LAST + timedelta(days=1)).isoformat())
        flt = KpiFilter(first=FIRST, last=LAST)
        bare, ours = _medians_s(
            lambda: [store.db.execute(q, bounds if "?" in q else ()).fetchall() for q in BARE],
            lambda: kpi.compute(store, flt))
        result = kpi.compute(store, flt)
        report.note("numbers: " + ", ".join(f"{k}={v}" for k, v in result.numbers.items()))
        report("full_kpi", round(ours, 3), "s", round(bare, 3),
               "bare COUNT/COUNT(DISTINCT) of the same counts", "<= 1")
        report("full_kpi_vs_bare", round(ours, 3), "s", round(bare, 3),
               "bare COUNT/COUNT(DISTINCT) of the same counts", "<= 3x")
        town, = _medians_s(lambda: kpi.compute(store, KpiFilter(FIRST, LAST, municipality="630")))
        towns, = _medians_s(lambda: kpi.per_municipality(store, flt))
        report.note(f"filtered by municipality 630: {town:.3f} s; every municipality "
                    f"(per_municipality, 98 with activity): {towns:.3f} s")
    finally:
        store.close()

