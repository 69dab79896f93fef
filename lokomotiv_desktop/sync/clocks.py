"""Reading a local clocks map, compact or explicit (pure: no store, no I/O).

A row's ``clocks`` JSON maps each field to the stamp of its last write. Locally it may be
compact: the key ``"*"`` holds the stamp of every field not listed explicitly, and a field
listed with ``""`` was never written (its column holds the default). An insert stores
``{"*": stamp, <fields it left at their default>: ""}`` on the row and ``{"*": stamp}`` in
its outbox change, instead of one ~40-character stamp per field twice over; later writes
add explicit keys. Older rows hold only explicit keys; both forms are valid.

Only this device's store holds the compact form: ``sync.client`` expands an outbox change
before pushing it, so the wire and the server see explicit clocks only.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from .hlc import ZERO

EVERY_OTHER_FIELD = "*"


def field_stamp(clocks: Mapping[str, str], field: str) -> str:
    """The stamp of `field`'s last write, ZERO ("") when it was never written."""
    stamp = clocks.get(field)
    if stamp is None:
        return clocks.get(EVERY_OTHER_FIELD, ZERO)
    return stamp


def expand(clocks: Mapping[str, str], fields: Iterable[str]) -> dict[str, str]:
    """The explicit form over `fields`: each written field with its stamp (never-written
    fields left out, as an explicit map leaves them out)."""
    default = clocks.get(EVERY_OTHER_FIELD, ZERO)
    expanded = {}
    for field in fields:
        stamp = clocks.get(field, default)
        if stamp:
            expanded[field] = stamp
    return expanded


def compact(stamp: str, unwritten: Iterable[str] = ()) -> dict[str, str]:
    """The clocks of a row written at `stamp` in every field but `unwritten`."""
    return {EVERY_OTHER_FIELD: stamp, **dict.fromkeys(unwritten, ZERO)}
