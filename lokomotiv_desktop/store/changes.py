"""Change capture: every local write stamps per-field clocks and appends an outbox row in
the same transaction as the data, so a rolled-back write leaves neither behind."""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from uuid_utils import uuid7  # Rust: ~15x faster than uuid6, and bulk writes make millions

from ..sync import clocks
from ..sync.identity import NaturalIds, natural_id, natural_ids
from ..sync.tables import SYNCED_TABLES

if TYPE_CHECKING:
    from .database import Store


def new_id() -> str:
    return str(uuid7())


def new_ids(count: int) -> list[str]:
    return [str(uuid7()) for _ in range(count)]  # inline: a bulk write makes 100 000s


def plain(value: Any) -> Any:
    """The value as SQLite and JSON store it: enums by value, booleans as 0/1."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Enum):
        return value.value
    return value


_STAGE_FROM = 1000  # rows from which insert_many stages them (ChangeWriter.stage)
_compact_json = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
# Values SQLite stores and json_object() writes back exactly as Python's json would read them
# (bool binds as 0/1). Floats are not here: SQLite 3.40 renders them with 15 digits.
_EXACT_IN_SQL = frozenset({str, int, bool, type(None)})


def row_values(rows: list[Mapping[str, Any]], columns: list[str]) -> list[tuple]:
    """Each row's values in column order (None where a row lacks a column)."""
    if len(columns) > 1:
        get = itemgetter(*columns)  # C speed; the bulk paths call this for every row
        try:
            return list(map(get, rows))
        except KeyError:
            pass
    return [tuple(row.get(c) for c in columns) for row in rows]


# The change id of a row's insert, made by SQLite without a call into Python per row. A
# natural-key id (sync/identity.py) is inserted on every laptop that creates the company, and
# again after an eviction, so the insert's stamp (unique, and naming the device) is part of
# it: "i:<stamp>:<id>" is unique among all changes (the others have UUIDv7 ids). The stamp
# first: a batch's ids go into the outbox's change_id index side by side, not scattered.
_INSERT_CHANGE_ID = "'i:' || ? || ':' || id"


class KeyTaken(ValueError):
    """A row with this natural key (CVR, P-nummer) exists already; ``row_id`` is its id."""

    def __init__(self, table: str, key: str, row_id: str):
        super().__init__(f"{table} {key} exists already ({row_id})")
        self.table, self.key, self.row_id = table, key, row_id


class IdentityChange(ValueError):
    """A natural key (CVR, P-nummer) cannot change: the row's id is derived from it."""

_FEW_ROWS = 8
# An outbox row's `fields` when a bulk insert left its values in the row itself (see
# ``insert_many(values_in_outbox=False)``); ``inserted_fields`` recovers them at push time.
FIELDS_IN_ROW = ""


def inserted_fields(
    db, table: str, stamps: Mapping[str, str],
) -> dict[str, tuple[dict[str, Any], dict[str, str]]]:
    """row id -> (fields, clocks) of its insert at stamp ``stamps[row id]``, for outbox rows
    with ``FIELDS_IN_ROW``: the row's fields whose clock is still that stamp. A field written
    again since has a newer stamp and travels with its own outbox row. A row no longer there
    (erased, evicted) is left out.

    When every field was written again, the change still goes first with the row's current
    fields and stamps (their own changes then repeat them, which the merge skips as seen):
    the row must reach the server before changes queued after it (its P-units)."""
    spec = SYNCED_TABLES[table]
    names = spec.all_fields
    found: dict[str, tuple[dict[str, Any], dict[str, str]]] = {}
    ids = list(stamps)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for row_id, row_clocks, *values in db.execute(
                f"SELECT id, clocks, {', '.join(names)} FROM {table} "
                f"WHERE id IN ({', '.join('?' * len(chunk))})", chunk):
            stamp, row_clocks = stamps[row_id], json.loads(row_clocks)
            own = [(name, value) for name, value in zip(names, values, strict=True)
                   if clocks.field_stamp(row_clocks, name) == stamp]
            if own:
                found[row_id] = (dict(own), dict.fromkeys(dict(own), stamp))
            else:
                current = clocks.expand(row_clocks, names)
                found[row_id] = ({name: value for name, value in
                                  zip(names, values, strict=True) if name in current}, current)
    return found


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class NewRows:
    """New rows of one table between ``ChangeWriter.stage`` and ``insert_staged``."""
    table: str
    columns: list[str]
    ids: list[str]
    rows: list[tuple]    # (id, *values in column order), as bound
    row_clocks: str      # JSON, the same for every row of the batch
    change_clocks: str   # JSON, of each row's outbox change
    stamp: str           # of the whole batch, part of each insert's change id
    exact_in_sql: bool   # json_object() of a stored row gives back the exact values
    staging: str | None = None  # the TEMP table the rows wait in, if staged


