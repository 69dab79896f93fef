"""The import's checking worker ends with its parent: a killed `lokomotiv import-cvr` leaves
no worker behind (hundreds of MB, for minutes), and the store as it was before."""
from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lokomotiv_desktop.services import cvr_parts
from lokomotiv_desktop.services.cvr_file import CANONICAL
from lokomotiv_desktop.services.demo import demo_cvr_rows, load_demo
from lokomotiv_desktop.store import Store

pytestmark = pytest.mark.skipif(sys.platform != "linux" or not Path("/proc/self/stat").exists(),
                                reason="the worker is forked on Linux only; found via /proc")


def _cvr(head: int) -> str:
    weighted = sum(w * int(d) for w, d in zip((2, 7, 6, 5, 4, 3, 2), str(head), strict=True))
    return f"{head}{-weighted % 11}"


@pytest.fixture(scope="module")
def big_file(tmp_path_factory) -> Path:
    """Enough rows for the worker (WORKER_FROM): a few demo rows as templates, each copy
    with its own valid CVR and P-number (much faster than generating them all)."""
    templates = list(demo_cvr_rows(500, seed=4))
    rows, head = [], 2_000_000
    while sum(map(len, map(";".join, rows))) < 1.5 * cvr_parts.WORKER_FROM:
        for template in templates:
            while _cvr(head).__len__() != 8:
                head += 1
            row = list(template)
            row[0], row[10] = _cvr(head), str(1_100_000_000 + len(rows))
            rows.append(row)
            head += 1
    path = tmp_path_factory.mktemp("worker") / "stort_udtraek.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([CANONICAL, *rows])
    return path


def _state(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, None once it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    state, ppid = stat.rsplit(")", 1)[1].split()[:2]
    return state, int(ppid)


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (info := _state(int(entry))) and info[1] == pid:
            found.append(int(entry))
    return found


def _poll(condition, timeout: float, step: float = 0.01):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(step)
    return condition()


def _snapshot(db: Path) -> dict:
    store = Store(db)
    try:
        return {
            "integrity": store.db.execute("PRAGMA integrity_check").fetchone()[0],
            **{table: store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
               for table in ("company", "production_unit", "outbox", "company_search")},
        }
    finally:
        store.close()


@pytest.mark.parametrize("kill_with", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_import_leaves_no_worker_and_the_store_as_it_was(big_file, tmp_path,
                                                                  kill_with):
    db = tmp_path / "lokomotiv.db"
    store = Store(db)
    load_demo(store, companies=40, seed=9, activity=False)  # something the kill must keep
    store.close()
    before = _snapshot(db)
    assert before["company"] > 0 and before["integrity"] == "ok"

    importer = subprocess.Popen(
        [sys.executable, "-m", "lokomotiv_desktop", "--db", str(db), "import-cvr",
         str(big_file)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        workers = _poll(lambda: importer.poll() is None and _children(importer.pid), 60)
        assert workers, f"no checking worker started: {importer.stderr.read().decode()}"
        importer.send_signal(kill_with)
        assert importer.wait(timeout=30) == -kill_with, "killed in the middle of the import"
        # Gone, or a zombie that only waits to be reaped by whoever adopted it.
        gone = _poll(lambda: all(_state(w) is None or _state(w)[0] in "ZX" for w in workers),
                     timeout=5)
        assert gone, f"the worker outlived its parent: {[_state(w) for w in workers]}"
    finally:
        if importer.poll() is None:
            importer.kill()
            importer.wait()
        importer.stderr.close()
    assert _snapshot(db) == before  # the import is one transaction: none of it was kept
