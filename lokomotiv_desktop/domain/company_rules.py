"""Validation of whole company, P-unit and contact records, field by field.

The form, the CLI and the importer call the same functions, so a value accepted in one place
is accepted everywhere.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .enums import ContactRole, EmployeeBand, Phase
from .validation import (
    ValidationError,
    clean_text,
    is_digits,
    optional,
    required_text,
    validate_cvr,
    validate_email_address,
    validate_municipality_code,
    validate_phone,
    validate_pnr,
    validate_postcode,
    validate_website,
)

_TRUE = {"1", "true", "ja", "j", "yes", "y", "x", "sand"}
_FALSE = {"0", "false", "nej", "n", "no", "", "falsk"}


def parse_bool(field: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value if value is not None else "").strip().casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValidationError(field, f"«{value}» er hverken ja eller nej. Skriv ja/nej eller 1/0.")


def parse_count(field: str, value: Any) -> int | None:
    text = str(value if value is not None else "").strip()
    if not text:
        return None
    if not is_digits(text):
        raise ValidationError(field, f"Antal skal være et helt tal, fx 25: «{value}».")
    return int(text)


def parse_employee_band(value: Any) -> str | None:
    text = str(value if value is not None else "").strip()
    if not text:
        return None
    if is_digits(text):
        return EmployeeBand.for_count(int(text)).value
    normalised = text.replace(" ", "").replace("–", "-")
    for band in EmployeeBand:
        if band.value == normalised:
            return band.value
    choices = ", ".join(b.value for b in EmployeeBand)
    raise ValidationError("employees", f"Antal ansatte «{value}» er ukendt. Brug et tal eller {choices}.")


def clean_company_field(field: str, value: Any, municipality_codes: set[str]) -> Any:
    """One company field, validated and normalised. Raises ValidationError."""
    match field:
        case "cvr":
            return validate_cvr(str(value or ""))
        case "name":
            return required_text("name", "Navn", value)
        case "postcode":
            return optional(validate_postcode, value)
        case "municipality_code":
            return optional(lambda v: validate_municipality_code(v, municipality_codes), value)
        case "employees":
            return parse_employee_band(value)
        case "phone":
            return optional(validate_phone, value)
        case "email":
            return optional(validate_email_address, value)
        case "website":
            return validate_website(clean_text(value))
        case "marketing_protected":
            return parse_bool("marketing_protected", value)
        case "phase":
            try:
                return Phase.parse(value)
            except ValueError as exc:
                raise ValidationError("phase", str(exc)) from None
        case "address" | "city" | "industry_code" | "industry_text" | "consultant" | "notes":
            return clean_text(value)
    raise ValidationError(field, f"Ukendt felt «{field}».")


def clean_fields(
    cleaner, values: Mapping[str, Any], *args: Any
) -> tuple[dict[str, Any], dict[str, str]]:
    """Runs a per-field cleaner over values; returns (clean values, {field: message})."""
    clean: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, value in values.items():
        try:
            clean[name] = cleaner(name, value, *args)
        except ValidationError as exc:
            errors[exc.field if exc.field == name else name] = exc.message
    return clean, errors


def clean_production_unit_field(field: str, value: Any, municipality_codes: set[str]) -> Any:
    match field:
        case "pnr":
            return validate_pnr(str(value or ""))
        case "postcode":
            return optional(validate_postcode, value)
        case "municipality_code":
            return optional(lambda v: validate_municipality_code(v, municipality_codes), value)
        case "employees":
            return parse_count("employees", value)
        case "name" | "address" | "city":
            return clean_text(value)
    raise ValidationError(field, f"Ukendt felt «{field}».")


def clean_contact_field(field: str, value: Any) -> Any:
    match field:
        case "name":
            return required_text("name", "Navn", value)
        case "role":
            try:
                return ContactRole.parse(str(value or "andet"))
            except ValueError as exc:
                raise ValidationError("role", str(exc)) from None
        case "phone":
            return optional(validate_phone, value)
        case "email":
            return optional(validate_email_address, value)
        case "trusted":
            return parse_bool("trusted", value)
    raise ValidationError(field, f"Ukendt felt «{field}».")
