"""Row rules of the association's tables (issue 13): members, board, grant rates, P-number
counts and activity grants. Part of ROW_RULES (row_rules.py)."""
from __future__ import annotations

from .field_rules import (
    _DATE,
    LONG_TEXT,
    FieldRule,
    _bool,
    _int,
    _iso_date,
    _municipality,
    _one_of,
    _ref,
    _text,
)

_SCOPE = _text("Område", max_length=20, check=_one_of({"forening"}))
_YEAR = FieldRule("int", "År", required=True, nullable=False, low=1997, high=2200)
_OPTIONAL_DATE = dict(nullable=True, check=_iso_date, max_length=10)
_KRONER = dict(low=0, high=1e12)

ASSOCIATION_RULES: dict[str, dict[str, FieldRule]] = {
    "member": {
        "kind": _text("Type", required=True, max_length=20,
                      check=_one_of({"kommune", "organisation"})),
        "municipality_code": _text("Kommune", nullable=True, max_length=4,
                                   check=_municipality),
        "name": _text("Navn", required=True, max_length=200),
        "since": _text("Medlem siden", required=True, **_DATE),
        "until": _text("Medlem til", **_OPTIONAL_DATE),
        "vote": _bool("Stemmeret"),
        "notes": _text("Noter", max_length=LONG_TEXT),
        "scope": _SCOPE,
    },
    "board_member": {
        "name": _text("Navn", required=True, max_length=200),
        "role": _text("Rolle", required=True, max_length=20,
                      check=_one_of({"formand", "medlem"})),
        "vote": _bool("Stemmeret"),
        "member_id": _ref("Medlem"),
        "since": _text("Valgt den", **_OPTIONAL_DATE),
        "until": _text("Til", **_OPTIONAL_DATE),
        "scope": _SCOPE,
    },
    "grant_rate": {
        "year": _YEAR,
        "per_pnr": FieldRule("real", "Kroner pr. P-nummer", required=True, nullable=False,
                             **_KRONER),
        "scope": _SCOPE,
    },
    "pnr_count": {
        "municipality_code": _text("Kommune", required=True, max_length=4, check=_municipality),
        "year": _YEAR,
        "counted": _int("P-numre i CVR-udtrækket"),
        "counted_on": _text("Optalt den", **_OPTIONAL_DATE),
        "override": _int("P-numre (rettet)"),
        "reason": _text("Begrundelse", max_length=2000),
        "scope": _SCOPE,
    },
    "activity_grant": {
        "municipality_code": _text("Kommune", required=True, max_length=4, check=_municipality),
        "year": _YEAR,
        "task": _text("Opgave", required=True, max_length=500),
        "amount": FieldRule("real", "Beløb", required=True, nullable=False, **_KRONER),
        "notes": _text("Noter", max_length=LONG_TEXT),
        "scope": _SCOPE,
    },
}
