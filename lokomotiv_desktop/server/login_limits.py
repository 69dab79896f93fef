"""Slowing down password guessing without letting anyone lock a colleague out.

Failed logins are counted in a sliding window (one hour) under three keys. Past a free
allowance each further attempt under that key must wait, and the wait doubles with every
failure (1 s, 2 s, 4 s, ... at most 15 minutes); a 429 with Retry-After says how long.
- (name, address): 5 free. The real user at another address is not touched by it.
- address: 30 free, over all names (an office behind one NAT address may mistype a lot).
- name, over all addresses: 100 free, then one attempt per 30 s for that name, so a
  guesser with many addresses gets ~120 guesses an hour. It is a slow-down, never a lock,
  and an address the user logged in from before (in the last 30 days) is exempt from it.
A success clears its (name, address) key. Everything is in memory: a restart forgets.
"""
from __future__ import annotations

import math
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable

WINDOW_S = 3600.0
PER_NAME_ADDRESS = 5
PER_ADDRESS = 30
PER_NAME = 100
NAME_PACE_S = 30.0  # between attempts for a name over its global allowance
MAX_DELAY_S = 900.0
KNOWN_ADDRESS_S = 30 * 86400.0
_KEEP = 256  # timestamps kept per key: enough to count past every allowance above
_PRUNE_EVERY = 1000  # failures between sweeps of keys that went quiet


def _backoff(failures: int, free: int) -> float:
    return min(2.0 ** (failures - free), MAX_DELAY_S)


class LoginLimiter:
    def __init__(self, per_name_address: int = PER_NAME_ADDRESS, per_address: int = PER_ADDRESS,
                 per_name: int = PER_NAME, window_s: float = WINDOW_S,
                 clock: Callable[[], float] = time.monotonic):
        self.per_name_address, self.per_address, self.per_name = (
            per_name_address, per_address, per_name)
        self.window_s = window_s
        self._clock = clock
        self._failures: dict[tuple, deque[float]] = defaultdict(lambda: deque(maxlen=_KEEP))
        self._known: dict[tuple[str, str], float] = {}  # (name, address) -> last success
        self._since_prune = 0
        self._lock = threading.Lock()

    def _recent(self, key: tuple) -> deque[float]:
        failures = self._failures[key]
        horizon = self._clock() - self.window_s
        while failures and failures[0] < horizon:
            failures.popleft()
        return failures

    def _wait(self, key: tuple, free: int, pace: Callable[[int], float]) -> float:
        failures = self._recent(key)
        if len(failures) < free:
            return 0.0
        return failures[-1] + pace(len(failures)) - self._clock()

    def retry_after(self, name: str, address: str) -> int:
        """Whole seconds to wait before this attempt is allowed; 0 = go ahead."""
        with self._lock:
            waits = [
                self._wait(("na", name, address), self.per_name_address,
                           lambda n: _backoff(n, self.per_name_address)),
                self._wait(("a", address), self.per_address,
                           lambda n: _backoff(n, self.per_address)),
            ]
            if not self._is_known(name, address):
                waits.append(self._wait(("n", name), self.per_name, lambda n: NAME_PACE_S))
            wait = max(waits)
            return math.ceil(wait) if wait > 0 else 0

    def _is_known(self, name: str, address: str) -> bool:
        last = self._known.get((name, address))
        return last is not None and self._clock() - last < KNOWN_ADDRESS_S

    def failed(self, name: str, address: str) -> None:
        with self._lock:
            now = self._clock()
            for key in (("na", name, address), ("a", address), ("n", name)):
                self._recent(key).append(now)
            self._since_prune += 1
            if self._since_prune >= _PRUNE_EVERY:  # bound memory under a spray of names
                self._since_prune = 0
                self._prune(now)

    def succeeded(self, name: str, address: str) -> None:
        with self._lock:
            self._failures.pop(("na", name, address), None)
            self._known[(name, address)] = self._clock()

    def _prune(self, now: float) -> None:
        horizon = now - self.window_s
        for key in [k for k, v in self._failures.items() if not v or v[-1] < horizon]:
            del self._failures[key]
        old = now - KNOWN_ADDRESS_S
        for key in [k for k, t in self._known.items() if t < old]:
            del self._known[key]
