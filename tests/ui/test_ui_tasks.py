"""The background runner and the Qt binding it relies on."""
from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QObject, Signal

from lokomotiv_desktop.ui.tasks import TaskRunner


def test_signal_emit_keeps_reference_counts():
    """PySide6 6.12.0 drops a reference to True on every Signal.emit(); after a few
    hundred emits the interpreter aborts ("deallocating True or False"). Pin around it."""
    class Sender(QObject):
        fired = Signal()

    sender = Sender()
    before = sys.getrefcount(True)
    for _ in range(50):
        sender.fired.emit()
    assert sys.getrefcount(True) >= before, "this PySide6 release corrupts refcounts on emit"


def test_work_runs_in_order_on_one_thread_and_results_come_back_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    worker_threads, results, delivered_on = set(), [], []

    def work(n):
        worker_threads.add(threading.get_ident())
        return n * n

    for n in range(5):
        runner.run(lambda n=n: work(n), on_done=lambda r: (
            results.append(r), delivered_on.append(threading.get_ident())))
    qtbot.waitUntil(lambda: not runner.busy)
    runner.shutdown()
    assert results == [0, 1, 4, 9, 16]
    assert len(worker_threads) == 1 and threading.get_ident() not in worker_threads
    assert set(delivered_on) == {threading.get_ident()}


def test_errors_and_progress_are_delivered(qtbot):
    runner = TaskRunner()
    errors, progress = [], []

    def failing():
        raise ValueError("disken er fuld")

    def counting(report):
        for done in range(1, 4):
            report(done, 3)
        return "færdig"

    runner.run(failing, on_error=errors.append)
    done = []
    runner.run(counting, on_done=done.append, on_progress=lambda d, t: progress.append((d, t)))
    qtbot.waitUntil(lambda: not runner.busy)
    runner.shutdown()
    assert [str(e) for e in errors] == ["disken er fuld"]
    assert progress == [(1, 3), (2, 3), (3, 3)] and done == ["færdig"]


def test_a_shut_down_runner_refuses_work():
    runner = TaskRunner()
    runner.shutdown()
    with pytest.raises(RuntimeError):
        runner.run(lambda: None)
