"""Peak memory with 300 000 companies loaded: a process that holds the store open, the list
of all rowids in name order and the first page of rows, beside a bare Python + PySide6
process. Each runs in its own child process; peak RSS comes from VmHWM.
Target: <= 250 MB.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap

from .fixtures import cached_store_path

COMPANIES = 300_000

_BARE = """
import resource, sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
"""
_LOADED = _BARE + """
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store.companies import CompanyFilter, CompanyRepository
store = Store(sys.argv[1])
repo = CompanyRepository(store)
rowids = repo.list_rowids(CompanyFilter())
page = repo.list_rows(rowids[:200])
hits = repo.list_rowids(CompanyFilter(text="a"))
assert len(rowids) >= 300_000 and page, "the store is not loaded"
"""
# VmHWM, not getrusage: Linux carries ru_maxrss over fork+exec, so a child would report
# the benchmark runner's own peak (hundreds of MB after the import benchmark).
_PEAK = ("\nprint(next(int(line.split()[1]) // 1024 for line in open('/proc/self/status')"
         " if line.startswith('VmHWM:')))\n")


def peak_mb(script: str, *args: str) -> int:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script) + _PEAK, *args],
        capture_output=True, text=True, timeout=300, check=True,
    )
    return int(result.stdout.strip().splitlines()[-1])


def run(report) -> None:
    path = cached_store_path(COMPANIES, log=report.note)
    bare = peak_mb(_BARE)
    loaded = peak_mb(_LOADED, str(path))
    report("peak_rss_300k", loaded, "MB", bare, "bare Python + PySide6 QApplication",
           "<= 250")
