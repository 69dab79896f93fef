"""Applying what the server sends: pulled rows merged with the same rule as the server
(``sync.merge.merge_change``), and erasure (GDPR) of a row with its personal children.

Generic over ``sync.tables.SYNCED_TABLES``: a newly registered table needs no code here.
Nothing in this module writes outbox rows: these writes came from elsewhere.
"""
from __future__ import annotations

import functools
import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain.row_rules import field_problem, missing_fields, rule_for
from ..sync.clocks import expand
from ..sync.hlc import is_valid_stamp
from ..sync.merge import merge_change
from ..sync.tables import SYNCED_TABLES, children_of
from . import quarantine, search
from .changes import FIELDS_IN_ROW, inserted_fields, utc_now
from .row_writes import write_rows

if TYPE_CHECKING:
    from .database import Store

_CHUNK = 500  # SQLite's variable limit is far above this; keeps statements short
log = logging.getLogger(__name__)


@dataclass
class ApplyResult:
    changed: int = 0  # rows inserted or updated
    erased: int = 0   # rows hard-deleted by erase items
    evicted: int = 0  # rows deleted because they left this user's municipalities
    refused: int = 0  # queued changes of evicted rows, filed in the conflict inbox
    skipped: int = 0  # tombstoned ids, unknown tables
    notices: int = 0  # this laptop's values that lost a conflict, filed in the inbox
    quarantined: int = 0  # rows this store cannot hold, kept aside (store/quarantine.py)


def _item(item: Any) -> Mapping[str, Any]:
    """Accepts pydantic PullItems as well as plain dicts."""
    return item.model_dump() if hasattr(item, "model_dump") else item


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def apply_remote_rows(store: Store, items: Iterable[Any]) -> ApplyResult:
    """Merges pulled items (``kind`` "row", "erase", "evict" or "notice") into the local
    store, in one transaction (nested in the caller's if there is one). Erasures and
    evictions go first, rows after them: a row item always holds the row's whole current
    state; notices last, so that the inbox entry finds its row. A row this store cannot
    hold goes to the quarantine instead (store/quarantine.py): it never stops the page."""
    result = ApplyResult()
    items = [_item(i) for i in items]
    with store.transaction():
        tombstones = _tombstones(store, items)
        by_table: dict[str, list[Mapping[str, Any]]] = {}
        notices: list[Mapping[str, Any]] = []
        for item in items:
            key = (item["table"], item["row_id"])
            if item.get("kind") == "notice":
                notices.append(item)
                continue
            if item.get("kind", "row") == "erase":
                result.erased += len(erase_local(store, *key))
                tombstones.add(key)
                continue
            if item.get("kind") == "evict":
                if item["table"] in SYNCED_TABLES:
                    evicted, refused = evict_local(store, *key)
                    result.evicted += len(evicted)
                    result.refused += refused
                continue
            if item["table"] not in SYNCED_TABLES or key in tombstones:
                result.skipped += 1
                continue
            by_table.setdefault(item["table"], []).append(item)
        for table, rows in by_table.items():
            changed, quarantined = _apply_table(store, table, rows, tombstones)
            result.changed += changed
            result.quarantined += quarantined
        result.notices = _file_notices(store, notices, tombstones)
        quarantine.drop_superseded(store)  # every round pulls a page, if only an empty one
    return result


def _file_notices(store: Store, notices: list[Mapping[str, Any]], tombstones: set) -> int:
    """Another laptop's write beat one of this laptop's values: the inbox says whose won
    and what this laptop's was ("behold min" brings it back)."""
    from .conflict_inbox import record_conflict  # conflict_inbox imports this module

    filed = 0
    for item in notices:
        key, what = (item["table"], item["row_id"]), item["values"]
        if key in tombstones or item["table"] not in SYNCED_TABLES:
            continue  # erased since: its values must not come back through the inbox
        filed += record_conflict(
            store, *key, str(what.get("field")), mine=what.get("mine"),
            theirs=what.get("theirs"), mine_stamp=what.get("mine_stamp"),
            theirs_stamp=what.get("theirs_stamp"), theirs_by=what.get("theirs_by"))
    return filed


