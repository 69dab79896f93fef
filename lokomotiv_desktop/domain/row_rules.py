"""What a stored row of each synced table may hold: one definition per table, checked by
the server on every push and by a laptop on every pull, so that a value one laptop (or a
careless client) sends can be held by every other laptop.

The forms, the CLI and the importer go further (company_rules, outreach_rules): they
normalise what a person types. These rules accept exactly what those produce, and the
shape the local columns need (NOT NULL, INTEGER, a known enum value, a bounded length).
Rules that tie two fields together (a due date after the visit) are left to the forms: a
merge of two laptops' edits may combine fields legitimately.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from .enums import ContactRole, EmployeeBand
from .outreach import KpiMeasure, MessengerRole, SessionFormat, VisitKind
from .validation import (
    ValidationError,
    validate_cvr,
    validate_email_address,
    validate_phone,
    validate_pnr,
    validate_postcode,
)

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

ROW_RULES: dict[str, dict[str, FieldRule]] = {
    "company": {
        "cvr": _text("CVR-nummer", required=True, max_length=8, check=_cvr),
        "name": _text("Navn", required=True),
        "address": _text("Adresse"),
        "postcode": _text("Postnummer", nullable=True, max_length=4, check=validate_postcode),
        "city": _text("By"),
        "municipality_code": _text("Kommune", nullable=True, max_length=4,
                                   check=_municipality),
        "industry_code": _text("Branchekode", max_length=20),
        "industry_text": _text("Branche"),
        "employees": _text("Ansatte", nullable=True, max_length=10,
                           check=_one_of(_values(EmployeeBand))),
        "phone": _text("Telefon", nullable=True, max_length=20, check=_phone),
        "email": _text("E-mail", nullable=True, max_length=320, check=_email),
        "website": _text("Hjemmeside"),
        "marketing_protected": _bool("Reklamebeskyttet"),
        "phase": FieldRule("int", "Fase", nullable=False, **_PHASE),
        "consultant": _text("Konsulent", max_length=200),
        "notes": _text("Noter", max_length=LONG_TEXT),
    },
    "production_unit": {
        "company_id": _ref("Virksomhed", required=True),
        "pnr": _text("P-nummer", required=True, max_length=10, check=validate_pnr),
        "name": _text("Navn"),
        "address": _text("Adresse"),
        "postcode": _text("Postnummer", nullable=True, max_length=4, check=validate_postcode),
        "city": _text("By"),
        "municipality_code": _text("Kommune", nullable=True, max_length=4,
                                   check=_municipality),
        "employees": _int("Ansatte"),
    },
    "contact": {
        "company_id": _ref("Virksomhed", required=True),
        "name": _text("Navn", required=True),
        "role": _text("Rolle", max_length=40, check=_one_of(_values(ContactRole))),
        "phone": _text("Telefon", nullable=True, max_length=20, check=_phone),
        "email": _text("E-mail", nullable=True, max_length=320, check=_email),
        "trusted": _bool("Betroet"),
    },
    "visit": {
        "company_id": _ref("Virksomhed", required=True),
        "unit_id": _ref("Produktionsenhed"),
        "date": _text("Dato", required=True, **_DATE),
        "time": _text("Klokkeslæt", **_TIME),
        "kind": _text("Type", max_length=40, check=_one_of(_values(VisitKind))),
        "consultant": _text("Konsulent", max_length=200),
        "contact_ids": _text("Kontakter", max_length=LONG_TEXT, check=_list_of(None)),
        "notes": _text("Noter", max_length=LONG_TEXT),
        "agreed": _text("Aftalt", max_length=LONG_TEXT),
        "next_step": _text("Næste skridt", max_length=LONG_TEXT),
        "next_due": _text("Frist", nullable=True, check=_iso_date, max_length=10),
        "company_asked": _bool("Virksomheden bad selv om kontakt"),
    },
    "follow_up": {
        "company_id": _ref("Virksomhed", required=True),
        "visit_id": _ref("Besøg"),
        "due": _text("Frist", required=True, **_DATE),
        "text": _text("Opgave", required=True, max_length=LONG_TEXT),
        "consultant": _text("Konsulent", max_length=200),
        "done": _bool("Udført"),
        "done_at": _text("Udført den", nullable=True, max_length=40, check=_timestamp),
    },
    "motivation_session": {
        "company_id": _ref("Virksomhed", required=True),
        "unit_id": _ref("Produktionsenhed"),
        "date": _text("Dato", required=True, **_DATE),
        "time": _text("Klokkeslæt", **_TIME),
        "place": _text("Sted"),
        "format": _text("Form", max_length=40, check=_one_of(_values(SessionFormat))),
        "consultant": _text("Konsulent", max_length=200),
        "messengers": _text("Budbringere", max_length=1000,
                            check=_list_of(_one_of(_values(MessengerRole)))),
        "invited": _int("Inviterede"),
        "attended": _int("Fremmødte"),
        "signed_up": _int("Tilmeldt screening"),
        "notes": _text("Noter", max_length=LONG_TEXT),
    },
    "phase_change": {
        "company_id": _ref("Virksomhed", required=True),
        "from_phase": FieldRule("int", "Fra fase", **_PHASE),
        "to_phase": FieldRule("int", "Til fase", required=True, nullable=False, **_PHASE),
        "changed_at": _text("Skiftet den", required=True, max_length=40, check=_timestamp),
        "changed_by": _text("Skiftet af", max_length=200),
        "reason": _text("Begrundelse", max_length=LONG_TEXT),
    },
    "kpi_target": {
        "company_id": _ref("Virksomhed", required=True),
        "description": _text("Beskrivelse", required=True, max_length=2000),
        "measure": _text("Måling", max_length=40, check=_one_of(_values(KpiMeasure))),
        "target_percent": FieldRule("real", "Mål", required=True, nullable=False,
                                    low=0, high=100),
        "deadline": _text("Frist", required=True, **_DATE),
        "employees": _int("Ansatte"),
        "manual_value": FieldRule("real", "Manuel værdi", low=0, high=1e12),
    },
    "participant": {
        "company_id": _ref("Virksomhed", required=True),
        "session_id": _ref("Møde"),
        "name": _text("Navn", required=True),
        "signed_up": _bool("Tilmeldt screening"),
    },
}
_DELETED = _bool("Slettet")


def rule_for(table: str, field: str) -> FieldRule | None:
    if field == "deleted":
        return _DELETED
    return ROW_RULES.get(table, {}).get(field)


def field_problem(table: str, field: str, value: Any) -> str | None:
    """Why `value` cannot be stored in `table.field` (Danish), or None when it can."""
    if type(value) in _MEMO_TYPES and (type(value) is not str or len(value) <= _MEMO_LENGTH):
        return _memo_problem(table, field, value, type(value))
    return _field_problem(table, field, value)


# Pushes and pulls repeat a few values per field (phases, bands, municipalities, ja/nej)
# thousands of times; the type is part of the key, as 1 == True == 1.0 in a dict.
_MEMO_TYPES = frozenset({str, int, bool, type(None)})
_MEMO_LENGTH = 40


@lru_cache(maxsize=65_536)
def _memo_problem(table: str, field: str, value: Any, _type: type) -> str | None:
    return _field_problem(table, field, value)


def _field_problem(table: str, field: str, value: Any) -> str | None:
    rule = rule_for(table, field)
    if rule is None:
        return f"Feltet «{field}» findes ikke."
    problem = _problem(rule, value)
    return f"{rule.label}: {problem}" if problem else None


def _problem(rule: FieldRule, value: Any) -> str | None:
    if value is None:
        return None if rule.nullable else "mangler."
    if rule.kind == "bool":
        return None if value in (0, 1) and not isinstance(value, float) else "skal være ja eller nej."
    if rule.kind in ("int", "real"):
        return _number_problem(rule, value)
    if not isinstance(value, str):
        return "skal være tekst."
    if len(value) > rule.max_length:
        return f"er for lang ({len(value)} tegn; højst {rule.max_length})."
    if rule.required and not value.strip():
        return "mangler."
    if rule.check and value != "":
        try:
            rule.check(value)
        except ValidationError as exc:
            return exc.message
        except ValueError as exc:
            return str(exc) or "er ikke gyldig."
    return None


def _number_problem(rule: FieldRule, value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "skal være et tal."
    if rule.kind == "int" and not isinstance(value, int):
        return "skal være et helt tal."
    if not math.isfinite(value) or not rule.low <= value <= rule.high:
        return f"skal ligge mellem {rule.low:g} og {rule.high:g}."
    return None


def missing_fields(table: str, values: Mapping[str, Any]) -> list[str]:
    """The required fields a complete row of `table` lacks (absent, null or blank)."""
    return [name for name, rule in ROW_RULES.get(table, {}).items()
            if rule.required and (values.get(name) is None
                                  or (isinstance(values[name], str) and not values[name].strip()))]


def row_problems(table: str, values: Mapping[str, Any], complete: bool = True) -> dict[str, str]:
    """{field: Danish message} for every value of `values` the domain refuses and, when
    `complete`, every required field it lacks. Empty: every laptop can store it."""
    problems = {}
    for name, value in values.items():
        problem = field_problem(table, name, value)
        if problem:
            problems[name] = problem
    if complete:
        for name in missing_fields(table, values):
            problems.setdefault(name, f"{ROW_RULES[table][name].label}: mangler.")
    return problems
