"""The phase board ("Faser") over 5 000 companies, each with a phase history and follow-up
tasks, against a plain SELECT of the same 5 000 company rows.

Target: 100 ms for the whole board (what a person does not notice after a click).
"""
from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store.phases import PhaseRepository

from .fixtures import fill_store

COMPANIES = 5_000
TASKS_PER_COMPANY = 4
PHASE_CHANGES_PER_COMPANY = 3
ROUNDS = 15
TARGET_MS = "<= 100"
TODAY = date(2026, 12, 1)


def _add_outreach(store: Store, seed: int = 4) -> None:
    rng = random.Random(seed)
    ids = [r[0] for r in store.db.execute("SELECT id FROM company")]
    tasks, changes = [], []
    start = datetime(2025, 1, 1, tzinfo=UTC)
    for company_id in ids:
        for _ in range(TASKS_PER_COMPANY):
            tasks.append({"company_id": company_id, "text": "Ring til HR",
                          "due": (TODAY + timedelta(days=rng.randint(-30, 60))).isoformat(),
                          "consultant": "Anne Holm", "done": int(rng.random() < 0.5)})
        for n in range(PHASE_CHANGES_PER_COMPANY):
            changes.append({"company_id": company_id, "from_phase": n + 1, "to_phase": n + 2,
                            "changed_at": (start + timedelta(days=rng.randint(0, 600)))
                            .isoformat(timespec="seconds"), "changed_by": "Anne Holm",
                            "reason": ""})
    with store.transaction():
        store.changes.insert_many("follow_up", tasks)
        store.changes.insert_many("phase_change", changes)
    store.db.execute("ANALYZE")


def _median_ms(action) -> float:
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def run(report) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "board.db")
        try:
            fill_store(store, COMPANIES)
            _add_outreach(store)
            phases = PhaseRepository(store)
            baseline = _median_ms(lambda: store.db.execute(
                "SELECT id, cvr, name, municipality_code, consultant, phase FROM company "
                "WHERE deleted = 0").fetchall())
            label = f"plain SELECT of the {COMPANIES:,} company rows"
            board = _median_ms(lambda: phases.board(today=TODAY))
            report(f"board, {COMPANIES:,} companies", round(board, 2), "ms",
                   round(baseline, 2), label, TARGET_MS)
            busiest = store.db.execute(
                "SELECT municipality_code FROM company GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
            ).fetchone()[0]
            by_town = _median_ms(lambda: phases.board(municipality_code=busiest, today=TODAY))
            report("board filtered by municipality", round(by_town, 2), "ms",
                   round(baseline, 2), label, TARGET_MS)
            by_person = _median_ms(lambda: phases.board(consultant="Anne Holm", today=TODAY))
            report("board filtered by consultant", round(by_person, 2), "ms",
                   round(baseline, 2), label, TARGET_MS)
        finally:
            store.close()


if __name__ == "__main__":
    def _print(name, value, unit, baseline_value, baseline_label, target):
        print(f"{name}: {value} {unit} (baseline {baseline_value} {unit}: {baseline_label}; "
              f"target {target} {unit})")

    run(_print)
