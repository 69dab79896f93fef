"""Use cases of course planning: providers (schools), courses (hold) with their weekly
pattern and generated lesson calendar, and single lessons moved or cancelled by hand.

Every function validates all input before it writes anything and raises ValidationError
with a Danish message (NotFoundError when what it names does not exist); writes happen in
one transaction. The window and the CLI call these. Enrolment and attendance are in
services/enrolments.py, the course as plain data (for printing and JSON) in course_view.py.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from ..domain import course_catalog as catalog
from ..domain.course_calendar import (
    Calendar,
    Change,
    Slot,
    build_calendar,
    format_closed_weeks,
    parse_closed_days,
    parse_closed_weeks,
    parse_pattern,
    parse_time_span,
    pattern_from_json,
    pattern_to_json,
)
from ..domain.courses import Course, Provider
from ..domain.danish_format import field_date
from ..domain.entities import Company
from ..domain.outreach_rules import parse_date
from ..domain.screening_catalog import catalog as screening_catalog
from ..domain.validation import (
    ValidationError,
    clean_text,
    optional,
    validate_email_address,
    validate_phone,
)
from ..store.courses import CourseRepository, EnrolmentRepository, ProviderRepository
from ..store.database import Store
from .me import my_municipalities, my_name
from .outreach import NotFoundError, company_by_id, require_consultant
from .postcodes import lookup

# -- providers ------------------------------------------------------------------------------

def add_provider(store: Store, *, name: Any, kind: Any = "anden", vuc: Any = "",
                 contact: Any = "", phone: Any = None, email: Any = None, address: Any = "",
                 municipality_code: str | None = None) -> Provider:
    """A school the courses are planned with; one name is one provider."""
    clean = clean_text(name)
    if not clean:
        raise ValidationError("name", "Udbyderen skal have et navn.")
    repo = ProviderRepository(store)
    if repo.named(clean):
        raise ValidationError("name", f"Udbyderen «{clean}» findes allerede.")
    values = {
        "name": clean, "kind": catalog.parse_provider_kind(kind), "vuc": clean_text(vuc),
        "contact": clean_text(contact), "phone": optional(validate_phone, phone),
        "email": optional(validate_email_address, email), "address": clean_text(address),
        "municipality_code": _provider_municipality(store, municipality_code, address),
    }
    with store.transaction():
        provider_id = repo.add(values)
    return repo.get(provider_id)


def _provider_municipality(store: Store, explicit: str | None, address: Any) -> str:
    """Whose consultants use the provider: given, else this consultant's municipality, else
    the one of the address's postcode, else the one most of this laptop's companies are in."""
    if explicit and str(explicit).strip():
        return str(explicit).strip().zfill(3)
    mine = my_municipalities(store)
    if mine:
        return mine[0]
    for word in str(address or "").replace(",", " ").split():
        found = lookup(word)
        if found:
            return found[1]
    row = store.db.execute(
        "SELECT municipality_code FROM company WHERE deleted = 0 AND municipality_code "
        "IS NOT NULL GROUP BY municipality_code ORDER BY count(*) DESC LIMIT 1").fetchone()
    if row:
        return row[0]
    raise ValidationError("municipality", "Hvilken kommune bruger udbyderen? Angiv kommunen "
                          "(eller dine kommuner under Indstillinger → Mig).")


def providers(store: Store) -> list[Provider]:
    return ProviderRepository(store).all()


def provider_by_name(store: Store, name: Any) -> Provider:
    text = clean_text(name)
    repo = ProviderRepository(store)
    found = repo.named(text) or ([repo.get(text)] if repo.get(text) else [])
    if not found:
        known = ", ".join(p.name for p in repo.all()) or "ingen endnu"
        raise NotFoundError("provider", f"Der er ingen udbyder, der hedder «{text}». "
                            f"Kendte udbydere: {known}.")
    return found[0]


# -- courses --------------------------------------------------------------------------------

@dataclass
class CourseSaved:
    course: Course
    warnings: list[str] = field(default_factory=list)  # Danish, from course_view.warnings


def find_course(store: Store, id_or_prefix: str) -> Course:
    repo = CourseRepository(store)
    text = str(id_or_prefix or "").strip()
    course = repo.get(text) if text else None
    if course is None and len(text) >= 4:
        ids = repo.ids_starting(text)
        if len(ids) > 1:
            raise ValidationError("course", f"Flere hold begynder med «{text}»; skriv flere tegn.")
        course = repo.get(ids[0]) if ids else None
    if course is None:
        raise NotFoundError("course", f"Holdet «{text}» findes ikke.")
    return course


@dataclass(frozen=True)
class CourseContext:
    """What checking a course needs from the store, read once: a form checks the course at
    every keystroke without touching the database."""

    company: Company
    provider_ids: frozenset[str]
    consultant: str  # "" when nobody is named: checking says so


def course_context(store: Store, company_id: str, consultant: str | None = None
                   ) -> CourseContext:
    return CourseContext(company_by_id(store, company_id),
                         frozenset(p.id for p in ProviderRepository(store).all()),
                         (consultant or "").strip() or (my_name(store) or ""))


def course_fields(store: Store, company_id: str, *, company_ids: Iterable[str] = (),
                  consultant: str | None = None, **fields: Any) -> dict[str, Any]:
    """The stored values of a course from what a form or the command line gave."""
    context = course_context(store, company_id, consultant)
    for other in company_ids:
        company_by_id(store, other)
    return checked_course_fields(context, company_ids=company_ids, **fields)


def checked_course_fields(context: CourseContext, *, subject: Any, trin: Any = None,
                          provider_id: str | None = None, start: Any, weekdays: Any = None,
                          time_span: Any = None, pattern: Sequence[Slot] | None = None,
                          lessons: Any = None, hours: Any = None, closed_weeks: Any = "",
                          closed_days: Any = "", place: Any = "", teacher: Any = "",
                          max_participants: Any = None, unit_id: str | None = None,
                          company_ids: Iterable[str] = (), status: Any = "planlagt",
                          notes: Any = "") -> dict[str, Any]:
    """course_fields without the store: every rule, on what `context` read."""
    company = context.company
    subject_code = catalog.parse_subject(subject)
    slots = tuple(pattern) if pattern else parse_pattern(str(weekdays or ""),
                                                         str(time_span or ""))
    lesson_count, total_hours = _amount(lessons, hours)
    if unit_id and unit_id not in {u.id for u in company.production_units}:
        raise ValidationError("unit_id", f"P-enheden hører ikke til {company.name}.")
    if provider_id and provider_id not in context.provider_ids:
        raise NotFoundError("provider", "Udbyderen findes ikke (længere).")
    values = {
        "company_id": company.id,
        "company_ids": [c for c in dict.fromkeys(company_ids) if c != company.id],
        "subject": subject_code, "trin": _trin(subject_code, trin),
        "provider_id": provider_id or None,
        "teacher": clean_text(teacher), "place": clean_text(place) or _place(company, unit_id),
        "unit_id": unit_id or None,
        "start_date": parse_date("start", start, "Startdato"),
        "pattern": pattern_to_json(slots),
        "lesson_count": lesson_count, "total_hours": total_hours,
        "closed_weeks": format_closed_weeks(parse_closed_weeks(_text_of(closed_weeks))),
        "closed_days": tuple(parse_closed_days(_text_of(closed_days))),
        "max_participants": _positive("max", max_participants, "Højst deltagere"),
        "status": catalog.parse_course_status(status),
        "consultant": require_consultant(context.consultant),
        "notes": clean_text(notes),
    }
    calendar_for(values)  # a pattern that never yields a lesson is refused here
    return values


def add_course(store: Store, company_id: str, **fields: Any) -> CourseSaved:
    from .course_view import warnings_for  # the view reads enrolments; it imports us

    values = course_fields(store, company_id, **fields)
    repo = CourseRepository(store)
    with store.transaction():
        course_id = repo.add(values)
    course = repo.get(course_id)
    return CourseSaved(course, warnings_for(store, course))


def update_course(store: Store, course_id: str, **fields: Any) -> CourseSaved:
    """Writes the fields that differ. A changed pattern keeps the lessons moved or
    cancelled by hand; those whose date is no longer a lesson are named in the warnings."""
    from .course_view import warnings_for

    course = find_course(store, course_id)
    current = _as_fields(course)
    if "weekdays" in fields or "time_span" in fields:
        current.pop("pattern")
    if "lessons" in fields or "hours" in fields:  # the one given replaces the other
        current["lessons"] = current["hours"] = None
    current.update(fields)
    values = course_fields(store, current.pop("company_id"), **current)
    repo = CourseRepository(store)
    with store.transaction():
        repo.update(course.id, values)
    course = repo.get(course.id)
    return CourseSaved(course, warnings_for(store, course))


def set_status(store: Store, course_id: str, status: Any) -> Course:
    course = find_course(store, course_id)
    with store.transaction():
        CourseRepository(store).update(course.id, {"status": catalog.parse_course_status(status)})
    return find_course(store, course.id)


def delete_course(store: Store, course_id: str) -> None:
    """Deletes the course and its enrolments (a person's attendance goes with those)."""
    course = find_course(store, course_id)
    enrolments = EnrolmentRepository(store)
    with store.transaction():
        for enrolment in enrolments.of_course(course.id):
            enrolments.delete(enrolment.id)
        CourseRepository(store).delete(course.id)


def courses(store: Store, company_id: str | None = None) -> list[Course]:
    return CourseRepository(store).all(company_id)


def calendar_of(store: Store, course: Course) -> Calendar:
    return calendar_for(_stored(course), CourseRepository(store).changes(course.id))


def calendar_for(values: dict[str, Any], changes: Iterable[Change] = ()) -> Calendar:
    slots = values["pattern"]
    if isinstance(slots, str):
        slots = pattern_from_json(slots)
    weeks = values.get("closed_weeks") or ""
    try:
        return build_calendar(
            values["start_date"], slots, lessons=values.get("lesson_count"),
            hours=values.get("total_hours"),
            closed_weeks=parse_closed_weeks(weeks) if isinstance(weeks, str) else weeks,
            closed_days=values.get("closed_days") or (), changes=changes)
    except ValueError as exc:
        if isinstance(exc, ValidationError):
            raise
        raise ValidationError("pattern", str(exc)) from None


# -- single lessons -------------------------------------------------------------------------

def move_lesson(store: Store, course_id: str, day: Any, to: Any,
                time_span: Any = None, reason: Any = "") -> Calendar:
    """Moves the lesson held on `day` (as the calendar shows it now) to another date and
    optionally other times."""
    course = find_course(store, course_id)
    lesson = _lesson_on(store, course, parse_date("date", day, "Dato"))
    new_day = parse_date("to", to, "Ny dato")
    start = end = None
    if time_span not in (None, ""):
        start, end = parse_time_span(str(time_span))
    change = Change(original=lesson.original, new_date=new_day, start=start, end=end,
                    reason=clean_text(reason))
    clash = [other for other in calendar_of(store, course).held
             if other.date == new_day and other.original != lesson.original]
    if clash:
        raise ValidationError("to", f"Holdet har allerede en lektion {field_date(new_day)}.")
    with store.transaction():
        CourseRepository(store).put_change(course.id, change)
    return calendar_of(store, course)


def cancel_lesson(store: Store, course_id: str, day: Any, reason: Any) -> Calendar:
    course = find_course(store, course_id)
    text = clean_text(reason)
    if not text:
        raise ValidationError("reason", "Skriv, hvorfor lektionen aflyses.")
    lesson = _lesson_on(store, course, parse_date("date", day, "Dato"))
    with store.transaction():
        CourseRepository(store).put_change(course.id, Change(
            original=lesson.original, cancelled=True, reason=text))
    return calendar_of(store, course)


def restore_lesson(store: Store, course_id: str, day: Any) -> Calendar:
    """Undoes a move or cancellation: the lesson is back on its generated date and time."""
    course = find_course(store, course_id)
    wanted = parse_date("date", day, "Dato")
    lesson = next((x for x in calendar_of(store, course).lessons
                   if wanted in (x.date, x.original)), None)
    if lesson is None or lesson.status == "planlagt":
        raise ValidationError("date", f"Lektionen {field_date(wanted)} er hverken flyttet "
                              "eller aflyst.")
    with store.transaction():
        CourseRepository(store).drop_change(course.id, lesson.original)
    return calendar_of(store, course)


def _lesson_on(store: Store, course: Course, day: date):
    for lesson in calendar_of(store, course).lessons:
        if lesson.date == day:
            return lesson
    raise NotFoundError("date", f"Holdet har ingen lektion {field_date(day)}.")


# -- helpers --------------------------------------------------------------------------------

def _as_fields(course: Course) -> dict[str, Any]:
    """The course as course_fields' arguments (for an edit that changes a few of them)."""
    return {
        "company_id": course.company_id, "subject": course.subject, "trin": course.trin,
        "provider_id": course.provider_id, "start": course.start_date,
        "pattern": pattern_from_json(course.pattern),
        "lessons": course.lesson_count, "hours": course.total_hours,
        "closed_weeks": course.closed_weeks, "closed_days": course.closed_days,
        "place": course.place, "teacher": course.teacher,
        "max_participants": course.max_participants, "unit_id": course.unit_id,
        "company_ids": course.company_ids, "status": course.status,
        "consultant": course.consultant, "notes": course.notes,
    }


def _stored(course: Course) -> dict[str, Any]:
    return {"start_date": course.start_date, "pattern": course.pattern,
            "lesson_count": course.lesson_count, "total_hours": course.total_hours,
            "closed_weeks": course.closed_weeks, "closed_days": course.closed_days}


def _text_of(value: Any) -> str:
    if isinstance(value, (list, tuple, set)):
        return ",".join(d.isoformat() if isinstance(d, date) else str(d) for d in value)
    return str(value or "")


def _amount(lessons: Any, hours: Any) -> tuple[int | None, float | None]:
    given_lessons = lessons not in (None, "")
    given_hours = hours not in (None, "")
    if given_lessons == given_hours:
        raise ValidationError("lessons", "Angiv enten antal lektioner eller timer i alt "
                              "(ikke begge).")
    if given_lessons:
        return _positive("lessons", lessons, "Antal lektioner"), None
    try:
        total = float(str(hours).replace(",", "."))
    except ValueError:
        total = 0.0
    if not 0.5 <= total <= 2000:
        raise ValidationError("hours", f"Timer i alt skal være et tal over 0, ikke «{hours}».")
    return None, total


def _positive(field_name: str, value: Any, label: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        number = 0
    if number < 1 or number > 500:
        raise ValidationError(field_name, f"{label} skal være et helt tal fra 1, ikke «{value}».")
    return number


def _trin(subject: str, trin: Any) -> int | None:
    """A trin within the subject's range, required where the subject has trin."""
    has_trin = subject != "obu" and bool(screening_catalog().subject(subject).trin)
    return catalog.parse_trin(trin, subject, required=has_trin)


def _place(company, unit_id: str | None) -> str:
    """The P-unit's address, else the company's: where a workplace course is held."""
    unit = next((u for u in company.production_units if u.id == unit_id), None)
    source = unit or company
    town = " ".join(x for x in (source.postcode or "", source.city or "") if x)
    return ", ".join(x for x in (source.address or "", town) if x)


def clock_text(value: time | None) -> str:
    return value.strftime("%H:%M") if value else ""
