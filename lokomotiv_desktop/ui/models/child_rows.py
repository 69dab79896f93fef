"""Editable rows of a company's P-units or contacts, validated cell by cell as typed."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ...domain.danish_format import display_phone
from ...domain.validation import ValidationError

_INVALID_BACKGROUND = QBrush(QColor("#f8d7da"))
_Index = QModelIndex | QPersistentModelIndex
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 1  # [(value, label)] for a choice column's editor


@dataclass(frozen=True)
class ChildColumn:
    field: str
    header: str
    kind: str = "text"  # "text", "bool" (a check box) or "choice"
    choices: list[tuple[str, str]] = field(default_factory=list)  # (value, label)


class ChildRowsModel(QAbstractTableModel):
    """Rows are dicts of raw values (what the user typed) plus "id" for stored rows.

    ``cleaner(field, value)`` is the domain rule for one cell; it raises ValidationError.
    """

    edited = Signal()

    def __init__(self, columns: list[ChildColumn], cleaner: Callable[[str, Any], Any],
                 parent=None):
        super().__init__(parent)
        self._columns = columns
        self._cleaner = cleaner
        self._rows: list[dict[str, Any]] = []
        self._removed_ids: list[str] = []
        self._errors: dict[tuple[int, str], str] = {}
        self._server_errors: dict[tuple[int, str], str] = {}

    # -- content -------------------------------------------------------------------------------
    def load(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = [dict(row) for row in rows]
        self._removed_ids = []
        self._server_errors = {}
        self._revalidate()
        self.endResetModel()

    def add_row(self, defaults: dict[str, Any]) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(dict(defaults))
        self._revalidate()
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        removed = self._rows.pop(row)
        if removed.get("id"):
            self._removed_ids.append(removed["id"])
        self._server_errors = {}
        self._revalidate()
        self.endRemoveRows()
        self.edited.emit()

    def payload(self) -> list[dict[str, Any]]:
        """The items for services.companies.save_company: visible rows first, in view order
        (so "units[2].pnr" in an error is view row 2), then the removed stored rows."""
        items = []
        for row in self._rows:
            item = {c.field: row.get(c.field, "") for c in self._columns}
            if row.get("id"):
                item["id"] = row["id"]
            items.append(item)
        items += [{"id": row_id, "deleted": True} for row_id in self._removed_ids]
        return items

    def column_kind(self, column: int) -> str:
        return self._columns[column].kind

    def snapshot(self) -> tuple:
        return tuple(tuple(sorted(r.items())) for r in self._rows), tuple(self._removed_ids)

    # -- validation ---------------------------------------------------------------------------
    def _revalidate(self) -> None:
        self._errors = {}
        for index, row in enumerate(self._rows):
            for column in self._columns:
                try:
                    self._cleaner(column.field, row.get(column.field, ""))
                except ValidationError as exc:
                    self._errors[(index, column.field)] = exc.message

    def set_server_errors(self, errors: dict[tuple[int, str], str]) -> None:
        """Errors only the whole save can find (a P-number used twice)."""
        self._server_errors = dict(errors)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self._columns) - 1))

    def errors(self) -> list[tuple[int, str, str]]:
        """(row, column header, message) for every invalid cell, in reading order."""
        merged = {**self._server_errors, **self._errors}
        order = {c.field: i for i, c in enumerate(self._columns)}
        headers = {c.field: c.header for c in self._columns}
        return [(row, headers.get(name, name), message) for (row, name), message
                in sorted(merged.items(), key=lambda kv: (kv[0][0], order.get(kv[0][1], 99)))]

    def _error_at(self, row: int, name: str) -> str | None:
        return self._errors.get((row, name)) or self._server_errors.get((row, name))

    # -- Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header if 0 <= section < len(self._columns) else None
        return str(section + 1)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._columns[index.column()].kind == "bool":
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = self._columns[index.column()]
        value = self._rows[index.row()].get(column.field, "")
        error = self._error_at(index.row(), column.field)
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole and column.kind != "bool":
            if column.kind == "choice":
                return dict(column.choices).get(value, value)
            if column.field == "phone" and not error:
                # Shown as Danes write it ("53 55 55 69"); edited and stored as typed.
                return display_phone(value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.EditRole and column.kind != "bool":
            return "" if value is None else str(value)
        if role == CHOICES_ROLE and column.kind == "choice":
            return column.choices
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return _INVALID_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole and error:
            return error
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        column = self._columns[index.column()]
        if column.kind == "bool" and role == Qt.ItemDataRole.CheckStateRole:
            new_value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif column.kind != "bool" and role == Qt.ItemDataRole.EditRole:
            new_value = "" if value is None else str(value)
        else:
            return False
        row = self._rows[index.row()]
        if row.get(column.field) == new_value:
            return True
        row[column.field] = new_value
        self._server_errors.pop((index.row(), column.field), None)
        self._revalidate()
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True
