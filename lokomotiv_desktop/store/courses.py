"""Repositories of course planning: providers, courses, the lessons changed by hand,
enrolments and attendance.

Reads return domain records; writes go through ``store.changes`` (change capture) and must
run inside ``store.transaction()`` (the services do that, after validating). A hand-made
lesson change, an enrolment and an attendance mark have ids derived from what they are
about (course and date, course and person, enrolment and date), so two laptops that enrol
the same person offline make one row, which the sync merges field by field.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date, time
from typing import Any

from ..domain.course_calendar import Change
from ..domain.courses import Course, Enrolment, Provider
from ..sync.identity import natural_id
from .database import Store

PROVIDER_COLUMNS = ("id", "name", "kind", "vuc", "contact", "phone", "email", "address",
                    "municipality_code")
COURSE_COLUMNS = ("id", "company_id", "subject", "start_date", "pattern", "company_ids",
                  "trin", "provider_id", "teacher", "place", "unit_id", "lesson_count",
                  "total_hours", "closed_weeks", "closed_days", "max_participants", "status",
                  "consultant", "notes")
ENROLMENT_COLUMNS = ("id", "participant_id", "course_id", "date", "status", "result",
                     "svu_applied", "svu_applied_on", "notes")
_C_COLUMNS = ", ".join(f"c.{c}" for c in COURSE_COLUMNS)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _clock(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


def _course(row) -> Course:
    values = dict(zip(COURSE_COLUMNS, row, strict=True))
    values["start_date"] = _day(values["start_date"])
    values["company_ids"] = tuple(json.loads(values["company_ids"] or "[]"))
    values["closed_days"] = tuple(date.fromisoformat(d)
                                  for d in json.loads(values["closed_days"] or "[]"))
    return Course(**values)


def _enrolment(row) -> Enrolment:
    values = dict(zip(ENROLMENT_COLUMNS, row, strict=True))
    values["date"] = _day(values["date"])
    values["svu_applied_on"] = _day(values["svu_applied_on"])
    values["svu_applied"] = bool(values["svu_applied"])
    return Enrolment(**values)


def course_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Domain values as stored: dates ISO, lists JSON."""
    out = dict(values)
    if isinstance(out.get("start_date"), date):
        out["start_date"] = out["start_date"].isoformat()
    if "company_ids" in out:
        out["company_ids"] = json.dumps(list(out["company_ids"]), separators=(",", ":"))
    if "closed_days" in out:
        out["closed_days"] = json.dumps(sorted(d.isoformat() for d in out["closed_days"]),
                                        separators=(",", ":"))
    return out


