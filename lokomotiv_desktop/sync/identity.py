"""Row ids derived from a natural key: a company's from its CVR number, a P-unit's from its
P-nummer (UUIDv5 in a fixed Lokomotiv namespace, RFC 9562).

Two laptops that create the same company offline make the same row, so the sync merges
them field by field with its one rule instead of keeping two companies. The client makes
the ids and the server checks them (docs/sync-protocol.md, "Identity").
"""
from __future__ import annotations

from hashlib import sha1
from uuid import UUID

# Never change: every stored company and P-unit id depends on it.
NAMESPACE = UUID("7aa92f67-816d-5c04-a414-70a6cbf8d391")
_PREFIX = NAMESPACE.bytes


def natural_id(table: str, key: str) -> str:
    """The id of the row of `table` whose natural key is `key` (as stored: digits only).

    The same as ``str(uuid.uuid5(NAMESPACE, f"{table}:{key}"))``, a third of the time:
    an import derives one per company and P-unit."""
    digest = bytearray(sha1(_PREFIX + f"{table}:{key}".encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def natural_ids(table: str, keys: list[str]) -> list[str]:
    return [natural_id(table, key) for key in keys]
