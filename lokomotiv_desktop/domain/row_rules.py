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

import math
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from .association_rules import ASSOCIATION_RULES
from .course_row_rules import COURSE_RULES
from .enums import ContactRole, EmployeeBand
from .field_rules import (  # noqa: F401 - MAX_INT etc. are part of this module's API
    _DATE,
    _PHASE,
    _TIME,
    LONG_TEXT,
    MAX_INT,
    ROW_ID,
    SHORT_TEXT,
    FieldRule,
    _bool,
    _cvr,
    _email,
    _int,
    _iso_date,
    _iso_time,
    _list_of,
    _municipality,
    _one_of,
    _phone,
    _ref,
    _text,
    _timestamp,
    _values,
)
from .outreach import KpiMeasure, MessengerRole, SessionFormat, VisitKind
from .person_rules import PERSON_RULES
from .validation import (
    ValidationError,
    validate_pnr,
    validate_postcode,
)

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
    **PERSON_RULES,
    **COURSE_RULES,
    **ASSOCIATION_RULES,
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