def _tombstones(store: Store, items: list[Mapping[str, Any]]) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    by_table: dict[str, list[str]] = {}
    for item in items:
        by_table.setdefault(item["table"], []).append(item["row_id"])
    for table, ids in by_table.items():
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            found.update(store.db.execute(
                f"SELECT tbl, row_id FROM tombstone WHERE tbl = ? AND row_id IN ({marks})",
                [table, *chunk],
            ).fetchall())
    return found


def _apply_table(
    store: Store, table: str, items: list[Mapping[str, Any]], tombstones: set
) -> tuple[int, int]:
    """Merges and writes one table's pulled rows. Returns (rows written, rows filed in the
    quarantine)."""
    fields = SYNCED_TABLES[table].all_fields
    current = _current_rows(store, table, fields, [i["row_id"] for i in items])
    # Writes are gathered per row and sent as a few executemany calls at the end.
    new_rows: dict[str, dict[str, Any]] = {}
    updates: dict[str, dict[str, Any]] = {}
    pulled: dict[str, tuple[dict[str, Any], dict[str, str]]] = {}  # the latest per row
    refused: dict[str, _Refused] = {}  # row id -> (pulled values, clocks, reasons)
    valid: set[str] = set()  # a page repeats few distinct stamps
    latest = ""
    for item in items:
        row_id = item["row_id"]
        if (table, row_id) in tombstones:  # erased earlier in this same page
            continue
        # Only fields this version of the store knows (a newer server may send more), and
        # only stamped ones: a value without a valid clock cannot take part in the merge.
        clocks = {}
        for f, stamp in item.get("clocks", {}).items():
            if f in fields and (stamp in valid or is_valid_stamp(stamp)):
                valid.add(stamp)
                clocks[f] = stamp
                latest = max(latest, stamp)
        values = {f: v for f, v in item.get("values", {}).items() if f in clocks}
        pulled[row_id] = (values, clocks)
        row_values, row_clocks = current.get(row_id, ({}, None))
        merged = merge_change(row_values, expand(row_clocks or {}, fields), values, clocks)
        problems = _problems(table, {**row_values, **merged.values}, merged.values,
                             new=row_clocks is None)
        if problems and row_clocks is None:
            refused[row_id] = (*pulled[row_id], problems)  # a new row waits whole
            continue
        if problems:
            # A row held here takes the rest of the version: its rules are per field, as
            # the merge is, and a laptop that lacked more than the refused fields would
            # not get them back (the server leaves a row out of the pulls of the device
            # that wrote it last).
            refused[row_id] = (*pulled[row_id], problems)
            merged.values = {f: v for f, v in merged.values.items() if f not in problems}
            merged.clocks = {f: c for f, c in merged.clocks.items() if f not in problems}
            if not merged.values:
                continue
        else:
            refused.pop(row_id, None)  # a valid later version in the same page
        if not merged.changed:
            continue
        new_clocks = {**(row_clocks or {}), **merged.clocks}
        pending = new_rows if row_clocks is None or row_id in new_rows else updates
        pending.setdefault(row_id, {}).update(merged.values, clocks=new_clocks)
        # Later items in the same page for the same row merge against this state.
        current[row_id] = ({**row_values, **merged.values}, new_clocks)
    if latest and store.clock.observe(latest):  # (ms, counter) order: the newest is enough
        log.warning("A pulled stamp lies too far in the future; the clock moved only as far "
                    "as allowed: %s", latest)
    failed = write_rows(store, table, new_rows, updates)
    for row_id, reason in failed.items():
        refused[row_id] = (*pulled[row_id], reason)
    # Rows whose pulled version is fine now leave the quarantine, whether or not it
    # changed anything here.
    quarantine.clear(store, table, set(pulled) - set(refused))
    filed = quarantine.file_rows(store, table, refused) if refused else 0
    touched = [r for r in (*new_rows, *updates) if r not in failed]
    if touched:
        store.touched(table, touched)
    return len(touched), filed


_Refused = tuple[Mapping[str, Any], Mapping[str, str], dict[str, str]]


