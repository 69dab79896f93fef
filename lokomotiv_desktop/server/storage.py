"""Backend-neutral SQL over the shared store: row states, the seq counter, tombstones,
applied changes, the audit log and pull pages. Written once for both dialects."""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from .backend import Db, placeholders

_CHUNK = 500  # ids per IN (...) list

Key = tuple[str, str]  # (table, row id)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _loads_finite(text: str) -> Any:
    """Stored JSON with NaN/Infinity (an older server took them) read as null: no answer can
    carry them, so every pull covering the row would fail."""
    return json.loads(text, parse_constant=lambda _: None)


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


@dataclass
class RowState:
    table: str
    id: str
    values: dict[str, Any]
    clocks: dict[str, str]
    scope: str | None
    parent_id: str | None
    seq: int
    # The device that wrote this state and holds it already (or something newer): its
    # pulls skip the row, so a laptop does not download back what it just pushed.
    echo: str | None = None

    @property
    def key(self) -> Key:
        return (self.table, self.id)


class SeqCounter:
    """The global seq, read and written inside the (exclusive) write transaction."""

    def __init__(self, db: Db):
        self.value = current_seq(db)
        self._start = self.value

    def next(self) -> int:
        self.value += 1
        return self.value

    def save(self, db: Db) -> None:
        if self.value != self._start:
            db.execute("UPDATE server_meta SET value = ? WHERE key = 'seq'", [str(self.value)])


def current_seq(db: Db) -> int:
    row = db.one("SELECT value FROM server_meta WHERE key = 'seq'")
    return int(row[0]) if row else 0


_ROW_FIELDS = ("tbl", "id", "vals", "clocks", "scope", "parent_id", "seq", "echo")
_ROW_COLUMNS = ", ".join(_ROW_FIELDS)


def _row(r: tuple) -> RowState:
    return RowState(r[0], r[1], _loads_finite(r[2]), json.loads(r[3]), r[4], r[5], int(r[6]),
                    r[7])


def load_rows(db: Db, keys: Iterable[Key]) -> dict[Key, RowState]:
    by_table: dict[str, list[str]] = defaultdict(list)
    for table, row_id in set(keys):
        by_table[table].append(row_id)
    found: dict[Key, RowState] = {}
    for table, ids in by_table.items():
        for chunk in _chunks(ids):
            for r in db.all(
                f"SELECT {_ROW_COLUMNS} FROM row_state "
                f"WHERE tbl = ? AND id IN ({placeholders(len(chunk))})",
                [table, *chunk],
            ):
                state = _row(r)
                found[state.key] = state
    return found


def load_children(db: Db, parent_ids: Sequence[str]) -> list[RowState]:
    children: list[RowState] = []
    for chunk in _chunks(list(parent_ids)):
        children += [_row(r) for r in db.all(
            f"SELECT {_ROW_COLUMNS} FROM row_state "
            f"WHERE parent_id IN ({placeholders(len(chunk))})",
            chunk,
        )]
    return children


def save_rows(db: Db, rows: Iterable[RowState]) -> None:
    data = [
        (r.table, r.id, dumps(r.values), dumps(r.clocks), r.scope, r.parent_id, r.seq, r.echo)
        for r in rows
    ]
    db.insert_many(
        "row_state", _ROW_FIELDS, data,
        "ON CONFLICT (tbl, id) DO UPDATE SET " + ", ".join(
            f"{c} = excluded.{c}" for c in _ROW_FIELDS[2:]),
    )


def save_scope_moves(db: Db, moves: dict[tuple[str, str, str], int]) -> None:
    """(table, id, old scope) -> seq of the move; one row per row and scope it left, so
    the table stays as small as row_state times the municipalities a row passed through."""
    db.insert_many(
        "scope_move", ("tbl", "id", "old_scope", "seq"),
        [(t, i, old, seq) for (t, i, old), seq in moves.items()],
        "ON CONFLICT (tbl, id, old_scope) DO UPDATE SET seq = excluded.seq",
    )


def delete_rows(db: Db, keys: Iterable[Key]) -> None:
    db.executemany("DELETE FROM row_state WHERE tbl = ? AND id = ?", list(keys))


def load_tombstones(db: Db, keys: Iterable[Key]) -> set[Key]:
    by_table: dict[str, list[str]] = defaultdict(list)
    for table, row_id in set(keys):
        by_table[table].append(row_id)
    found: set[Key] = set()
    for table, ids in by_table.items():
        for chunk in _chunks(ids):
            found.update(db.all(
                f"SELECT tbl, id FROM tombstone WHERE tbl = ? AND id IN "
                f"({placeholders(len(chunk))})",
                [table, *chunk],
            ))
    return found


