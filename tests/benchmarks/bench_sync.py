"""Sync end to end on loopback: a real `lokomotiv-server serve` process, two real client
stores driven by `sync.client.SyncClient`, on SQLite and (when installed) PostgreSQL.

- push 10 000 changes from one laptop + pull them on another, against inserting the same
  rows straight into the server's database (target 3 s);
- a sync round with nothing to do, against one authenticated GET /status (target 50 ms);
- the client's peak memory pulling 100 000 changes against pulling 50 000 (paged: flat,
  target 1.2x), each in a fresh child process (VmHWM); 10 000 and an idle client shown
  too. 10 000 -> 100 000 alone reads ~1.3x: the local store's page cache (cache_size
  32 MB, a fixed bound) fills until the file outgrows it (~13 MB at 10 000 rows, ~60 MB at
  50 000); from there on nothing grows with the number of rows pulled.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from lokomotiv_desktop.server.accounts import add_user
from lokomotiv_desktop.server.backend import open_backend
from lokomotiv_desktop.server.storage import RowState, save_rows
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.sync.client import SyncClient

from .bench_memory import _PEAK
from .fixtures import company_rows

CHANGES = 10_000
NOOP_ROUNDS = 20
TARGET_S = "<= 3"
NOOP_TARGET_MS = "<= 50"
PASSWORD = "bench-password"
MEMORY_SIZES = (10_000, 50_000, 100_000)
MEMORY_TARGET = "<= 1.2x"

# A laptop's client in its own process: logs in, then pulls everything (or only asks the
# status: the idle figure); prints its peak RSS in MB.
_CLIENT = """
import sys
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.sync.client import SyncClient
store_path, address, password, expected = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
store = Store(store_path)
client, _ = SyncClient.login(store, address, "bench", password)
if expected:
    report = client.sync_once()
    assert report.ok and report.pulled == expected, report
else:
    client.status()
"""


@contextmanager
def _server(url: str):
    process = subprocess.Popen(
        [sys.executable, "-m", "lokomotiv_desktop.server.cli", "serve", "--db", url,
         "--host", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.append(process.stdout.readline()))
        reader.start()
        reader.join(30)
        if not lines or not lines[0].startswith("Lytter på"):
            raise RuntimeError(f"server did not start: {process.stderr.read()}")
        yield lines[0].split()[-1]
    finally:
        process.terminate()
        process.wait(15)


def _prepare(url: str) -> None:
    backend = open_backend(url)
    try:
        backend.init_schema()
        add_user(backend, "bench", PASSWORD, "koordinator", [])
    finally:
        backend.close()


def _direct_insert_seconds(url: str, rows: list[dict]) -> float:
    """The baseline: the same rows written straight into the server's row table."""
    backend = open_backend(url)
    try:
        backend.init_schema()
        stamp = "1700000000000.00000.direct"
        states = [RowState("company", f"row{i}", row, dict.fromkeys(row, stamp),
                           row["municipality_code"], None, i + 1) for i, row in enumerate(rows)]
        started = time.perf_counter()
        with backend.write() as db:
            save_rows(db, states)
            db.execute("UPDATE server_meta SET value = ? WHERE key = 'seq'", [str(len(rows))])
        return time.perf_counter() - started
    finally:
        backend.close()


def _client_peak_mb(folder: Path, address: str, expected: int, name: str) -> float:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_CLIENT) + _PEAK, str(folder / f"{name}.db"),
         address, PASSWORD, str(expected)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"client {name} failed: {result.stderr[-2000:]}")
    return float(result.stdout.strip().splitlines()[-1])


def _measure_pull_memory(report, folder: Path) -> None:
    """Peak RSS of a fresh client pulling 10 000, 50 000, 100 000 changes (SQLite server)."""
    rows = [company for company, _, _ in company_rows(max(MEMORY_SIZES))]
    peaks: dict[int, float] = {}
    idle = 0.0
    for size in MEMORY_SIZES:
        url = f"sqlite:///{folder / f'memory{size}.db'}"
        _prepare(url)
        _direct_insert_seconds(url, rows[:size])
        with _server(url) as address:
            if not idle:
                idle = _client_peak_mb(folder, address, 0, "idle")
            peaks[size] = _client_peak_mb(folder, address, size, f"pull{size}")
    small, middle, large = MEMORY_SIZES
    report(f"sync: client peak RSS pulling {large:,} changes", peaks[large], "MB",
           peaks[middle], f"the same client pulling {middle:,}; {small:,}: {peaks[small]} MB, "
           f"idle: {idle} MB", MEMORY_TARGET)


def _measure(report, label: str, server_url: str, baseline_url: str, folder: Path) -> None:
    _prepare(server_url)
    rows = [company for company, _, _ in company_rows(CHANGES)]
    sender, receiver = Store(folder / "a.db"), Store(folder / "b.db")
    try:
        with sender.transaction():
            sender.changes.insert_many("company", rows)
        with _server(server_url) as address:
            a, _ = SyncClient.login(sender, address, "bench", PASSWORD)
            b, _ = SyncClient.login(receiver, address, "bench", PASSWORD)
            started = time.perf_counter()
            pushed = a.sync_once()
            pulled = b.sync_once()
            elapsed = time.perf_counter() - started
            if not (pushed.ok and pulled.ok and pushed.pushed == CHANGES
                    and pulled.pulled >= CHANGES):
                raise RuntimeError(f"sync incomplete: {pushed} / {pulled}")
            report(f"sync {label}: push + pull {CHANGES:,} changes", round(elapsed, 2), "s",
                   round(_direct_insert_seconds(baseline_url, rows), 2),
                   "the same rows inserted straight into the server's database", TARGET_S)
            noop = statistics.median(_timed(a.sync_once) for _ in range(NOOP_ROUNDS))
            status = statistics.median(_timed(a.status) for _ in range(NOOP_ROUNDS))
            report(f"sync {label}: round with nothing to do", round(noop * 1000, 1), "ms",
                   round(status * 1000, 1), "one authenticated GET /status", NOOP_TARGET_MS)
            a.close()
            b.close()
    finally:
        sender.close()
        receiver.close()


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def run(report) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "sqlite").mkdir()
        _measure(report, "SQLite", f"sqlite:///{root / 'shared.db'}",
                 f"sqlite:///{root / 'direct.db'}", root / "sqlite")
        (root / "memory").mkdir()
        _measure_pull_memory(report, root / "memory")
    _run_postgres(report)


def _run_postgres(report) -> None:
    from tests.postgres import _bin_dir, _Cluster

    bin_dir = _bin_dir()
    if bin_dir is None:
        print("# PostgreSQL not installed: sync benchmark on SQLite only")
        return
    cluster = _Cluster(bin_dir)
    try:
        server = cluster.start()
        shared, direct = server.create_database(), server.create_database()
        with tempfile.TemporaryDirectory() as folder:
            _measure(report, "PostgreSQL", server.url(shared), server.url(direct), Path(folder))
    finally:
        cluster.stop()


if __name__ == "__main__":
    def _print(name, value, unit, baseline_value, baseline_label, target):
        print(f"{name}: {value} {unit} (baseline {baseline_value} {unit}: {baseline_label}; "
              f"target {target} {unit})")

    run(_print)