def _problems(table: str, full: dict[str, Any], changed: Mapping[str, Any],
              new: bool) -> dict[str, str]:
    """What the domain refuses in a row's merged state: ``row_rules.row_problems(table,
    full, complete=True)``, field by field through a cache, since most values of a page
    repeat (a city, a phase, '') and checking every one again made a pull several times
    slower. For a row this store holds already, only what the pulled version changed
    counts: a value that was here before is no reason to keep back the rest of the
    update."""
    problems = {}
    for name in (full if new else changed):
        problem = _field_problem(table, name, full[name])
        if problem:
            problems[name] = problem
    for name in missing_fields(table, full):
        if new or name in changed:
            problems.setdefault(name, f"{rule_for(table, name).label}: mangler.")
    return problems


def _field_problem(table: str, field: str, value: Any) -> str | None:
    # Short values only: the cache must not hold on to a page's long notes.
    if isinstance(value, int | float | None) or (isinstance(value, str) and len(value) <= 80):
        return _cached_problem(table, field, type(value), value)  # 1, 1.0 and True differ
    return field_problem(table, field, value)


@functools.lru_cache(maxsize=8192)
def _cached_problem(table: str, field: str, _type: type, value: Any) -> str | None:
    return field_problem(table, field, value)


def _current_rows(
    store: Store, table: str, fields: tuple[str, ...], ids: list[str]
) -> dict[str, tuple[dict[str, Any], dict[str, str]]]:
    rows: dict[str, tuple[dict[str, Any], dict[str, str]]] = {}
    for chunk in _chunks(sorted(set(ids))):
        marks = ", ".join("?" * len(chunk))
        for row in store.db.execute(
            f"SELECT id, clocks, {', '.join(fields)} FROM {table} WHERE id IN ({marks})", chunk
        ):
            rows[row[0]] = (dict(zip(fields, row[2:], strict=True)), json.loads(row[1] or "{}"))
    return rows


# -- erasure -------------------------------------------------------------------------------

ERASED_MESSAGE = ("En ændring til en person, der er slettet efter GDPR, blev ikke gemt. "
                  "Personens oplysninger er væk; der er intet at gøre ud over at lukke beskeden.")

def erase_local(store: Store, table: str, row_id: str) -> list[tuple[str, str]]:
    """Hard-deletes a row and, recursively, the rows of personal child tables under it;
    drops their queued outbox changes and open conflicts, and keeps a tombstone per id so
    nothing erased ever comes back. Returns the (table, id) pairs that existed locally."""
    from .conflict_inbox import REJECTED, record_rejection  # it imports this module

    if table not in SYNCED_TABLES:
        raise KeyError(f"{table} er ikke en synkroniseret tabel")
    erased: list[tuple[str, str]] = []
    with store.transaction():
        for tbl, ids in _erasure_set(store, table, [row_id]):
            present = _delete_rows(store, tbl, ids)
            erased += [(tbl, i) for i in present]
            now = utc_now()
            for chunk in _chunks(ids):
                marks = ", ".join("?" * len(chunk))
                # What this laptop had not sent yet is dropped with the person, and the
                # consultant is told so, without a word of what it held.
                dropped = store.db.execute(
                    f"SELECT change_id, row_id FROM outbox WHERE tbl = ? AND row_id IN "
                    f"({marks})", [tbl, *chunk]).fetchall()
                store.db.execute(f"DELETE FROM outbox WHERE tbl = ? AND row_id IN ({marks})",
                                 [tbl, *chunk])
                # Entries with the person's values go; a content-free refusal stays.
                store.db.execute(
                    f"DELETE FROM conflicts WHERE tbl = ? AND row_id IN ({marks}) "
                    f"AND NOT (field = ? AND coalesce(mine, 'null') = 'null')",
                    [tbl, *chunk, REJECTED])
                for change_id, dropped_id in dropped:
                    record_rejection(store, change_id, tbl, dropped_id, {}, "erased",
                                     ERASED_MESSAGE)
            store.db.conn.executemany(
                "INSERT OR IGNORE INTO tombstone (tbl, row_id, erased) VALUES (?, ?, ?)",
                [(tbl, i, now) for i in ids],
            )
            quarantine.clear(store, tbl, ids)  # it holds the person's values too
    return erased


