"""Repositories of the association's own data (issue 13): members, the board, the yearly
grant rate, the P-number counts and the activity grants.

Rows are plain dicts. Writes go through ``store.changes`` inside ``store.transaction()``
(the services validate first). A row with a stable identity has a derived id, so two
coordinators who enter it offline make one row: a rate by its year, a P-number count by
(municipality, year), a municipality's membership by its code. Every row has the scope
"forening" (sync/tables.ASSOCIATION_SCOPE), which only coordinators and admins sync.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..sync.identity import natural_id
from ..sync.tables import ASSOCIATION_SCOPE
from .database import Store

MEMBER_COLUMNS = ("id", "kind", "municipality_code", "name", "since", "until", "vote", "notes")
BOARD_COLUMNS = ("id", "name", "role", "vote", "member_id", "since", "until")
PNR_COLUMNS = ("id", "municipality_code", "year", "counted", "counted_on", "override",
               "reason")
ACTIVITY_COLUMNS = ("id", "municipality_code", "year", "task", "amount", "notes")


def _rows(store: Store, columns: tuple[str, ...], sql: str, args=()) -> list[dict[str, Any]]:
    return [dict(zip(columns, r, strict=True)) for r in store.db.execute(
        sql.format(columns=", ".join(columns)), list(args))]


def _upsert(store: Store, table: str, row_id: str, values: Mapping[str, Any]) -> str:
    """Made, or written over (and brought back if it was deleted)."""
    values = {**values, "scope": ASSOCIATION_SCOPE}
    if store.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row_id]).fetchone() is None:
        return store.changes.insert(table, values, row_id=row_id)
    store.changes.update(table, row_id, {**values, "deleted": 0})
    return row_id


def municipality_name(store: Store, code: str) -> str | None:
    row = store.db.execute("SELECT name FROM municipality WHERE code = ?", [code]).fetchone()
    return row[0] if row else None


class MemberRepository:
    def __init__(self, store: Store):
        self.store = store

    def put_municipality(self, code: str, values: Mapping[str, Any]) -> str:
        row_id = natural_id("member", f"kommune:{code}")
        return _upsert(self.store, "member", row_id,
                       {**values, "kind": "kommune", "municipality_code": code})

    def add_organisation(self, values: Mapping[str, Any]) -> str:
        return self.store.changes.insert("member", {**values, "kind": "organisation",
                                                    "scope": ASSOCIATION_SCOPE})

    def update(self, member_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return self.store.changes.update("member", member_id, values)

    def get(self, member_id: str) -> dict[str, Any] | None:
        found = _rows(self.store, MEMBER_COLUMNS, "SELECT {columns} FROM member "
                      "WHERE id = ? AND deleted = 0", [member_id])
        return found[0] if found else None

    def municipality(self, code: str) -> dict[str, Any] | None:
        return self.get(natural_id("member", f"kommune:{code}"))

    def named(self, name: str) -> list[dict[str, Any]]:
        return _rows(self.store, MEMBER_COLUMNS, "SELECT {columns} FROM member WHERE "
                     "deleted = 0 AND lower(trim(name)) = lower(trim(?)) ORDER BY since, id",
                     [name])

    def all(self) -> list[dict[str, Any]]:
        """Municipalities first, then organisations; by name."""
        return _rows(self.store, MEMBER_COLUMNS, "SELECT {columns} FROM member WHERE "
                     "deleted = 0 ORDER BY kind, name COLLATE dansk, id")


class BoardRepository:
    def __init__(self, store: Store):
        self.store = store

    def add(self, values: Mapping[str, Any]) -> str:
        return self.store.changes.insert("board_member", {**values, "scope": ASSOCIATION_SCOPE})

    def update(self, board_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return self.store.changes.update("board_member", board_id, values)

    def all(self) -> list[dict[str, Any]]:
        """The chair first, then the members; by name."""
        return _rows(self.store, BOARD_COLUMNS, "SELECT {columns} FROM board_member WHERE "
                     "deleted = 0 ORDER BY role <> 'formand', name COLLATE dansk, id")


class GrantRepository:
    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    def put_rate(self, year: int, per_pnr: float) -> str:
        return _upsert(self.store, "grant_rate", natural_id("grant_rate", str(year)),
                       {"year": year, "per_pnr": per_pnr})

    def rate(self, year: int) -> float | None:
        row = self.db.execute("SELECT per_pnr FROM grant_rate WHERE id = ? AND deleted = 0",
                              [natural_id("grant_rate", str(year))]).fetchone()
        return row[0] if row else None

    def put_pnr_count(self, code: str, year: int, values: Mapping[str, Any]) -> str:
        return _upsert(self.store, "pnr_count", natural_id("pnr_count", f"{code}/{year}"),
                       {**values, "municipality_code": code, "year": year})

    def pnr_count(self, code: str, year: int) -> dict[str, Any] | None:
        found = _rows(self.store, PNR_COLUMNS, "SELECT {columns} FROM pnr_count WHERE id = ? "
                      "AND deleted = 0", [natural_id("pnr_count", f"{code}/{year}")])
        return found[0] if found else None

    def add_activity(self, values: Mapping[str, Any]) -> str:
        return self.store.changes.insert("activity_grant",
                                         {**values, "scope": ASSOCIATION_SCOPE})

    def activities(self, code: str, year: int) -> list[dict[str, Any]]:
        return _rows(self.store, ACTIVITY_COLUMNS, "SELECT {columns} FROM activity_grant "
                     "WHERE municipality_code = ? AND year = ? AND deleted = 0 "
                     "ORDER BY task COLLATE dansk, id", [code, year])

    def live_units(self, code: str) -> int:
        """P-units in the municipality in the imported CVR data, of live companies."""
        return self.db.execute(
            "SELECT count(*) FROM production_unit p JOIN company c ON c.id = p.company_id "
            "WHERE p.municipality_code = ? AND p.deleted = 0 AND c.deleted = 0",
            [code]).fetchone()[0]
