"""The course catalog: course subjects, provider kinds, course and enrolment statuses,
results, the usual hours per trin, the SVU window and the days schools are closed. Read from
resources/data/courses.json, because several of these facts are UNCONFIRMED (DOMAIN.md) and
must change without a code change. The FVU subjects and the class sizes come from the
screening catalog (screening.json), so they are written down once.

The parse_* functions turn what a person typed into a stored code, or raise ValidationError
with a Danish message that lists the valid choices.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .screening_catalog import Catalog as ScreeningCatalog
from .screening_catalog import Subject, _index, _shown, choice_key, join_choices
from .screening_catalog import catalog as screening_catalog
from .validation import ValidationError

# Domain may not import lokomotiv_desktop.paths, so find the shipped file the same way here.
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "resources" / "data" / "courses.json"


@dataclass(frozen=True)
class Choice:
    code: str
    label: str


@dataclass(frozen=True)
class ClosedDay:
    """A day of the year schools are closed without it being a public holiday."""
    month: int
    day: int
    name: str


class _Choices:
    """One list of coded choices with its look-up by code, label or alias."""

    def __init__(self, field: str, what: str, entries: list[dict]):
        self.field = field
        self.what = what  # "Udbydertype": the start of a Danish message
        self.items = tuple(Choice(e["code"], e["label"]) for e in entries)
        self._labels = {c.code: c.label for c in self.items}
        self._keys = _index((e["code"], [e["code"], e["label"], *e.get("aliases", ())])
                            for e in entries)

    def label(self, code: str | None) -> str:
        """The label, "" for none, the code itself for one the catalog no longer has."""
        if not code:
            return ""
        return self._labels.get(code, code)

    def parse(self, text: object) -> str:
        key = choice_key(text)
        code = self._keys.get(key)
        if code:
            return code
        choices = join_choices(c.label for c in self.items)
        if not key:
            raise ValidationError(self.field, f"{self.what} mangler; vælg {choices}.")
        raise ValidationError(self.field,
                              f"Ukendt {self.what.lower()} «{_shown(text)}»; vælg {choices}.")


class CourseCatalog:
    """One loaded courses.json. Immutable after construction; get it from catalog()."""

    def __init__(self, data: dict, screening: ScreeningCatalog):
        self.version: int = int(data["version"])
        self.screening = screening
        extra = data.get("extra_subjects", [])
        self.subjects: tuple[Subject, ...] = (*screening.subjects, *(
            Subject(s["code"], s["label"], tuple(int(t) for t in s["trin"])) for s in extra))
        self._subjects = {s.code: s for s in self.subjects}
        self._extra_keys = _index((s["code"], [s["code"], s["label"], *s.get("aliases", ())])
                                  for s in extra)
        self.provider_kinds = _Choices("kind", "Udbydertype", data["provider_kinds"])
        self.course_statuses = _Choices("status", "Holdstatus", data["course_statuses"])
        self.enrolment_statuses = _Choices("status", "Tilmeldingsstatus",
                                           data["enrolment_statuses"])
        self.results = _Choices("result", "Resultat", data["results"])
        hours = data["hours_per_trin"]
        self.hours_min: float = float(hours["min"])
        self.hours_max: float = float(hours["max"])
        svu = data["svu"]
        self.svu_earliest_weeks: int = int(svu["earliest_weeks"])
        self.svu_latest_weeks: int = int(svu["latest_weeks"])
        self.svu_remind_days: int = int(svu["remind_days"])
        self.school_closed_days: tuple[ClosedDay, ...] = tuple(
            ClosedDay(int(d["month"]), int(d["day"]), str(d["name"]))
            for d in data.get("school_closed_days", ()))
        self._check()

    def _check(self) -> None:
        # A broken data file must fail at load, not when a consultant plans a course.
        if not 0 < self.hours_min <= self.hours_max:
            raise ValueError("courses.json: hours_per_trin needs 0 < min <= max")
        if not 0 <= self.svu_latest_weeks < self.svu_earliest_weeks:
            raise ValueError("courses.json: svu needs 0 <= latest_weeks < earliest_weeks")
        for day in self.school_closed_days:
            if not (1 <= day.month <= 12 and 1 <= day.day <= 31 and day.name):
                raise ValueError(f"courses.json: bad school_closed_days entry {day}")

    # Class sizes are screening.json's: one place for them.
    @property
    def class_min(self) -> int:
        return self.screening.class_min

    @property
    def class_max(self) -> int:
        return self.screening.class_max

    @property
    def obu_max(self) -> int:
        return self.screening.obu_max

    # Labels ------------------------------------------------------------------------------

    def subject(self, code: str) -> Subject:
        return self._subjects[code]

    def subject_label(self, code: str) -> str:
        subject = self._subjects.get(code)
        return subject.label if subject else code

    def provider_kind_label(self, code: str | None) -> str:
        return self.provider_kinds.label(code)

    def course_status_label(self, code: str | None) -> str:
        return self.course_statuses.label(code)

    def enrolment_status_label(self, code: str | None) -> str:
        return self.enrolment_statuses.label(code)

    def result_label(self, code: str | None) -> str:
        return self.results.label(code)

    # Parsing what people type -------------------------------------------------------------

    def parse_subject(self, text: object) -> str:
        code = self._extra_keys.get(choice_key(text))
        if code:
            return code
        try:
            return self.screening.parse_subject(text)
        except ValidationError:
            choices = join_choices(s.label for s in self.subjects)
            if not choice_key(text):
                raise ValidationError("subject", f"Fag mangler; vælg {choices}.") from None
            raise ValidationError(
                "subject", f"Ukendt fag «{_shown(text)}»; vælg {choices}.") from None

    def parse_trin(self, value: object, subject: str, *, required: bool = False) -> int | None:
        code = self.parse_subject(subject)
        if code in self._extra_keys.values():
            subject_ = self._subjects[code]
            if value is not None and str(value).strip():
                raise ValidationError("trin", f"{subject_.label} har ingen trin.")
            return None
        return self.screening.parse_trin(value, code, required=required)

    def parse_provider_kind(self, text: object) -> str:
        return self.provider_kinds.parse(text)

    def parse_course_status(self, text: object) -> str:
        return self.course_statuses.parse(text)

    def parse_enrolment_status(self, text: object) -> str:
        return self.enrolment_statuses.parse(text)

    def parse_result(self, text: object) -> str:
        return self.results.parse(text)


@cache
def _load(path: Path) -> CourseCatalog:
    with path.open(encoding="utf-8") as handle:
        return CourseCatalog(json.load(handle), screening_catalog())


def catalog(path: Path | str | None = None) -> CourseCatalog:
    """The catalog, read once per file (the shipped one unless a test passes its own)."""
    return _load(Path(path).resolve() if path is not None else DEFAULT_PATH)


def subject_label(code: str) -> str:
    return catalog().subject_label(code)


def provider_kind_label(code: str | None) -> str:
    return catalog().provider_kind_label(code)


def course_status_label(code: str | None) -> str:
    return catalog().course_status_label(code)


def enrolment_status_label(code: str | None) -> str:
    return catalog().enrolment_status_label(code)


def result_label(code: str | None) -> str:
    return catalog().result_label(code)


def parse_subject(text: object) -> str:
    return catalog().parse_subject(text)


def parse_trin(value: object, subject: str, *, required: bool = False) -> int | None:
    return catalog().parse_trin(value, subject, required=required)


def parse_provider_kind(text: object) -> str:
    return catalog().parse_provider_kind(text)


def parse_course_status(text: object) -> str:
    return catalog().parse_course_status(text)


def parse_enrolment_status(text: object) -> str:
    return catalog().parse_enrolment_status(text)


def parse_result(text: object) -> str:
    return catalog().parse_result(text)
