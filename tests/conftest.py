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
