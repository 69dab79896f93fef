"""Table models for one company's outreach: its timeline (visits, sessions, phase changes
and tasks in date order) and its KPI targets with their current value."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ...domain.danish_format import field_date
from ...domain.outreach import KpiStatus
from ...store.phases import TimelineEntry
from .outreach_lists import time_text
from .table_base import HeaderedTableModel

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
_KIND_COLOURS = {"besøg": "#2f6fb3", "møde": "#7b3fb3", "fase": "#2e7d32", "opgave": "#8a5a00"}


class _Table(HeaderedTableModel):
    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self._headers = headers

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()


    def row_item(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None


class TimelineModel(_Table):
    def __init__(self, parent=None):
        super().__init__([], parent)
        self._headers = [self.tr("Date"), self.tr("Time"), self.tr("Kind"), self.tr("What"),
                         self.tr("Details")]
        self._kinds = {"besøg": self.tr("Visit"), "møde": self.tr("Session"),
                       "fase": self.tr("Phase"), "opgave": self.tr("Task")}

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry: TimelineEntry = self._rows[index.row()]
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            return QColor(_KIND_COLOURS.get(entry.kind, "#1b1f24"))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4 and entry.detail:
            return entry.detail
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (field_date(entry.day), time_text(entry.at),
                self._kinds.get(entry.kind, entry.kind), entry.title,
                entry.detail.replace("\n", " · "))[index.column()]


class KpiTableModel(_Table):
    def __init__(self, parent=None):
        super().__init__([], parent)
        self._headers = [self.tr("Target"), self.tr("Deadline"), self.tr("Target (%)"),
                         self.tr("Now"), self.tr("Status")]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        status: KpiStatus = self._rows[index.row()]
        if role == ENTRY_ROLE:
            return status
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 4:
            return QColor("#2e7d32" if status.reached else
                          "#b3261e" if status.days_left < 0 else "#1b1f24")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        target = status.target
        return (target.description, field_date(target.deadline),
                _percent(target.target_percent), self._now(status),
                self._state(status))[index.column()]

    def _now(self, status: KpiStatus) -> str:
        if status.current_percent is None:
            return self.tr("unknown (no headcount)")
        text = _percent(status.current_percent)
        if status.counted is not None and status.out_of:
            text += f"  ({status.counted} / {status.out_of})"
        return text

    def _state(self, status: KpiStatus) -> str:
        if status.reached:
            return self.tr("Reached")
        if status.days_left < 0:
            return self.tr("Deadline passed")
        return self.tr("%s days left") % status.days_left


def _percent(value: float) -> str:
    return f"{value:g} %".replace(".", ",")
