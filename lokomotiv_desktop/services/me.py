"""Who works at this laptop: the consultant's own name and municipalities.

Kept in the store's local state table (``sync_state``), never synced: it describes this
laptop's user, not shared data. The name is what the window writes into a new visit, session
or phase move and what "Mine" filters match; before one is set, the account name from the
last login stands in, so a logged-in consultant is never nobody.
"""
from __future__ import annotations

import json

from ..store import Store

NAME_KEY = "me_name"
MUNICIPALITIES_KEY = "me_municipalities"


def my_name(store: Store) -> str | None:
    """The consultant's name, else the logged-in account's user name, else None."""
    for key in (NAME_KEY, "user"):
        value = (store.get_state(key) or "").strip()
        if value:
            return value
    return None


def set_my_name(store: Store, name: str | None) -> None:
    value = (name or "").strip() or None
    with store.transaction():
        store.set_state(NAME_KEY, value)


def my_municipalities(store: Store) -> list[str]:
    """Municipality codes (e.g. "630") the consultant works in: the default filter."""
    try:
        codes = json.loads(store.get_state(MUNICIPALITIES_KEY) or "[]")
    except ValueError:
        return []
    return [str(code) for code in codes if str(code).strip()] if isinstance(codes, list) else []


def set_my_municipalities(store: Store, codes: list[str]) -> None:
    unique = list(dict.fromkeys(str(code).strip() for code in codes if str(code).strip()))
    with store.transaction():
        store.set_state(MUNICIPALITIES_KEY, json.dumps(unique) if unique else None)
