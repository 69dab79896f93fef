"""Which scope a pushed row gets, and how a change of scope or of the responsible
consultant travels down to the rows under it.

A row's scope is a municipality code: its own (a company's municipality, an unemployed
participant's referring municipality) or its parent's. A restricted row (a dyslexia result)
gets "<municipality>#<responsible consultant>" instead, which only that consultant's pulls
(and coordinators') include (accounts.Caller.scopes); a move of either part evicts it from
the laptops that held it, as any scope move does.
"""
from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from ..sync.tables import SYNCED_TABLES, SyncedTable, children_of
from .accounts import municipality_of, restricted_scope
from .refusals import Rejected
from .storage import RowState, load_children

if TYPE_CHECKING:
    from .push import _Batch


def _scope_inputs(spec: SyncedTable) -> set[str]:
    return {f for f in (spec.parent[0] if spec.parent else None, spec.scope_field,
                        spec.responsible_field) if f}


@cache
def restricted_below(table: str) -> bool:
    """Whether rows under a row of `table` may be restricted (their scope names a person)."""
    return any(t.restricted or restricted_below(t.name) for t in children_of(table))


def resolve_scope(batch: _Batch, spec: SyncedTable, current: RowState | None,
                  values: dict[str, Any], won: dict[str, Any]) -> tuple[str | None, str | None]:
    """(scope, parent id) of the row after the change: its parent's scope when it has a
    parent link, else its own municipality field; re-resolved only when the row is new or
    one of those fields changed."""
    if current is not None and not _scope_inputs(spec) & set(won):
        return current.scope, current.parent_id
    parent_id = values.get(spec.parent[0]) if spec.parent else None
    if spec.parent and isinstance(parent_id, str) and parent_id:
        parent_key = (spec.parent[1], parent_id)
        parent = batch.row(parent_key)
        if parent is None:
            raise Rejected("erased" if parent_key in batch.tombstones else "orphan")
        return scope_under(batch, spec, parent), parent_id
    if spec.scope_field:
        scope = values.get(spec.scope_field)
        return (None if scope in (None, "") else str(scope)), None
    raise Rejected("orphan")


def scope_under(batch: _Batch, spec: SyncedTable, parent: RowState) -> str | None:
    municipality = municipality_of(parent.scope)
    if not spec.restricted:
        return municipality
    return restricted_scope(municipality, responsible_for(batch, parent))


def responsible_for(batch: _Batch, state: RowState) -> str | None:
    """The consultant responsible for a row: the nearest ancestor without a parent link
    names them (a company its consultant; an unemployed participant their own)."""
    node = state
    for _ in range(8):  # the registry's deepest chain is four rows
        spec = SYNCED_TABLES[node.table]
        parent_id = node.values.get(spec.parent[0]) if spec.parent else None
        if spec.parent and isinstance(parent_id, str) and parent_id:
            parent = batch.row((spec.parent[1], parent_id))
            if parent is None:
                return None
            node = parent
            continue
        return node.values.get(spec.responsible_field) if spec.responsible_field else None
    return None


def needs_cascade(spec: SyncedTable, current: RowState | None, new_scope: str | None,
                  won: dict[str, Any]) -> bool:
    if current is None:
        return False
    if current.scope != new_scope:
        return True
    return bool(_scope_inputs(spec) & set(won)) and restricted_below(spec.name)


def cascade_scope(batch: _Batch, parent: RowState) -> None:
    """Children follow their parent to its new municipality (and get a new seq, so that
    the consultants there pull them); restricted rows follow a new responsible consultant."""
    pending = [parent]
    while pending:
        node = pending.pop()
        child_tables = {t.name for t in children_of(node.table)}
        if not child_tables:
            continue
        stored = {c.key: c for c in load_children(batch.db, [node.id]) if c.table in child_tables}
        # Rows written earlier in this batch are newer than what the database holds.
        for key, row in batch.dirty.items():
            if row.parent_id == node.id and row.table in child_tables:
                stored[key] = row
        for key, stored_child in stored.items():
            child = batch.rows.get(key) or stored_child  # the batch holds the newest state
            if child.parent_id != node.id:
                continue
            expected = scope_under(batch, SYNCED_TABLES[child.table], node)
            if child.scope != expected:
                old_scope, child.scope, child.echo = child.scope, expected, None
                batch.write(child, old_scope)
                pending.append(child)
            elif restricted_below(child.table):
                pending.append(child)  # its scope stays; a restricted row under it may not
