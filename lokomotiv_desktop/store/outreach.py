"""Repositories for a company's outreach events: visits, follow-up tasks, motivation
sessions and the participants registered from a session.

Reads return domain objects; writes go through ``store.changes`` and must run inside
``store.transaction()`` (the services do that). Values passed to writes are already
validated (domain/outreach_rules.py).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from ..domain.outreach import (
    Attendee,
    FollowUp,
    MessengerRole,
    MotivationSession,
    SessionFormat,
    Visit,
    VisitKind,
)
from ..domain.outreach_rules import from_json_list, json_list
from ..domain.text import split_name
from .changes import utc_now
from .database import Store

VISIT_COLUMNS = ("id, company_id, unit_id, date, time, kind, consultant, contact_ids, notes, "
                 "agreed, next_step, next_due, company_asked")
TASK_COLUMNS = "id, company_id, due, text, consultant, done, done_at, visit_id"
SESSION_COLUMNS = ("id, company_id, unit_id, date, time, place, format, consultant, messengers, "
                   "invited, attended, signed_up, notes")


@dataclass(frozen=True)
class CompanyRef:
    """What a list row needs to show and open the company."""

    id: str
    cvr: str
    name: str


@dataclass(frozen=True)
class Dated:
    """An event with its company, for the overview and the calendar export."""

    item: Any  # Visit | FollowUp | MotivationSession
    company: CompanyRef


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


def _iso(value: date | time | None) -> str | None:
    if value is None:
        return None
    return value.strftime("%H:%M") if isinstance(value, time) else value.isoformat()


def _visit(r) -> Visit:
    return Visit(id=r[0], company_id=r[1], unit_id=r[2], date=_date(r[3]), time=_time(r[4]),
                 kind=VisitKind(r[5]), consultant=r[6], contact_ids=from_json_list(r[7]),
                 notes=r[8], agreed=r[9], next_step=r[10], next_due=_date(r[11]),
                 company_asked=bool(r[12]))


def _task(r) -> FollowUp:
    return FollowUp(id=r[0], company_id=r[1], due=_date(r[2]), text=r[3], consultant=r[4],
                    done=bool(r[5]), done_at=r[6], visit_id=r[7])


def _session(r) -> MotivationSession:
    return MotivationSession(
        id=r[0], company_id=r[1], unit_id=r[2], date=_date(r[3]), time=_time(r[4]), place=r[5],
        format=SessionFormat(r[6]), consultant=r[7],
        messengers=[MessengerRole(m) for m in from_json_list(r[8]) if m in _ROLE_VALUES],
        invited=r[9], attended=r[10], signed_up=r[11], notes=r[12])


_ROLE_VALUES = {m.value for m in MessengerRole}


def _prefixed(columns: str, alias: str) -> str:
    return ", ".join(f"{alias}.{c.strip()}" for c in columns.split(","))


class VisitRepository:
    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    def get(self, visit_id: str) -> Visit | None:
        row = self.db.execute(
            f"SELECT {VISIT_COLUMNS} FROM visit WHERE id = ? AND deleted = 0", [visit_id]
        ).fetchone()
        return _visit(row) if row else None

    def for_company(self, company_id: str) -> list[Visit]:
        """Newest first (the company page and `lokomotiv visits`)."""
        return [_visit(r) for r in self.db.execute(
            f"SELECT {VISIT_COLUMNS} FROM visit WHERE company_id = ? AND deleted = 0 "
            f"ORDER BY date DESC, coalesce(time, '') DESC, id DESC", [company_id])]

    def between(self, first: date, last: date, consultant: str | None = None,
                company_id: str | None = None) -> list[Dated]:
        """Visits from first to last (inclusive) in date order, with their company."""
        return [Dated(_visit(r), CompanyRef(*r[-3:])) for r in _dated_query(
            self.db, "visit", VISIT_COLUMNS, first, last, consultant, company_id)]

    def add(self, values: Mapping[str, Any]) -> str:
        return self.store.changes.insert("visit", _visit_values(values))

    def update(self, visit_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return self.store.changes.update("visit", visit_id, _visit_values(values))

    def delete(self, visit_id: str) -> bool:
        return self.store.changes.delete("visit", visit_id)


def _visit_values(values: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(values)
    for key in ("date", "time", "next_due"):
        if key in out:
            out[key] = _iso(out[key])
    if "contact_ids" in out:
        out["contact_ids"] = json_list(out["contact_ids"])
    return out


class FollowUpRepository:
    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    def get(self, task_id: str) -> FollowUp | None:
        row = self.db.execute(
            f"SELECT {TASK_COLUMNS} FROM follow_up WHERE id = ? AND deleted = 0", [task_id]
        ).fetchone()
        return _task(row) if row else None

    def find(self, id_or_prefix: str) -> list[FollowUp]:
        """By full id or a unique prefix of it (ids are long; people type the first part)."""
        prefix = id_or_prefix.strip().lower()
        if not prefix:
            return []
        rows = self.db.execute(
            f"SELECT {TASK_COLUMNS} FROM follow_up WHERE id >= ? AND id < ? AND deleted = 0 "
            f"ORDER BY id LIMIT 2", [prefix, prefix + "\uffff"])
        return [_task(r) for r in rows]

    def for_company(self, company_id: str, include_done: bool = True) -> list[FollowUp]:
        done = "" if include_done else "AND done = 0"
        return [_task(r) for r in self.db.execute(
            f"SELECT {TASK_COLUMNS} FROM follow_up WHERE company_id = ? AND deleted = 0 {done} "
            f"ORDER BY done, due, id", [company_id])]

    def open_tasks(self, due_from: date | None = None, due_to: date | None = None,
                   consultant: str | None = None) -> list[Dated]:
        """Open tasks due within [due_from, due_to] (either end may be open), by due date."""
        where, params = ["t.done = 0", "t.deleted = 0"], []
        if due_from is not None:
            where.append("t.due >= ?")
            params.append(due_from.isoformat())
        if due_to is not None:
            where.append("t.due <= ?")
            params.append(due_to.isoformat())
        if consultant is not None:
            where.append("t.consultant = ?")
            params.append(consultant)
        rows = self.db.execute(
            f"SELECT {_prefixed(TASK_COLUMNS, 't')}, c.id, c.cvr, c.name FROM follow_up t "
            f"JOIN company c ON c.id = t.company_id AND c.deleted = 0 "
            f"WHERE {' AND '.join(where)} ORDER BY t.due, c.name COLLATE dansk, t.id", params)
        return [Dated(_task(r), CompanyRef(*r[-3:])) for r in rows]

    def add(self, values: Mapping[str, Any]) -> str:
        out = dict(values)
        out["due"] = _iso(out["due"])
        return self.store.changes.insert("follow_up", out)

    def set_done(self, task_id: str, done: bool = True) -> dict[str, Any]:
        return self.store.changes.update(
            "follow_up", task_id, {"done": done, "done_at": utc_now() if done else None})

    def update(self, task_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        out = dict(values)
        if "due" in out:
            out["due"] = _iso(out["due"])
        return self.store.changes.update("follow_up", task_id, out)

    def delete(self, task_id: str) -> bool:
        return self.store.changes.delete("follow_up", task_id)


class SessionRepository:
    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    def get(self, session_id: str) -> MotivationSession | None:
        row = self.db.execute(
            f"SELECT {SESSION_COLUMNS} FROM motivation_session WHERE id = ? AND deleted = 0",
            [session_id]).fetchone()
        return _session(row) if row else None

    def for_company(self, company_id: str) -> list[MotivationSession]:
        return [_session(r) for r in self.db.execute(
            f"SELECT {SESSION_COLUMNS} FROM motivation_session WHERE company_id = ? "
            f"AND deleted = 0 ORDER BY date DESC, coalesce(time, '') DESC, id DESC",
            [company_id])]

    def between(self, first: date, last: date, consultant: str | None = None,
                company_id: str | None = None) -> list[Dated]:
        return [Dated(_session(r), CompanyRef(*r[-3:])) for r in _dated_query(
            self.db, "motivation_session", SESSION_COLUMNS, first, last, consultant, company_id)]

    def add(self, values: Mapping[str, Any]) -> str:
        return self.store.changes.insert("motivation_session", _session_values(values))

    def update(self, session_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return self.store.changes.update("motivation_session", session_id,
                                         _session_values(values))

    def delete(self, session_id: str) -> bool:
        return self.store.changes.delete("motivation_session", session_id)

    # -- participants registered from a session ---------------------------------------------
    def add_participants(self, session: MotivationSession,
                         attendees: Iterable[Attendee]) -> list[str]:
        rows = []
        for a in attendees:
            first, last = split_name(a.name)
            rows.append({"company_id": session.company_id, "unit_id": session.unit_id,
                         "session_id": session.id, "first_name": first, "last_name": last,
                         "consultant": session.consultant, "signed_up": a.signed_up})
        return self.store.changes.insert_many("participant", rows)

    def participants(self, session_id: str) -> list[tuple[str, Attendee]]:
        return [(r[0], Attendee(r[1], bool(r[2]))) for r in self.db.execute(
            "SELECT id, trim(first_name || ' ' || last_name) AS name, signed_up "
            "FROM participant WHERE session_id = ? AND deleted = 0 "
            "ORDER BY name COLLATE dansk, id", [session_id])]

    def signed_up_count(self, company_id: str) -> int:
        """Participants of the company signed up for screening (every session and none)."""
        return self.db.execute(
            "SELECT count(*) FROM participant WHERE company_id = ? AND signed_up = 1 "
            "AND deleted = 0", [company_id]).fetchone()[0]


def _session_values(values: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(values)
    for key in ("date", "time"):
        if key in out:
            out[key] = _iso(out[key])
    if "messengers" in out:
        out["messengers"] = json_list(out["messengers"])
    return out


def _dated_query(db, table: str, columns: str, first: date, last: date,
                 consultant: str | None, company_id: str | None):
    where = ["e.deleted = 0", "e.date >= ?", "e.date <= ?"]
    params: list[Any] = [first.isoformat(), last.isoformat()]
    if consultant is not None:
        where.append("e.consultant = ?")
        params.append(consultant)
    if company_id is not None:
        where.append("e.company_id = ?")
        params.append(company_id)
    return db.execute(
        f"SELECT {_prefixed(columns, 'e')}, c.id, c.cvr, c.name FROM {table} e "
        f"JOIN company c ON c.id = e.company_id AND c.deleted = 0 "
        f"WHERE {' AND '.join(where)} ORDER BY e.date, coalesce(e.time, ''), e.id", params)
