"""Shared fixtures. Qt runs offscreen unless --onscreen is given (for debugging)."""
from __future__ import annotations

import os
import sys

import pytest

# The real PostgreSQL for server and sync tests (one per test process, started on first use).
pytest_plugins = ["tests.postgres"]

if "--onscreen" not in sys.argv:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")


def pytest_addoption(parser):
    parser.addoption("--onscreen", action="store_true", help="show Qt windows on the display")


@pytest.fixture
def store(tmp_path):
    """A fresh local store in a temporary folder."""
    from lokomotiv_desktop.store import Store

    s = Store(tmp_path / "lokomotiv.db")
    yield s
    s.close()


def pytest_terminal_summary(terminalreporter):
    """One closing line for the sync simulation (tests/sync/test_simulation.py): how many
    scenarios converged on how many backends. A scenario that lost, doubled or resurrected
    a row fails its test, so only failed tests can hold such a row."""
    runs, failed = [], []
    for outcome in ("passed", "failed"):
        for report in terminalreporter.stats.get(outcome, []):
            if getattr(report, "when", "") != "call":
                continue
            for name, value in getattr(report, "user_properties", ()):
                if name == "simulation":
                    runs.append(value)
            if outcome == "failed" and "test_simulation" in report.nodeid:
                failed.append(report.nodeid.rsplit("::", 1)[-1])
    if not runs and not failed:
        return
    scenarios = sum(run["scenarios"] for run in runs)
    line = (f"simulation: {scenarios} scenarios, {len(runs)} backends, "
            "0 lost, 0 duplicated, 0 resurrected")
    if failed:
        line = f"simulation: FAILED in {', '.join(failed)} ({scenarios} scenarios passed elsewhere)"
    terminalreporter.write_line(line)


def pytest_collection_modifyitems(items):
    """The long simulations first, so that the parallel workers do not wait on one of them
    at the end of the run."""
    items.sort(key=lambda item: "test_simulation" not in item.nodeid)
