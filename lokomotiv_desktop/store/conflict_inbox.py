"""The conflict inbox: losing values of concurrent edits and changes the server refused,
kept until a person resolves them ("behold min" / "behold deres"). Nothing is silently lost.

Values are stored JSON-encoded so a number stays a number. A refused change is one entry
with field ``*``: ``mine`` holds the refused fields, ``theirs`` the server's reason.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..sync.clocks import field_stamp
from ..sync.hlc import is_valid_stamp
from ..sync.tables import SYNCED_TABLES
from .changes import utc_now
from .sync_apply import apply_remote_rows

if TYPE_CHECKING:
    from .database import Store

REJECTED = "*"  # the field of an entry for a whole refused change


@dataclass(frozen=True)
class Conflict:
    id: int
    table: str
    row_id: str
    field: str
    mine: Any
    theirs: Any
    mine_stamp: str | None
    theirs_stamp: str | None
    theirs_by: str | None  # who wrote their value; for a refused change: the reason code
    detected: str
    resolved: str | None
    label: str  # the row's name, so a person knows what it is about

    @property
    def rejected(self) -> bool:
        return self.field == REJECTED


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def record_conflict(
    store: Store, table: str, row_id: str, field: str, *, mine: Any, theirs: Any,
    mine_stamp: str | None, theirs_stamp: str | None, theirs_by: str | None,
) -> bool:
    """Adds an entry unless the same one is there already (a resent change returns its
    stored result, conflicts included). Returns whether it was added."""
    exists = store.db.execute(
        "SELECT 1 FROM conflicts WHERE tbl = ? AND row_id = ? AND field = ? "
        "AND mine_stamp IS ? AND theirs_stamp IS ?",
        [table, row_id, field, mine_stamp, theirs_stamp],
    ).fetchone()
    if exists:
        return False
    for stamp in (mine_stamp, theirs_stamp):
        if field != REJECTED and is_valid_stamp(stamp):
            store.clock.observe(stamp)
    store.db.execute(
        "INSERT INTO conflicts (tbl, row_id, field, mine, theirs, mine_stamp, theirs_stamp, "
        "theirs_by, detected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [table, row_id, field, _dumps(mine), _dumps(theirs), mine_stamp, theirs_stamp,
         theirs_by, utc_now()],
    )
    return True


def record_rejection(
    store: Store, change_id: str, table: str, row_id: str, fields: dict[str, Any],
    reason: str, message: str,
) -> bool:
    # An erased person's data must not survive in the inbox either.
    mine = None if reason == "erased" else fields
    return record_conflict(
        store, table, row_id, REJECTED, mine=mine, theirs=message,
        mine_stamp=change_id, theirs_stamp=None, theirs_by=reason,
    )


def list_conflicts(store: Store, include_resolved: bool = False) -> list[Conflict]:
    where = "" if include_resolved else "WHERE resolved IS NULL"
    rows = store.db.execute(
        "SELECT id, tbl, row_id, field, mine, theirs, mine_stamp, theirs_stamp, theirs_by, "
        f"detected, resolved FROM conflicts {where} ORDER BY id"
    ).fetchall()
    return [
        Conflict(
            id=r[0], table=r[1], row_id=r[2], field=r[3], mine=_loads(r[4]),
            theirs=_loads(r[5]), mine_stamp=r[6], theirs_stamp=r[7], theirs_by=r[8],
            detected=r[9], resolved=r[10], label=_label(store, r[1], r[2]),
        )
        for r in rows
    ]


def open_count(store: Store) -> int:
    return store.db.execute("SELECT count(*) FROM conflicts WHERE resolved IS NULL").fetchone()[0]


# What names a row of each kind to a person, beside its company's name: a visit is "the
# visit of 1 December at Hansens Tømrerfirma", not its id.
_DESCRIBED_BY = ("name", "date", "due", "description", "changed_at")


def _label(store: Store, table: str, row_id: str) -> str:
    """The row's name (or date), with its company's name for rows that belong to one; the
    id when the row is gone (erased or evicted)."""
    spec = SYNCED_TABLES.get(table)
    if spec is None:
        return row_id
    own = next((field for field in _DESCRIBED_BY if field in spec.fields), None)
    owner = "company_id" if "company_id" in spec.fields else None
    if own is None and owner is None:
        return row_id
    row = store.db.execute(
        f"SELECT {own or 'NULL'}, "
        f"{f'(SELECT name FROM company WHERE id = t.{owner})' if owner else 'NULL'} "
        f"FROM {table} t WHERE t.id = ?", [row_id]).fetchone()
    if row is None:
        erased = store.db.execute("SELECT 1 FROM tombstone WHERE tbl = ? AND row_id = ?",
                                  [table, row_id]).fetchone()
        return "slettet efter GDPR" if erased else row_id
    own_value, company_name = row
    if own in ("date", "due", "changed_at") and own_value:
        iso = str(own_value)[:10].split("-")
        if len(iso) == 3:  # as the window writes dates
            own_value = ".".join(reversed(iso))
    described = [part for part in (own_value, company_name) if part]
    return " – ".join(described) if described else row_id


def get_conflict(store: Store, conflict_id: int) -> Conflict:
    for conflict in list_conflicts(store, include_resolved=True):
        if conflict.id == conflict_id:
            return conflict
    raise LookupError(f"Konflikt {conflict_id} findes ikke")


def resolve(store: Store, conflict_id: int, keep: Literal["mine", "theirs"]) -> bool:
    """Settles a conflict. Returns True when a new write was needed (it syncs as an
    ordinary change with a fresh stamp, so it wins everywhere)."""
    conflict = get_conflict(store, conflict_id)
    if conflict.resolved:
        return False
    if keep not in ("mine", "theirs"):
        raise ValueError("keep skal være 'mine' eller 'theirs'")
    wrote = False
    with store.transaction():
        if not conflict.rejected and _row_exists(store, conflict):
            wrote = _keep(store, conflict, keep)
        store.db.execute(
            "UPDATE conflicts SET resolved = ? WHERE id = ?", [utc_now(), conflict_id]
        )
    return wrote


def _row_exists(store: Store, conflict: Conflict) -> bool:
    spec = SYNCED_TABLES.get(conflict.table)
    if spec is None or conflict.field not in spec.all_fields:
        return False  # names reach SQL below: only registry names may
    return store.db.execute(
        f"SELECT 1 FROM {conflict.table} WHERE id = ?", [conflict.row_id]
    ).fetchone() is not None


def _keep(store: Store, c: Conflict, keep: str) -> bool:
    value, stamp = _current(store, c)
    theirs_stamp = c.theirs_stamp or ""
    if keep == "theirs":
        if stamp <= theirs_stamp:
            return False  # theirs is here, or arrives with the next pull and wins
        return bool(store.changes.update(c.table, c.row_id, {c.field: c.theirs}))
    if stamp > theirs_stamp and value == c.mine:
        return False  # mine wins already
    if value == c.mine:
        # Theirs has not been pulled yet: apply it as the pull would, then overwrite it,
        # so the new write's base shows it was seen.
        apply_remote_rows(store, [{
            "kind": "row", "table": c.table, "row_id": c.row_id,
            "values": {c.field: c.theirs}, "clocks": {c.field: theirs_stamp},
        }])
    return bool(store.changes.update(c.table, c.row_id, {c.field: c.mine}))


def _current(store: Store, c: Conflict) -> tuple[Any, str]:
    row = store.db.execute(
        f"SELECT {c.field}, clocks FROM {c.table} WHERE id = ?", [c.row_id]
    ).fetchone()
    return row[0], field_stamp(json.loads(row[1] or "{}"), c.field)
