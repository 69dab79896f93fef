"""A course's lesson calendar as .ics: one event per lesson, for the teacher, the company
and the consultant's own calendar.

A lesson's UID is its course and generated date, so a newer export (a moved lesson, a
changed teacher) updates the events instead of adding copies; a cancelled lesson is sent as
STATUS:CANCELLED, which removes it from a calendar that imported it before.
"""
from __future__ import annotations

from datetime import UTC, date, datetime

from icalendar import Calendar, Event

from ..domain.course_calendar import Lesson
from ..store.database import Store
from .calendar_export import COPENHAGEN, UID_DOMAIN
from .course_view import title_of
from .courses import calendar_of, find_course
from .outreach import company_by_id

_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


def lesson_uid(course_id: str, lesson: Lesson) -> str:
    return f"{course_id}-{lesson.original.isoformat()}@{UID_DOMAIN}"


def export_course_ics(store: Store, course_id: str) -> bytes:
    course = find_course(store, course_id)
    company = company_by_id(store, course.company_id)
    title = f"{title_of(course)} – {company.name}"
    calendar = Calendar()
    calendar.add("prodid", "-//Netværkslokomotivet//Lokomotiv//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Lokomotiv: {title}")
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    stamp = datetime.now(UTC).replace(microsecond=0)
    sequence = int((stamp - _EPOCH).total_seconds() // 60)
    lessons = calendar_of(store, course).lessons
    details = [x for x in (course.teacher and f"Underviser: {course.teacher}",
                           course.consultant and f"Konsulent: {course.consultant}") if x]
    for number, lesson in enumerate(lessons, start=1):
        event = Event()
        event.add("uid", lesson_uid(course.id, lesson))
        event.add("dtstamp", stamp)
        event.add("summary", f"{title} (lektion {number} af {len(lessons)})")
        event.add("dtstart", datetime.combine(lesson.date, lesson.start, tzinfo=COPENHAGEN))
        event.add("dtend", datetime.combine(lesson.date, lesson.end, tzinfo=COPENHAGEN))
        if course.place:
            event.add("location", course.place)
        event.add("description", "\n".join([*details, *([lesson.note] if lesson.note else [])]))
        # Calendars take an event with the same UID as an update only when its SEQUENCE is
        # higher: the minutes since 2024 grow with every export.
        event.add("sequence", sequence)
        if lesson.status == "aflyst":
            event.add("status", "CANCELLED")
        event.add("categories", ["Hold"])
        calendar.add_component(event)
    if lessons:
        calendar.add_missing_timezones(first_date=date(lessons[0].date.year, 1, 1),
                                       last_date=date(lessons[-1].date.year + 1, 12, 31))
    return calendar.to_ical()