def erased_with(db: Db, root: str) -> list[Key]:
    return db.all("SELECT tbl, id FROM tombstone WHERE erased_with = ? ORDER BY seq", [root])


def save_tombstones(db: Db, rows: Sequence[tuple]) -> None:
    """rows: (tbl, id, seq, scope, erased_with, erased_by, erased_at)."""
    db.insert_many("tombstone",
                   ("tbl", "id", "seq", "scope", "erased_with", "erased_by", "erased_at"), rows)


def load_applied(db: Db, account: str, change_ids: Sequence[str]) -> dict[str, dict]:
    """The stored answers to this account's changes (another account's never)."""
    found: dict[str, dict] = {}
    for chunk in _chunks(list(dict.fromkeys(change_ids))):
        for change_id, result in db.all(
            f"SELECT change_id, result FROM applied_change "
            f"WHERE account = ? AND change_id IN ({placeholders(len(chunk))})",
            [account, *chunk],
        ):
            found[change_id] = json.loads(result)
    return found


def save_applied(db: Db, rows: Sequence[tuple[str, str, str, str]]) -> None:
    """rows: (change_id, account, result JSON, applied at)."""
    db.insert_many("applied_change", ("change_id", "account", "result", "applied"), rows)


def save_notices(db: Db, rows: Sequence[tuple[int, str, str, str, str]]) -> None:
    """rows: (seq, device_id, tbl, id, payload JSON)."""
    db.insert_many("notice", ("seq", "device_id", "tbl", "id", "payload"), rows)


def append_audit(db: Db, rows: Sequence[tuple]) -> None:
    """rows: (at, account, device_id, action, tbl, row_id, change_id, detail)."""
    db.insert_many("audit", ("at", "account", "device_id", "action", "tbl", "row_id",
                             "change_id", "detail"), rows)


def pull_page(
    db: Db, since: int, limit: int, scopes: list[str] | None, device: str | None = None
) -> tuple[list[dict[str, Any]], int, bool]:
    """Items with seq > since, in seq order: rows and erasures in `scopes` (None: every
    row), for a scoped caller evictions of rows that moved out of those scopes, and the
    notices for `device` (its value lost a conflict). Rows whose state `device` wrote
    itself (echo) are left out. Returns (items, next, more)."""
    ceiling = current_seq(db)  # every seq up to here is committed (writers are serialized)
    if scopes is not None and not scopes:
        return [], max(since, ceiling), False
    marks = placeholders(len(scopes or ()))
    in_scope = f" AND scope IN ({marks})" if scopes is not None else ""
    parts = [
        "SELECT seq, 'row', tbl, id, vals, clocks FROM row_state "
        f"WHERE seq > ?{in_scope} AND (echo IS NULL OR echo <> ?)",
        # An erasure of an id the server never saw has no scope: everyone gets it (it
        # names only a random id, and the laptop that made the row must drop it).
        "SELECT seq, 'erase', tbl, id, NULL, NULL FROM tombstone WHERE seq > ?"
        + (f" AND (scope IN ({marks}) OR scope IS NULL)" if scopes is not None else ""),
    ]
    params: list[Any] = [since, *(scopes or ()), device or "", since, *(scopes or ())]
    parts.append("SELECT seq, 'notice', tbl, id, payload, NULL FROM notice "
                 "WHERE seq > ? AND device_id = ?")
    params += [since, device or ""]
    if scopes is not None:
        # Moved out of the caller's municipalities (and not back in since): evict.
        parts.append(
            "SELECT m.seq, 'evict', m.tbl, m.id, NULL, NULL FROM scope_move m "
            "LEFT JOIN row_state r ON r.tbl = m.tbl AND r.id = m.id "
            f"WHERE m.seq > ? AND m.old_scope IN ({marks}) "
            f"AND (r.scope IS NULL OR r.scope NOT IN ({marks}))")
        params += [since, *scopes, *scopes]
    rows = db.all(" UNION ALL ".join(parts) + " ORDER BY 1 LIMIT ?", [*params, limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    items = [
        {
            "seq": int(seq), "kind": kind, "table": tbl, "row_id": row_id,
            "values": _loads_finite(vals) if vals else {},
            "clocks": json.loads(clocks) if clocks else {},
        }
        for seq, kind, tbl, row_id, vals, clocks in rows
    ]
    last = items[-1]["seq"] if items else since
    return items, (last if more else max(last, ceiling, since)), more
