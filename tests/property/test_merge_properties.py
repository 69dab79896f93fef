"""Convergence: replicas that receive the same changes in any order end with the same row."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lokomotiv_desktop.sync.hlc import ZERO, make_stamp
from lokomotiv_desktop.sync.merge import merge_change

FIELDS = ("name", "phone", "phase", "deleted")
DEVICES = ("laptop-a", "laptop-b", "server")


@st.composite
def changes(draw):
    """A set of changes as real devices make them: every stamp unique (HLC + device id),
    each change writing some fields with its stamp and a base it may or may not have seen."""
    times = draw(st.lists(
        st.tuples(st.integers(0, 50), st.integers(0, 3), st.sampled_from(DEVICES)),
        min_size=1, max_size=12, unique=True))
    result = []
    for ms, counter, device in times:
        stamp = make_stamp(ms, counter, device)
        fields = draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=4, unique=True))
        values = {f: draw(st.integers(0, 3)) for f in fields}
        base = {f: draw(st.sampled_from([ZERO, make_stamp(ms // 2, 0, device)])) for f in fields}
        result.append((values, {f: stamp for f in fields}, base))
    return result


def replay(sequence) -> tuple[dict, dict, int]:
    row, clocks, conflicts = {}, {}, 0
    for values, stamps, base in sequence:
        result = merge_change(row, clocks, values, stamps, base)
        row.update(result.values)
        clocks.update(result.clocks)
        conflicts += len(result.conflicts)
    return row, clocks, conflicts


@settings(max_examples=300, deadline=None)
@given(changes(), st.randoms(use_true_random=False))
def test_any_delivery_order_converges(sequence, rng):
    shuffled = list(sequence)
    rng.shuffle(shuffled)
    assert replay(sequence)[:2] == replay(shuffled)[:2]


@settings(max_examples=200, deadline=None)
@given(changes())
def test_final_value_of_each_field_is_the_one_with_the_highest_stamp(sequence):
    row, clocks, _ = replay(sequence)
    for field in FIELDS:
        writes = [(stamps[field], values[field]) for values, stamps, _ in sequence
                  if field in values]
        if writes:
            best_stamp, best_value = max(writes)
            assert (clocks[field], row[field]) == (best_stamp, best_value)
        else:
            assert field not in row


@settings(max_examples=200, deadline=None)
@given(changes())
def test_redelivery_changes_nothing(sequence):
    # Only the row: a redelivered *losing* change reports its conflict again, so exactly-once
    # delivery (the server's change_id, the client's pull cursor) must keep it from recurring.
    row, clocks, _ = replay(sequence)
    for values, stamps, base in sequence:
        assert merge_change(row, clocks, values, stamps, base).values == {}


@settings(max_examples=200, deadline=None)
@given(changes())
def test_in_order_edits_that_saw_the_previous_write_never_conflict(sequence):
    """One writer after another, each having seen the last value: no conflicts at all."""
    ordered = sorted(sequence, key=lambda change: next(iter(change[1].values())))
    row, clocks = {}, {}
    for values, stamps, _ in ordered:
        seen = {f: clocks.get(f, ZERO) for f in values}
        result = merge_change(row, clocks, values, stamps, seen)
        assert result.conflicts == []
        row.update(result.values)
        clocks.update(result.clocks)
