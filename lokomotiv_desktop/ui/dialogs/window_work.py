"""A window's reads and writes on the background runner (inline when there is none): a
Danish refusal (ValidationError) goes to the window's message line, and an answer that
arrives after the window closed is dropped, since Qt has deleted its widgets by then (an
unexpected failure is still logged)."""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from ...domain.validation import ValidationError
from ..tasks import TaskRunner

log = logging.getLogger(__name__)


class WindowWork:
    def __init__(self, window: QDialog, runner: TaskRunner | None,
                 show_message: Callable[[str | None], None], context: str):
        self._runner, self._show, self._context = runner, show_message, context
        self.closed = False
        window.finished.connect(self._close)

    def _close(self, *_args) -> None:
        self.closed = True

    def run(self, work: Callable[[], Any], done: Callable[[Any], None],
            failed: Callable[[str], None] | None = None) -> None:
        show = failed or self._show

        def error(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                if not self.closed:
                    show(exc.message)
                return
            log.error(self._context, exc_info=(type(exc), exc, exc.__traceback__))
            if not self.closed:
                show(QCoreApplication.translate("CourseView", "It failed: %s") % exc)

        if self._runner is None:
            try:
                result = work()
            except Exception as exc:  # noqa: BLE001 - as the runner: every failure is shown
                error(exc)
                return
            done(result)
        else:
            self._runner.run(work, on_done=lambda r: None if self.closed else done(r),
                             on_error=error)
