"""Keep CPR numbers out: Lokomotiv never stores them (DOMAIN.md, Identifiers / GDPR).

find_cpr spots a CPR-shaped number in free text (notes, imported cells), refuse_cpr turns
that into a Danish ValidationError, and cpr_columns names the columns of an imported sheet
that must not be read at all.

Trade-off: a CPR number is ddmmyy followed by 4 digits. The modulus-11 check was dropped in
2007, so it cannot tell a CPR number from another 10-digit number. A bare 10-digit run counts
only when its first six digits are a real date; that still catches some P-numbers (10 digits,
often starting 10..31 and a month), so a bare run written right after a P-nummer label
("P-nr.", "P-nummer", "pnr") is taken for a P-number. A false alarm costs a retype; a missed
CPR number is stored personal data, so everything else with the shape is refused.
"""
from __future__ import annotations

import calendar
import re

from .screening_catalog import choice_key
from .validation import ValidationError

# Six digits, optionally a dash or one space, four digits; no digit either side, so a
# longer run (an EAN, a bank account) is not cut into a CPR-shaped piece.
_CANDIDATE = re.compile(r"(?<![0-9])([0-9]{2})([0-9]{2})([0-9]{2})([-\u2010\u2011\u2013 ]?)"
                        r"([0-9]{4})(?![0-9])")
_PNR_LABEL = re.compile(r"\b(?:p[-. ]?(?:nr|nummer|nummeret|enhed)|pnr)[.:]*\s*$", re.IGNORECASE)
_CPR_HEADER = re.compile(r"^[a-z]*(?:cpr(?:nr|nummer|no|number)?|personn(?:umme)?r)$")


def _plausible_day(dd: int, mm: int, yy: int) -> bool:
    if not 1 <= mm <= 12 or dd < 1:
        return False
    # The century is unknown (19yy or 20yy), so 29 February passes in any year divisible by 4.
    leap_year = 2000 + yy if yy % 4 == 0 else 2001
    return dd <= calendar.monthrange(leap_year, mm)[1]


def find_cpr(text: str | None) -> str | None:
    """The first CPR-shaped number in `text` (as written there), or None."""
    if not text:
        return None
    for match in _CANDIDATE.finditer(text):
        dd, mm, yy, separator, _ = match.groups()
        if not _plausible_day(int(dd), int(mm), int(yy)):
            continue
        if not separator and _PNR_LABEL.search(text, 0, match.start()):
            continue
        return match.group(0)
    return None


def refuse_cpr(field: str, label: str, text: str | None) -> str | None:
    """`text` unchanged, or ValidationError when it holds a CPR-shaped number."""
    if find_cpr(text):
        raise ValidationError(
            field, f"«{label}» ligner et CPR-nummer (ddmmåå-xxxx). "
                   "Lokomotiv gemmer ikke CPR-numre; fjern det.")
    return text


def cpr_columns(headers: list[str]) -> list[str]:
    """The headers (as given) that name a CPR column: "CPR", "cpr-nr", "CPR nummer",
    "personnummer", "Personnr.", "Medarbejder CPR", in any case and punctuation."""
    return [header for header in headers if _CPR_HEADER.match(choice_key(header))]
