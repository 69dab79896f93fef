"""Hybrid logical clock (Kulkarni et al.): wall time in ms plus a counter, tagged with the
device id, encoded as one string whose lexicographic order is the merge order.

Format: ``{ms:013d}.{counter:05d}.{device}``. Comparing two stamps as strings compares
(ms, counter, device): the device id breaks ties, so every replica orders writes alike.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable

ZERO = ""  # sorts before every real stamp: "never written"
_MAX_COUNTER = 99_999


def make_stamp(ms: int, counter: int, device: str) -> str:
    return f"{ms:013d}.{counter:05d}.{device}"


def parse_stamp(stamp: str) -> tuple[int, int, str]:
    ms, counter, device = stamp.split(".", 2)
    return int(ms), int(counter), device


def is_valid_stamp(stamp: object) -> bool:
    if not isinstance(stamp, str) or len(stamp) < 21:
        return False
    try:
        ms, counter, device = parse_stamp(stamp)
    except ValueError:
        return False
    return ms >= 0 and 0 <= counter <= _MAX_COUNTER and bool(device) and "." not in device


class HybridClock:
    """Issues monotonically increasing stamps for one device, even if the wall clock
    jumps backwards, and moves forward past every stamp it observes from elsewhere."""

    def __init__(
        self,
        device: str,
        last: str = ZERO,
        wall_ms: Callable[[], int] = lambda: time.time_ns() // 1_000_000,
    ):
        if not device or "." in device:
            raise ValueError("device id must be non-empty and contain no '.'")
        self.device = device
        self._wall_ms = wall_ms
        self._lock = threading.Lock()
        self._ms, self._counter = (0, 0)
        if last:
            self._ms, self._counter, _ = parse_stamp(last)

    def now(self) -> str:
        with self._lock:
            wall = self._wall_ms()
            if wall > self._ms:
                self._ms, self._counter = wall, 0
            else:
                self._advance_counter()
            return make_stamp(self._ms, self._counter, self.device)

    def observe(self, stamp: str) -> None:
        """Takes note of a stamp from another replica so later local writes sort after it."""
        if not stamp:
            return
        ms, counter, _ = parse_stamp(stamp)
        with self._lock:
            if (ms, counter) > (self._ms, self._counter):
                self._ms, self._counter = ms, counter

    def _advance_counter(self) -> None:
        if self._counter >= _MAX_COUNTER:
            # More than 100k writes in one ms: borrow the next millisecond.
            self._ms, self._counter = self._ms + 1, 0
        else:
            self._counter += 1

    @property
    def last(self) -> str:
        return make_stamp(self._ms, self._counter, self.device) if self._ms else ZERO
