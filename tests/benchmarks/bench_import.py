"""`import-cvr` speed on a generated 100 000-row CVR extract (one row per P-unit, company
columns repeated; about 3 P-units per company), into a fresh store with change capture,
validation and search index, until the store is closed (what the command waits for).
Baseline: the same rows parsed with csv and written with a raw `executemany` into a bare
table in one transaction, until closed. Target: >= 50 000 rows/s.

Each run is a fresh Python process, as `lokomotiv import-cvr` is (the importer checks a
large file in a forked worker only where no other thread runs, which the benchmarks that
ran before in this process would spoil); the modules are imported before the clock starts.
The machine is shared and its disk's speed varies from second to second, so both are run
three times, alternating, each after the disk has caught up with earlier writes (os.sync),
and the best of each is the figure (as timeit does); all runs are noted.
"""
from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
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


def import_once(path: Path, db_path: Path) -> tuple[float, float, str]:
    """(rows/s wall, rows/s CPU, the import's summary line)."""
    from lokomotiv_desktop.services.import_cvr import import_cvr_file

    store = Store(db_path)
    started, cpu = time.perf_counter(), time.process_time()
    try:
        result = import_cvr_file(store, path)
    finally:
        store.close()
    return (ROWS / (time.perf_counter() - started), ROWS / (time.process_time() - cpu),
            result.summary_line())


def in_fresh_process(kind: str, path: Path, db_path: Path) -> tuple:
    """Runs raw_executemany or import_once in a new interpreter (see the module's note)."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_import", kind, str(path), str(db_path)],
        capture_output=True, text=True, check=True, cwd=Path(__file__).parents[2])
    return tuple(json.loads(done.stdout.strip().splitlines()[-1]))


def run(report) -> None:
    with tempfile.TemporaryDirectory(prefix="lokomotiv-bench-") as folder:
        extract = Path(folder) / "cvr.csv"
        write_extract(extract, ROWS)
        ours, raw = [], []
        for round_ in range(ROUNDS):
            _settle()
            raw.append(in_fresh_process("raw", extract, Path(folder) / f"raw{round_}.db"))
            _settle()
            ours.append(in_fresh_process("ours", extract, Path(folder) / f"store{round_}.db"))
        report.note(ours[-1][2])
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


if __name__ == "__main__":  # one run, in a fresh process: kind, extract, database
    _kind, _extract, _db = sys.argv[1:4]
    _measure = import_once if _kind == "ours" else raw_executemany
    print(json.dumps(_measure(Path(_extract), Path(_db))))
