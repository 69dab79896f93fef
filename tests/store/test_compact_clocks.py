"""A row whose clocks are stored compactly ({"*": stamp, ...}) behaves exactly like the same
row with explicit per-field clocks (as stores written before the compact form hold them):
the same pulls, local edits and deletes give the same values, stamps, and outbox changes."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store.sync_apply import apply_remote_rows
from lokomotiv_desktop.sync.clocks import expand
from lokomotiv_desktop.sync.hlc import HybridClock, make_stamp
from lokomotiv_desktop.sync.identity import natural_id
from lokomotiv_desktop.sync.tables import SYNCED_TABLES

ROW = natural_id("company", "13748136")  # a company's id comes from its CVR
NOW = 1_700_000_000_000  # the laptop's wall clock, frozen: both stores stamp alike
FIELDS = SYNCED_TABLES["company"].all_fields
VALUES = {"name": ["Bageriet", "Smedjen"], "city": ["Vejle", "Køge"], "notes": ["", "ring"],
          "phase": [1, 3], "consultant": ["", "Anne Holm"], "deleted": [0, 1]}


def _store() -> Store:
    store = Store(":memory:")
    store.clock = HybridClock("laptop", wall_ms=lambda: NOW)
    return store


def _state(store: Store) -> tuple:
    row = store.db.execute(
        f"SELECT clocks, {', '.join(FIELDS)} FROM company WHERE id = ?", [ROW]).fetchone()
    changes = [(json.loads(f), expand(json.loads(c), json.loads(f)), json.loads(b))
               for f, c, b in store.db.execute(
                   "SELECT fields, clocks, base FROM outbox ORDER BY seq")]
    return row[1:], expand(json.loads(row[0]), FIELDS), changes


_field = st.sampled_from(sorted(VALUES))
_remote = st.builds(
    lambda field, pick, ms, counter, device: ("pull", field, VALUES[field][pick],
                                              make_stamp(NOW + ms, counter, device)),
    _field, st.integers(0, 1), st.integers(-1, 1), st.integers(0, 2),
    st.sampled_from(["a", "laptop", "z"]))
_local = st.builds(lambda field, pick: ("edit", field, VALUES[field][pick]),
                   _field, st.integers(0, 1))


@settings(max_examples=60, deadline=None)
@given(inserted=st.sets(st.sampled_from(["city", "notes", "phase", "consultant"])),
       steps=st.lists(st.one_of(_remote, _local), max_size=8))
def test_a_compact_row_merges_exactly_like_an_expanded_one(inserted, steps):
    compact, explicit = _store(), _store()
    values = {"cvr": "13748136", "name": "Bageriet",
              **{f: VALUES[f][0] for f in sorted(inserted)}}
    for store in (compact, explicit):
        with store.transaction():
            store.changes.insert("company", values)
    # The explicit store as an older version wrote it: one stamp per written field.
    [stamp] = set(_state(compact)[1].values())
    old_form = json.dumps(dict.fromkeys(values, stamp))
    explicit.db.execute("UPDATE company SET clocks = ?", [old_form])
    explicit.db.execute("UPDATE outbox SET clocks = ?", [old_form])
    assert _state(compact) == _state(explicit)
    for kind, field, value, *remote_stamp in steps:
        for store in (compact, explicit):
            if kind == "pull":
                apply_remote_rows(store, [{"kind": "row", "table": "company", "row_id": ROW,
                                           "values": {field: value},
                                           "clocks": {field: remote_stamp[0]}}])
            else:
                with store.transaction():
                    store.changes.update("company", ROW, {field: value})
        assert _state(compact) == _state(explicit), (kind, field, value, remote_stamp)
    compact.close()
    explicit.close()
