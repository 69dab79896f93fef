"""A course as plain data: what the course view shows, `course show --json` prints and the
documents in reports/ print (the shape is documented in docs/cli-courses.md), its checks,
and the SVU reminders of the overview."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..domain import course_catalog as catalog
from ..domain.course_calendar import (
    Calendar,
    Change,
    closed_days_of_year,
    parse_closed_weeks,
    pattern_from_json,
)
from ..domain.course_rules import (
    Booking,
    class_size_problem,
    danish_number,
    double_bookings,
    hours_warning,
)
from ..domain.courses import Course
from ..domain.danish_format import WEEKDAYS, field_date
from ..domain.svu import svu_window
from ..store.courses import CourseRepository, EnrolmentRepository, ProviderRepository
from ..store.database import Store
from ..store.participants import ParticipantRepository
from .course_settings import course_settings
from .courses import calendar_of, clock_text
from .outreach import company_by_id, today_local

MIN_SVU_HOURS_A_WEEK = 3  # SVU needs at least 3 hours of teaching a week (DOMAIN.md)


def title_of(course: Course) -> str:
    label = catalog.subject_label(course.subject)
    return f"{label}, trin {course.trin}" if course.trin else label


def booking_of(store: Store, course: Course, calendar: Calendar | None = None) -> Booking:
    names = CourseRepository(store).company_names([course.company_id])
    company = names.get(course.company_id, ("", ""))[1]
    return Booking(course.id, f"{title_of(course)} ({company})" if company else title_of(course),
                   (calendar or calendar_of(store, course)).held, course.teacher, course.place)


def bookings_of(store: Store, courses: Iterable[Course]) -> list[Booking]:
    return [booking_of(store, c) for c in courses]


def live_bookings(store: Store, course: Course) -> list[Booking]:
    """The other courses that are not cancelled or finished and share the course's teacher
    or place (only those can be double-booked with it)."""
    def key(text: str) -> str:
        return " ".join(text.split()).casefold()

    teacher, place = key(course.teacher), key(course.place)
    return bookings_of(store, [
        c for c in CourseRepository(store).all()
        if c.id != course.id and c.status not in ("aflyst", "afsluttet")
        and ((teacher and key(c.teacher) == teacher) or (place and key(c.place) == place))])


def warnings_for(store: Store, course: Course, calendar: Calendar | None = None) -> list[str]:
    calendar = calendar or calendar_of(store, course)
    settings = course_settings(store)
    out = []
    hours = hours_warning(calendar.hours, course.subject, settings.hours_min,
                          settings.hours_max)
    if hours:
        out.append(hours)
    enrolled = EnrolmentRepository(store).counts().get(course.id, 0)
    size = class_size_problem(enrolled, course.subject,
                              course.max_participants or settings.class_max, settings.obu_max)
    if size:
        out.append(size[1])
    out.extend(_unfit_text(change) for change in calendar.unfit)
    out.extend(_moved_onto_closed(course, calendar))
    weekly = sum(slot.hours for slot in pattern_from_json(course.pattern))
    if weekly < MIN_SVU_HOURS_A_WEEK:
        out.append(f"Holdet har {danish_number(weekly)} timers undervisning om ugen; SVU kræver "
                   f"mindst {MIN_SVU_HOURS_A_WEEK} timer om ugen.")
    if course.status not in ("aflyst", "afsluttet"):
        out.extend(double_bookings(booking_of(store, course, calendar),
                                   live_bookings(store, course)))
    return out


def _moved_onto_closed(course: Course, calendar: Calendar) -> list[str]:
    """A lesson moved by hand onto a holiday or a day the company is closed."""
    weeks = set(parse_closed_weeks(course.closed_weeks))
    out = []
    for lesson in calendar.lessons:
        if lesson.status != "flyttet" or lesson.date == lesson.original:
            continue
        why = closed_days_of_year(lesson.date.year).get(lesson.date) or (
            "en lukkedag" if lesson.date in course.closed_days else
            f"i lukket uge {lesson.date.isocalendar().week}"
            if lesson.date.isocalendar().week in weeks else "")
        if why:
            out.append(f"Lektionen er flyttet til {field_date(lesson.date)}, som er {why}.")
    return out


def _unfit_text(change: Change) -> str:
    what = "aflysningen" if change.cancelled else "flytningen"
    return (f"Mønsteret er ændret: {what} af lektionen {field_date(change.original)} passer "
            "ikke længere (der er ingen lektion den dag); den er gemt, men ikke brugt.")


def course_view(store: Store, course: Course, today: date | None = None) -> dict[str, Any]:
    calendar = calendar_of(store, course)
    repo = CourseRepository(store)
    names = repo.company_names(course.all_company_ids)
    provider = ProviderRepository(store).get(course.provider_id) if course.provider_id else None
    host = company_by_id(store, course.company_id)
    start = calendar.first
    window = svu_window(start) if start else None
    return {
        "id": course.id, "title": title_of(course), "subject": course.subject,
        "subject_label": catalog.subject_label(course.subject), "trin": course.trin,
        "status": course.status, "status_label": catalog.course_status_label(course.status),
        "companies": [{"id": cid, "cvr": names[cid][0], "name": names[cid][1]}
                      for cid in course.all_company_ids if cid in names],
        "provider": None if provider is None else {
            "id": provider.id, "name": provider.name, "kind": provider.kind,
            "kind_label": catalog.provider_kind_label(provider.kind), "vuc": provider.vuc,
            "contact": provider.contact, "phone": provider.phone or "",
            "email": provider.email or "", "address": provider.address},
        "teacher": course.teacher, "place": course.place,
        "start": _iso(calendar.first), "end": _iso(calendar.last),
        "hours": round(calendar.hours, 2), "lesson_count": len(calendar.held),
        "max": course.max_participants,
        "pattern": [{"weekday": s.weekday, "weekday_label": WEEKDAYS[s.weekday],
                     "start": clock_text(s.start), "end": clock_text(s.end)}
                    for s in pattern_from_json(course.pattern)],
        "lessons": [{"date": x.date.isoformat(), "start": clock_text(x.start),
                     "end": clock_text(x.end), "hours": round(x.hours, 2), "status": x.status,
                     "note": x.note} for x in calendar.lessons],
        "skipped": [{"date": s.date.isoformat(), "reason": s.reason} for s in calendar.skipped],
        "participants": _participants(store, course, names),
        "contacts": [{"name": c.name, "role": c.role.label, "phone": c.phone or "",
                      "email": c.email or ""} for c in host.contacts],
        "consultant": {"name": course.consultant, "phone": "", "email": ""},
        "svu": {"earliest": _iso(window.earliest) if window else None,
                "latest": _iso(window.latest) if window else None},
        "warnings": warnings_for(store, course, calendar),
        "printed": (today or today_local()).isoformat(),
    }


def _participants(store: Store, course: Course,
                  names: dict[str, tuple[str, str]]) -> list[dict[str, Any]]:
    people = ParticipantRepository(store)
    out = []
    for e in EnrolmentRepository(store).of_course(course.id):
        person = people.get(e.participant_id)
        if person is None:
            continue
        out.append({
            "id": person.id, "name": person.name, "first_name": person.first_name,
            "last_name": person.last_name,
            "company": names.get(person.company_id or "", ("", ""))[1], "team": person.team,
            "status": e.status, "status_label": catalog.enrolment_status_label(e.status),
            "result": e.result, "result_label": catalog.result_label(e.result) if e.result else "",
            "svu_applied": e.svu_applied,
            "attendance": {d.isoformat(): v for d, v in sorted(e.attendance.items())}})
    return sorted(out, key=lambda p: (p["last_name"].lower(), p["first_name"].lower()))


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(frozen=True)
class SvuReminder:
    course_id: str
    title: str
    company: str
    text: str
    waiting: int  # enrolled people who have not applied yet


def svu_reminders(store: Store, today: date | None = None,
                  consultant: str | None = None) -> list[SvuReminder]:
    """Courses whose SVU window is open now, with people who have not applied yet; a
    window that closes within a week says so. Soonest deadline first."""
    today = today or today_local()
    repo, enrolments = CourseRepository(store), EnrolmentRepository(store)
    found = []
    for course in repo.all():
        if course.status in ("aflyst", "afsluttet") or (
                consultant and course.consultant.casefold() != consultant.casefold()):
            continue
        window = svu_window(calendar_of(store, course).first or course.start_date)
        text = window.reminder(today)
        if not text:
            continue
        waiting = sum(1 for e in enrolments.of_course(course.id)
                      if not e.svu_applied and e.status != "udgået")
        if waiting:
            company = repo.company_names([course.company_id]).get(course.company_id, ("", ""))
            found.append((window.latest, SvuReminder(course.id, title_of(course), company[1],
                                                     text, waiting)))
    return [r for _, r in sorted(found, key=lambda pair: pair[0])]

