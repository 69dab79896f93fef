"""Sending a whole row again: the server answers "incomplete" to a row's first change when
the change lacks required fields, typically because the row's insert was refused earlier
(a company imported without a municipality) and only a later edit reached it. The whole
row, and every row under it, then goes again with the stamps it has: nothing is rewritten,
so the merge treats what the server has already as the same write."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..sync.clocks import expand
from ..sync.tables import SYNCED_TABLES, children_of
from .changes import utc_now

if TYPE_CHECKING:
    from .database import Store

WHOLE_ROW_PREFIX = "w:"  # change ids of whole-row resends: refused again, they are filed
# Earlier refusals of a row that a whole-row resend settles once it is applied.
SETTLED_BY_WHOLE_ROW = ("scope", "orphan", "incomplete")


def is_whole_row(change_id: str) -> bool:
    return change_id.startswith(WHOLE_ROW_PREFIX)


def queue_whole_row(store: Store, table: str, row_id: str) -> int:
    """Queues the row and its descendants, each with every written field and its stamp.
    Returns how many changes were queued (0: the row is gone here)."""
    queued = 0
    pending = [(table, [row_id])]
    created = utc_now()
    while pending:
        tbl, ids = pending.pop()
        spec = SYNCED_TABLES[tbl]
        fields = spec.all_fields
        for found_id, row_clocks, *values in store.db.execute(
                f"SELECT id, clocks, {', '.join(fields)} FROM {tbl} WHERE id IN "
                f"({', '.join('?' * len(ids))})", ids).fetchall():
            stamps = expand(json.loads(row_clocks or "{}"), fields)
            row = {f: v for f, v in zip(fields, values, strict=True) if f in stamps}
            store.db.execute(
                "INSERT INTO outbox (change_id, tbl, row_id, fields, clocks, base, created) "
                "VALUES (?, ?, ?, ?, ?, '{}', ?)",
                [f"{WHOLE_ROW_PREFIX}{store.clock.now()}:{found_id}", tbl, found_id,
                 json.dumps(row, ensure_ascii=False), json.dumps(stamps), created])
            queued += 1
            for child in children_of(tbl):
                fk = child.parent[0]  # type: ignore[index]  # children have a parent
                child_ids = [r[0] for r in store.db.execute(
                    f"SELECT id FROM {child.name} WHERE {fk} = ?", [found_id])]
                if child_ids:
                    pending.append((child.name, child_ids))
    return queued


def settle_earlier_refusals(store: Store, table: str, row_id: str) -> None:
    """The whole row reached the server: the inbox entries saying it could not are done."""
    store.db.execute(
        "UPDATE conflicts SET resolved = ? WHERE tbl = ? AND row_id = ? AND field = '*' "
        f"AND theirs_by IN ({', '.join('?' * len(SETTLED_BY_WHOLE_ROW))}) "
        "AND resolved IS NULL", [utc_now(), table, row_id, *SETTLED_BY_WHOLE_ROW])
