"""Validators for the identifiers and contact fields a consultant types.

Each returns the normalised value or raises ValidationError with a Danish message that
says what is wrong and how to fix it.
"""
from __future__ import annotations

import re

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from stdnum.dk import cvr as stdnum_cvr
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength


class ValidationError(ValueError):
    """A value a user typed is not acceptable; the message is for the user, in Danish."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def is_digits(text: str) -> bool:
    """0-9 only: str.isdigit() also accepts "²" and other scripts' digits."""
    return bool(text) and text.isascii() and text.isdigit()


def _digits(value: str) -> str:
    # People paste "13 74 81 36" or "1374-8136"; spaces and dashes carry no meaning.
    return re.sub(r"[\s\-.]", "", value or "")


def validate_cvr(value: str) -> str:
    digits = _digits(value)
    if not digits:
        raise ValidationError("cvr", "CVR-nummer mangler. Skriv de 8 cifre.")
    try:
        return stdnum_cvr.validate(digits)
    except InvalidLength:
        raise ValidationError(
            "cvr", f"CVR-nummer skal have 8 cifre; «{value}» har {len(digits)}."
        ) from None
    except InvalidFormat:
        raise ValidationError(
            "cvr", f"CVR-nummer må kun indeholde cifre (og ikke starte med 0): «{value}»."
        ) from None
    except InvalidChecksum:
        raise ValidationError(
            "cvr",
            f"CVR-nummeret «{digits}» findes ikke: kontrolcifferet passer ikke. "
            "Tjek for en tastefejl.",
        ) from None


def validate_pnr(value: str) -> str:
    # Format only: one series of P-numbers was issued with wrong check weights.
    digits = _digits(value)
    if not digits:
        raise ValidationError("pnr", "P-nummer mangler. Skriv de 10 cifre.")
    if not is_digits(digits):
        raise ValidationError("pnr", f"P-nummer må kun indeholde cifre: «{value}».")
    if len(digits) != 10:
        raise ValidationError(
            "pnr", f"P-nummer skal have 10 cifre; «{value}» har {len(digits)}."
        )
    return digits


def validate_postcode(value: str) -> str:
    digits = (value or "").strip()
    if not re.fullmatch(r"[0-9]{4}", digits):
        raise ValidationError(
            "postcode", f"Postnummer skal være 4 cifre, fx 7100: «{value}» er ikke gyldigt."
        )
    # Business postcodes such as 0800 Høje Taastrup and 0900 København C start with 0;
    # the lowest in use is 0555.
    if int(digits) < _LOWEST_POSTCODE:
        raise ValidationError(
            "postcode",
            f"Postnummer «{digits}» findes ikke: danske postnumre går fra 0555 til 9999, "
            "fx 7100.",
        )
    return digits


_LOWEST_POSTCODE = 555


def validate_phone(value: str) -> str:
    """A Danish number: 8 digits, optionally with +45 or 0045. Returns '+45XXXXXXXX'."""
    raw = _digits(value).replace("(", "").replace(")", "")
    if raw.startswith("0045"):
        raw = "+45" + raw[4:]
    national = raw[3:] if raw.startswith("+45") else raw
    if not is_digits(national) or len(national) != 8:
        raise ValidationError(
            "phone",
            f"Telefonnummer skal være 8 cifre, evt. med +45 foran: «{value}» er ikke gyldigt.",
        )
    parsed = phonenumbers.parse("+45" + national, None)
    if not phonenumbers.is_possible_number(parsed):
        raise ValidationError("phone", f"«{value}» ligner ikke et dansk telefonnummer.")
    return "+45" + national


def validate_email_address(value: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError("email", "E-mailadresse mangler.")
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        raise ValidationError(
            "email", f"«{text}» er ikke en gyldig e-mailadresse. Skriv fx navn@firma.dk."
        ) from None
    return result.normalized


def validate_website(value: str) -> str:
    text = (value or "").strip()
    if text and (" " in text or "." not in text):
        raise ValidationError("website", f"«{text}» ligner ikke en webadresse, fx firma.dk.")
    return text


def validate_municipality_code(value: str | int, known_codes: set[str]) -> str:
    code = str(value).strip().zfill(3)
    if code not in known_codes:
        raise ValidationError(
            "municipality_code",
            f"Ukendt kommunekode «{value}». Brug en af de 98 tre-cifrede koder, fx 630 for Vejle.",
        )
    return code


def clean_text(value) -> str:
    """Free text as stored: never None, no surrounding spaces."""
    return str(value if value is not None else "").strip()


def required_text(field: str, label: str, value) -> str:
    cleaned = clean_text(value)
    if not cleaned:
        raise ValidationError(field, f"{label} mangler.")
    return cleaned


def optional(validator, value):
    """Empty stays empty (None); anything else must pass the validator."""
    if value is None or str(value).strip() == "":
        return None
    return validator(value)
