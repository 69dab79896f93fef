"""Repositories for where a company stands: its phase history, the phase board, the KPI
targets agreed with its management, and the timeline of everything that happened."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from ..domain.enums import Phase
from ..domain.outreach import KpiMeasure, KpiTarget, PhaseChange
from .database import Store
from .outreach import FollowUpRepository, SessionRepository, VisitRepository

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


@dataclass(frozen=True)
class BoardCard:
    company_id: str
    cvr: str
    name: str
    municipality: str
    consultant: str
    phase: Phase
    next_due: date | None  # the earliest open follow-up
    days_in_phase: int | None  # None: no phase change recorded yet
    next_task: str = ""  # the text of the earliest open follow-up
    last_visit: date | None = None  # the latest visit up to today
    last_visit_kind: str = ""


@dataclass
class Board:
    columns: dict[Phase, list[BoardCard]] = field(
        default_factory=lambda: {p: [] for p in Phase})

    @property
    def counts(self) -> dict[Phase, int]:
        return {phase: len(cards) for phase, cards in self.columns.items()}

    def __len__(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class TimelineEntry:
    day: date
    at: time | None
    kind: str  # "besøg", "møde", "fase", "opgave"
    title: str
    detail: str
    row_id: str


# One query: the phase entry and next follow-up come from correlated subqueries that each
# read a few index entries, so the cost grows with the companies shown, not the history.
_BOARD_SQL = """
SELECT c.id, c.cvr, c.name, coalesce(m.name, ''), c.consultant, c.phase,
       (SELECT t.due || char(31) || t.text FROM follow_up t
         WHERE t.company_id = c.id AND t.done = 0 AND t.deleted = 0 ORDER BY t.due, t.id
         LIMIT 1),
       (SELECT max(p.changed_at) FROM phase_change p
         WHERE p.company_id = c.id AND p.to_phase = c.phase AND p.deleted = 0),
       (SELECT v.date || char(31) || v.kind FROM visit v
         WHERE v.company_id = c.id AND v.deleted = 0 AND v.date <= ? ORDER BY v.date DESC
         LIMIT 1)
