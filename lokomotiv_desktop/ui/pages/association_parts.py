"""What the Forening tabs share: plain read-only tables, dates the Danish way, and the
runner of a tab's reads and writes whose refusals go to the tab's message line."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ...domain.danish_format import field_date
from ..tasks import TaskRunner
from ..widgets.error_label import ErrorLabel


def table_widget(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name gets the room
    return table


def fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))


def iso_text(value: str | None) -> str:
    return field_date(date.fromisoformat(value)) if value else ""


class Work:
    """Runs a read or write of a tab on the worker (directly without one); a refusal
    goes to the tab's message line."""

    def __init__(self, runner: TaskRunner | None, message: ErrorLabel):
        self._runner, self._message = runner, message

    def run(self, fn, on_done) -> None:
        def done(result) -> None:
            self._message.show_message(None)
            on_done(result)

        if self._runner is None:
            try:
                done(fn())
            except ValueError as exc:
                self.failed(exc)
        else:
            self._runner.run(fn, on_done=done, on_error=self.failed)

    def failed(self, error: BaseException) -> None:
        self._message.show_message(getattr(error, "message", None) or str(error))
