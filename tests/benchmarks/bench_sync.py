"""Sync end to end on loopback: a real `lokomotiv-server serve` process, two real client
stores driven by `sync.client.SyncClient`, on SQLite and (when installed) PostgreSQL.

- push 10 000 changes from one laptop + pull them on another, against inserting the same
  rows straight into the server's database (target 3 s);
- a sync round with nothing to do, against one authenticated GET /status (target 50 ms).
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from lokomotiv_desktop.server.accounts import add_user
from lokomotiv_desktop.server.backend import open_backend
from lokomotiv_desktop.server.storage import RowState, save_rows
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.sync.client import SyncClient

from .fixtures import company_rows

CHANGES = 10_000
NOOP_ROUNDS = 20
TARGET_S = "<= 3"
NOOP_TARGET_MS = "<= 50"
PASSWORD = "bench-password"


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
        return time.perf_counter() - started
    finally:
        backend.close()


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
