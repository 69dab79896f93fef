"""Start-up to a visible, populated main window on a 300 000-company store, beside a bare
PySide6 window doing the same (a window with a table of rows, shown, painted once, quit).

The app is started as a user would (`python -m lokomotiv_desktop --db X`) with
LOKOMOTIV_EXIT_WHEN_READY=1: it prints `ready` once the main window is visible and has been
painted and the companies list has its first rows, and quits. The bare window prints it
after its first paint too, on the same Qt platform, so the two are measured alike.
Time = spawn to `ready`, the median of a few runs after one warm-up (a consultant opens the
app with the OS page cache warm far more often than cold). Both run with the caller's
environment as is: where PYTHONDONTWRITEBYTECODE is set, our modules are compiled from
source at every start (an installed app has its bytecode), which only makes our figure
worse, never the baseline.
Targets: <= 1.0 s, and <= 4x the bare window.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from .fixtures import working_copy

COMPANIES = 300_000
RUNS = 5
TIMEOUT_S = 60

_BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
model = QStandardItemModel(50, 4)
for row in range(50):
    for column in range(4):
        model.setItem(row, column, QStandardItem(f"{row}:{column}"))
def ready():
    print("ready", flush=True)
    app.quit()
class Window(QMainWindow):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:  # as the app: ready once the first paint is handled
            self.painted = True
            QTimer.singleShot(0, ready)
window = Window()
view = QTableView()
view.setModel(model)
window.setCentralWidget(view)
window.show()
app.exec()
"""


class NotReady(RuntimeError):
    pass


def time_to_ready(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=env)
    # An app that never gets ready (a modal error box waits for a click) is stopped.
    deadline = threading.Timer(TIMEOUT_S, process.kill)
    deadline.start()
    try:
        for line in process.stdout:
            if line.strip() == "ready":
                elapsed = time.perf_counter() - started
                process.wait(timeout=TIMEOUT_S)
                return elapsed
        process.wait(timeout=TIMEOUT_S)
        raise NotReady(f"exit status {process.returncode}, no 'ready' line; stderr: "
                       + process.stderr.read()[-400:].strip())
    finally:
        deadline.cancel()
        if process.poll() is None:
            process.kill()
            process.wait()


def median_time(command: list[str], env: dict[str, str]) -> float:
    time_to_ready(command, env)  # warm-up
    return statistics.median(time_to_ready(command, env) for _ in range(RUNS))


def run(report) -> None:
    try:
        import lokomotiv_desktop.ui.app as app_module
    except ImportError as exc:
        report.skip("startup", f"the window is not there yet ({exc})")
        return
    if not hasattr(app_module, "EXIT_WHEN_READY"):
        report.skip("startup", "the app has no LOKOMOTIV_EXIT_WHEN_READY hook yet")
        return
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "LOKOMOTIV_EXIT_WHEN_READY": "1"}
    bare = median_time([sys.executable, "-c", _BARE_WINDOW], env)
    with tempfile.TemporaryDirectory(prefix="lokomotiv-bench-") as folder:
        db = working_copy(COMPANIES, Path(folder))
        command = [sys.executable, "-m", "lokomotiv_desktop", "--db", str(db)]
        try:
            ours = median_time(command, env)
        except NotReady as exc:
            report.skip("startup", f"the app did not report ready: {exc}")
            return
    report("startup_300k", ours, "s", bare, "bare PySide6 window", "<= 1.0")
    report("startup_vs_bare", ours, "s", bare, "bare PySide6 window", "<= 4x")
