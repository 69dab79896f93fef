"""The Rapporter page's tables: the KPI funnel (one row per number, the employed/unemployed
split beside it) and one row per municipality. Both are filled from one background read
(``report_data``) so that a filter change costs one trip to the worker."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt

from ...domain import kpi as kpi_names
from ...domain.kpi import KpiFilter
from ...store.companies import CompanyRepository
from ...store.database import Store
from .table_base import HeaderedTableModel

NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the funnel name (kpi_names.FUNNEL) of a row
CODE_ROLE = Qt.ItemDataRole.UserRole + 2  # the municipality code of a row
EMPLOYED, UNEMPLOYED = "beskæftiget", "ledig"
# The municipality table's columns after the name: the numbers a coordinator compares.
MUNICIPALITY_NUMBERS = ("companies_contacted", "sessions", "screened", "referred_dyslexia",
                        "enrolled", "completed", "hours_taught")
_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass
class ReportData:
    result: object  # services.kpi.KpiResult
    months: list[tuple[str, int | float]]
    per_municipality: dict[str, object]  # code -> KpiResult
    names: dict[str, str]  # municipality code -> name


def report_data(store: Store, flt: KpiFilter, chart_name: str) -> ReportData:
    """On the worker: the funnel, the months of one number and the municipalities."""
    from ...services import kpi

    names = {m.code: m.name for m in CompanyRepository(store).municipalities()}
    return ReportData(kpi.compute(store, flt), kpi.monthly(store, flt, chart_name),
                      kpi.per_municipality(store, flt), names)


def number_text(value: int | float | None) -> str:
    """1.234 / 12,5 / – the way the window writes numbers (ui-conventions.md)."""
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return QLocale().toString(value, "f", 1)
    return QLocale().toString(int(value))


def label_of(name: str) -> str:
    return kpi_names.LABELS.get(name, name)


class FunnelModel(HeaderedTableModel):
    """Rows: (name, total, employed, unemployed); the split only for person counts."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._headers = [self.tr("Number"), self.tr("Total"), self.tr("Employed"),
                         self.tr("Unemployed")]

    def set_result(self, result) -> None:
        self.beginResetModel()
        self._rows = []
        for name in kpi_names.FUNNEL:
            split = result.employment.get(name)
            self._rows.append((name, result.numbers.get(name),
                               split.get(EMPLOYED) if split else None,
                               split.get(UNEMPLOYED) if split else None))
        self.endResetModel()

    def name_at(self, row: int) -> str | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, name: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r[0] == name), -1)

    def value(self, name: str):
        row = self.row_of(name)
        return self._rows[row][1] if row >= 0 else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == NAME_ROLE:
            return row[0]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and index.column() > 0:
            return self.tr("Double-click to see who is behind the number")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            return label_of(row[0])
        value = row[index.column()]
        if index.column() > 1 and value is None:
            return ""
        return number_text(value)


class MunicipalityModel(HeaderedTableModel):
    """One row per municipality with activity in the period, sorted by name."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._headers = [self.tr("Municipality")] + [label_of(n) for n in MUNICIPALITY_NUMBERS]

    def set_results(self, per_municipality: dict, names: dict[str, str]) -> None:
        from ...domain.danish_format import sort_key

        self.beginResetModel()
        self._rows = sorted(
            ((code, names.get(code, code), result) for code, result in per_municipality.items()),
            key=lambda r: sort_key(r[1]))
        self.endResetModel()

    def code_at(self, row: int) -> str | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def value_at(self, row: int, name: str):
        return self._rows[row][2].numbers.get(name) if 0 <= row < len(self._rows) else None

    def name_of_column(self, column: int) -> str | None:
        return MUNICIPALITY_NUMBERS[column - 1] if 0 < column <= len(MUNICIPALITY_NUMBERS) \
            else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        code, name, result = self._rows[index.row()]
        if role == CODE_ROLE:
            return code
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return _RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            return name
        return number_text(result.numbers.get(MUNICIPALITY_NUMBERS[index.column() - 1]))
