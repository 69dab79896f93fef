"""The merge rule, one function used by the client and the server so that every replica
converges: per field, the higher stamp wins (the stamp embeds (hlc, device id)).

A write that did not see the value it overwrites (its base stamp is older than the field's
current stamp) is concurrent with it; then the losing value is reported as a conflict for a
person to review, whichever side lost. Nothing is silently dropped.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .hlc import ZERO


@dataclass(frozen=True)
class FieldConflict:
    field: str
    winner_value: Any
    winner_stamp: str
    loser_value: Any
    loser_stamp: str
    incoming_won: bool


@dataclass
class MergeResult:
    values: dict[str, Any]  # the fields to write (only those the incoming change wins)
    clocks: dict[str, str]  # their new stamps
    conflicts: list[FieldConflict]

    @property
    def changed(self) -> bool:
        return bool(self.values)


def merge_change(
    current_values: dict[str, Any],
    current_clocks: dict[str, str],
    incoming_values: dict[str, Any],
    incoming_clocks: dict[str, str],
    incoming_base: dict[str, str] | None = None,
) -> MergeResult:
    """Merges one incoming change into a row's current state.

    current_* describe the row as stored (empty for a new row); incoming_base holds, per
    field, the stamp the writer saw before its edit (absent: it saw nothing).
    """
    base = incoming_base or {}
    values: dict[str, Any] = {}
    clocks: dict[str, str] = {}
    conflicts: list[FieldConflict] = []
    for field, new_value in incoming_values.items():
        new_stamp = incoming_clocks.get(field, ZERO)
        old_stamp = current_clocks.get(field, ZERO)
        if new_stamp == old_stamp:
            continue  # the same write seen twice
        incoming_wins = new_stamp > old_stamp
        old_value = current_values.get(field)
        if incoming_wins:
            values[field] = new_value
            clocks[field] = new_stamp
        concurrent = old_stamp != ZERO and base.get(field, ZERO) < old_stamp
        if incoming_wins and base.get(field, ZERO) >= old_stamp:
            concurrent = False  # the writer saw what it overwrote: an ordinary edit
        if not incoming_wins and old_stamp != ZERO and base.get(field, ZERO) >= old_stamp:
            # The writer saw the stored value and still lost to it: only a stamp from a
            # clock far ahead does that (sync/hlc.py MAX_CLOCK_AHEAD_MS). Never silently.
            concurrent = True
        if concurrent and old_value != new_value:
            conflicts.append(
                FieldConflict(
                    field=field,
                    winner_value=new_value if incoming_wins else old_value,
                    winner_stamp=new_stamp if incoming_wins else old_stamp,
                    loser_value=old_value if incoming_wins else new_value,
                    loser_stamp=old_stamp if incoming_wins else new_stamp,
                    incoming_won=incoming_wins,
                )
            )
    return MergeResult(values, clocks, conflicts)
