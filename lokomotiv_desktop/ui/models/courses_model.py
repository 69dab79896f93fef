"""The Hold list: one row per course with its company, provider, first and last lesson,
hours and how full it is. The rows need every course's lesson calendar, so they are built
on the background runner when there is one."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from ...domain import course_catalog as catalog
from ...domain.danish_format import field_date, sort_key
from ...domain.text import fold_danish
from ...services import courses as course_service
from ...services.course_view import title_of
from ...store.courses import CourseRepository, EnrolmentRepository, ProviderRepository
from ...store.database import Store
from ..tasks import TaskRunner
from .table_base import HeaderedTableModel

(COL_TITLE, COL_COMPANY, COL_PROVIDER, COL_START, COL_END, COL_HOURS, COL_PARTICIPANTS,
 COL_STATUS) = range(8)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class CourseRow:
    id: str
    title: str
    company: str
    provider: str
    start: date | None
    end: date | None
    hours: float
    enrolled: int
    max: int | None
    status: str

    def matches(self, text: str) -> bool:
        folded = fold_danish(text.strip())
        return not folded or any(folded in fold_danish(part) for part in (
            self.title, self.company, self.provider))


def course_rows(store: Store) -> list[CourseRow]:
    repo = CourseRepository(store)
    counts = EnrolmentRepository(store).counts()
    providers = {p.id: p.name for p in ProviderRepository(store).all()}
    found = course_service.courses(store)
    names = repo.company_names({cid for c in found for cid in c.all_company_ids})
    rows = []
    for course in found:
        calendar = course_service.calendar_of(store, course)
        company = ", ".join(names[c][1] for c in course.all_company_ids if c in names)
        rows.append(CourseRow(course.id, title_of(course), company,
                              providers.get(course.provider_id or "", ""), calendar.first,
                              calendar.last, round(calendar.hours, 2),
                              counts.get(course.id, 0), course.max_participants,
                              course.status))
    return sorted(rows, key=lambda r: (r.start or date.max, sort_key(r.company)))


class CoursesModel(HeaderedTableModel):
    loaded = Signal()

    def __init__(self, store: Store, runner: TaskRunner | None = None, parent=None):
        super().__init__(parent)
        self._store, self._runner = store, runner
        self._all: list[CourseRow] = []
        self._rows: list[CourseRow] = []
        self._text, self._status = "", None
        self._generation = 0
        self._headers = [self.tr("Course"), self.tr("Company"), self.tr("Provider"),
                         self.tr("Start"), self.tr("End"), self.tr("Hours"),
                         self.tr("Participants"), self.tr("Status")]

    def refresh(self) -> None:
        self._generation += 1
        generation, store = self._generation, self._store
        if self._runner is None:
            self._apply(generation, course_rows(store))
        else:
            self._runner.run(lambda: course_rows(store), cancellable=True,
                             on_done=lambda rows: self._apply(generation, rows))

    def _apply(self, generation: int, rows: list[CourseRow]) -> None:
        if generation != self._generation:
            return
        self._all = rows
        self._filter()

    def set_filter(self, text: str = "", status: str | None = None) -> None:
        self._text, self._status = text, status
        self._filter()

    def _filter(self) -> None:
        self.beginResetModel()
        self._rows = [r for r in self._all if r.matches(self._text)
                      and (self._status is None or r.status == self._status)]
        self.endResetModel()
        self.loaded.emit()

    def id_at(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, course_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == course_id), -1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (
                COL_HOURS, COL_PARTICIPANTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.text(row, index.column())

    @staticmethod
    def text(row: CourseRow, column: int) -> str:
        if column in (COL_START, COL_END):
            day = row.start if column == COL_START else row.end
            return field_date(day) if day else ""
        if column == COL_HOURS:
            return f"{row.hours:g}".replace(".", ",")
        if column == COL_PARTICIPANTS:
            return f"{row.enrolled}/{row.max}" if row.max else str(row.enrolled)
        if column == COL_STATUS:
            return catalog.course_status_label(row.status)
        return {COL_TITLE: row.title, COL_COMPANY: row.company,
                COL_PROVIDER: row.provider}[column]
