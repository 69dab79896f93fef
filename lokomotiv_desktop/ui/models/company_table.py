"""The companies list: a lazy table model over company rowids (as Anki's browser model).

It holds only the ordered rowids of the companies that match the filter; display rows are
fetched page by page when the view asks for them and kept in a small cache, so 300 000
companies cost a list of ints, not 300 000 objects.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ...domain.enums import Phase
from ...store.companies import CompanyFilter, CompanyListRow, CompanyRepository
from ..icons import icon
from ..tasks import TaskRunner
from .table_base import HeaderedTableModel

COL_NAME, COL_CVR, COL_CITY, COL_MUNICIPALITY, COL_PHASE, COL_CONSULTANT = range(6)
# Column -> the sort key CompanyFilter understands (SQL does the sorting).
SORT_KEYS = ["name", "cvr", "city", "municipality", "phase", "consultant"]
PAGE_SIZE = 200
CACHE_LIMIT = 5000
ROWID_ROLE = Qt.ItemDataRole.UserRole + 1
PROTECTED_ROLE = Qt.ItemDataRole.UserRole + 2
_PROTECTED_BACKGROUND = QBrush(QColor("#fdecea"))
_Index = QModelIndex | QPersistentModelIndex


class CompanyTableModel(HeaderedTableModel):
    """Rows of companies. ``set_filter`` queries the store (on the runner when there is one)
    and replaces the rowids; an answer to an older filter than the latest is dropped."""

    rows_shown = Signal()  # the first rows of the current filter are in
    loaded = Signal()  # all rowids of the current filter are in

    def __init__(self, repository: CompanyRepository, runner: TaskRunner | None = None,
                 parent=None):
        super().__init__(parent)
        self._repository = repository
        self._runner = runner
        self._filter = CompanyFilter()
        self._rowids: list[int] = []
        self._cache: dict[int, CompanyListRow] = {}
        self._generation = 0
        self._first_page_only = False
        self._headers = [self.tr("Name"), self.tr("CVR"), self.tr("City"),
                         self.tr("Municipality"), self.tr("Phase"), self.tr("Consultant")]
        self._protected_tip = self.tr(
            "Reklamebeskyttet: contact only at the company's own request")

    # -- querying ----------------------------------------------------------------------------
    @property
    def company_filter(self) -> CompanyFilter:
        return self._filter

    def set_filter(self, company_filter: CompanyFilter) -> None:
        self._filter = company_filter
        self.refresh()

    def refresh(self) -> None:
        """Runs the current filter again (after a save, an import or a sync).

        Without search text the list may hold every company: a first page comes first (a
        LIMIT query on an index, milliseconds), then the whole list extends it. The whole
        list is queued once the first page is in, so work queued meanwhile (the home
        page's data at start-up) does not wait behind it."""
        self._generation += 1
        generation, flt = self._generation, self._filter
        repository = self._repository
        if self._runner is None:
            self._apply(generation, repository.list_rowids(flt), complete=True)
            return
        def query(limit: int | None) -> list[int] | None:
            if generation != self._generation:
                return None  # superseded while queued: skip the work
            return repository.list_rowids(flt, limit=limit)

        def whole_list() -> None:
            self._runner.run(lambda: query(None), cancellable=True,
                             on_done=lambda rowids: self._apply(generation, rowids, True))

        def first_page(rowids: list[int] | None) -> None:
            self._apply(generation, rowids, False)
            if generation == self._generation:
                whole_list()

        if flt.text.strip():
            whole_list()
        else:
            self._runner.run(lambda: query(PAGE_SIZE), cancellable=True, on_done=first_page)

    def _apply(self, generation: int, rowids: list[int] | None, complete: bool) -> None:
        if generation != self._generation or rowids is None:
            return  # the user typed on; a newer query is on its way
        shown = len(self._rowids)
        if self._first_page_only and complete and rowids[:shown] == self._rowids:
            # The whole list extends the first page: append, so scrolling and the
            # selection stay where they are.
            if len(rowids) > shown:
                self.beginInsertRows(QModelIndex(), shown, len(rowids) - 1)
                self._rowids = rowids
                self.endInsertRows()
        else:
            self.beginResetModel()
            self._rowids = rowids
            self._cache.clear()
            self.endResetModel()
        self._first_page_only = not complete
        self.rows_shown.emit()
        if complete:
            self.loaded.emit()

    def rowid_at(self, row: int) -> int | None:
        return self._rowids[row] if 0 <= row < len(self._rowids) else None

    def company_id_at(self, row: int) -> str | None:
        rowid = self.rowid_at(row)
        return self._repository.id_for_rowid(rowid) if rowid is not None else None

    def _display_row(self, row: int) -> CompanyListRow | None:
        rowid = self._rowids[row]
        cached = self._cache.get(rowid)
        if cached is not None:
            return cached
        # Fetch a page around the asked row: a view scrolling either way finds its rows here.
        start = max(0, row - PAGE_SIZE // 4)
        if len(self._cache) > CACHE_LIMIT:
            self._cache.clear()
        self._cache.update(self._repository.list_rows(self._rowids[start:start + PAGE_SIZE]))
        return self._cache.get(rowid)

    # -- Qt model interface -------------------------------------------------------------------
    def _row_count(self) -> int:
        return len(self._rowids)


    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rowids):
            return None
        if role == ROWID_ROLE:
            return self._rowids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
                        Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole,
                        PROTECTED_ROLE):
            return None
        row = self._display_row(index.row())
        if row is None:
            return None  # deleted since the list was made; the next refresh drops it
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == PROTECTED_ROLE:
            return row.marketing_protected
        if not row.marketing_protected:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("protected") if index.column() == COL_NAME else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._protected_tip
        return _PROTECTED_BACKGROUND

    @staticmethod
    def _text(row: CompanyListRow, column: int) -> str:
        if column == COL_PHASE:
            return Phase(row.phase).label if row.phase in Phase._value2member_map_ else ""
        return {COL_NAME: row.name, COL_CVR: row.cvr, COL_CITY: row.city,
                COL_MUNICIPALITY: row.municipality, COL_CONSULTANT: row.consultant}[column]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_KEYS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        wanted = replace(self._filter, sort=SORT_KEYS[column], descending=descending)
        if wanted != self._filter:  # the view also calls sort() when it is set up
            self.set_filter(wanted)
