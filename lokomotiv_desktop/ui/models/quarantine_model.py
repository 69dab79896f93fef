"""The quarantine as a table: what kind of record, which one, why it could not be stored,
when it came. Rows are ``store.quarantine.QuarantinedRow``s, newest first."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from ...domain.danish_format import stored_time
from ...store.quarantine import QuarantinedRow
from .table_base import HeaderedTableModel

COL_KIND, COL_RECORD, COL_REASON, COL_RECEIVED = range(4)




class QuarantineModel(HeaderedTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[QuarantinedRow] = []
        self._headers = [self.tr("Kind"), self.tr("Record"), self.tr("Why it was not saved"),
                         self.tr("Received")]

    def set_rows(self, rows: list[QuarantinedRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def entry(self, row: int) -> QuarantinedRow:
        return self._rows[row]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole reason, one line per field; the cell shows them joined.
            return "\n".join(entry.reasons.values()) if column == COL_REASON \
                else self._text(entry, column)
        return None

    def _text(self, entry: QuarantinedRow, column: int) -> str:
        if column == COL_KIND:
            return self.table_label(entry.table)
        if column == COL_RECORD:
            return entry.label
        if column == COL_REASON:
            return " ".join(entry.reasons.values())  # each a sentence of its own
        if column == COL_RECEIVED:
            return stored_time(entry.received)
        return ""

    def table_label(self, table: str) -> str:
        labels = {
            "company": self.tr("Company"), "production_unit": self.tr("P-unit"),
            "contact": self.tr("Contact"), "visit": self.tr("Visit"),
            "follow_up": self.tr("Follow-up"), "motivation_session": self.tr("Motivation session"),
            "phase_change": self.tr("Phase change"), "kpi_target": self.tr("KPI target"),
            "participant": self.tr("Participant"),
        }
        return labels.get(table, table)
