"""A participant's consent per purpose (GDPR art. 9: screening and dyslexia results are
sensitive): what for, given when and how, withdrawn when. Nothing sensitive may be recorded
or shared without a consent that is valid on that day.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from .screening_catalog import choice_key, choice_keys, join_choices
from .validation import ValidationError


class ConsentPurpose(StrEnum):
    SCREENING = "screening"
    COURSE = "course"
    SCHOOL = "school"

    @property
    def label(self) -> str:
        return PURPOSE_LABELS[self]


PURPOSE_LABELS = {
    ConsentPurpose.SCREENING: "Screening",
    ConsentPurpose.COURSE: "Kursusplanlægning",
    ConsentPurpose.SCHOOL: "Deling af resultater med skolen",
}
_PURPOSE_ALIASES = {
    ConsentPurpose.COURSE: ("kursus", "hold", "kursusplanlaegning"),
    ConsentPurpose.SCHOOL: ("skole", "skolen", "deling med skolen"),
}


class ConsentHow(StrEnum):
    SKRIFTLIG = "skriftlig"
    MUNDTLIG = "mundtlig"


_HOW_ALIASES = {ConsentHow.SKRIFTLIG: ("skriftligt",), ConsentHow.MUNDTLIG: ("mundtligt",)}


def _keys(labels: Mapping, aliases: Mapping) -> dict[str, StrEnum]:
    keys: dict[str, StrEnum] = {}
    for value, label in labels.items():
        for name in (value.value, label, *aliases.get(value, ())):
            for key in choice_keys(name):
                keys.setdefault(key, value)
    return keys


_PURPOSE_KEYS = _keys(PURPOSE_LABELS, _PURPOSE_ALIASES)
_HOW_KEYS = _keys({h: h.value for h in ConsentHow}, _HOW_ALIASES)


def parse_purpose(text: object) -> ConsentPurpose:
    found = _PURPOSE_KEYS.get(choice_key(text))
    if found:
        return ConsentPurpose(found)
    choices = join_choices(PURPOSE_LABELS.values())
    if not choice_key(text):
        raise ValidationError("purpose", f"Formål mangler; vælg {choices}.")
    raise ValidationError("purpose", f"Ukendt formål «{str(text).strip()}»; vælg {choices}.")


def parse_how(text: object) -> ConsentHow:
    found = _HOW_KEYS.get(choice_key(text))
    if found:
        return ConsentHow(found)
    if not choice_key(text):
        raise ValidationError("how", "Det skal fremgå, hvordan samtykket er givet; "
                                     "vælg skriftlig eller mundtlig.")
    raise ValidationError("how", f"Ukendt samtykkeform «{str(text).strip()}»; "
                                 "vælg skriftlig eller mundtlig.")


def check_consent(how: object, witness: str | None) -> str:
    """The witness' name, cleaned: an oral consent is only documented through a witness."""
    cleaned = (witness or "").strip()
    if parse_how(how) is ConsentHow.MUNDTLIG and not cleaned:
        raise ValidationError("witness", "Mundtligt samtykke kræver et vidne.")
    return cleaned


def check_withdrawal(given_on: date, withdrawn_on: date | None) -> None:
    if withdrawn_on is not None and withdrawn_on < given_on:
        raise ValidationError("withdrawn_on", "Samtykket kan ikke trækkes tilbage, før det "
                                              f"er givet ({given_on:%d.%m.%Y}).")


@dataclass(frozen=True)
class Consent:
    purpose: ConsentPurpose
    given_on: date
    how: ConsentHow
    witness: str = ""
    withdrawn_on: date | None = None


def is_valid(consent: Consent, on: date) -> bool:
    """Given on or before `on`, and not withdrawn by then (withdrawn on `on` no longer counts)."""
    return consent.given_on <= on and (consent.withdrawn_on is None or consent.withdrawn_on > on)


def has_valid_consent(consents: Iterable[Mapping | Consent], purpose: ConsentPurpose | str,
                      on: date) -> bool:
    """Any consent for `purpose` valid on `on`. Rows as stored (dicts with ISO date strings
    and a deleted flag) are accepted; a deleted row or one without a given date counts not."""
    wanted = parse_purpose(purpose)
    for item in consents:
        consent = item if isinstance(item, Consent) else _from_row(item)
        if consent is not None and consent.purpose is wanted and is_valid(consent, on):
            return True
    return False


def _from_row(row: Mapping) -> Consent | None:
    if int(row.get("deleted") or 0):
        return None
    given_on = _date(row.get("given_on"))
    if given_on is None:
        return None
    try:
        purpose = parse_purpose(row.get("purpose"))
    except ValidationError:
        return None  # a purpose this version does not know grants nothing here
    how = _HOW_KEYS.get(choice_key(row.get("how")), ConsentHow.SKRIFTLIG)
    return Consent(purpose, given_on, ConsentHow(how), str(row.get("witness") or ""),
                   _date(row.get("withdrawn_on")))


def _date(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])  # "2026-03-01" or a full ISO timestamp
