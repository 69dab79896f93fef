"""One way to write dates, times and phone numbers, and one Danish alphabetical order.

The window, the CLI's human output and the messages all go through these functions, so a
date reads the same everywhere (docs/ui-conventions.md says which function goes where).
Stored values and JSON stay ISO 8601 and E.164; this module only formats for people.
"""
from __future__ import annotations

import unicodedata
from datetime import date, datetime

import phonenumbers

WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
# Dansk Sprognævn's abbreviations; "tirs." and "tors." keep the two from looking alike.
WEEKDAYS_SHORT = ("man.", "tirs.", "ons.", "tors.", "fre.", "lør.", "søn.")
MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)


def field_date(d: date) -> str:
    """'2.12.2026': fields, tables and messages (no leading zeros, as Danes write by hand)."""
    return f"{d.day}.{d.month}.{d.year}"


def long_date(d: date) -> str:
    """'onsdag 2. december 2026': letters, print and headings."""
    return f"{WEEKDAYS[d.weekday()]} {d.day}. {MONTHS[d.month - 1]} {d.year}"


def short_date(d: date) -> str:
    """'ons. 2.12.': cards, calendar cells and other tight spaces (the year is implied)."""
    return f"{WEEKDAYS_SHORT[d.weekday()]} {d.day}.{d.month}."


def date_time(dt: datetime) -> str:
    """'2.12.2026 kl. 14.05': Danish writes the time with a dot."""
    return f"{field_date(dt.date())} kl. {dt.hour:02d}.{dt.minute:02d}"


def display_phone(stored: str | None) -> str:
    """'+4553555569' -> '53 55 55 69'; a foreign number in its international grouping.

    A value phonenumbers cannot read is shown as stored rather than hidden."""
    text = (stored or "").strip()
    if not text:
        return ""
    try:
        parsed = phonenumbers.parse(text, "DK")
    except phonenumbers.NumberParseException:
        return text
    if parsed.country_code == 45:
        national = str(parsed.national_number)
        if len(national) == 8:
            return " ".join(national[i:i + 2] for i in range(0, 8, 2))
        return national
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


# Letters that sort as another letter in Danish (Retskrivningsordbogen §6): the German and
# Swedish vowels with æ/ø, ü with y, and the old spelling "aa" as å.
_AS_DANISH = str.maketrans({"ä": "æ", "ö": "ø", "ü": "y", "ß": "ss", "œ": "ø"})
# æ, ø, å come right after z. They take the three code points after "z"; every other
# character from there on moves up three so that no two different texts share a key.
_AFTER_Z = {"æ": chr(0x7B), "ø": chr(0x7C), "å": chr(0x7D)}
_SHIFT = 3


def _primary(text: str) -> str:
    folded = unicodedata.normalize("NFC", text).casefold().translate(_AS_DANISH).replace("aa", "å")
    out = []
    for ch in folded:
        if ch in _AFTER_Z:
            out.append(_AFTER_Z[ch])
            continue
        if not ch.isascii():
            # é -> e, ñ -> n: strip the accent, keep the base letter.
            base = "".join(
                c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
            )
            if base.isascii() and base:
                out.append(base)
                continue
        code = ord(ch)
        if code == 0:
            continue  # the separator below
        if code >= 0x7B:
            code = min(code + _SHIFT, 0x10FFFF)
        out.append(chr(code))
    return "".join(out)


def sort_key(text: str) -> str:
    """A key that puts names in Danish alphabetical order with plain string comparison.

    Case and accents only break ties: 'anna' and 'Anna' sit together, and so do 'Aarhus'
    and 'Århus'; the original text after a NUL makes the order total, so SQLite's collation
    (store/connection.py) and Python's sorted() never disagree on ties."""
    text = text or ""
    return _primary(text) + "\x00" + text
