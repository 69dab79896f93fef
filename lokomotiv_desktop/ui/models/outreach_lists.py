"""List and table models over dated outreach events (services.outreach's ``Dated``): the
overview's follow-up lists (tick a task off) and upcoming events, and the Møder table."""
from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from ...domain.danish_format import field_date, long_date, short_date, sort_key
from ...domain.outreach import FollowUp, MotivationSession, Visit
from .table_base import HeaderedTableModel

if TYPE_CHECKING:  # only a type here; the store's outreach module loads with the data
    from ...store.outreach import Dated

COMPANY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2  # the Visit / FollowUp / MotivationSession
_Index = QModelIndex | QPersistentModelIndex
_OVERDUE = QColor("#b3261e")


def time_text(at: time | None) -> str:
    return at.strftime("%H:%M") if at else ""


class DatedListModel(QAbstractListModel):
    """Follow-up tasks (checkable: ticking one asks for it to be marked done) or upcoming
    visits and sessions, one line each."""

    done_toggled = Signal(str, bool)  # task id, done

    def __init__(self, today: date | None = None, parent=None):
        super().__init__(parent)
        self.today = today or date.today()
        self._rows: list[Dated] = []
        self._ticked: set[str] = set()  # ticked here, waiting for the store to confirm

    def set_rows(self, rows: list[Dated], today: date | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._ticked.clear()
        if today is not None:
            self.today = today
        self.endResetModel()

    def rows(self) -> list[Dated]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        dated = self._rows[index.row()]
        item = dated.item
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(dated)
        if role == COMPANY_ID_ROLE:
            return dated.company.id
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{dated.company.name} · CVR {dated.company.cvr}"
        if isinstance(item, FollowUp):
            if role == Qt.ItemDataRole.CheckStateRole:
                done = item.done or item.id in self._ticked
                return Qt.CheckState.Checked if done else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ForegroundRole and item.due < self.today:
                return _OVERDUE
            if role == Qt.ItemDataRole.FontRole and item.id in self._ticked:
                font = QFont()
                font.setStrikeOut(True)
                return font
        return None

    def _text(self, dated: Dated) -> str:
        item, company = dated.item, dated.company.name
        if isinstance(item, FollowUp):
            who = f"  ({item.consultant})" if item.consultant else ""
            return f"{short_date(item.due)}  ·  {company}  ·  {item.text}{who}"
        kind = item.kind.label if isinstance(item, Visit) else item.format.label
        when = " ".join(x for x in (short_date(item.date), time_text(item.time)) if x)
        return f"{when}  ·  {kind}  ·  {company}  ({item.consultant})"

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if isinstance(self._rows[index.row()].item, FollowUp):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.CheckStateRole or not index.isValid()
                or not isinstance(self._rows[index.row()].item, FollowUp)):
            return False
        task: FollowUp = self._rows[index.row()].item
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        if done:
            self._ticked.add(task.id)
        else:
            self._ticked.discard(task.id)
        self.dataChanged.emit(index, index)
        self.done_toggled.emit(task.id, done)
        return True


MEETING_COLUMNS = ("date", "time", "what", "company", "consultant", "counts")


class MeetingTableModel(HeaderedTableModel):
    """Visits and sessions in date order (the Møder page)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Dated] = []
        self._headers = [self.tr("Date"), self.tr("Time"), self.tr("What"), self.tr("Company"),
                         self.tr("Consultant"), self.tr("Invited / attended / signed up")]

    def set_rows(self, visits: list[Dated], sessions: list[Dated]) -> None:
        self.beginResetModel()
        self._rows = sorted([*visits, *sessions], key=lambda d: (
            d.item.date, d.item.time or time.min, sort_key(d.company.name), d.item.id))
        self.endResetModel()


    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        dated = self._rows[index.row()]
        if role == COMPANY_ID_ROLE:
            return dated.company.id
        if role == ITEM_ROLE:
            return dated.item
        item = dated.item
        column = MEETING_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and column == "date":
            return long_date(item.date)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "date":
            return field_date(item.date)
        if column == "time":
            return time_text(item.time)
        if column == "what":
            return item.kind.label if isinstance(item, Visit) else item.format.label
        if column == "company":
            return dated.company.name
        if column == "consultant":
            return item.consultant
        if isinstance(item, MotivationSession):
            return " / ".join("–" if n is None else str(n)
                              for n in (item.invited, item.attended, item.signed_up))
        return ""
