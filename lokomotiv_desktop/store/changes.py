"""Change capture: every local write stamps per-field clocks and appends an outbox row in
the same transaction as the data, so a rolled-back write leaves neither behind."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from uuid_utils import uuid7  # Rust: ~15x faster than uuid6, and bulk writes make millions

from ..sync.tables import SYNCED_TABLES

if TYPE_CHECKING:
    from .database import Store


def new_id() -> str:
    return str(uuid7())


def plain(value: Any) -> Any:
    """The value as SQLite and JSON store it: enums by value, booleans as 0/1."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Enum):
        return value.value
    return value


_compact_json = json.JSONEncoder(separators=(",", ":")).encode  # built once, not per row
_SIMPLE = frozenset({str, int, float, type(None)})  # stored as they are (bool is not here)
_json_string = json.encoder.encode_basestring_ascii  # the C escaper json.dumps itself uses


def _object_encoder(columns: list[str]) -> Callable[[list[Any]], str]:
    """Compact JSON of {column: value} for plain values, without building the dict: the
    bulk paths encode one per row. Same text as ``_compact_json`` (a test holds them equal)."""
    template = "{" + ",".join(_json_string(c).replace("%", "%%") + ":%s" for c in columns) + "}"

    def encode(values: list[Any]) -> str:
        return template % tuple([
            _json_string(v) if type(v) is str else "null" if v is None
            else int.__repr__(v) if type(v) is int else _compact_json(v)
            for v in values])

    return encode


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ChangeWriter:
    """Writes synced rows. Must be used inside ``Store.transaction()``."""

    def __init__(self, store: Store):
        self._store = store

    @property
    def _db(self):
        return self._store.db

    def insert(self, table: str, values: Mapping[str, Any], row_id: str | None = None) -> str:
        return self.insert_many(table, [values], [row_id or new_id()])[0]

    def insert_many(
        self, table: str, rows: Iterable[Mapping[str, Any]], ids: list[str] | None = None,
        *, reindex: bool = True,
    ) -> list[str]:
        """Bulk insert of new rows (the importer's path): one executemany per statement.

        The columns are those of the first row. ``reindex=False`` is for a caller that
        writes the search rows of the companies concerned itself (``store.bulk``).
        """
        spec = SYNCED_TABLES[table]
        rows = list(rows)
        if not rows:
            return []
        ids = ids or [new_id() for _ in rows]
        columns = [c for c in rows[0] if c in spec.fields]
        created = utc_now()
        # One stamp for the whole batch: each row is new, so no two writes compare on it.
        # The row and its outbox change share the one clocks string (equal for an insert).
        clocks_json = _compact_json(dict.fromkeys(columns, self._store.clock.now()))
        encode = _object_encoder(columns)
        data, outbox = [], []
        for row_id, row in zip(ids, rows, strict=True):
            values = [row.get(c) for c in columns]
            if not _SIMPLE.issuperset(map(type, values)):
                values = [plain(v) for v in values]
            data.append((row_id, *values, clocks_json))
            outbox.append((new_id(), table, row_id, encode(values), clocks_json, "{}", created))
        placeholders = ", ".join("?" * (len(columns) + 2))
        self._db.conn.executemany(
            f"INSERT INTO {table} (id, {', '.join(columns)}, clocks) VALUES ({placeholders})",
            data,
        )
        self._append_outbox(outbox)
        if reindex:
            self._store.touched(table, ids)
        return ids

    def update(self, table: str, row_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        """Writes the fields whose value differs from the stored one; returns those."""
        spec = SYNCED_TABLES[table]
        unknown = set(values) - set(spec.all_fields)
        if unknown:
            raise KeyError(f"{table} has no synced field(s) {sorted(unknown)}")
        columns = list(values)
        row = self._db.execute(
            f"SELECT clocks, {', '.join(columns)} FROM {table} WHERE id = ?", [row_id]
        ).fetchone()
        if row is None:
            raise LookupError(f"{table} {row_id} does not exist")
        clocks = json.loads(row[0])
        changed = {
            c: plain(values[c]) for i, c in enumerate(columns) if plain(values[c]) != row[i + 1]
        }
        if not changed:
            return {}
        stamp = self._store.clock.now()
        base = {c: clocks.get(c, "") for c in changed}
        new_clocks = {c: stamp for c in changed}
        clocks.update(new_clocks)
        assignments = ", ".join(f"{c} = ?" for c in changed)
        self._db.execute(
            f"UPDATE {table} SET {assignments}, clocks = ? WHERE id = ?",
            [*changed.values(), json.dumps(clocks, separators=(",", ":")), row_id],
        )
        self._append_outbox([(
            new_id(), table, row_id, json.dumps(changed, separators=(",", ":")),
            json.dumps(new_clocks, separators=(",", ":")),
            json.dumps(base, separators=(",", ":")), utc_now(),
        )])
        self._store.touched(table, [row_id])
        return changed

    def delete(self, table: str, row_id: str) -> bool:
        """A delete is the field ``deleted`` with its own clock; restore writes it back."""
        return bool(self.update(table, row_id, {"deleted": 1}))

    def restore(self, table: str, row_id: str) -> bool:
        return bool(self.update(table, row_id, {"deleted": 0}))

    def _append_outbox(self, rows: list[tuple]) -> None:
        self._db.conn.executemany(
            "INSERT INTO outbox (change_id, tbl, row_id, fields, clocks, base, created) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
