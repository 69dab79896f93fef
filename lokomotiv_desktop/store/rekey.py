"""Migration 6: companies and P-units get the ids of their natural key (sync/identity.py).

A store made before ids were derived holds random ids, and where two laptops created the
same CVR it holds the company twice. Each group of rows with the same key becomes one row
with the derived id: per field the value with the highest stamp (the sync's merge rule),
the other value filed in the conflict inbox when they differ. Children, references, queued
changes and inbox entries follow the new id. The server's migration does the same with
the same rule (server/rekey.py), so laptop and server agree without a word between them.
"""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from ..sync import clocks
from ..sync.hlc import ZERO
from ..sync.identity import natural_id
from ..sync.tables import REFERENCES, SYNCED_TABLES, children_of
from .changes import FIELDS_IN_ROW, inserted_fields


def rekey_natural_ids(conn: sqlite3.Connection) -> None:
    """Runs inside the migration's transaction."""
    merged_any = False
    for spec in SYNCED_TABLES.values():  # companies before their P-units
        if spec.natural_key:
            moved, merged = _rekey(conn, spec.name, spec.natural_key)
            if moved:
                _repoint(conn, spec.name, moved)
            merged_any |= merged
    if merged_any:
        # Merged companies gain P-units and contacts: Store() rebuilds every document.
        conn.execute("DELETE FROM company_search")
        conn.execute("INSERT INTO company_fts(company_fts) VALUES ('delete-all')")


def _rekey(conn, table: str, key: str) -> tuple[dict[str, str], bool]:
    """Gives every row its derived id, merging rows with the same key. Returns the old id
    -> new id of each row whose id changed, and whether any rows were merged."""
    names = SYNCED_TABLES[table].all_fields
    groups: dict[str, list[tuple]] = defaultdict(list)
    for row in conn.execute(f"SELECT rowid, id, clocks, {', '.join(names)} FROM {table} "
                            "ORDER BY rowid"):
        groups[natural_id(table, str(row[3 + names.index(key)]))].append(row)
    moved: dict[str, str] = {}
    merged = False
    for new_id, rows in groups.items():
        if len(rows) == 1 and rows[0][1] == new_id:
            continue
        moved.update({row[1]: new_id for row in rows if row[1] != new_id})
        if len(rows) == 1:
            conn.execute(f"UPDATE {table} SET id = ? WHERE rowid = ?", [new_id, rows[0][0]])
            continue
        merged = True
        _queue_values(conn, table, [row[1] for row in rows])
        values, stamps = _merge(conn, table, new_id, names, rows)
        conn.execute(f"DELETE FROM {table} WHERE rowid IN ({', '.join('?' * len(rows))})",
                     [row[0] for row in rows])
        conn.execute(
            f"INSERT INTO {table} (rowid, id, clocks, {', '.join(names)}) "
            f"VALUES ({', '.join('?' * (len(names) + 3))})",
            [rows[0][0], new_id, json.dumps(stamps, separators=(",", ":")),
             *(values[name] for name in names)])
    return moved, merged


def _merge(conn, table: str, new_id: str, names: tuple[str, ...],
           rows: list[tuple]) -> tuple[dict[str, Any], dict[str, str]]:
    """Per field the value with the highest stamp; a different value that lost goes to the
    inbox, where 'behold min' brings it back."""
    values: dict[str, Any] = {}
    stamps: dict[str, str] = {}
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for index, name in enumerate(names):
        candidates = sorted(
            ((clocks.field_stamp(json.loads(row[2]), name), row[3 + index]) for row in rows),
            key=lambda pair: pair[0], reverse=True)
        (stamp, value), *losers = candidates
        values[name], stamps[name] = value, stamp
        for lost_stamp, lost in losers:
            if lost != value and lost_stamp != ZERO and name != "deleted":  # "": never written
                conn.execute(
                    "INSERT INTO conflicts (tbl, row_id, field, mine, theirs, mine_stamp, "
                    "theirs_stamp, theirs_by, detected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [table, new_id, name, json.dumps(lost, ensure_ascii=False),
                     json.dumps(value, ensure_ascii=False), lost_stamp, stamp, None, now])
    return values, stamps


def _queue_values(conn, table: str, row_ids: list[str]) -> None:
    """Queued bulk inserts that read their values from the row (``FIELDS_IN_ROW``) get a
    copy of them first: after the merge the row holds another row's values as well."""
    marks = ", ".join("?" * len(row_ids))
    queued = conn.execute(
        f"SELECT seq, row_id, clocks FROM outbox WHERE tbl = ? AND fields = ? "
        f"AND row_id IN ({marks})", [table, FIELDS_IN_ROW, *row_ids]).fetchall()
    if not queued:
        return
    found = inserted_fields(conn, table, {
        row_id: json.loads(stamps)[clocks.EVERY_OTHER_FIELD] for _, row_id, stamps in queued})
    for seq, row_id, _ in queued:
        fields, stamps = found[row_id]
        conn.execute("UPDATE outbox SET fields = ?, clocks = ? WHERE seq = ?",
                     [json.dumps(fields, separators=(",", ":"), ensure_ascii=False),
                      json.dumps(stamps, separators=(",", ":")), seq])


def _repoint(conn, table: str, moved: dict[str, str]) -> None:
    """Everything that names an old id names the new one."""
    pairs = [(new, old) for old, new in moved.items()]
    conn.executemany("UPDATE outbox SET row_id = ? WHERE tbl = ? AND row_id = ?",
                     [(new, table, old) for new, old in pairs])
    conn.executemany("UPDATE conflicts SET row_id = ? WHERE tbl = ? AND row_id = ?",
                     [(new, table, old) for new, old in pairs])
    refs = [(child.name, child.parent[0]) for child in children_of(table)]  # type: ignore[index]
    # Tables of later steps do not exist yet at this step (and hold no old ids).
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for child, column in refs + REFERENCES.get(table, []):
        if child not in present:
            continue
        conn.executemany(f"UPDATE {child} SET {column} = ? WHERE {column} = ?", pairs)
        path = f"$.{column}"
        conn.executemany(
            f"UPDATE outbox SET fields = json_set(fields, '{path}', ?) WHERE tbl = ? "
            f"AND fields <> '' AND json_extract(fields, '{path}') = ?",
            [(new, child, old) for new, old in pairs])
        conn.executemany(
            "UPDATE conflicts SET mine = ? WHERE tbl = ? AND field = ? AND mine = ?",
            [(json.dumps(new), child, column, json.dumps(old)) for new, old in pairs])
        conn.executemany(
            "UPDATE conflicts SET theirs = ? WHERE tbl = ? AND field = ? AND theirs = ?",
            [(json.dumps(new), child, column, json.dumps(old)) for new, old in pairs])
