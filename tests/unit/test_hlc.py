"""The hybrid logical clock: monotonic per device, moves past what it observes."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.sync.hlc import (
    MAX_CLOCK_AHEAD_MS,
    ZERO,
    HybridClock,
    is_valid_stamp,
    make_stamp,
    parse_stamp,
)


class FakeWall:
    def __init__(self, ms: int):
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


def test_stamps_increase_while_the_wall_clock_advances():
    wall = FakeWall(1_000)
    clock = HybridClock("dev", wall_ms=wall)
    first = clock.now()
    wall.ms = 1_005
    second = clock.now()
    assert first < second
    assert parse_stamp(second) == (1_005, 0, "dev")


def test_same_millisecond_bumps_the_counter():
    clock = HybridClock("dev", wall_ms=FakeWall(1_000))
    stamps = [clock.now() for _ in range(3)]
    assert [parse_stamp(s)[:2] for s in stamps] == [(1_000, 0), (1_000, 1), (1_000, 2)]


def test_monotonic_when_the_wall_clock_goes_backwards():
    wall = FakeWall(5_000)
    clock = HybridClock("dev", wall_ms=wall)
    before = clock.now()
    wall.ms = 1_000  # NTP correction, or the user changed the time
    after = [clock.now() for _ in range(3)]
    assert before < after[0] < after[1] < after[2]
    assert all(parse_stamp(s)[0] == 5_000 for s in after)


def test_restart_continues_after_the_last_persisted_stamp():
    clock = HybridClock("dev", wall_ms=FakeWall(9_000))
    clock.now()
    last = clock.last
    reopened = HybridClock("dev", last=last, wall_ms=FakeWall(100))  # clock reset
    assert reopened.now() > last


def test_observe_moves_past_a_remote_stamp_from_a_fast_clock():
    clock = HybridClock("aaa", wall_ms=FakeWall(1_000))
    remote = make_stamp(60_000, 7, "zzz")  # the other laptop's clock is a minute fast
    clock.observe(remote)
    local = clock.now()
    assert local > remote
    assert parse_stamp(local)[:2] == (60_000, 8)


def test_observe_never_follows_a_stamp_far_ahead_of_the_wall_clock():
    """A device whose clock says 2286 must not drag this one there: its later edits would
    carry stamps no normal stamp can beat (or, past 13 digits, sort below them)."""
    clock = HybridClock("dev", wall_ms=FakeWall(1_000_000))
    assert clock.observe(make_stamp(9_999_999_999_999, 99_999, "bad")) is True
    assert parse_stamp(clock.now())[0] == 1_000_000 + MAX_CLOCK_AHEAD_MS
    assert clock.observe(make_stamp(1_000_000 + 60_000, 0, "fast")) is False


def test_observe_an_older_stamp_changes_nothing():
    clock = HybridClock("dev", wall_ms=FakeWall(5_000))
    mine = clock.now()
    clock.observe(make_stamp(1_000, 3, "other"))
    clock.observe(ZERO)
    assert clock.last == mine


def test_counter_overflow_borrows_the_next_millisecond():
    clock = HybridClock("dev", last=make_stamp(1_000, 99_999, "dev"), wall_ms=FakeWall(1_000))
    stamp = clock.now()
    assert parse_stamp(stamp)[:2] == (1_001, 0)
    assert stamp > make_stamp(1_000, 99_999, "dev")
    assert is_valid_stamp(stamp)


def test_string_order_equals_tuple_order():
    stamps = [
        make_stamp(2, 0, "a"), make_stamp(1, 99_999, "z"), make_stamp(1, 10, "a"),
        make_stamp(1, 9, "b"), make_stamp(10_000_000_000_000 - 1, 0, "a"),
        make_stamp(1, 10, "b"), make_stamp(0, 0, "a"),
    ]
    assert sorted(stamps) == sorted(stamps, key=parse_stamp)


def test_device_breaks_ties():
    assert make_stamp(5, 1, "laptop-b") > make_stamp(5, 1, "laptop-a")


def test_zero_sorts_before_every_stamp():
    assert ZERO < make_stamp(0, 0, "a")


@pytest.mark.parametrize("stamp, valid", [
    (make_stamp(1, 2, "dev"), True), ("", False), (None, False), ("abc", False),
    ("0000000000001.00002.", False), ("0000000000001.xxxxx.dev", False),
    ("0000000000001.00002.d.v", False),
    # What int() would take but the stamp order cannot: issue 9, item 3.
    ("+000000000001.00002.dev", False), ("0_00000000001.00002.dev", False),
    ("0000000000000001.00002.dev", False), ("0000000000001.00002.d v", False),
    ("0000000000001.00002." + "d" * 65, False), ("0000000000001.00002." + "d" * 64, True),
    (" 000000000001.00002.dev", False), ("0000000000001.00002.dev\n", False)])
def test_is_valid_stamp(stamp, valid):
    assert is_valid_stamp(stamp) is valid


@pytest.mark.parametrize("device", ["", "a.b"])
def test_device_id_must_be_usable_in_a_stamp(device):
    with pytest.raises(ValueError):
        HybridClock(device)


def test_last_is_zero_before_the_first_stamp():
    assert HybridClock("dev").last == ZERO
