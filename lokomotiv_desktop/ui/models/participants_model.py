"""The participants list: a lazy table model over participant ids (as the companies list).

It holds only the ordered ids matching the filter; display rows come from rows_for() a page
at a time as the view asks, kept in a small cache, so 50 000 participants cost a list of
strings, not 50 000 row objects."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from ...domain.danish_format import field_date
from ...store import participant_queries as queries
from ...store.database import Store
from ..tasks import TaskRunner
from .table_base import HeaderedTableModel

COL_NAME, COL_COMPANY, COL_TEAM, COL_CONSENT, COL_SCREENINGS, COL_REFERRED = range(6)
PAGE_SIZE = 200
CACHE_LIMIT = 5000
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class ParticipantsModel(HeaderedTableModel):
    """``set_filter`` queries the store (on the runner when there is one) and replaces the
    ids; an answer to an older filter than the latest is dropped."""

    loaded = Signal()  # the ids of the current filter are in

    def __init__(self, store: Store, runner: TaskRunner | None = None, parent=None, *,
                 company_id: str | None = None):
        super().__init__(parent)
        self._store, self._runner, self._company_id = store, runner, company_id
        self._text, self._municipality = "", None
        self._ids: list[str] = []
        self._cache: dict[str, queries.ParticipantRow] = {}
        self._generation = 0
        self._headers = [self.tr("Name"), self.tr("Company"), self.tr("Team/shift"),
                         self.tr("Consent"), self.tr("Screenings"), self.tr("Referred")]
        self._consent = {queries.CONSENT_VALID: self.tr("Given"),
                         queries.CONSENT_NONE: self.tr("Missing"),
                         queries.CONSENT_WITHDRAWN: self.tr("Withdrawn")}
        self._yes = self.tr("Yes")

    def set_filter(self, text: str = "", municipality: str | None = None) -> None:
        self._text, self._municipality = text, municipality
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        store, company, municipality, text = (self._store, self._company_id,
                                              self._municipality, self._text)

        def query() -> list[str] | None:
            if generation != self._generation:
                return None  # superseded while queued
            return queries.participant_ids(store, company_id=company,
                                           municipality=municipality, text=text)

        if self._runner is None:
            self._apply(generation, query())
        else:
            self._runner.run(query, cancellable=True,
                             on_done=lambda ids: self._apply(generation, ids))

    def _apply(self, generation: int, ids: list[str] | None) -> None:
        if generation != self._generation or ids is None:
            return
        self.beginResetModel()
        self._ids = ids
        self._cache.clear()
        self.endResetModel()
        self.loaded.emit()

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, participant_id: str) -> int:
        try:
            return self._ids.index(participant_id)
        except ValueError:
            return -1

    def _row(self, row: int) -> queries.ParticipantRow | None:
        pid = self._ids[row]
        cached = self._cache.get(pid)
        if cached is not None:
            return cached
        start = max(0, row - PAGE_SIZE // 4)  # a view scrolling either way finds its rows
        if len(self._cache) > CACHE_LIMIT:
            self._cache.clear()
        self._cache.update(queries.rows_for(self._store, self._ids[start:start + PAGE_SIZE]))
        return self._cache.get(pid)

    def _row_count(self) -> int:
        return len(self._ids)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._row(index.row())
        return None if row is None else self.text(row, index.column())

    def text(self, row: queries.ParticipantRow, column: int) -> str:
        if column == COL_CONSENT:
            return self._consent.get(row.consent, "")
        if column == COL_SCREENINGS:
            if not row.screenings:
                return "0"
            last = field_date(date.fromisoformat(row.last_screened)) if row.last_screened \
                else ""
            return f"{row.screenings} ({last})" if last else str(row.screenings)
        if column == COL_REFERRED:
            return self._yes if row.referral else ""
        return {COL_NAME: row.name, COL_COMPANY: row.company_name,
                COL_TEAM: row.team}[column]
