"""`lokomotiv demo` stopped with Ctrl+C: a short Danish message, status 130, no traceback,
and a store that holds exactly what the message says (the demo is one transaction)."""
from __future__ import annotations

import os
import select
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from lokomotiv_desktop.services.demo import is_demo_store
from lokomotiv_desktop.store import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Ctrl+C as SIGINT, a pty")

COMPANIES = 3000  # three progress lines, a few seconds in all


class Demo:
    """`lokomotiv demo` in a real process, its stderr a terminal (so it shows progress)."""

    def __init__(self, db):
        import pty

        self.master, slave = pty.openpty()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "lokomotiv_desktop", "--db", str(db), "demo",
             "--companies", str(COMPANIES)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
        os.close(slave)
        self.err = b""

    def read(self, timeout: float) -> bool:
        """Reads what stderr has within `timeout`; False once the process closed it."""
        if select.select([self.master], [], [], timeout)[0]:
            try:
                chunk = os.read(self.master, 4096)
            except OSError:  # EIO: the process has gone
                chunk = b""
            if not chunk:
                return False
            self.err += chunk
        return True

    def wait_for(self, text: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while text.encode() not in self.err:
            assert time.monotonic() < deadline, f"no {text!r} in {self.err!r}"
            assert self.read(0.05), f"ended before {text!r}: {self.err!r}"

    def finish(self, timeout: float = 30) -> tuple[int, str, str]:
        deadline = time.monotonic() + timeout
        while self.read(0.05):
            assert time.monotonic() < deadline, "still running"
        status = self.process.wait(timeout=timeout)
        out = self.process.stdout.read().decode()
        self.process.stdout.close()
        os.close(self.master)
        return status, out, self.err.decode()


def _writing(db) -> bool:
    """The demo holds the store's write lock: its transaction has begun."""
    probe = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc)
        return True
    finally:
        probe.close()


@pytest.fixture
def db(tmp_path):
    """A store made beforehand, so the demo's own transaction is its first write."""
    path = tmp_path / "demo.db"
    Store(path).close()
    return path


def _store_holds_what_the_message_says(db, err: str) -> None:
    store = Store(db)
    try:
        companies = store.db.execute("SELECT count(*) FROM company").fetchone()[0]
        units = store.db.execute("SELECT count(*) FROM production_unit").fetchone()[0]
        visits = store.db.execute("SELECT count(*) FROM visit").fetchone()[0]
        if "ingen demodata gemt" in err:
            assert (companies, units, visits, is_demo_store(store)) == (0, 0, 0, False)
        else:
            assert f"nåede at blive gemt: {COMPANIES} demovirksomheder" in err, err
            assert companies == COMPANIES and visits > 0 and is_demo_store(store)
        assert store.pending_changes() == 0
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()


def _interrupted(demo: Demo, db) -> str:
    demo.process.send_signal(signal.SIGINT)
    status, out, err = demo.finish()
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert status == 130, (status, out, err)
    assert "lokomotiv: Afbrudt" in err
    _store_holds_what_the_message_says(db, err)
    return err


def test_ctrl_c_as_soon_as_the_demo_writes_keeps_nothing(db):
    demo = Demo(db)
    deadline = time.monotonic() + 60
    while not _writing(db):
        assert demo.process.poll() is None and time.monotonic() < deadline
        demo.read(0.002)
    err = _interrupted(demo, db)
    assert "Afbrudt — ingen demodata gemt." in err


def test_ctrl_c_after_the_first_progress_line_keeps_nothing(db):
    demo = Demo(db)
    demo.wait_for(f"af {COMPANIES:,} virksomheder".replace(",", "."))
    err = _interrupted(demo, db)
    assert "Afbrudt — ingen demodata gemt." in err
    assert "\n" in err.split("virksomheder")[-1], "the message starts on a line of its own"


def test_ctrl_c_near_the_end_says_truthfully_what_was_kept(db):
    # After the last part: while the activity is written, at COMMIT, or while printing.
    demo = Demo(db)
    total = f"{COMPANIES:,}".replace(",", ".")
    demo.wait_for(f"{total} af {total} virksomheder")
    _interrupted(demo, db)


def test_a_second_ctrl_c_while_it_stops_changes_nothing(db):
    demo = Demo(db)
    demo.wait_for("virksomheder")
    demo.process.send_signal(signal.SIGINT)
    demo.process.send_signal(signal.SIGINT)
    err = _interrupted(demo, db)
    assert "Afbrudt — ingen demodata gemt." in err
