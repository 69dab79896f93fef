"""GDPR erasure: hard-delete a row and its personal children, keep tombstones forever."""
from __future__ import annotations

from ..sync.tables import SYNCED_TABLES, children_of
from . import roles
from .accounts import Caller, municipality_of
from .backend import Backend
from .storage import (
    Key,
    SeqCounter,
    append_audit,
    delete_rows,
    erased_with,
    load_children,
    load_rows,
    load_tombstones,
    now_iso,
    save_tombstones,
)


class EraseRefused(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def erase(backend: Backend, caller: Caller, table: str, row_id: str) -> list[Key]:
    """Erases the row and, recursively, its personal children; returns every (table, id)
    tombstoned by this erasure (the same list again if it was erased before)."""
    if not roles.may_erase(caller.role, table):
        raise EraseRefused(403, "forbidden", "Din rolle må ikke slette personer efter GDPR. "
                           "Bed en administrator eller personens konsulent om at gøre det.")
    if table not in SYNCED_TABLES:
        raise EraseRefused(404, "unknown_table", f"Ukendt tabel: {table}")
    root_key = (table, row_id)
    root = f"{table}/{row_id}"
    with backend.write() as db:
        if root_key in load_tombstones(db, [root_key]):
            return erased_with(db, root)
        row = load_rows(db, [root_key]).get(root_key)
        if row is not None and not caller.in_scope(row.scope):
            raise EraseRefused(403, "scope",
                               "Rækken hører til en kommune, du ikke har adgang til.")
        victims = [(root_key, row.scope if row else None)]
        frontier = [row] if row else []
        while frontier:
            node = frontier.pop()
            personal = {t.name for t in children_of(node.table) if t.personal}
            for child in load_children(db, [node.id]):
                if child.table in personal:
                    victims.append((child.key, child.scope))
                    frontier.append(child)
        seq = SeqCounter(db)
        now = now_iso()
        # Children may have been tombstoned by an earlier erasure of their own.
        already = load_tombstones(db, [k for k, _ in victims])
        victims = [(k, s) for k, s in victims if k not in already]
        delete_rows(db, [k for k, _ in victims])
        # A notice holds the person's values too (a lost phone number): gone with them.
        db.executemany("DELETE FROM notice WHERE tbl = ? AND id = ?", [k for k, _ in victims])
        # A tombstone names only an id: every laptop of the municipality gets it, also one
        # that holds a restricted row it wrote but does not pull.
        save_tombstones(db, [(t, i, seq.next(), municipality_of(scope), root, caller.account,
                              now) for (t, i), scope in victims])
        seq.save(db)
        append_audit(db, [(now, caller.account, caller.device_id, "erase", t, i, None,
                           "" if (t, i) == root_key else f"med {root}")
                          for (t, i), _ in victims])
    return [k for k, _ in victims]
