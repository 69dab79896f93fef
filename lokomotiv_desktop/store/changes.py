"""Change capture: every local write stamps per-field clocks and appends an outbox row in
the same transaction as the data, so a rolled-back write leaves neither behind."""
from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from enum import Enum
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from uuid_utils import uuid7  # Rust: ~15x faster than uuid6, and bulk writes make millions

from ..sync import clocks
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


_compact_json = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
# Values SQLite stores and json_object() writes back exactly as Python's json would read them
# (bool binds as 0/1). Floats are not here: SQLite 3.40 renders them with 15 digits.
_EXACT_IN_SQL = frozenset({str, int, bool, type(None)})


def _row_values(rows: list[Mapping[str, Any]], columns: list[str]) -> list[tuple]:
    """Each row's values in column order (None where a row lacks a column)."""
    if len(columns) > 1:
        get = itemgetter(*columns)  # C speed; the bulk paths call this for every row
        try:
            return list(map(get, rows))
        except KeyError:
            pass
    return [tuple(row.get(c) for c in columns) for row in rows]


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ChangeWriter:
    """Writes synced rows. Must be used inside ``Store.transaction()``."""

    def __init__(self, store: Store):
        self._store = store
        self._change_ids: deque[str] = deque()  # what lokomotiv_change_id() hands out
        self._change_id_function = False

    def _queue_change_ids(self, count: int) -> None:
        if not self._change_id_function:
            # Registered once: SQLite refuses to redefine a function while a statement is
            # active, and a builtin popleft costs no Python frame per row.
            self._db.conn.create_function("lokomotiv_change_id", 0, self._change_ids.popleft)
            self._change_id_function = True
        self._change_ids.clear()
        self._change_ids.extend(new_id() for _ in range(count))

    @property
    def _db(self):
        return self._store.db

    def insert(self, table: str, values: Mapping[str, Any], row_id: str | None = None) -> str:
        return self.insert_many(table, [values], [row_id or new_id()])[0]

    def insert_many(
        self, table: str, rows: Iterable[Mapping[str, Any]], ids: list[str] | None = None,
        *, reindex: bool = True,
    ) -> list[str]:
        """Bulk insert of new rows (the importer's path): one statement per table.

        The columns are those of the first row. ``reindex=False`` is for a caller that
        writes the search rows of the companies concerned itself (``store.bulk``).
        """
        spec = SYNCED_TABLES[table]
        rows = list(rows)
        if not rows:
            return []
        ids = ids or [new_id() for _ in rows]
        columns = [c for c in rows[0] if c in spec.fields]
        values = _row_values(rows, columns)
        in_sql = _EXACT_IN_SQL.issuperset(map(type, chain.from_iterable(values)))
        if not in_sql:
            values = [tuple(map(plain, row)) for row in values]
        # One stamp for the whole batch: each row is new, so no two writes compare on it.
        # Compact clocks (sync/clocks.py): the outbox change stamps its fields, the row
        # every column but those left at their default.
        stamp = self._store.clock.now()
        unwritten = [f for f in spec.all_fields if f not in columns]
        row_clocks = _compact_json(clocks.compact(stamp, unwritten))
        change_clocks = _compact_json(clocks.compact(stamp))
        after_rowid = self._db.execute(
            f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
        self._db.conn.executemany(
            f"INSERT INTO {table} (id, {', '.join(columns)}, clocks) "
            f"VALUES ({', '.join('?' * (len(columns) + 2))})",
            [(row_id, *row, row_clocks) for row_id, row in zip(ids, values, strict=True)],
        )
        created = utc_now()
        if in_sql:
            # The changes' JSON made by SQLite from the rows just written (new rowids follow
            # the largest): no Python work per row but a change id from the iterator.
            self._queue_change_ids(len(ids))
            pairs = ", ".join(f"'{c}', {c}" for c in columns)  # registry names only
            written = self._db.conn.execute(
                "INSERT INTO outbox (change_id, tbl, row_id, fields, clocks, base, created) "
                f"SELECT lokomotiv_change_id(), ?, id, json_object({pairs}), ?, '{{}}', ? "
                f"FROM {table} WHERE rowid > ? ORDER BY rowid",
                [table, change_clocks, created, after_rowid]).rowcount
            if written != len(ids):  # only a bug could do this; the transaction rolls back
                raise RuntimeError(f"{table}: {written} outbox rows for {len(ids)} new rows")
        else:
            self._append_outbox([
                (new_id(), table, row_id, _compact_json(dict(zip(columns, row, strict=True))),
                 change_clocks, "{}", created)
                for row_id, row in zip(ids, values, strict=True)])
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
        row_clocks = json.loads(row[0])
        changed = {
            c: plain(values[c]) for i, c in enumerate(columns) if plain(values[c]) != row[i + 1]
        }
        if not changed:
            return {}
        stamp = self._store.clock.now()
        base = {c: clocks.field_stamp(row_clocks, c) for c in changed}
        new_clocks = {c: stamp for c in changed}
        row_clocks.update(new_clocks)  # explicit keys beside a "*", if there is one
        assignments = ", ".join(f"{c} = ?" for c in changed)
        self._db.execute(
            f"UPDATE {table} SET {assignments}, clocks = ? WHERE id = ?",
            [*changed.values(), json.dumps(row_clocks, separators=(",", ":")), row_id],
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