class ChangeWriter:
    """Writes synced rows. Must be used inside ``Store.transaction()``."""

    def __init__(self, store: Store):
        self._store = store

    @property
    def _db(self):
        return self._store.db

    def insert(self, table: str, values: Mapping[str, Any], row_id: str | None = None) -> str:
        """A new row; returns its id. A row whose natural key (CVR, P-nummer) is that of a
        deleted row brings that row back with these values: it is the same company. One
        that is alive raises KeyTaken."""
        key = SYNCED_TABLES[table].natural_key
        if key is None:
            return self.insert_many(table, [values], [row_id or new_id()])[0]
        derived = natural_id(table, str(values[key]))
        if row_id not in (None, derived):
            raise ValueError(f"{table}: the id of a row is derived from its {key}")
        found = self._db.execute(f"SELECT deleted FROM {table} WHERE id = ?",
                                 [derived]).fetchone()
        if found is None:
            return self.insert_many(table, [values], [derived])[0]
        if not found[0]:
            raise KeyTaken(table, str(values[key]), derived)
        self.update(table, derived, {**values, "deleted": 0})
        return derived

    def insert_many(
        self, table: str, rows: Iterable[Mapping[str, Any]], ids: list[str] | None = None,
        *, reindex: bool = True, values_in_outbox: bool = True,
    ) -> list[str]:
        """Bulk insert of new rows (the importer's path): one statement per table.

        The columns are those of the first row. ``reindex=False`` is for a caller that
        writes the search rows of the companies concerned itself (``store.bulk``).
        ``values_in_outbox=False`` writes outbox rows without a copy of the values
        (``FIELDS_IN_ROW``; the push reads them from the rows, ``inserted_fields``): a
        fifth less to write for an import.
        """
        rows = list(rows)
        if not rows:
            return []
        new = self.stage(table, rows, ids, staged=len(rows) >= _STAGE_FROM)
        self.insert_staged(new, values_in_outbox)
        if reindex:
            self._store.touched(table, new.ids)
        return new.ids

    def stage(self, table: str, rows: list[Mapping[str, Any]], ids: list[str] | None = None,
              *, staged: bool = True, staging: str = "staged_rows",
              plain_values: bool = False) -> NewRows:
        """The Python half of an insert: ids, values and clocks, and (``staged``) the rows
        bound into a bare TEMP table, from which ``insert_staged`` copies them with one
        INSERT .. SELECT: a third faster than binding them straight into a table with its
        indexes (measured at 100 000 rows). The columns are those of the first row."""
        spec = SYNCED_TABLES[table]
        if not ids:
            ids = (natural_ids(table, [str(row[spec.natural_key]) for row in rows])
                   if spec.natural_key else new_ids(len(rows)))
        columns = [c for c in rows[0] if c in spec.fields]
        values = row_values(rows, columns)
        return self.stage_rows(table, columns, ids, [
            (row_id, *row) for row_id, row in zip(ids, values, strict=True)],
            staged=staged, staging=staging, plain_values=plain_values)

    def stage_rows(self, table: str, columns: list[str], ids: list[str], rows: list[tuple],
                   *, staged: bool = True, staging: str = "staged_rows",
                   plain_values: bool = False) -> NewRows:
        """``stage`` for rows already made: (id, *values in column order) each.

        ``plain_values``: the caller vouches that every value is a str, int, float, bool or
        None, which SQLite binds as ``plain`` would store them, so the rows are not scanned
        (a twentieth of an import's time); anything else fails to bind, loudly. The JSON
        of such rows is then made in Python, should their values go into the outbox."""
        spec = SYNCED_TABLES[table]
        unknown = set(columns) - set(spec.fields)
        if unknown:
            raise KeyError(f"{table} has no synced field(s) {sorted(unknown)}")
        if spec.natural_key and not isinstance(ids, NaturalIds):
            _check_natural_ids(table, columns.index(spec.natural_key), ids, rows)
        in_sql = not plain_values and _EXACT_IN_SQL.issuperset(
            map(type, chain.from_iterable(rows)))
        if not in_sql and not plain_values:
            rows = [tuple(map(plain, row)) for row in rows]
        # One stamp for the whole batch: each row is new, so no two writes compare on it.
        # Compact clocks (sync/clocks.py): the outbox change stamps its fields, the row
        # every column but those left at their default.
        stamp = self._store.clock.now()
        unwritten = [f for f in spec.all_fields if f not in columns]
        new = NewRows(table, columns, ids, rows,
                      _compact_json(clocks.compact(stamp, unwritten)),
                      _compact_json(clocks.compact(stamp)), stamp, in_sql)
        if staged:
            new.staging = staging
            conn = self._db.conn
            conn.execute(f"DROP TABLE IF EXISTS temp.{staging}")
            conn.execute(f"CREATE TEMP TABLE {staging} (id, {', '.join(columns)})")
            conn.executemany(
                f"INSERT INTO temp.{staging} VALUES ({', '.join('?' * (len(columns) + 1))})",
                rows)
        return new

    def insert_staged(self, new: NewRows, values_in_outbox: bool = True) -> None:
        """The SQL half: the rows into their table and one outbox row each. With the rows
        staged and ``values_in_outbox`` False or exact in SQL, this is a few statements
        with no Python per row, so it may run on a helper thread (``store.bulk``)."""
        table, columns = new.table, new.columns
        conn = self._db.conn
        names = ", ".join(columns)
        # A few rows (a form's save, a screening-day row): their outbox rows are bound from
        # Python, two statements fewer per table than reading them back from the table.
        in_sql = not values_in_outbox or (new.exact_in_sql and len(new.rows) > _FEW_ROWS)
        after_rowid = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}"
                                   ).fetchone()[0] if in_sql else 0
        if new.staging:
            conn.execute(f"INSERT INTO {table} (id, {names}, clocks) "
                         f"SELECT id, {names}, ? FROM temp.{new.staging} ORDER BY rowid",
                         [new.row_clocks])
            conn.execute(f"DROP TABLE temp.{new.staging}")
        else:
            conn.executemany(
                f"INSERT INTO {table} (id, {names}, clocks) "
                f"VALUES ({', '.join('?' * (len(columns) + 2))})",
                [(*row, new.row_clocks) for row in new.rows])
        created = utc_now()
        if in_sql:
            # The changes made by SQLite from the rows just written (new rowids follow the
            # largest): with no copy of the values, or their JSON made by json_object().
            pairs = ", ".join(f"'{c}', {c}" for c in columns)  # registry names only
            fields = "?" if not values_in_outbox else f"json_object({pairs})"
            written = conn.execute(
                "INSERT INTO outbox (change_id, tbl, row_id, fields, clocks, base, created) "
                f"SELECT {_INSERT_CHANGE_ID}, ?, id, {fields}, ?, '{{}}', ? "
                f"FROM {table} WHERE rowid > ? ORDER BY rowid",
                [new.stamp, table, *([FIELDS_IN_ROW] if not values_in_outbox else []),
                 new.change_clocks, created, after_rowid]).rowcount
            if written != len(new.ids):  # only a bug could do this; the transaction rolls back
                raise RuntimeError(f"{table}: {written} outbox rows for {len(new.ids)} new rows")
            return
        self._append_outbox([
            (f"i:{new.stamp}:{row_id}", table, row_id,
             _compact_json({c: plain(v) for c, v in zip(columns, values, strict=True)}),
             new.change_clocks, "{}",
             created)
            for row_id, *values in new.rows])

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
        if spec.natural_key in changed:
            raise IdentityChange(f"{table} {row_id}: {spec.natural_key} cannot change")
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


def _check_natural_ids(table: str, key_column: int, ids: list[str], rows: list[tuple]) -> None:
    """Rows (id, *values) whose ids are not derived from their natural key would sync as a
    second company with the same CVR: only a bug makes them, so refuse loudly."""
    keys = [str(row[key_column + 1]) for row in rows]
    if natural_ids(table, keys) != ids:
        raise ValueError(f"{table}: row ids must be derived from their natural key")
