"""Use cases of a course's participants: enrol (by hand, or a suggested class in one step),
status and result, SVU applied, attendance per lesson.

An enrolment is personal data: it needs the participant's consent for course planning on
the day (checked here and by the server). Errors stop the enrolment with a Danish message
(the person is on another course at the same time; an OBU class is full); warnings are
returned beside it (the class is above its agreed size; no screening in the subject).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..domain import course_catalog as catalog
from ..domain.course_rules import (
    class_size_problem,
    participant_clash,
    screening_missing_warning,
)
from ..domain.courses import Course, Enrolment
from ..domain.danish_format import field_date
from ..domain.outreach_rules import parse_date, parse_optional_date
from ..domain.participants import ConsentRecord, Participant
from ..domain.validation import ValidationError, clean_text
from ..store.courses import EnrolmentRepository
from ..store.database import Store
from ..store.participants import ParticipantRepository
from .course_view import booking_of, bookings_of
from .courses import CourseSaved, add_course, calendar_of, find_course
from .outreach import today_local
from .participants import find_participant
from .screenings import class_sizes, suggest_for

CLOSED = ("aflyst", "afsluttet")


@dataclass
class Enrolled:
    enrolment: Enrolment
    warnings: list[str] = field(default_factory=list)
    already: bool = False  # the person was on the course before: nothing was written


@dataclass
class Refused:
    participant_id: str
    name: str
    reason: str  # Danish


@dataclass
class FromSuggestion:
    saved: CourseSaved
    enrolled: list[Enrolled] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)


def enrol(store: Store, course_id: str, participant_id: str, day: Any = None) -> Enrolled:
    course = find_course(store, course_id)
    person = find_participant(store, participant_id)
    repo = EnrolmentRepository(store)
    existing = repo.get(course.id, person.id)
    if existing is not None:
        return Enrolled(existing, [f"{person.name} er allerede tilmeldt holdet."], already=True)
    on = parse_optional_date("date", day, "Tilmeldt den") or today_local()
    warnings = check_enrolment(store, course, person, on)
    with store.transaction():
        repo.enrol(course.id, person.id, {"date": on.isoformat(), "status": "tilmeldt"})
    return Enrolled(repo.get(course.id, person.id), warnings)


def check_enrolment(store: Store, course: Course, person: Participant, on: date,
                    extra: int = 0) -> list[str]:
    """Raises ValidationError for what stops an enrolment; returns the warnings.
    `extra`: people being enrolled in the same step before this one."""
    if course.status in CLOSED:
        state = catalog.course_status_label(course.status).lower()
        raise ValidationError("course", f"Holdet er {state}; der kan ikke tilmeldes flere.")
    people = ParticipantRepository(store)
    if not _consented(people.consents(person.id), on):
        raise ValidationError("consent", f"{person.name} har ikke givet samtykke til "
                              f"kursusplanlægning (pr. {field_date(on)}). Registrér "
                              "samtykket først.")
    mine = booking_of(store, course)
    others = [b for b in bookings_of(store, _courses_of(store, person.id, course.id))]
    clash = participant_clash(person.name, mine, others)
    if clash:
        raise ValidationError("course", clash)
    warnings = []
    low, high, obu_high = class_sizes(store)
    count = _enrolled_count(store, course.id) + extra + 1
    problem = class_size_problem(count, course.subject, course.max_participants or high,
                                 obu_high)
    if problem and problem[0] == "error":
        raise ValidationError("course", problem[1])
    if problem:
        warnings.append(problem[1])
    missing = screening_missing_warning(person.name, course.subject,
                                        catalog.subject_label(course.subject),
                                        _screened_subjects(people, person.id))
    if missing:
        warnings.append(missing)
    return warnings


def enrol_many(store: Store, course_id: str, participant_ids: Sequence[str],
               day: Any = None) -> tuple[list[Enrolled], list[Refused]]:
    """Everyone who may be enrolled is, in one transaction; the others are listed with why."""
    course = find_course(store, course_id)
    on = parse_optional_date("date", day, "Tilmeldt den") or today_local()
    repo = EnrolmentRepository(store)
    accepted: list[tuple[Participant, list[str]]] = []
    refused: list[Refused] = []
    for pid in dict.fromkeys(participant_ids):
        person = find_participant(store, pid)
        if repo.get(course.id, person.id) is not None:
            continue
        try:
            accepted.append((person, check_enrolment(store, course, person, on,
                                                     extra=len(accepted))))
        except ValidationError as exc:
            refused.append(Refused(person.id, person.name, exc.message))
    with store.transaction():
        for person, _ in accepted:
            repo.enrol(course.id, person.id, {"date": on.isoformat(), "status": "tilmeldt"})
    return ([Enrolled(repo.get(course.id, p.id), w) for p, w in accepted], refused)


def enrol_suggested(store: Store, company_ids: Sequence[str], pick: int, *, day: Any = None,
                    min_size: int | None = None, **course_fields: Any) -> FromSuggestion:
    """Plans the `pick`-th suggested class (1 = the first, as `lokomotiv classes` lists them)
    of these companies as a course, and enrols its people."""
    suggestion = suggest_for(store, list(company_ids), min_size)
    if not suggestion.classes:
        raise ValidationError("pick", "Der er ingen foreslåede hold for de virksomheder.")
    if not 1 <= int(pick) <= len(suggestion.classes):
        raise ValidationError("pick", f"Vælg et hold fra 1 til {len(suggestion.classes)}.")
    chosen = suggestion.classes[int(pick) - 1]
    host, *others = chosen.company_ids
    saved = add_course(store, host, subject="obu" if chosen.obu else chosen.subject,
                       trin=None if chosen.obu else chosen.trin, company_ids=others,
                       **course_fields)
    enrolled, refused = enrol_many(store, saved.course.id, chosen.participant_ids, day)
    return FromSuggestion(saved, enrolled, refused)


def set_enrolment(store: Store, course_id: str, participant_id: str, *, status: Any = None,
                  result: Any = None, svu_applied: bool | None = None,
                  svu_applied_on: Any = None, notes: Any = None) -> Enrolment:
    course = find_course(store, course_id)
    enrolment = _enrolment(store, course, participant_id)
    values: dict[str, Any] = {}
    if status not in (None, ""):
        values["status"] = catalog.parse_enrolment_status(status)
    if result is not None:
        values["result"] = catalog.parse_result(result) if str(result).strip() else None
    if svu_applied is not None:
        values["svu_applied"] = int(bool(svu_applied))
        applied_on = parse_optional_date("svu_applied_on", svu_applied_on, "SVU søgt den")
        values["svu_applied_on"] = ((applied_on or today_local()).isoformat()
                                    if svu_applied else None)
    if notes is not None:
        values["notes"] = clean_text(notes)
    if values:
        with store.transaction():
            EnrolmentRepository(store).update(enrolment.id, values)
    return EnrolmentRepository(store).get(course.id, enrolment.participant_id)


def unenrol(store: Store, course_id: str, participant_id: str) -> None:
    course = find_course(store, course_id)
    enrolment = _enrolment(store, course, participant_id)
    with store.transaction():
        EnrolmentRepository(store).delete(enrolment.id)


def mark_attendance(store: Store, course_id: str, participant_id: str, day: Any,
                    present: bool) -> Enrolment:
    """Present or absent at the lesson held on `day`; the first presence starts the person."""
    course = find_course(store, course_id)
    enrolment = _enrolment(store, course, participant_id)
    lesson_day = parse_date("date", day, "Dato")
    if lesson_day not in {x.date for x in calendar_of(store, course).held}:
        raise ValidationError("date", f"Holdet har ingen lektion {field_date(lesson_day)}.")
    consents = ParticipantRepository(store).consents(enrolment.participant_id)
    if not _consented(consents, lesson_day):
        raise ValidationError("consent", "Deltageren har ikke et gyldigt samtykke til "
                              f"kursusplanlægning {field_date(lesson_day)}.")
    repo = EnrolmentRepository(store)
    with store.transaction():
        repo.mark(enrolment.id, lesson_day, present)
        if present and enrolment.status == "tilmeldt":
            repo.update(enrolment.id, {"status": "startet"})
    return repo.get(course.id, enrolment.participant_id)


def _enrolment(store: Store, course: Course, participant_id: str) -> Enrolment:
    person = find_participant(store, participant_id)
    enrolment = EnrolmentRepository(store).get(course.id, person.id)
    if enrolment is None:
        raise ValidationError("participant", f"{person.name} er ikke tilmeldt holdet.")
    return enrolment


def _consented(consents: Iterable[ConsentRecord], on: date) -> bool:
    return any(c.purpose == "course" and c.valid_on(on) for c in consents)


def _enrolled_count(store: Store, course_id: str) -> int:
    return EnrolmentRepository(store).counts().get(course_id, 0)


def _courses_of(store: Store, participant_id: str, but: str) -> list[Course]:
    found = []
    for enrolment in EnrolmentRepository(store).of_participants([participant_id]):
        if enrolment.course_id == but or enrolment.status == "udgået":
            continue
        try:
            course = find_course(store, enrolment.course_id)
        except ValidationError:
            continue
        if course.status != "aflyst":
            found.append(course)
    return found


def _screened_subjects(people: ParticipantRepository, participant_id: str) -> set[str]:
    subjects = {s.subject for s in people.screenings(participant_id)}
    if any(r.result is not None and r.result.result == "rød"
           for r in people.referrals(participant_id)):
        subjects.add("obu")
    return subjects


def participants_of(store: Store, enrolments: Iterable[Enrolment]) -> dict[str, Participant]:
    repo = ParticipantRepository(store)
    out = {}
    for e in enrolments:
        person = repo.get(e.participant_id)
        if person is not None:
            out[e.participant_id] = person
    return out
