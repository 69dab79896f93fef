"""The conflict inbox as a table: which record, which field, my value, their value, who
wrote theirs and when. A change the server refused is one row for the whole change."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from ...store.conflict_inbox import REJECTED, Conflict
from ...sync.hlc import is_valid_stamp, parse_stamp
from .table_base import HeaderedTableModel

COL_RECORD, COL_FIELD, COL_MINE, COL_THEIRS, COL_WHO, COL_WHEN = range(6)
ConflictRole = Qt.ItemDataRole.UserRole + 1  # the Conflict itself


def stamp_time(stamp: str | None) -> str:
    """An HLC stamp's wall-clock part, as local time."""
    if not is_valid_stamp(stamp):
        return ""
    return datetime.fromtimestamp(parse_stamp(stamp)[0] / 1000).strftime("%d.%m.%Y %H:%M")


class ConflictsModel(HeaderedTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[Conflict] = []
        self._headers = [self.tr("Record"), self.tr("Field"), self.tr("My value"),
                         self.tr("Their value"), self.tr("Changed by"), self.tr("Changed at")]

    def set_conflicts(self, conflicts: list[Conflict]) -> None:
        self.beginResetModel()
        self._rows = list(conflicts)
        self.endResetModel()

    def conflict(self, row: int) -> Conflict:
        return self._rows[row]


    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        if role == ConflictRole:
            return c
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(c, index.column())
        return None

    # -- words for a person --------------------------------------------------------------------
    def table_label(self, table: str) -> str:
        labels = {
            "company": self.tr("Company"), "production_unit": self.tr("P-unit"),
            "contact": self.tr("Contact"), "visit": self.tr("Visit"),
            "follow_up": self.tr("Follow-up"), "motivation_session": self.tr("Motivation session"),
            "phase_change": self.tr("Phase change"), "kpi_target": self.tr("KPI target"),
            "participant": self.tr("Participant"),
        }
        return labels.get(table, table)

    def field_label(self, field: str) -> str:
        labels = {
            REJECTED: self.tr("(the whole change)"), "name": self.tr("Name"),
            "cvr": self.tr("CVR number"), "address": self.tr("Address"),
            "postcode": self.tr("Postcode"), "city": self.tr("City"),
            "municipality_code": self.tr("Municipality"), "employees": self.tr("Employees"),
            "phone": self.tr("Phone"), "email": self.tr("E-mail"),
            "website": self.tr("Website"), "phase": self.tr("Phase"),
            "consultant": self.tr("Consultant"), "notes": self.tr("Notes"),
            "role": self.tr("Role"), "date": self.tr("Date"), "deleted": self.tr("Deleted"),
        }
        return labels.get(field, field)

    def value_text(self, field: str, value: Any) -> str:
        if value is None or value == "":
            return self.tr("(empty)")
        if field == "deleted":
            return self.tr("Deleted") if value else self.tr("Not deleted")
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, dict):  # the fields of a refused change
            return ", ".join(f"{self.field_label(k)}: {self.value_text(k, v)}"
                             for k, v in value.items())
        return str(value)

    def _text(self, c: Conflict, column: int) -> str:
        if c.field == "deleted" and c.theirs and not c.mine:  # deleted while I edited it
            if column == COL_MINE:
                return self.tr("Restore it, with my edit")
            if column == COL_THEIRS:
                return self.tr("Deleted by %s") % (c.theirs_by or self.tr("Unknown"))
        if column == COL_RECORD:
            return f"{self.table_label(c.table)}: {c.label}"
        if column == COL_FIELD:
            return self.field_label(c.field)
        if column == COL_MINE:
            if c.rejected and c.mine is None:
                return self.tr("(removed: the person was erased)")
            return self.value_text(c.field, c.mine)
        if column == COL_THEIRS:
            return str(c.theirs) if c.rejected else self.value_text(c.field, c.theirs)
        if column == COL_WHO:
            return self.tr("The server") if c.rejected else (c.theirs_by or self.tr("Unknown"))
        if column == COL_WHEN:
            return _iso_local(c.detected) if c.rejected else stamp_time(c.theirs_stamp)
        return ""


def _iso_local(iso_utc: str | None) -> str:
    try:
        when = datetime.fromisoformat((iso_utc or "").replace("Z", "+00:00"))
    except ValueError:
        return ""
    return when.astimezone().strftime("%d.%m.%Y %H:%M")
