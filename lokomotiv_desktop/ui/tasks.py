"""The background runner: one serialized worker thread for database work (as Anki's taskman).

Work runs in submission order on a single thread, so two writes never race for the Store;
results, errors and progress come back on the GUI thread through queued signals.
"""
from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)


@dataclass
class _Callbacks:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[..., None] | None


class TaskRunner(QObject):
    """``run(fn, on_done, on_error, on_progress)``.

    When ``on_progress`` is given, ``fn`` is called as ``fn(progress)``: ``progress(*args)``
    may be called from the worker and ``on_progress(*args)`` runs on the GUI thread.
    Without it ``fn()`` takes no argument.
    """

    _finished = Signal(int, object, object)  # task id, result, exception
    _progressed = Signal(int, object)  # task id, args tuple
    idle = Signal()  # the queue ran empty (tests and the status bar wait on this)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lokomotiv-db")
        self._ids = itertools.count(1)
        self._pending: dict[int, _Callbacks] = {}
        self._lock = threading.Lock()
        self._closed = False
        # Queued: the slots run on the thread this runner lives on (the GUI thread).
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progressed.connect(self._report, Qt.ConnectionType.QueuedConnection)
        self.error_handler: Callable[[BaseException], None] = self._log_error

    @property
    def shut_down(self) -> bool:
        """No more work is taken (the window is closing)."""
        return self._closed

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[..., None] | None = None,
        cancellable: bool = False,
    ) -> int:
        """cancellable: a read whose answer nobody needs once the window closes; shutdown
        skips it if it has not started. Writes are never cancellable."""
        if self._closed:
            raise RuntimeError("the background runner is shut down")
        task_id = next(self._ids)
        self._pending[task_id] = _Callbacks(on_done, on_error, on_progress)
        self._pool.submit(self._execute, task_id, fn, on_progress is not None, cancellable)
        return task_id

    def _execute(self, task_id: int, fn: Callable[..., Any], with_progress: bool,
                 cancellable: bool) -> None:
        if cancellable and self._closed:
            return
        try:
            if with_progress:
                result = fn(lambda *args: self._progressed.emit(task_id, args))
            else:
                result = fn()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI
            self._finished.emit(task_id, None, exc)
        else:
            self._finished.emit(task_id, result, None)

    @Slot(int, object, object)
    def _deliver(self, task_id: int, result: Any, error: BaseException | None) -> None:
        callbacks = self._pending.pop(task_id, None)
        try:
            if callbacks is None:
                return
            if error is not None:
                (callbacks.on_error or self.error_handler)(error)
            elif callbacks.on_done is not None:
                callbacks.on_done(result)
        finally:
            if not self._pending:
                self.idle.emit()

    @Slot(int, object)
    def _report(self, task_id: int, args: tuple) -> None:
        callbacks = self._pending.get(task_id)
        if callbacks and callbacks.on_progress:
            callbacks.on_progress(*args)

    def _log_error(self, error: BaseException) -> None:
        log.error("background task failed", exc_info=(type(error), error, error.__traceback__))

    def shutdown(self, wait: bool = True) -> None:
        """Finishes the queued work (a half-written save must not be cut off), then stops."""
        self._closed = True
        self._pool.shutdown(wait=wait)
        self._pending.clear()