class ProviderRepository:
    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    def add(self, values: Mapping[str, Any]) -> str:
        return self.store.changes.insert("provider", values)

    def update(self, provider_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return self.store.changes.update("provider", provider_id, values)

    def get(self, provider_id: str) -> Provider | None:
        row = self.db.execute(f"SELECT {', '.join(PROVIDER_COLUMNS)} FROM provider "
                              "WHERE id = ? AND deleted = 0", [provider_id]).fetchone()
        return Provider(*row) if row else None

    def all(self) -> list[Provider]:
        return [Provider(*r) for r in self.db.execute(
            f"SELECT {', '.join(PROVIDER_COLUMNS)} FROM provider WHERE deleted = 0 "
            "ORDER BY name COLLATE dansk, id")]

    def named(self, name: str) -> list[Provider]:
        """Providers whose name is this one, ignoring case."""
        return [Provider(*r) for r in self.db.execute(
            f"SELECT {', '.join(PROVIDER_COLUMNS)} FROM provider WHERE deleted = 0 "
            "AND lower(trim(name)) = lower(trim(?)) ORDER BY id", [name])]


class CourseRepository:
    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    def add(self, values: Mapping[str, Any]) -> str:
        return self.store.changes.insert("course", course_values(values))

    def update(self, course_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return self.store.changes.update("course", course_id, course_values(values))

    def delete(self, course_id: str) -> bool:
        return self.store.changes.delete("course", course_id)

    def get(self, course_id: str) -> Course | None:
        row = self.db.execute(f"SELECT {_C_COLUMNS} FROM course c WHERE c.id = ? "
                              "AND c.deleted = 0", [course_id]).fetchone()
        return _course(row) if row else None

    def ids_starting(self, prefix: str, limit: int = 3) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT id FROM course WHERE id >= ? AND id < ? AND deleted = 0 ORDER BY id "
            "LIMIT ?", [prefix, prefix + "\uffff", limit])]

    def all(self, company_id: str | None = None) -> list[Course]:
        """Newest start first; with a company, its own courses and the joint ones it is in."""
        where, args = "c.deleted = 0", []
        if company_id:
            where += (" AND (c.company_id = ? OR EXISTS (SELECT 1 FROM json_each(c.company_ids)"
                      " WHERE value = ?))")
            args = [company_id, company_id]
        return [_course(r) for r in self.db.execute(
            f"SELECT {_C_COLUMNS} FROM course c WHERE {where} "
            "ORDER BY c.start_date DESC, c.id", args)]

    def started_before(self, day: str) -> list[Course]:
        """Live courses, not cancelled, whose start date is before `day` (ISO): those that
        can have held lessons by then."""
        return [_course(r) for r in self.db.execute(
            f"SELECT {_C_COLUMNS} FROM course c WHERE c.deleted = 0 AND c.status != 'aflyst' "
            "AND c.start_date < ?", [day])]

    def company_names(self, company_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """id -> (cvr, name) of live companies."""
        ids = list(dict.fromkeys(company_ids))
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        return {r[0]: (r[1], r[2]) for r in self.db.execute(
            f"SELECT id, cvr, name FROM company WHERE id IN ({marks}) AND deleted = 0", ids)}

    # -- lessons changed by hand ---------------------------------------------------------
    def changes(self, course_id: str) -> list[Change]:
        return [Change(original=date.fromisoformat(r[0]), cancelled=bool(r[4]), reason=r[5],
                       new_date=_day(r[1]), start=_clock(r[2]), end=_clock(r[3]))
                for r in self.db.execute(
                    "SELECT original_date, date, start_time, end_time, cancelled, reason "
                    "FROM lesson WHERE course_id = ? AND deleted = 0 ORDER BY original_date",
                    [course_id])]

    def put_change(self, course_id: str, change: Change) -> str:
        """Writes (or replaces) the hand-made change of the lesson on change.original."""
        values = {"course_id": course_id, "original_date": change.original.isoformat(),
                  "date": change.new_date.isoformat() if change.new_date else None,
                  "start_time": change.start.strftime("%H:%M") if change.start else None,
                  "end_time": change.end.strftime("%H:%M") if change.end else None,
                  "cancelled": int(change.cancelled), "reason": change.reason}
        return _upsert(self.store, "lesson", f"{course_id}/{values['original_date']}", values)

    def drop_change(self, course_id: str, original: date) -> bool:
        row_id = natural_id("lesson", f"{course_id}/{original.isoformat()}")
        return self.store.changes.delete("lesson", row_id) if _alive(
            self.store, "lesson", row_id) else False


class EnrolmentRepository:
    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    def enrol(self, course_id: str, participant_id: str, values: Mapping[str, Any]) -> str:
        return _upsert(self.store, "enrolment", f"{course_id}/{participant_id}", {
            "course_id": course_id, "participant_id": participant_id, **values})

    def update(self, enrolment_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return self.store.changes.update("enrolment", enrolment_id, values)

    def delete(self, enrolment_id: str) -> bool:
        return self.store.changes.delete("enrolment", enrolment_id)

    def get(self, course_id: str, participant_id: str) -> Enrolment | None:
        row = self.db.execute(
            f"SELECT {', '.join(ENROLMENT_COLUMNS)} FROM enrolment WHERE id = ? AND deleted = 0",
            [natural_id("enrolment", f"{course_id}/{participant_id}")]).fetchone()
        return _enrolment(row) if row else None

    def of_course(self, course_id: str) -> list[Enrolment]:
        return self._with_attendance([_enrolment(r) for r in self.db.execute(
            f"SELECT {', '.join(ENROLMENT_COLUMNS)} FROM enrolment WHERE course_id = ? "
            "AND deleted = 0 ORDER BY date, id", [course_id])])

    def _with_attendance(self, enrolments: list[Enrolment]) -> list[Enrolment]:
        marks = self._attendance([e.id for e in enrolments])
        for e in enrolments:
            e.attendance.update(marks.get(e.id, {}))
        return enrolments

    def of_participants(self, participant_ids: Iterable[str]) -> list[Enrolment]:
        ids = list(participant_ids)
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        return self._with_attendance([_enrolment(r) for r in self.db.execute(
            f"SELECT {', '.join(ENROLMENT_COLUMNS)} FROM enrolment WHERE participant_id IN "
            f"({marks}) AND deleted = 0 ORDER BY date, id", ids)])

    def counts(self) -> dict[str, int]:
        """course id -> enrolled people (not those who left)."""
        return dict(self.db.execute(
            "SELECT course_id, count(*) FROM enrolment WHERE deleted = 0 AND status <> 'udgået' "
            "GROUP BY course_id").fetchall())

    def mark(self, enrolment_id: str, day: date, present: bool) -> str:
        return _upsert(self.store, "attendance", f"{enrolment_id}/{day.isoformat()}", {
            "enrolment_id": enrolment_id, "date": day.isoformat(), "present": int(present)})

    def _attendance(self, enrolment_ids: list[str]) -> dict[str, dict[date, bool]]:
        out: dict[str, dict[date, bool]] = {}
        if not enrolment_ids:
            return out
        marks = ", ".join("?" * len(enrolment_ids))
        for eid, day, present in self.db.execute(
                f"SELECT enrolment_id, date, present FROM attendance WHERE enrolment_id IN "
                f"({marks}) AND deleted = 0", enrolment_ids):
            out.setdefault(eid, {})[date.fromisoformat(day)] = bool(present)
        return out


def _alive(store: Store, table: str, row_id: str) -> bool:
    row = store.db.execute(f"SELECT deleted FROM {table} WHERE id = ?", [row_id]).fetchone()
    return row is not None and not row[0]


def _upsert(store: Store, table: str, key: str, values: Mapping[str, Any]) -> str:
    """The row about `key`: made, or written over (and brought back if it was deleted)."""
    row_id = natural_id(table, key)
    exists = store.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row_id]).fetchone()
    if exists is None:
        return store.changes.insert(table, values, row_id=row_id)
    store.changes.update(table, row_id, {**values, "deleted": 0})
    return row_id
