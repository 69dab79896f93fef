"""Valid CVR numbers for tests (modulus 11, as the server checks every pushed CVR)."""
from __future__ import annotations

from collections.abc import Iterator

_WEIGHTS = (2, 7, 6, 5, 4, 3, 2)


def valid_cvr(seed: int) -> str:
    """A valid CVR number made from `seed` (the same seed, the same number): 7 digits from
    the seed, then the check digit; a head without a check digit takes the next head."""
    head = 1_000_000 + seed % 8_999_999
    while True:
        check = -sum(int(d) * w for d, w in zip(str(head), _WEIGHTS, strict=True)) % 11
        if check < 10:
            return f"{head}{check}"
        head = head + 1 if head < 9_999_999 else 1_000_000


def cvr_series(start: int) -> Iterator[str]:
    """Distinct valid CVR numbers, one per call of next()."""
    seen: set[str] = set()
    seed = start
    while True:
        cvr = valid_cvr(seed)
        seed += 1
        if cvr not in seen:
            seen.add(cvr)
            yield cvr
