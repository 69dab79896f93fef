"""Row rules of the course tables (issue 12): provider, course, lesson, enrolment and
attendance. Part of ROW_RULES (row_rules.py): the server checks every pushed value with
them, a laptop every pulled one. Codes are the stored forms; the labels users see live in
resources/data/courses.json (domain/course_catalog.py)."""
from __future__ import annotations

import json
import re
from functools import cache

from .field_rules import (
    _DATE,
    _TIME,
    LONG_TEXT,
    FieldRule,
    _bool,
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
)
from .person_rules import _person_text
from .screening_catalog import catalog

PROVIDER_KINDS = frozenset({"VUC", "AOF", "FOF", "AMU", "sprogcenter", "anden"})
COURSE_STATUSES = frozenset({"planlagt", "bekræftet", "i_gang", "afsluttet", "aflyst"})
ENROLMENT_STATUSES = frozenset({"tilmeldt", "startet", "gennemført", "udgået"})
RESULTS = frozenset({"bestået", "standpunkt", "ikke_afsluttet"})
_WEEKS = re.compile(r"\s*\d{1,2}(\s*-\s*\d{1,2})?\s*(,\s*\d{1,2}(\s*-\s*\d{1,2})?\s*)*")


@cache
def course_subjects() -> frozenset[str]:
    """The FVU subjects of the screening catalog, and OBU (dyslexia teaching)."""
    return frozenset({s.code for s in catalog().subjects} | {"obu"})


def _subject(value: str) -> None:
    _one_of(set(course_subjects()))(value)


def _pattern(value: str) -> None:
    """[{"weekday": 0..6, "start": "08:00", "end": "10:30"}, ...], at least one, each weekday
    once, each ending after it starts."""
    try:
        slots = json.loads(value)
    except ValueError:
        raise ValueError("er ikke et ugemønster.") from None
    if not isinstance(slots, list) or not slots:
        raise ValueError("skal have mindst én ugedag.")
    days = set()
    for slot in slots:
        if not isinstance(slot, dict) or set(slot) != {"weekday", "start", "end"}:
            raise ValueError("er ikke et ugemønster.")
        day = slot["weekday"]
        if not isinstance(day, int) or isinstance(day, bool) or not 0 <= day <= 6 or day in days:
            raise ValueError("har en ugyldig eller gentaget ugedag.")
        days.add(day)
        for key in ("start", "end"):
            if not isinstance(slot[key], str):
                raise ValueError("har et ugyldigt klokkeslæt.")
            _iso_time(slot[key])
        if slot["end"] <= slot["start"]:
            raise ValueError(f"slutter kl. {slot['end']}, før det begynder kl. {slot['start']}.")


def _weeks(value: str) -> None:
    if not _WEEKS.fullmatch(value) or any(
            not 1 <= int(n) <= 53 for n in re.findall(r"\d+", value)):
        raise ValueError(f"«{value}» er ikke ugenumre (1–53), fx 29-31,42.")


COURSE_RULES: dict[str, dict[str, FieldRule]] = {
    "provider": {
        "name": _text("Navn", required=True, max_length=200),
        "kind": _text("Type", max_length=20, check=_one_of(set(PROVIDER_KINDS))),
        "vuc": _text("Driftsoverenskomst med VUC", max_length=200),
        "contact": _text("Kontaktperson", max_length=200),
        "phone": _text("Telefon", nullable=True, max_length=20, check=_phone),
        "email": _text("E-mail", nullable=True, max_length=320, check=_email),
        "address": _text("Adresse"),
        "municipality_code": _text("Kommune", nullable=True, max_length=4,
                                   check=_municipality),
    },
    "course": {
        "company_id": _ref("Virksomhed", required=True),
        "company_ids": _text("Øvrige virksomheder", max_length=LONG_TEXT, check=_list_of(None)),
        "subject": _text("Fag", required=True, max_length=20, check=_subject),
        "trin": FieldRule("int", "Trin", low=1, high=9),
        "provider_id": _ref("Udbyder"),
        "teacher": _text("Underviser", max_length=200),
        "place": _text("Sted"),
        "unit_id": _ref("Produktionsenhed"),
        "start_date": _text("Startdato", required=True, **_DATE),
        "pattern": _text("Ugemønster", required=True, max_length=2000, check=_pattern),
        "lesson_count": _int("Antal lektioner", low=1, high=500),
        "total_hours": FieldRule("real", "Timer i alt", low=0.5, high=2000),
        "closed_weeks": _text("Lukkede uger", max_length=200, check=_weeks),
        "closed_days": _text("Lukkedage", max_length=LONG_TEXT, check=_list_of(_iso_date)),
        "max_participants": _int("Højst deltagere", low=1, high=100),
        "status": _text("Status", max_length=20, check=_one_of(set(COURSE_STATUSES))),
        "consultant": _text("Konsulent", max_length=200),
        "notes": _text("Noter", max_length=LONG_TEXT),
    },
    "lesson": {
        "course_id": _ref("Hold", required=True),
        "original_date": _text("Oprindelig dato", required=True, **_DATE),
        "date": _text("Ny dato", nullable=True, check=_iso_date, max_length=10),
        "start_time": _text("Starter", **_TIME),
        "end_time": _text("Slutter", **_TIME),
        "cancelled": _bool("Aflyst"),
        "reason": _text("Begrundelse", max_length=2000),
    },
    "enrolment": {
        "participant_id": _ref("Deltager", required=True),
        "course_id": _ref("Hold", required=True),
        "date": _text("Tilmeldt den", required=True, **_DATE),
        "status": _text("Status", max_length=20, check=_one_of(set(ENROLMENT_STATUSES))),
        "result": _text("Resultat", nullable=True, max_length=20, check=_one_of(set(RESULTS))),
        "svu_applied": _bool("SVU søgt"),
        "svu_applied_on": _text("SVU søgt den", nullable=True, check=_iso_date, max_length=10),
        "notes": _person_text("Noter", max_length=LONG_TEXT),
    },
    "attendance": {
        "enrolment_id": _ref("Tilmelding", required=True),
        "date": _text("Dato", required=True, **_DATE),
        "present": _bool("Mødt"),
    },
}
