"""`import-cvr` speed on a generated 100 000-row CVR extract (one row per P-unit, company
columns repeated; about 3 P-units per company), into a fresh store with change capture,
validation and search index, until the store is closed (what the command waits for).
Baseline: the same rows parsed with csv and written with a raw `executemany` into a bare
table in one transaction, until closed. Target: >= 50 000 rows/s.

The machine is shared and its disk's speed varies from second to second, so both are run
three times, alternating, each after the disk has caught up with earlier writes (os.sync),
and the best of each is the figure (as timeit does); all runs are noted.
"""
from __future__ import annotations

import csv
import os
import sqlite3
import tempfile
import time
from pathlib import Path

from lokomotiv_desktop.store import Store

from .fixtures import company_rows

ROWS = 100_000
UNITS_PER_COMPANY = 3
HEADER = ("cvr;navn;adresse;postnr;by;kommunekode;branchekode;branchetekst;ansatte;"
          "reklamebeskyttet;pnr;p_navn;p_adresse;p_postnr;p_by;p_kommunekode;p_ansatte")


def write_extract(path: Path, rows: int) -> None:
    """A semicolon-separated UTF-8 extract as Danish Excel users get it."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(HEADER.split(";"))
        written = 0
        for index, (company, unit, _) in enumerate(company_rows(rows)):
            for extra in range(UNITS_PER_COMPANY):
                if written == rows:
                    return
                out.writerow([
                    company["cvr"], company["name"], company["address"], company["postcode"],
                    company["city"], company["municipality_code"], "434100", "Tømrerarbejde",
                    company["employees"], "ja" if company["marketing_protected"] else "nej",
                    f"{2_000_000_000 + index * UNITS_PER_COMPANY + extra:010d}", unit["name"],
                    unit["address"], unit["postcode"], unit["city"], unit["municipality_code"],
                    unit["employees"],
                ])
                written += 1


def raw_executemany(path: Path, db_path: Path) -> tuple[float, float]:
    """(rows/s wall, rows/s CPU): the machine is shared, so CPU time says more on a busy day."""
    started, cpu = time.perf_counter(), time.process_time()
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter=";")
        next(reader)
        rows = list(reader)
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute(f"CREATE TABLE extract ({', '.join(HEADER.split(';'))})")
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO extract VALUES ({', '.join('?' * 17)})", rows)
    conn.execute("COMMIT")
    conn.close()
    return (len(rows) / (time.perf_counter() - started),
            len(rows) / (time.process_time() - cpu))


def import_once(path: Path, db_path: Path):
    """(rows/s wall, rows/s CPU, the import's report)."""
    from lokomotiv_desktop.services.import_cvr import import_cvr_file

    store = Store(db_path)
    started, cpu = time.perf_counter(), time.process_time()
    try:
        result = import_cvr_file(store, path)
    finally:
        store.close()
    return (ROWS / (time.perf_counter() - started), ROWS / (time.process_time() - cpu),
            result)


def run(report) -> None:
    with tempfile.TemporaryDirectory(prefix="lokomotiv-bench-") as folder:
        extract = Path(folder) / "cvr.csv"
        write_extract(extract, ROWS)
        ours, raw = [], []
        for round_ in range(ROUNDS):
            _settle()
            raw.append(raw_executemany(extract, Path(folder) / f"raw{round_}.db"))
            _settle()
            ours.append(import_once(extract, Path(folder) / f"store{round_}.db"))
        result = ours[-1][2]
        if result.rejected:
            report.note(f"{result.rejected} rows rejected, e.g. {result.rejections[0].reason}")
        report.note(result.summary_line())
        report.note("all runs, rows/s: ours " + ", ".join(f"{r[0]:,.0f}" for r in ours)
                    + "; raw executemany " + ", ".join(f"{r[0]:,.0f}" for r in raw))
        report.note(f"CPU time, best: {max(r[1] for r in ours):,.0f} rows/s, "
                    f"raw executemany {max(r[1] for r in raw):,.0f} rows/s")
        report("import_cvr_rows_per_s", max(r[0] for r in ours), "rows/s",
               max(r[0] for r in raw), "raw executemany", ">= 50000")


ROUNDS = 3


def _settle() -> None:
    """Lets the disk catch up with earlier writes, so a run does not pay for the last one."""
    if hasattr(os, "sync"):
        os.sync()
