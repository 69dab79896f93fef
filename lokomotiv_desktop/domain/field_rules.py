"""The building blocks of the row rules (row_rules.py, person_rules.py): a field's kind,
bounds and domain check, and the checks shared by several tables."""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .validation import validate_cvr, validate_email_address, validate_phone

MAX_INT = 2**63 - 1  # SQLite's and PostgreSQL's bigint
SHORT_TEXT = 500
LONG_TEXT = 20_000
ROW_ID = 64


@dataclass(frozen=True)
class FieldRule:
    kind: str  # "text" | "int" | "real" | "bool" | "id" | "list"
    label: str
    required: bool = False  # a complete row holds it, not empty (NOT NULL, no default)
    nullable: bool = True   # False: may be absent (the column's default) but never null
    max_length: int = SHORT_TEXT
    check: Callable[[Any], Any] | None = None  # raises ValidationError or ValueError
    low: float = -MAX_INT
    high: float = MAX_INT


def _text(label, required=False, nullable=False, max_length=SHORT_TEXT, check=None):
    return FieldRule("text", label, required, nullable and not required, max_length, check)


def _int(label, required=False, low=0, high=MAX_INT):
    return FieldRule("int", label, required, not required, low=low, high=high)


def _bool(label):
    return FieldRule("bool", label, nullable=False)


def _ref(label, required=False):
    return FieldRule("id", label, required, not required, ROW_ID)


def _one_of(values: set[str]) -> Callable[[str], None]:
    def check(value: str) -> None:
        if value not in values:
            raise ValueError(f"«{value}» er ikke en mulighed. Vælg en af: "
                             f"{', '.join(sorted(values))}.")
    return check


def _iso_date(value: str) -> None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"«{value}» er ikke en dato på formen 2026-12-01.")
    date.fromisoformat(value)


def _iso_time(value: str) -> None:
    match = re.fullmatch(r"(\d{2}):(\d{2})", value)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError(f"«{value}» er ikke et klokkeslæt på formen 09:30.")


def _timestamp(value: str) -> None:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"«{value}» er ikke et tidspunkt.") from None


def _municipality(value: str) -> None:
    if not re.fullmatch(r"\d{3,4}", value):
        raise ValueError(f"Ukendt kommunekode «{value}»: brug tre cifre, fx 630.")


def _list_of(check: Callable[[str], None] | None) -> Callable[[str], None]:
    def parse(value: str) -> None:
        items = json.loads(value)
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ValueError("skal være en liste.")
        for item in items:
            if check:
                check(item)
            elif len(item) > ROW_ID:
                raise ValueError("indeholder et ugyldigt id.")
    return parse


# Fast paths for what the forms store (checked per pulled and pushed row, so per 10 000s):
# the stored forms pass a regular expression; anything else gets the full validator, which
# either accepts it (leniently, as the forms would) or says why not.
_STORED_PHONE = re.compile(r"\+45[0-9]{8}")
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PLAIN_EMAIL = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@(?:{_LABEL}\.)+[A-Za-z]{{2,24}}")
_CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def _phone(value: str) -> None:
    if not _STORED_PHONE.fullmatch(value):
        validate_phone(value)


def _email(value: str) -> None:
    if len(value) > 254 or not _PLAIN_EMAIL.fullmatch(value):
        validate_email_address(value)


def _cvr(value: str) -> None:
    if not (len(value) == 8 and value.isascii() and value.isdigit() and value[0] != "0"
            and sum(int(d) * w for d, w in zip(value, _CVR_WEIGHTS, strict=True)) % 11 == 0):
        validate_cvr(value)


def _values(enum) -> set[str]:
    return {member.value for member in enum}


_PHASE = dict(low=1, high=5)
_DATE = dict(check=_iso_date, max_length=10)
_TIME = dict(nullable=True, check=_iso_time, max_length=5)
