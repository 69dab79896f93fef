"""Saving one row of the screening day (services.screenings.save_day_row: a new participant,
the consent and the screening, each with change capture, in one transaction), against a
bare sqlite3 insert-and-commit of the same three rows into plain tables on a file database
(WAL and synchronous=NORMAL, as the store runs).

Target: p95 <= 3x the baseline's p95.
"""
from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

from lokomotiv_desktop.services import screenings
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store.companies import CompanyRepository

ROWS = 200
WARM_UP = 10
DAY = date(2026, 12, 2)
TARGET = "<= 3x"


def _p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1]


def _row(n: int) -> screenings.DayRow:
    subject, tool, outcome, trin = (("læsning", "VLV-2", "læsekursus", 2) if n % 2 else
                                    ("matematik", "VMV-2", "egnet", 1))
    return screenings.DayRow(None, f"Person{n}", f"Efternavn{n}", "Hal A", True, subject,
                             tool, outcome, trin, "")


def _ours(folder: Path) -> list[float]:
    store = Store(folder / "day.db")
    try:
        with store.transaction():
            company_id = CompanyRepository(store).create({
                "cvr": "12345674", "name": "Vejle Stål A/S", "municipality_code": "630",
                "phase": 4, "consultant": "Anne Holm"})
        times = []
        for n in range(WARM_UP + ROWS):
            started = time.perf_counter()
            screenings.save_day_row(store, company_id, DAY, _row(n), school="VUC Syd",
                                    tester="Bo Lund")
            times.append((time.perf_counter() - started) * 1000)
        return times[WARM_UP:]
    finally:
        store.close()


def _bare(folder: Path) -> list[float]:
    db = sqlite3.connect(folder / "bare.db", isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.executescript(
        "CREATE TABLE participant (id TEXT PRIMARY KEY, company_id TEXT, first_name TEXT, "
        "last_name TEXT, team TEXT, signed_up INTEGER);"
        "CREATE TABLE consent (id TEXT PRIMARY KEY, participant_id TEXT, purpose TEXT, "
        "given_on TEXT, how TEXT);"
        "CREATE TABLE screening (id TEXT PRIMARY KEY, participant_id TEXT, date TEXT, "
        "subject TEXT, tool TEXT, outcome TEXT, trin INTEGER, school TEXT, tester TEXT, "
        "notes TEXT);")
    times = []
    for n in range(WARM_UP + ROWS):
        row = _row(n)
        pid = str(uuid.uuid4())
        started = time.perf_counter()
        db.execute("BEGIN")
        db.execute("INSERT INTO participant VALUES (?, ?, ?, ?, ?, 1)",
                   [pid, "c1", row.first_name, row.last_name, row.team])
        db.execute("INSERT INTO consent VALUES (?, ?, 'screening', ?, 'skriftlig')",
                   [str(uuid.uuid4()), pid, DAY.isoformat()])
        db.execute("INSERT INTO screening VALUES (?, ?, ?, ?, ?, ?, ?, 'VUC Syd', "
                   "'Bo Lund', '')", [str(uuid.uuid4()), pid, DAY.isoformat(), row.subject,
                                      row.tool, row.outcome, row.trin])
        db.execute("COMMIT")
        times.append((time.perf_counter() - started) * 1000)
    db.close()
    return times[WARM_UP:]


def run(report) -> None:
    with tempfile.TemporaryDirectory() as folder:
        bare = _bare(Path(folder))
        ours = _ours(Path(folder))
    report("row_save_p95", round(_p95(ours), 3), "ms", round(_p95(bare), 3),
           f"bare sqlite3 insert+commit of the same 3 rows (p95 of {ROWS})", TARGET)
    report.note(f"median: ours {statistics.median(ours):.3f} ms, "
                f"bare {statistics.median(bare):.3f} ms; slowest ours {max(ours):.3f} ms")
