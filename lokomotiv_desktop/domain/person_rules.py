"""Row rules of the tables about a person (issue 11): participant, consent, screening,
referral and dyslexia result. Part of ROW_RULES (row_rules.py): the server checks every
pushed value with them, a laptop every pulled one.

The catalog values (subjects, tools, outcomes, results) come from resources/data via
screening_catalog; how they combine (an outcome of the tool, a trin within the subject's
range) is screening_rules.screening_problem, checked on the whole row.
"""
from __future__ import annotations

from functools import cache

from .cpr import find_cpr
from .field_rules import (
    _DATE,
    LONG_TEXT,
    FieldRule,
    _bool,
    _email,
    _iso_date,
    _municipality,
    _one_of,
    _phone,
    _ref,
    _text,
)
from .screening_catalog import catalog


def _no_cpr(value: str) -> None:
    if find_cpr(value):
        raise ValueError("ligner et CPR-nummer (ddmmåå-xxxx). Lokomotiv gemmer ikke "
                         "CPR-numre; fjern det.")


@cache
def catalog_codes(kind: str) -> frozenset[str]:
    """The stored codes of one kind of catalog entry (subject, tool, outcome, result)."""
    data = catalog()
    if kind == "subject":
        return frozenset(s.code for s in data.subjects)
    if kind == "tool":
        return frozenset(t.code for t in data.tools)
    if kind == "outcome":
        return frozenset(o.code for t in data.tools for o in data.outcomes_for(t.code))
    return frozenset(r.code for r in data.dyslexia_results)


def _catalog_code(kind: str):
    def check(value: str) -> None:
        codes = catalog_codes(kind)
        if value not in codes:
            raise ValueError(f"«{value}» er ikke en mulighed. Vælg en af: "
                             f"{', '.join(sorted(codes))}.")
    return check


def _person_text(label, required=False, max_length=500):
    return _text(label, required=required, max_length=max_length, check=_no_cpr)


_NOTES = dict(max_length=LONG_TEXT)
_OPTIONAL_DATE = dict(nullable=True, check=_iso_date, max_length=10)

PERSON_RULES: dict[str, dict[str, FieldRule]] = {
    "participant": {
        "company_id": _ref("Virksomhed"),
        "unit_id": _ref("Produktionsenhed"),
        "session_id": _ref("Møde"),
        "first_name": _person_text("Fornavn", required=True, max_length=200),
        "last_name": _person_text("Efternavn", max_length=200),
        "employment": _text("Beskæftigelse", max_length=20,
                            check=_one_of({"beskæftiget", "ledig"})),
        "municipality_code": _text("Kommune", nullable=True, max_length=4,
                                   check=_municipality),
        "jobcenter": _person_text("Jobcenter"),
        "job_title": _person_text("Stilling"),
        "team": _person_text("Hold/skift"),
        "language": _text("Sprog", max_length=20, check=_one_of({"dansk", "andetsprog"})),
        "phone": _text("Telefon", nullable=True, max_length=20, check=_phone),
        "email": _text("E-mail", nullable=True, max_length=320, check=_email),
        "notes": _person_text("Noter", **_NOTES),
        "consultant": _text("Konsulent", max_length=200),
        "signed_up": _bool("Tilmeldt screening"),
    },
    "consent": {
        "participant_id": _ref("Deltager", required=True),
        "purpose": _text("Formål", required=True, max_length=20,
                         check=_one_of({"screening", "course", "school"})),
        "given_on": _text("Givet den", required=True, **_DATE),
        "how": _text("Givet", required=True, max_length=20,
                     check=_one_of({"skriftlig", "mundtlig"})),
        "witness": _person_text("Vidne", max_length=200),
        "withdrawn_on": _text("Trukket tilbage den", **_OPTIONAL_DATE),
    },
    "screening": {
        "participant_id": _ref("Deltager", required=True),
        "date": _text("Dato", required=True, **_DATE),
        "subject": _text("Fag", required=True, max_length=40, check=_catalog_code("subject")),
        "tool": _text("Værktøj", required=True, max_length=40, check=_catalog_code("tool")),
        "outcome": _text("Udfald", required=True, max_length=40,
                         check=_catalog_code("outcome")),
        "trin": FieldRule("int", "Trin", low=1, high=9),
        "school": _person_text("Skole", max_length=200),
        "tester": _person_text("Testvejleder", max_length=200),
        "notes": _person_text("Noter", **_NOTES),
    },
    "referral": {
        "participant_id": _ref("Deltager", required=True),
        "date": _text("Henvist den", required=True, **_DATE),
        "school": _person_text("Skole", max_length=200),
    },
    "dyslexia_result": {
        "referral_id": _ref("Henvisning", required=True),
        "result": _text("Resultat", required=True, max_length=10,
                        check=_catalog_code("dyslexia_result")),
        "date": _text("Dato", required=True, **_DATE),
        "school": _person_text("Skole", max_length=200),
    },
}
