"""Small-count suppression for numbers an employer or municipality may see (GDPR: counts
of a handful of people can point at a person). 0 shows as "0": it names nobody, and
"<5" for an empty group would only confuse; 1-4 show as "<5"; 5 and more as the number."""
from __future__ import annotations

THRESHOLD = 5


def suppress_small(count: int) -> str:
    if count < 0:
        raise ValueError(f"a count cannot be negative: {count}")
    if 0 < count < THRESHOLD:
        return f"<{THRESHOLD}"
    return str(count)
