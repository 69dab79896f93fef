"""Writing a table's pulled rows: a few executemany calls, or, when one row makes them
fail, row by row in savepoints, so only the rows the database refuses stay out."""
from __future__ import annotations

import json
import logging
import sqlite3
from typing import TYPE_CHECKING, Any

from ..domain.row_rules import rule_for

if TYPE_CHECKING:
    from .database import Store

log = logging.getLogger(__name__)


# What writing a value can raise that is about the row, not the store: a NOT NULL column
# without a value, a number too big for SQLite, a value SQLite cannot bind.
_ROW_ERRORS = (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.ProgrammingError,
               OverflowError)


def write_rows(store: Store, table: str, new_rows: dict[str, dict[str, Any]],
               updates: dict[str, dict[str, Any]]) -> dict[str, dict[str, str]]:
    """Inserts and updates with executemany; when one row makes that fail, writes row by
    row instead, each in its own savepoint, so only the rows the database refuses stay
    out. Returns those, with the reason."""
    inserts, changes = _grouped(new_rows), _grouped(updates)
    try:
        with store.transaction():  # a savepoint: all of this table's writes, or none
            for columns, rows in inserts.items():
                store.db.conn.executemany(_insert_sql(table, columns), rows)
            for columns, rows in changes.items():
                store.db.conn.executemany(_update_sql(table, columns),
                                          [(*r[1:], r[0]) for r in rows])
        return {}
    except _ROW_ERRORS:
        log.warning("%s: a pulled row could not be written; writing row by row", table)
    one_by_one = [(_insert_sql(table, columns), row_id, [row_id, *row])
                  for columns, rows in inserts.items() for row_id, *row in rows]
    one_by_one += [(_update_sql(table, columns), row_id, [*row, row_id])
                   for columns, rows in changes.items() for row_id, *row in rows]
    failed: dict[str, dict[str, str]] = {}
    for statement, row_id, params in one_by_one:
        try:
            with store.transaction():
                store.db.execute(statement, params)
        except _ROW_ERRORS as exc:
            failed[row_id] = _write_reason(table, exc)
    return failed


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return (f"INSERT INTO {table} (id, {', '.join(columns)}) "
            f"VALUES ({', '.join('?' * (len(columns) + 1))})")


def _update_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?"


def _write_reason(table: str, exc: Exception) -> dict[str, str]:
    text = str(exc)
    if text.startswith("NOT NULL constraint failed: "):
        field = text.rsplit(".", 1)[-1]
        rule = rule_for(table, field)
        return {field: f"{rule.label if rule else field}: mangler."}
    return {"*": f"Rækken kunne ikke gemmes i databasen ({text})."}


def _grouped(writes: dict[str, dict[str, Any]]) -> dict[tuple[str, ...], list[tuple]]:
    """Row writes grouped by the columns they set: (id, *values) per row, clocks as JSON."""
    groups: dict[tuple[str, ...], list[tuple]] = {}
    for row_id, columns in writes.items():
        columns["clocks"] = _dumps(columns["clocks"])
        groups.setdefault(tuple(columns), []).append((row_id, *columns.values()))
    return groups


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
