"""Schema 3: companies and P-units get the ids of their natural key (sync/identity.py).

A server from before derived ids holds a company once per laptop that created it. Each
group with the same CVR (P-nummer) becomes one row with the derived id, per field the value
with the highest stamp: the rule of the laptops' own migration (store/rekey.py), so both
arrive at the same rows. Every row written here gets a new seq, so every laptop pulls it;
children follow their parent's new id and scope, and where a row's scope changes, the
laptops of the old municipality are told to evict it (scope_move).
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from ..sync.identity import natural_id
from ..sync.tables import REFERENCES, SYNCED_TABLES, children_of
from .backend import Db
from .storage import (
    RowState,
    SeqCounter,
    append_audit,
    delete_rows,
    load_children,
    load_rows,
    now_iso,
    save_rows,
    save_scope_moves,
)


def rekey_natural_ids(db: Db) -> None:
    seq = SeqCounter(db)
    merged = 0
    for spec in SYNCED_TABLES.values():  # companies before their P-units
        if spec.natural_key:
            merged += _Rekey(db, seq, spec.name).run(spec.natural_key)
    seq.save(db)
    if merged:
        append_audit(db, [(now_iso(), "lokomotiv-server", "", "migrate", None, None, None,
                           f"{merged} dobbelte rækker lagt sammen (CVR/P-nummer)")])


class _Rekey:
    def __init__(self, db: Db, seq: SeqCounter, table: str):
        self.db, self.seq, self.table = db, seq, table
        self.spec = SYNCED_TABLES[table]

    def run(self, key: str) -> int:
        groups: dict[str, list[str]] = defaultdict(list)
        for row_id, vals in self.db.all("SELECT id, vals FROM row_state WHERE tbl = ?",
                                        [self.table]):
            value = json.loads(vals).get(key)
            if value is not None:  # a half row without its key keeps its id
                groups[natural_id(self.table, str(value))].append(row_id)
        moved: dict[str, str] = {}
        merged = 0
        for new_id, ids in sorted(groups.items()):
            if ids == [new_id]:
                continue
            states = sorted(load_rows(self.db, [(self.table, i) for i in ids]).values(),
                            key=lambda s: s.id)  # the same order on every run
            merged += len(states) - 1
            old = [i for i in ids if i != new_id]
            held = {s.scope for s in states} | self._left_scopes(old)
            delete_rows(self.db, [(self.table, i) for i in old])
            survivor = self._merge(new_id, states)
            self._write(survivor, held)
            self._follow(survivor, ids)
            moved.update(dict.fromkeys(old, new_id))
        if moved:
            self._repoint_references(moved)
        return merged

    def _merge(self, new_id: str, states: list[RowState]) -> RowState:
        values: dict[str, Any] = {}
        clocks: dict[str, str] = {}
        for state in states:
            for field, stamp in state.clocks.items():
                if stamp > clocks.get(field, ""):
                    clocks[field], values[field] = stamp, state.values.get(field)
        if self.spec.scope_field:
            scope = values.get(self.spec.scope_field)
            return RowState(self.table, new_id, values, clocks,
                            None if scope in (None, "") else str(scope), None, 0)
        fk, parent_table = self.spec.parent  # type: ignore[misc]
        parent = load_rows(self.db, [(parent_table, values.get(fk))]).get(
            (parent_table, values.get(fk)))
        scope = parent.scope if parent else states[0].scope
        return RowState(self.table, new_id, values, clocks, scope, values.get(fk), 0)

    def _write(self, state: RowState, scopes_held: set[str | None]) -> None:
        state.seq, state.echo = self.seq.next(), None
        save_rows(self.db, [state])
        save_scope_moves(self.db, {(state.table, state.id, old): state.seq
                                   for old in scopes_held if old not in (None, state.scope)})

    def _left_scopes(self, old_ids: list[str]) -> set[str | None]:
        """The municipalities these rows left earlier: a laptop there that has not yet
        evicted one holds it under the new id now (its own migration), so it is told to
        evict that. The old ids' moves go: no row has those ids any more."""
        found: set[str | None] = set()
        for row_id in old_ids:
            found |= {r[0] for r in self.db.all(
                "SELECT old_scope FROM scope_move WHERE tbl = ? AND id = ?",
                [self.table, row_id])}
        self.db.executemany("DELETE FROM scope_move WHERE tbl = ? AND id = ?",
                            [(self.table, i) for i in old_ids])
        return found

    def _follow(self, parent: RowState, ids: list[str]) -> None:
        """The rows under every id of the group move under the new one, into its scope, and
        their own children into that scope too."""
        child_tables = {t.name: t.parent[0] for t in children_of(self.table)}  # type: ignore
        pending = [(parent, [c for c in load_children(self.db, ids) if c.table in child_tables])]
        while pending:
            node, children = pending.pop()
            for child in children:
                fk = SYNCED_TABLES[child.table].parent[0]  # type: ignore[index]
                if child.parent_id == node.id and child.scope == node.scope:
                    continue
                old_scope = child.scope
                child.values[fk] = child.parent_id = node.id
                child.scope = node.scope
                self._write(child, {old_scope})
                grandchildren = [c for c in load_children(self.db, [child.id])
                                 if SYNCED_TABLES[c.table].parent[1] == child.table]  # type: ignore
                pending.append((child, grandchildren))

    def _repoint_references(self, moved: dict[str, str]) -> None:
        for table, field in REFERENCES.get(self.table, []):
            for row_id, vals in self.db.all("SELECT id, vals FROM row_state WHERE tbl = ?",
                                            [table]):
                if json.loads(vals).get(field) in moved:
                    state = load_rows(self.db, [(table, row_id)])[(table, row_id)]
                    state.values[field] = moved[state.values[field]]
                    self._write(state, set())
