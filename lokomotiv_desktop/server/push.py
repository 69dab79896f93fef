"""Applying a pushed batch: validation, scope, exactly-once and the shared merge rule.

The whole batch runs in one exclusive write transaction, in order, so a child whose parent
was created earlier in the same batch finds it (scope is resolved within the batch)."""
from __future__ import annotations

from ..domain.row_rules import field_problem, missing_fields, rule_for
from ..sync.hlc import MAX_CLOCK_AHEAD_MS, ZERO, is_ahead, is_valid_stamp, parse_stamp, wall_ms
from ..sync.identity import natural_id
from ..sync.merge import merge_change
from ..sync.messages import Change, ChangeResult, FieldConflictOut
from ..sync.tables import SYNCED_TABLES, SyncedTable, children_of
from . import roles
from .accounts import Caller
from .backend import Backend, Db
from .consent_rule import check_person_rules
from .refusals import KEY_NAMES, Rejected
from .scoping import cascade_scope, needs_cascade, resolve_scope
from .storage import (
    Key,
    RowState,
    SeqCounter,
    append_audit,
    dumps,
    load_applied,
    load_children,
    load_rows,
    load_tombstones,
    now_iso,
    save_applied,
    save_notices,
    save_rows,
    save_scope_moves,
)


class OutOfScope(Exception):
    """Every change of a konsulent's batch was outside their municipalities (answer 403)."""


class _Batch:
    """The state of one push while it is applied: rows touched so far, seq, results."""

    def __init__(self, db: Db, caller: Caller, changes: list[Change], cursor: int | None):
        self.db, self.caller = db, caller
        # The sender's pull cursor: it holds every row in its scope whose seq is <= cursor.
        # None: the sender did not say, so its pulls leave nothing out.
        self.cursor = cursor
        self.seq = SeqCounter(db)
        keys: set[Key] = {(c.table, c.row_id) for c in changes}
        for c in changes:
            spec = SYNCED_TABLES.get(c.table)
            if spec and spec.parent and isinstance(c.fields.get(spec.parent[0]), str):
                keys.add((spec.parent[1], c.fields[spec.parent[0]]))
        self.rows: dict[Key, RowState | None] = dict.fromkeys(keys)
        self.rows.update(load_rows(db, keys))
        self.tombstones = load_tombstones(db, keys)
        self.applied = load_applied(db, caller.account, [c.change_id for c in changes])
        self.dirty: dict[Key, RowState] = {}
        # participant id -> consent rows written in this batch, and those stored before it
        self.consents_written: dict[str, set[Key]] = {}
        self.consents_stored: dict[str, dict[Key, RowState]] = {}
        self.moves: dict[tuple[str, str, str], int] = {}  # (table, id, old scope) -> seq
        self.device_owner: dict[str, str | None] = {}
        # (seq, device, table, id, payload): for the devices whose value lost just now.
        self.notices: list[tuple[int, str, str, str, str]] = []
        self.valid_stamps: set[str] = set()  # a batch repeats few distinct stamps
        self.now_ms = wall_ms()
        self.ahead_stamps: set[str] = set()
        # Fields a later change of the same batch brings for a row, when it passes the field
        # rules: a bulk insert travels without the fields edited after it (their edits
        # follow in the same batch), and the pair makes a complete row.
        self.coming: dict[Key, set[str]] = {}
        # Each change's first refused value (checked once: the rules are most of the cost).
        self.problems: dict[int, str] = {}
        for c in changes:
            problems = {f: p for f, v in c.fields.items()
                        if (p := field_problem(c.table, f, v)) is not None}
            if problems:
                self.problems[id(c)] = next(iter(problems.values()))
            self.coming.setdefault((c.table, c.row_id), set()).update(
                f for f in c.fields if f not in problems)

    def stamps_valid(self, stamps) -> bool:
        for stamp in stamps:
            if stamp not in self.valid_stamps:
                if not is_valid_stamp(stamp):
                    return False
                self.valid_stamps.add(stamp)
                if is_ahead(stamp, self.now_ms):
                    self.ahead_stamps.add(stamp)
        return True

    def any_ahead(self, stamps) -> bool:
        """Of stamps that passed stamps_valid (which notes those too far ahead)."""
        return bool(self.ahead_stamps) and not self.ahead_stamps.isdisjoint(stamps)

    def row(self, key: Key) -> RowState | None:
        if key not in self.rows:
            self.rows.update({key: None, **load_rows(self.db, [key])})
            self.tombstones |= load_tombstones(self.db, [key])
        return self.rows[key]

    def write(self, state: RowState, old_scope: str | None = None) -> None:
        state.seq = self.seq.next()
        self.rows[state.key] = state
        self.dirty[state.key] = state
        if state.table == "consent" and state.parent_id:  # for the consent rule
            self.consents_written.setdefault(state.parent_id, set()).add(state.key)
        if old_scope is not None and old_scope != state.scope:
            self.moves[(state.table, state.id, old_scope)] = state.seq

    def holds(self, state: RowState | None) -> bool:
        """Whether the sender's replica has this stored state (or something newer)."""
        if self.cursor is None:
            return False
        return state is None or state.seq <= self.cursor or state.echo == self.caller.device_id

    def owner_of(self, stamp: str) -> str | None:
        """The account whose device wrote a stamp (for 'who' in a conflict)."""
        device = parse_stamp(stamp)[2] if stamp else ""
        if device not in self.device_owner:
            row = self.db.one(
                "SELECT account FROM token WHERE device_id = ? ORDER BY created DESC LIMIT 1",
                [device],
            )
            self.device_owner[device] = row[0] if row else None
        return self.device_owner[device]


