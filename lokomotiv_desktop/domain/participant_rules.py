"""What a person may type about a participant, normalised the way the rows store it; the
window, the CLI and the screening-day grid all go through here. Danish messages."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .cpr import refuse_cpr
from .screening_catalog import choice_key
from .validation import (
    ValidationError,
    clean_text,
    optional,
    validate_email_address,
    validate_phone,
)

_EMPLOYMENT = {"beskaeftiget": "beskæftiget", "ansat": "beskæftiget", "ledig": "ledig",
               "arbejdsloes": "ledig"}
_LANGUAGE = {"dansk": "dansk", "andetsprog": "andetsprog", "dansksomandetsprog": "andetsprog",
             "dsa": "andetsprog"}
# Free-text fields: checked for CPR-shaped numbers, which Lokomotiv never stores.
TEXT_FIELDS = {"first_name": "Fornavn", "last_name": "Efternavn", "jobcenter": "Jobcenter",
               "job_title": "Stilling", "team": "Hold/skift", "notes": "Noter",
               "consultant": "Konsulent"}


def parse_employment(value: Any) -> str:
    found = _EMPLOYMENT.get(choice_key(value or "beskæftiget").replace(" ", ""))
    if found is None:
        raise ValidationError("employment", f"«{value}» er ikke en beskæftigelse; vælg "
                              "beskæftiget eller ledig.")
    return found


def parse_language(value: Any) -> str:
    found = _LANGUAGE.get(choice_key(value or "dansk").replace(" ", ""))
    if found is None:
        raise ValidationError("language", f"«{value}» kendes ikke; vælg dansk eller "
                              "andetsprog (dansk som andetsprog).")
    return found


def participant_values(values: Mapping[str, Any], *, complete: bool = True) -> dict[str, Any]:
    """The normalised fields of `values` (only those given). `complete`: a new participant,
    which needs a first name, and a municipality when unemployed. Raises ValidationError."""
    out: dict[str, Any] = {}
    for name, label in TEXT_FIELDS.items():
        if name in values:
            text = clean_text(values[name])
            refuse_cpr(name, label, text)
            out[name] = text
    if "employment" in values:
        out["employment"] = parse_employment(values["employment"])
    if "language" in values:
        out["language"] = parse_language(values["language"])
    if "phone" in values:
        out["phone"] = optional(lambda v: _field("phone", validate_phone, v), values["phone"])
    if "email" in values:
        out["email"] = optional(lambda v: _field("email", validate_email_address, v),
                                values["email"])
    for key in ("company_id", "unit_id", "session_id", "municipality_code"):
        if key in values:
            out[key] = values[key] or None
    if "signed_up" in values:
        out["signed_up"] = bool(values["signed_up"])
    if complete:
        if not out.get("first_name"):
            raise ValidationError("first_name", "Skriv deltagerens fornavn.")
        if out.get("employment", "beskæftiget") == "ledig":
            if not out.get("municipality_code"):
                raise ValidationError("municipality_code", "En ledig deltager skal have den "
                                      "kommune, der har henvist (fx 630).")
        elif not out.get("company_id"):
            raise ValidationError("company_id", "En beskæftiget deltager skal høre til en "
                                  "virksomhed; vælg «ledig» for en ledig borger.")
    return out


def _field(field: str, validator, value: str) -> str:
    try:
        return validator(value)
    except ValidationError as exc:
        raise ValidationError(field, exc.message) from None
