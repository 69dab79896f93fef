"""The merge rule: per field the higher (hlc, device) wins; concurrent losers are kept."""
from __future__ import annotations

from lokomotiv_desktop.sync.hlc import HybridClock, make_stamp
from lokomotiv_desktop.sync.merge import merge_change


def stamp(ms: int, device: str = "a", counter: int = 0) -> str:
    return make_stamp(ms, counter, device)


def apply(row: dict, clocks: dict, result) -> None:
    row.update(result.values)
    clocks.update(result.clocks)


def test_new_row_takes_every_field_without_conflict():
    result = merge_change({}, {}, {"name": "A", "phase": 1}, {"name": stamp(1), "phase": stamp(1)})
    assert result.values == {"name": "A", "phase": 1}
    assert result.clocks == {"name": stamp(1), "phase": stamp(1)}
    assert result.conflicts == [] and result.changed


def test_higher_stamp_wins_lower_loses():
    current, clocks = {"name": "Old"}, {"name": stamp(10)}
    newer = merge_change(current, clocks, {"name": "New"}, {"name": stamp(11)}, {"name": stamp(10)})
    assert newer.values == {"name": "New"} and newer.conflicts == []
    older = merge_change(current, clocks, {"name": "Stale"}, {"name": stamp(9)}, {"name": stamp(9)})
    assert older.values == {} and not older.changed


def test_tie_on_time_is_broken_by_device():
    current, clocks = {"name": "from a"}, {"name": stamp(10, "a")}
    result = merge_change(current, clocks, {"name": "from b"}, {"name": stamp(10, "b")})
    assert result.values == {"name": "from b"}
    reverse = merge_change({"name": "from b"}, {"name": stamp(10, "b")},
                           {"name": "from a"}, {"name": stamp(10, "a")})
    assert reverse.values == {}


def test_same_write_twice_is_a_no_op():
    current, clocks = {"name": "A"}, {"name": stamp(5)}
    result = merge_change(current, clocks, {"name": "A"}, {"name": stamp(5)}, {})
    assert result.values == {} and result.conflicts == []


def test_non_concurrent_edit_is_no_conflict():
    # The writer saw the current value (base == current stamp) and changed it.
    result = merge_change({"phone": "+4511111111"}, {"phone": stamp(5, "a")},
                          {"phone": "+4522222222"}, {"phone": stamp(8, "b")},
                          {"phone": stamp(5, "a")})
    assert result.values == {"phone": "+4522222222"}
    assert result.conflicts == []


def test_concurrent_edit_incoming_wins_keeps_the_old_value_as_conflict():
    result = merge_change({"phone": "mine"}, {"phone": stamp(6, "a")},
                          {"phone": "theirs"}, {"phone": stamp(7, "b")},
                          {"phone": stamp(1, "x")})
    assert result.values == {"phone": "theirs"}
    [conflict] = result.conflicts
    assert (conflict.field, conflict.loser_value, conflict.winner_value) == ("phone", "mine", "theirs")
    assert conflict.loser_stamp == stamp(6, "a") and conflict.incoming_won


def test_concurrent_edit_incoming_loses_keeps_the_incoming_value_as_conflict():
    result = merge_change({"phone": "mine"}, {"phone": stamp(9, "a")},
                          {"phone": "theirs"}, {"phone": stamp(7, "b")},
                          {"phone": stamp(1, "x")})
    assert result.values == {}
    [conflict] = result.conflicts
    assert (conflict.loser_value, conflict.winner_value) == ("theirs", "mine")
    assert conflict.loser_stamp == stamp(7, "b") and not conflict.incoming_won


def test_concurrent_edits_to_the_same_value_are_no_conflict():
    result = merge_change({"phase": 3}, {"phase": stamp(6, "a")},
                          {"phase": 3}, {"phase": stamp(7, "b")}, {})
    assert result.conflicts == []
    assert result.clocks == {"phase": stamp(7, "b")}


def test_edits_to_different_fields_merge_without_conflict():
    row = {"name": "A", "phone": None}
    clocks = {"name": stamp(1), "phone": stamp(1)}
    apply(row, clocks, merge_change(row, clocks, {"name": "B"}, {"name": stamp(3, "b")},
                                    {"name": stamp(1)}))
    result = merge_change(row, clocks, {"phone": "+4575123456"}, {"phone": stamp(2, "c")},
                          {"phone": stamp(1)})
    apply(row, clocks, result)
    assert row == {"name": "B", "phone": "+4575123456"} and result.conflicts == []


def test_deleted_is_a_field_an_edit_elsewhere_does_not_resurrect():
    row = {"name": "A", "deleted": 1}
    clocks = {"name": stamp(1), "deleted": stamp(5, "a")}
    result = merge_change(row, clocks, {"name": "B"}, {"name": stamp(9, "b")}, {"name": stamp(1)})
    apply(row, clocks, result)
    assert row == {"name": "B", "deleted": 1}
    assert "deleted" not in result.values


def test_a_fast_clock_wins_until_the_other_side_observes_it():
    fast = HybridClock("fast", wall_ms=lambda: 100_000)  # a minute ahead
    slow_wall = [40_000]
    slow = HybridClock("slow", wall_ms=lambda: slow_wall[0])
    row, clocks = {}, {}
    fast_stamp = fast.now()
    apply(row, clocks, merge_change(row, clocks, {"name": "fast"}, {"name": fast_stamp}))
    # The slow laptop writes later in real time but has not seen the fast write: it loses.
    slow_wall[0] = 50_000
    lost = merge_change(row, clocks, {"name": "slow"}, {"name": slow.now()})
    assert lost.values == {} and lost.conflicts[0].loser_value == "slow"
    # After pulling (observing) the fast stamp, the slow laptop's next edit wins.
    slow.observe(fast_stamp)
    won = merge_change(row, clocks, {"name": "slow again"}, {"name": slow.now()},
                       {"name": fast_stamp})
    assert won.values == {"name": "slow again"} and won.conflicts == []


def test_an_informed_edit_that_loses_to_a_stamp_from_the_future_is_a_conflict():
    """The writer saw the stored value (its base) and still stamps lower: the stored stamp
    came from a clock far ahead, which this writer's clock does not follow any more. The
    loss must reach the inbox, not vanish (issue 9, item 3)."""
    future = make_stamp(9_999_999_999_999, 0, "bad")
    result = merge_change({"city": "Fremtid"}, {"city": future}, {"city": "Vejle"},
                          {"city": make_stamp(1_700_000_000_000, 0, "laptop")},
                          {"city": future})
    assert not result.changed
    [conflict] = result.conflicts
    assert (conflict.winner_value, conflict.loser_value, conflict.incoming_won) == (
        "Fremtid", "Vejle", False)