def apply_push(backend: Backend, caller: Caller, device_id: str,
               changes: list[Change], cursor: int | None = None) -> list[ChangeResult]:
    """Applies a batch exactly once per change id. Raises OutOfScope (nothing written) when a
    konsulent's batch lies entirely outside their municipalities. `cursor` is the sender's
    pull cursor (None: unknown), which lets its next pull skip what it pushed."""
    with backend.write() as db:
        batch = _Batch(db, caller, changes, cursor)
        results: list[ChangeResult] = []
        fresh: list[tuple[str, str, str, str]] = []
        audit: list[tuple] = []
        resend: list[Key] = []  # rows a stale "drop it" answer would take from the sender
        now = now_iso()
        for change in changes:
            stored = batch.applied.get(change.change_id)
            if stored is not None:
                result = ChangeResult.model_validate(stored)
                if result.evict:
                    resend.append((change.table, change.row_id))
                results.append(result)
                continue
            try:
                result = _apply_one(batch, change)
            except Rejected as rejected:
                result = ChangeResult(change_id=change.change_id, status="rejected",
                                      reason=rejected.reason, message=rejected.message,
                                      evict=rejected.evict)
            results.append(result)
            stored = batch.applied[change.change_id] = result.model_dump()
            fresh.append((change.change_id, caller.account, dumps(stored), now))
            audit.append((now, caller.account, device_id, "push", change.table, change.row_id,
                          change.change_id, result.status + (f":{result.reason}"
                                                             if result.reason else "")))
        for key in resend:  # after the batch: rows it made under them go too
            _resend_if_back(batch, key)
        refused = (caller.role == "konsulent" and fresh and len(fresh) == len(changes)
                   and all(r.reason == "scope" for r in results))
        if not refused:
            save_rows(db, list(batch.dirty.values()))
            save_scope_moves(db, batch.moves)
            save_notices(db, batch.notices)
            batch.seq.save(db)
            append_audit(db, audit)  # a 403 is audited once, by the caller
        # Even a 403 keeps its refusals: the sender files them in its inbox, so a copy of
        # the batch that arrives later (delayed, resent) must get the same answer and not
        # be applied after all, e.g. once the row's company is back in scope.
        save_applied(db, fresh)
    if refused:
        raise OutOfScope()
    return results


