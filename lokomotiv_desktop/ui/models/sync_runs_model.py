"""The last sync runs (``sync_run``): when, how many changes went each way, conflicts, and
the error of a failed run in plain Danish."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.danish_format import stored_time
from .table_base import HeaderedTableModel

COL_STARTED, COL_PUSHED, COL_PULLED, COL_CONFLICTS, COL_RESULT = range(5)
_NUMBER_COLUMNS = (COL_PUSHED, COL_PULLED, COL_CONFLICTS)
_ERROR_COLOUR = QColor("#b3261e")




class SyncRunsModel(HeaderedTableModel):
    """Rows are the dicts of ``SyncService.recent_runs`` (newest first)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._headers = [self.tr("Started"), self.tr("Sent"), self.tr("Received"),
                         self.tr("Conflicts"), self.tr("Result")]

    def set_runs(self, runs: list[dict]) -> None:
        self.beginResetModel()
        self._rows = list(runs)
        self.endResetModel()


    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        run, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(run, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBER_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_RESULT and run["error"]:
            return QBrush(_ERROR_COLOUR)
        return None

    def _text(self, run: dict, column: int) -> str:
        if column == COL_STARTED:
            return stored_time(run["started"])
        if column in _NUMBER_COLUMNS:
            key = {COL_PUSHED: "pushed", COL_PULLED: "pulled", COL_CONFLICTS: "conflicts"}
            return QLocale().toString(int(run[key[column]] or 0))
        if column == COL_RESULT:
            if run["error"]:
                return run["error"]
            return self.tr("OK") if run["finished"] else self.tr("Running or interrupted")
        return ""