def evict_local(store: Store, table: str, row_id: str,
                taken: set[str] = frozenset()) -> tuple[list[tuple[str, str]], int]:
    """A row that left this user's municipalities (pull item "evict"): hard-deletes it and
    every row under it, WITHOUT a tombstone, since it may come back when it moves back.
    Their queued changes could never be pushed now (the server refuses them: scope), so
    each is dropped and filed in the conflict inbox as a refused change, never silently.
    Changes in `taken` reached the server already (answered in the same push) and are
    only dropped. Returns the (table, id) pairs that existed locally and how many changes
    were filed."""
    from .conflict_inbox import record_rejection  # conflict_inbox imports this module

    evicted: list[tuple[str, str]] = []
    refused = 0
    with store.transaction():
        for tbl, ids in _erasure_set(store, table, [row_id], personal_only=False):
            for chunk in _chunks(ids):
                marks = ", ".join("?" * len(chunk))
                queued = store.db.execute(
                    f"SELECT change_id, row_id, fields, clocks FROM outbox "
                    f"WHERE tbl = ? AND row_id IN ({marks}) ORDER BY seq", [tbl, *chunk],
                ).fetchall()
                inserted = inserted_fields(store.db, tbl, {  # bulk inserts' values: the rows
                    q[1]: json.loads(q[3])["*"] for q in queued if q[2] == FIELDS_IN_ROW})
                for change_id, queued_id, fields, _ in queued:
                    if change_id in taken:
                        continue
                    values = (inserted.get(queued_id, ({},))[0] if fields == FIELDS_IN_ROW
                              else json.loads(fields))
                    refused += record_rejection(store, change_id, tbl, queued_id,
                                                values, "scope", _MOVED_AWAY)
                store.db.execute(f"DELETE FROM outbox WHERE tbl = ? AND row_id IN ({marks})",
                                 [tbl, *chunk])
            evicted += [(tbl, i) for i in _delete_rows(store, tbl, ids)]
            quarantine.clear(store, tbl, ids)
    return evicted, refused


_MOVED_AWAY = ("Rækken er flyttet til en kommune, du ikke har adgang til, så ændringen kunne "
               "ikke sendes. Den er fjernet fra din computer.")


def _erasure_set(store: Store, table: str, ids: list[str],
                 personal_only: bool = True) -> list[tuple[str, list[str]]]:
    """The row and its personal descendants (all of them: personal_only=False), parents
    first; quarantined descendants included."""
    found = [(table, ids)]
    for child in children_of(table):
        if (personal_only and not child.personal) or not child.parent:
            continue
        fk = child.parent[0]
        child_ids: list[str] = []
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            child_ids += [r[0] for r in store.db.execute(
                f"SELECT id FROM {child.name} WHERE {fk} IN ({marks})", chunk
            )]
        child_ids += [i for i in quarantine.child_ids(store, child.name, fk, ids)
                      if i not in child_ids]
        if child_ids:
            found += _erasure_set(store, child.name, child_ids, personal_only)
    return found


def _delete_rows(store: Store, table: str, ids: list[str]) -> list[str]:
    present: list[str] = []
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        present += [r[0] for r in store.db.execute(
            f"SELECT id FROM {table} WHERE id IN ({marks})", chunk
        )]
        # The search document of the owning company must follow; once the rows are gone
        # the store can no longer find their owner, so look it up first.
        owners = search.company_ids_for(store.db, table, chunk)
        if table == "company":
            search.forget_companies(store.db, chunk)
        else:
            store.touched("company", owners)
        store.db.execute(f"DELETE FROM {table} WHERE id IN ({marks})", chunk)
    return present


def is_erased(store: Store, table: str, row_id: str) -> bool:
    return store.db.execute(
        "SELECT 1 FROM tombstone WHERE tbl = ? AND row_id = ?", [table, row_id]
    ).fetchone() is not None
