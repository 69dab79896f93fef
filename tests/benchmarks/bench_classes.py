"""Suggested classes (domain.class_suggestions) for 2 000 screened participants across 50
companies, against a plain sort + groupby of the same rows by (subject, trin).

Target: 200 ms p95 (the consultant clicks "Foreslå hold" and waits for the list).
"""
from __future__ import annotations

import itertools
import random
import statistics
import time

from lokomotiv_desktop.domain.class_suggestions import Screened, suggest_classes

PARTICIPANTS = 2_000
COMPANIES = 50
SECOND_SUBJECT = 0.3  # share also screened in a second subject
ROUNDS = 30
TARGET_MS = "<= 200"
SUBJECTS = [("læsning", (1, 2, 3, 4)), ("matematik", (1, 2)), ("digital", (1, 2, 3)),
            ("engelsk", (1, 2, 3, 4)), ("start", (None,))]
WEIGHTS = [50, 25, 10, 10, 5]
TEAMS = ["Lager", "Produktion", "Rengøring", "Kontor", "Kantine", "Chauffører", "Vedligehold"]


def screened_rows(seed: int = 11) -> list[Screened]:
    rng = random.Random(seed)
    rows = []
    for n in range(PARTICIPANTS):
        company = n % COMPANIES
        team = TEAMS[rng.randrange(3 + company % 5)] if rng.random() < 0.9 else ""
        subjects = rng.choices(SUBJECTS, WEIGHTS, k=2)
        if rng.random() >= SECOND_SUBJECT or subjects[0] == subjects[1]:
            subjects = subjects[:1]
        for subject, trin in subjects:
            rows.append(Screened(f"p{n:05d}", f"c{company:03d}", subject, rng.choice(trin),
                                 rng.random() < 0.8, team, str(600 + company % 20),
                                 rng.random() < 0.05))
    return rows


def _baseline(rows: list[Screened]) -> int:
    key = lambda r: (r.subject, -1 if r.trin is None else r.trin, r.obu)  # noqa: E731
    groups = itertools.groupby(sorted((r for r in rows if r.places), key=key), key=key)
    return sum(1 for _ in (list(members) for _, members in groups))


def _times_ms(action, rows) -> list[float]:
    action(rows)  # warm up: the catalog is read once, on first use
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        action(rows)
        times.append((time.perf_counter() - started) * 1000)
    return times


def _p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[-1]


def run(report) -> None:
    rows = screened_rows()
    baseline = _times_ms(_baseline, rows)
    ours = _times_ms(suggest_classes, rows)
    result = suggest_classes(rows)
    report.note(f"{len(rows):,} screenings of {PARTICIPANTS:,} participants in {COMPANIES} "
                f"companies -> {len(result.classes)} classes, {len(result.unplaced)} unplaced; "
                f"median {statistics.median(ours):.2f} ms, slowest {max(ours):.2f} ms")
    report("suggest_classes_p95", round(_p95(ours), 2), "ms",
           round(_p95(baseline), 3), "sort + groupby of the same rows", TARGET_MS)


if __name__ == "__main__":
    def _print(name, value, unit, baseline_value, baseline_label, target):
        print(f"{name}: {value} {unit} (baseline {baseline_value} {unit}: {baseline_label}; "
              f"target {target} {unit})")

    _print.note = print
    run(_print)