FROM company c LEFT JOIN municipality m ON m.code = c.municipality_code
WHERE {where}
ORDER BY c.phase, dansk_key(c.name), c.id
"""


def local_day(stamp: datetime) -> date:
    return stamp.astimezone(COPENHAGEN).date()


@lru_cache(maxsize=4096)
def _entered_day(changed_at: str) -> date:
    return local_day(datetime.fromisoformat(changed_at))


@lru_cache(maxsize=4096)
def _day(text: str) -> date:
    return date.fromisoformat(text)


class PhaseRepository:
    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    def history(self, company_id: str) -> list[PhaseChange]:
        """Oldest first."""
        return [PhaseChange(
            id=r[0], company_id=company_id,
            from_phase=Phase(r[1]) if r[1] is not None else None, to_phase=Phase(r[2]),
            changed_at=datetime.fromisoformat(r[3]), changed_by=r[4], reason=r[5],
        ) for r in self.db.execute(
            "SELECT id, from_phase, to_phase, changed_at, changed_by, reason FROM phase_change "
            "WHERE company_id = ? AND deleted = 0 ORDER BY changed_at, id", [company_id])]

    def record(self, company_id: str, from_phase: Phase | None, to_phase: Phase,
               changed_by: str, reason: str = "", at: datetime | None = None) -> str:
        stamp = (at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
        return self.store.changes.insert("phase_change", {
            "company_id": company_id, "from_phase": from_phase, "to_phase": to_phase,
            "changed_at": stamp, "changed_by": changed_by, "reason": reason})

    def board(self, municipality_code: str | None = None, consultant: str | None = None,
              today: date | None = None) -> Board:
        where, params = ["c.deleted = 0"], []
        if municipality_code:
            where.append("c.municipality_code = ?")
            params.append(municipality_code)
        if consultant is not None:
            where.append("c.consultant = ?")
            params.append(consultant)
        today = today or datetime.now(COPENHAGEN).date()
        board = Board()
        sql = _BOARD_SQL.format(where=" AND ".join(where))
        for r in self.db.execute(sql, [today.isoformat(), *params]):
            try:
                phase = Phase(r[5])
            except ValueError:  # a value from a newer version: show it in the first column
                phase = Phase.AFKLARING
            entered = (today - _entered_day(r[7])).days if r[7] else None
            due, _, task = (r[6] or "").partition("\x1f")
            visited, _, visit_kind = (r[8] or "").partition("\x1f")
            board.columns[phase].append(BoardCard(
                company_id=r[0], cvr=r[1], name=r[2], municipality=r[3], consultant=r[4],
                phase=phase, next_due=_day(due) if due else None,
                days_in_phase=entered, next_task=task,
                last_visit=_day(visited) if visited else None, last_visit_kind=visit_kind))
        return board


class KpiRepository:
    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    def for_company(self, company_id: str) -> list[KpiTarget]:
        return [KpiTarget(
            id=r[0], company_id=company_id, description=r[1], measure=KpiMeasure(r[2]),
            target_percent=r[3], deadline=date.fromisoformat(r[4]), employees=r[5],
            manual_value=r[6],
        ) for r in self.db.execute(
            "SELECT id, description, measure, target_percent, deadline, employees, manual_value "
            "FROM kpi_target WHERE company_id = ? AND deleted = 0 ORDER BY deadline, id",
            [company_id])]

    def add(self, values: Mapping[str, Any]) -> str:
        return self.store.changes.insert("kpi_target", _kpi_values(values))

    def update(self, target_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return self.store.changes.update("kpi_target", target_id, _kpi_values(values))

    def delete(self, target_id: str) -> bool:
        return self.store.changes.delete("kpi_target", target_id)

    def unit_employees(self, company_id: str) -> int | None:
        """The employees of the company's P-units, when any unit has a count."""
        return self.db.execute(
            "SELECT sum(employees) FROM production_unit WHERE company_id = ? AND deleted = 0",
            [company_id]).fetchone()[0]


def _kpi_values(values: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(values)
    if isinstance(out.get("deadline"), date):
        out["deadline"] = out["deadline"].isoformat()
    return out


def timeline(store: Store, company_id: str) -> list[TimelineEntry]:
    """Visits, sessions, phase changes and tasks of a company, oldest first."""
    entries: list[TimelineEntry] = []
    for v in VisitRepository(store).for_company(company_id):
        detail = "\n".join(x for x in (v.notes, v.agreed and f"Aftalt: {v.agreed}") if x)
        entries.append(TimelineEntry(v.date, v.time, "besøg", v.kind.label, detail, v.id))
    for s in SessionRepository(store).for_company(company_id):
        counts = ", ".join(f"{label} {n}" for label, n in (
            ("inviteret", s.invited), ("fremmødt", s.attended),
            ("tilmeldt screening", s.signed_up)) if n is not None)
        entries.append(TimelineEntry(s.date, s.time, "møde", s.format.label,
                                     "\n".join(x for x in (counts, s.notes) if x), s.id))
    for p in PhaseRepository(store).history(company_id):
        source = f"{p.from_phase.label} → " if p.from_phase else ""
        stamp = p.changed_at.astimezone(COPENHAGEN)
        entries.append(TimelineEntry(
            stamp.date(), stamp.time().replace(second=0, microsecond=0), "fase",
            f"{source}{p.to_phase.label}",
            " · ".join(x for x in (p.changed_by, p.reason) if x), p.id))
    for t in FollowUpRepository(store).for_company(company_id):
        state = "udført" if t.done else "åben"
        entries.append(TimelineEntry(t.due, None, "opgave", t.text,
                                     f"{t.consultant} · {state}".strip(" ·"), t.id))
    entries.sort(key=lambda e: (e.day, e.at or time.min, e.kind, e.row_id))
    return entries