def _apply_one(batch: _Batch, change: Change) -> ChangeResult:
    spec = _validate(batch, change)
    key = (change.table, change.row_id)
    if key in batch.tombstones:
        raise Rejected("erased")
    current = batch.row(key)
    if current and not batch.caller.in_scope(current.scope):
        raise Rejected("scope", evict=True)  # e.g. moved away before the sender heard
    clocks = {f: change.clocks[f] for f in change.fields}
    merged = merge_change(current.values if current else {}, current.clocks if current else {},
                          change.fields, clocks, change.base)
    values = {**(current.values if current else {}), **merged.values}
    if current is None:
        # A row's first push carries all its required fields (a client whose insert was
        # refused earlier sends the whole row on this answer); a half row would break
        # every laptop that pulls it.
        missing = [f for f in missing_fields(spec.name, values) if f not in batch.coming[key]]
        if missing:
            raise Rejected("incomplete", fields=", ".join(
                rule_for(spec.name, f).label.lower() for f in missing))
    new_scope, parent_id = resolve_scope(batch, spec, current, values, merged.values)
    if not batch.caller.in_scope(new_scope):
        # A new row of another municipality (typically under a parent that moved away)
        # exists nowhere else: the sender drops it too; its values wait in the inbox.
        raise Rejected("scope", "no_scope" if new_scope is None else None,
                        evict=current is None and new_scope is not None)
    if spec.restricted and not batch.caller.may_read(new_scope):
        # Health data stays with the responsible consultant: a colleague's copy would never
        # be updated or erased by their pulls, so the sender drops it (evict).
        raise Rejected("forbidden", "restricted", evict=True)
    check_person_rules(batch, spec, values, merged.values)
    seq = None
    if merged.changed or current is None:
        state = RowState(change.table, change.row_id, values,
                         {**(current.clocks if current else {}), **merged.clocks},
                         new_scope, parent_id, 0)
        # The sender already holds the result when it held the row before and every
        # field it sent won; otherwise its next pull must bring the merged state.
        if batch.holds(current) and all(state.clocks.get(f) == s for f, s in clocks.items()):
            state.echo = batch.caller.device_id
        batch.write(state, current.scope if current else None)
        seq = state.seq
        if needs_cascade(spec, current, new_scope, merged.values):
            cascade_scope(batch, state)
    conflicts = [
        FieldConflictOut(
            field=c.field, winner_value=c.winner_value, winner_stamp=c.winner_stamp,
            loser_value=c.loser_value, loser_stamp=c.loser_stamp, incoming_won=c.incoming_won,
            other_user=batch.owner_of(c.loser_stamp if c.incoming_won else c.winner_stamp),
        )
        for c in merged.conflicts
    ]
    _tell_losers(batch, change, conflicts)
    if current and current.values.get("deleted") == 1 and "deleted" not in change.fields:
        # An edit of a row deleted before the sender heard of it: it lands, hidden, and
        # the sender is told who deleted it (its inbox offers to bring it back).
        deleted_stamp = current.clocks.get("deleted", ZERO)
        conflicts.append(FieldConflictOut(
            field="deleted", winner_value=1, winner_stamp=deleted_stamp, loser_value=0,
            loser_stamp=max(clocks.values()), incoming_won=False,
            other_user=batch.owner_of(deleted_stamp)))
    return ChangeResult(change_id=change.change_id, status="conflict" if conflicts else "applied",
                        seq=seq, conflicts=conflicts)


def _resend_if_back(batch: _Batch, key: Key) -> None:
    """A resent change gets its first answer again, "refused, drop the row" included; if
    the row has come back into the sender's municipalities since, the sender drops it and
    must pull it again: the row and everything under it get a new seq (and no echo)."""
    state = batch.row(key)
    if state is None or not batch.caller.in_scope(state.scope):
        return
    pending = [state]
    while pending:
        node = pending.pop()
        node.echo = None
        batch.write(node)
        child_tables = {t.name for t in children_of(node.table)}
        children = {c.key: c for c in load_children(batch.db, [node.id])}
        children.update({k: r for k, r in batch.dirty.items() if r.parent_id == node.id})
        pending += [batch.rows.get(k) or c for k, c in children.items()
                    if k[0] in child_tables and k != node.key]


def _tell_losers(batch: _Batch, change: Change, conflicts: list[FieldConflictOut]) -> None:
    """A value that was here and lost to this change: its writer hears of it on their next
    pull (the sender already knows from its result)."""
    for c in conflicts:
        device = parse_stamp(c.loser_stamp)[2] if c.incoming_won else ""
        if device and device != batch.caller.device_id:
            batch.notices.append((batch.seq.next(), device, change.table, change.row_id, dumps({
                "field": c.field, "mine": c.loser_value, "theirs": c.winner_value,
                "mine_stamp": c.loser_stamp, "theirs_stamp": c.winner_stamp,
                "theirs_by": batch.caller.account})))


def _validate(batch: _Batch, change: Change) -> SyncedTable:
    spec = SYNCED_TABLES.get(change.table)
    if spec is None:
        raise Rejected("unknown_table", table=change.table)
    if not roles.may_push(batch.caller.role, spec.name):
        raise Rejected("forbidden", table=spec.name)
    unknown = sorted(set(change.fields) - set(spec.all_fields))
    if unknown:
        raise Rejected("unknown_field", fields=", ".join(unknown), table=change.table)
    if not batch.stamps_valid(change.clocks.get(field) for field in change.fields):
        raise Rejected("invalid_clock")
    if not batch.stamps_valid(s for s in change.base.values() if s != ZERO):
        raise Rejected("invalid_clock")
    if batch.any_ahead(change.clocks[field] for field in change.fields):
        raise Rejected("clock_ahead", minutes=MAX_CLOCK_AHEAD_MS // 60_000)
    if id(change) in batch.problems:
        raise Rejected("invalid_value", problem=batch.problems[id(change)])
    key = spec.natural_key
    # The id is the key's (sync/identity.py): another key would be a second company with
    # the same CVR, or a company whose CVR changed under its id.
    if key in change.fields and natural_id(spec.name, str(change.fields[key])) != change.row_id:
        raise Rejected("identity", key=KEY_NAMES.get(key, key))
    return spec
