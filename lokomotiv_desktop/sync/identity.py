"""Row ids derived from a natural key: a company's from its CVR number, a P-unit's from its
P-nummer (UUIDv5 in a fixed Lokomotiv namespace, RFC 9562).

Two laptops that create the same company offline make the same row, so the sync merges
them field by field with its one rule instead of keeping two companies. The client makes
the ids and the server checks them (docs/sync-protocol.md, "Identity").
"""
from __future__ import annotations

from uuid import UUID

import uuid_utils  # Rust: a sixth of the time of Python's uuid5, and an import makes 100 000s

# Never change: every stored company and P-unit id depends on it.
NAMESPACE = UUID("7aa92f67-816d-5c04-a414-70a6cbf8d391")
_NAMESPACE = uuid_utils.UUID(str(NAMESPACE))


def natural_id(table: str, key: str) -> str:
    """The id of the row of `table` whose natural key is `key` (as stored: digits only):
    ``str(uuid.uuid5(NAMESPACE, f"{table}:{key}"))``."""
    return str(uuid_utils.uuid5(_NAMESPACE, f"{table}:{key}"))


class NaturalIds(list):
    """Ids made by ``natural_ids``: a writer given these need not derive them again (at an
    import's 100 000s of rows that would be a second of its time)."""


def natural_ids(table: str, keys: list[str]) -> NaturalIds:
    uuid5, prefix = uuid_utils.uuid5, f"{table}:"
    return NaturalIds(str(uuid5(_NAMESPACE, prefix + key)) for key in keys)
