"""Hybrid logical clock (Kulkarni et al.): wall time in ms plus a counter, tagged with the
device id, encoded as one string whose lexicographic order is the merge order.

Format: ``{ms:013d}.{counter:05d}.{device}``. Comparing two stamps as strings compares
(ms, counter, device): the device id breaks ties, so every replica orders writes alike.
"""
from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable

ZERO = ""  # sorts before every real stamp: "never written"
_MAX_COUNTER = 99_999
# A stamp further ahead of the receiver's wall clock than this is refused by the server
# and never moves a laptop's clock: one device with a clock in the year 2286 would
# otherwise make every later edit elsewhere lose to it, silently.
MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000
MAX_DEVICE_LENGTH = 64
# Exactly the shape make_stamp writes: int() alone would take a sign, underscores or
# spaces, and a longer millisecond field would not sort as a number.
_STAMP = re.compile(rf"[0-9]{{13}}\.[0-9]{{5}}\.[^.\s]{{1,{MAX_DEVICE_LENGTH}}}", re.ASCII)


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def make_stamp(ms: int, counter: int, device: str) -> str:
    return f"{ms:013d}.{counter:05d}.{device}"


def parse_stamp(stamp: str) -> tuple[int, int, str]:
    ms, counter, device = stamp.split(".", 2)
    return int(ms), int(counter), device


def is_valid_stamp(stamp: object) -> bool:
    return isinstance(stamp, str) and _STAMP.fullmatch(stamp) is not None


def is_ahead(stamp: str, now_ms: int) -> bool:
    """Whether a (valid) stamp lies further in the future than MAX_CLOCK_AHEAD_MS."""
    return int(stamp[:13]) > now_ms + MAX_CLOCK_AHEAD_MS


class HybridClock:
    """Issues monotonically increasing stamps for one device, even if the wall clock
    jumps backwards, and moves forward past every stamp it observes from elsewhere."""

    def __init__(
        self,
        device: str,
        last: str = ZERO,
        wall_ms: Callable[[], int] = wall_ms,
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

    def observe(self, stamp: str) -> bool:
        """Takes note of a stamp from another replica so later local writes sort after it,
        but never moves more than MAX_CLOCK_AHEAD_MS past this device's wall clock.
        Returns True when the stamp was further ahead than that (the caller logs it)."""
        if not stamp:
            return False
        ms, counter, _ = parse_stamp(stamp)
        limit = self._wall_ms() + MAX_CLOCK_AHEAD_MS
        capped = ms > limit
        if capped:
            ms, counter = limit, 0
        with self._lock:
            if (ms, counter) > (self._ms, self._counter):
                self._ms, self._counter = ms, counter
        return capped

    def _advance_counter(self) -> None:
        if self._counter >= _MAX_COUNTER:
            # More than 100k writes in one ms: borrow the next millisecond.
            self._ms, self._counter = self._ms + 1, 0
        else:
            self._counter += 1

    @property
    def last(self) -> str:
        return make_stamp(self._ms, self._counter, self.device) if self._ms else ZERO
