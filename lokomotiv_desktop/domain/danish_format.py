"""One way to write dates, times and phone numbers, and one Danish alphabetical order.

The window, the CLI's human output and the messages all go through these functions, so a
date reads the same everywhere (docs/ui-conventions.md says which function goes where).
Stored values and JSON stay ISO 8601 and E.164; this module only formats for people.
"""
from __future__ import annotations

import re
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


def stored_time(iso_utc: str | None) -> str:
    """A stored ISO UTC timestamp as date_time in local time; a value that is no timestamp
    shows as it is, none as ""."""
    if not iso_utc:
        return ""
    try:
        when = datetime.fromisoformat(iso_utc.replace("Z", "+00:00"))
    except ValueError:
        return iso_utc
    return date_time(when.astimezone())


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


def _one(ch: str) -> str:
    """The key of one character (after folding): æ/ø/å after z, accents stripped."""
    if ch in _AFTER_Z:
        return _AFTER_Z[ch]
    if not ch.isascii():
        # é -> e, ñ -> n: strip the accent, keep the base letter.
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if base.isascii() and base:
            return base
    code = ord(ch)
    if code == 0:
        return ""  # the separator in sort_key
    return chr(min(code + _SHIFT, 0x10FFFF)) if code >= 0x7B else ch


class _Keys(dict):
    """character -> its key, computed on first use (names repeat the same few letters)."""

    def __missing__(self, ch: str) -> str:
        found = self[ch] = "".join(map(_one, ch.translate(_AS_DANISH)))
        return found


_KEYS = _Keys()
# Only characters outside "\x01".."z" need a key of their own; the regex finds them in C,
# so a plain name costs no Python per letter (the CVR import computes 300 000 keys).
_SPECIAL = re.compile("[^\x01-\x7a]")


def _primary(text: str) -> str:
    folded = unicodedata.normalize("NFC", text).casefold().replace("aa", "å")
    return _SPECIAL.sub(lambda m: _KEYS[m.group()], folded)


def sort_key(text: str) -> str:
    """A key that puts names in Danish alphabetical order with plain string comparison.

    Case and accents only break ties: 'anna' and 'Anna' sit together, and so do 'Aarhus'
    and 'Århus'; the original text after a NUL makes the order total, so SQLite's collation
    (store/connection.py) and Python's sorted() never disagree on ties."""
    text = text or ""
    return _primary(text) + "\x00" + text
