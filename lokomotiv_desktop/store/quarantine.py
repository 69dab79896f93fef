"""Pulled rows this store cannot hold, kept aside so the rest of a pull goes through.

A row lands here when its merged state breaks a domain rule (``domain.row_rules``) or the
database refuses it (a NOT NULL column without a value, ...). One entry per row: a later
version replaces it, a valid one (or an erasure, an eviction) removes it. Local only: the
table is not synced and nothing here writes the outbox.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..sync.clocks import expand
from ..sync.tables import SYNCED_TABLES
from .changes import utc_now

if TYPE_CHECKING:
    from .database import Store

_CHUNK = 500
# What names a row to a person, as the conflict inbox does: a name, else a date.
_DESCRIBED_BY = ("name", "date", "due", "description", "changed_at")
_WORD = {"name": "navn", "description": "beskrivelse"}


@dataclass(frozen=True)
class QuarantinedRow:
    table: str
    row_id: str
    label: str  # the row's name (with its company's), or its id
    reasons: dict[str, str]  # field -> Danish message
    received: str  # ISO UTC


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def file_rows(store: Store, table: str,
              rows: Mapping[str, tuple[Mapping[str, Any], Mapping[str, str], dict[str, str]]]
              ) -> int:
    """Files (row id -> (pulled values, clocks, reasons)); replaces an older entry of the
    same row. Returns how many were filed."""
    now = utc_now()
    store.db.conn.executemany(
        "INSERT INTO quarantine (tbl, row_id, vals, clocks, reasons, received) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tbl, row_id) DO UPDATE SET "
        "vals = excluded.vals, clocks = excluded.clocks, reasons = excluded.reasons, "
        "received = excluded.received",
        [(table, row_id, _dumps(values), _dumps(clocks), _dumps(reasons), now)
         for row_id, (values, clocks, reasons) in rows.items()])
    return len(rows)


def clear(store: Store, table: str, ids: Iterable[str]) -> None:
    ids = list(ids)
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        store.db.execute(f"DELETE FROM quarantine WHERE tbl = ? AND row_id IN ({marks})",
                         [table, *chunk])


def child_ids(store: Store, table: str, fk: str, parent_ids: list[str]) -> list[str]:
    """Quarantined rows of `table` whose parent key `fk` is one of parent_ids: they are not
    in the table itself, yet an erasure of the parent must reach them too."""
    found: list[str] = []
    for chunk in _chunks(parent_ids):
        marks = ", ".join("?" * len(chunk))
        found += [r[0] for r in store.db.execute(
            f"SELECT row_id FROM quarantine WHERE tbl = ? "
            f"AND json_extract(vals, '$.' || ?) IN ({marks})", [table, fk, *chunk])]
    return found


def drop_superseded(store: Store) -> int:
    """Removes the entries of rows held here whose refused fields all hold a newer write
    now (someone set the field again here: what was kept back has lost anyway). Returns
    how many went."""
    gone: list[tuple[str, str]] = []
    for (table,) in store.db.execute("SELECT DISTINCT tbl FROM quarantine").fetchall():
        if table not in SYNCED_TABLES:
            continue  # names reach SQL below: only registry names may
        fields = SYNCED_TABLES[table].all_fields
        for row_id, kept, reasons, local in store.db.execute(
                f"SELECT q.row_id, q.clocks, q.reasons, t.clocks FROM quarantine q "
                f"JOIN {table} t ON t.id = q.row_id WHERE q.tbl = ?", [table]).fetchall():
            kept, local = json.loads(kept), expand(json.loads(local or "{}"), fields)
            reasons = json.loads(reasons)
            refused = list(kept) if "*" in reasons else [f for f in reasons if f in fields]
            if all(local.get(f, "") > kept.get(f, "") for f in refused):
                gone.append((table, row_id))
    store.db.conn.executemany("DELETE FROM quarantine WHERE tbl = ? AND row_id = ?", gone)
    return len(gone)


def count(store: Store) -> int:
    return store.db.execute("SELECT count(*) FROM quarantine").fetchone()[0]


def list_rows(store: Store) -> list[QuarantinedRow]:
    """Newest first."""
    rows = store.db.execute(
        "SELECT tbl, row_id, vals, reasons, received FROM quarantine "
        "ORDER BY received DESC, tbl, row_id").fetchall()
    return [QuarantinedRow(table=r[0], row_id=r[1], label=_label(store, r[0], r[1],
                                                                 json.loads(r[2])),
                           reasons=json.loads(r[3]), received=r[4]) for r in rows]


def _label(store: Store, table: str, row_id: str, values: dict[str, Any]) -> str:
    """The name (or date) the row would have, with its company's name; only what the
    window shows of such a row anyway, never its phone or e-mail."""
    spec = SYNCED_TABLES.get(table)
    if spec is None:
        return row_id
    own = next((f for f in _DESCRIBED_BY if f in spec.fields), None)
    own_value = values.get(own) if own else None
    if own and not _is_text(own_value):
        local = store.db.execute(f"SELECT {own} FROM {table} WHERE id = ?",
                                 [row_id]).fetchone()
        own_value = local[0] if local else None
    company_name = None
    company_id = values.get("company_id") if "company_id" in spec.fields else None
    if isinstance(company_id, str):
        row = store.db.execute("SELECT name FROM company WHERE id = ?",
                               [company_id]).fetchone()
        company_name = row[0] if row else None
    if not _is_text(own_value) and _is_text(company_name):
        # Without it the company's name alone would read as if the company were refused.
        own_value = f"(uden {_WORD.get(own, 'dato')})"
    described = [str(part) for part in (own_value, company_name) if _is_text(part)]
    return " – ".join(described) if described else row_id


def _is_text(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool) \
        and str(value).strip() != ""
