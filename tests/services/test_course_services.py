"""Course planning on one laptop: providers, a course's generated calendar and its hand-made
changes, enrolment rules (consent for course planning, a clash with another course, OBU at
most six), attendance, the course as plain data, SVU reminders and the lesson .ics."""
from __future__ import annotations

from datetime import date

import pytest
from icalendar import Calendar

from lokomotiv_desktop.domain.validation import ValidationError
from lokomotiv_desktop.services import (
    course_ics,
    course_view,
    courses,
    enrolments,
    person_privacy,
    screenings,
)
from lokomotiv_desktop.services import participants as people
from lokomotiv_desktop.services.outreach import NotFoundError
from lokomotiv_desktop.store.companies import CompanyRepository

CONSENTED = date(2027, 1, 4)
START = date(2027, 3, 22)  # a Monday; Skærtorsdag 25.3 and 2. påskedag 29.3 follow


@pytest.fixture
def company_id(store) -> str:
    with store.transaction():
        return CompanyRepository(store).create({
            "cvr": "13748136", "name": "Vejle Stål A/S", "municipality_code": "630",
            "consultant": "Anne Holm", "address": "Industrivej 4", "postcode": "7100",
            "city": "Vejle"})


@pytest.fixture
def provider(store):
    return courses.add_provider(store, name="VUC Vejle", kind="vuc", contact="Lise Holm",
                                phone="70 11 22 33", email="lh@vucvejle.dk")


def count(store, table: str) -> int:
    return store.db.execute(f"SELECT count(*) FROM {table} WHERE deleted = 0").fetchone()[0]


def new_course(store, company_id, **fields):
    values = {"subject": "læsning", "trin": 2, "start": START, "weekdays": "man,tor",
              "time_span": "08:00-10:30", "lessons": 16, "consultant": "Anne Holm", **fields}
    return courses.add_course(store, company_id, **values).course


def person(store, company_id, first="Søren", last="Ærø", course_consent=True, screened=True):
    p = people.add_participant(store, company_id, first_name=first, last_name=last)
    people.give_consent(store, p.id, "screening", "skriftlig", given_on=CONSENTED)
    if course_consent:
        people.give_consent(store, p.id, "course", "skriftlig", given_on=CONSENTED)
    if screened:
        screenings.record_screening(store, p.id, subject="læsning", tool="VLV-2",
                                    outcome="læsekursus", trin=2, day=CONSENTED)
    return p


def test_a_provider_is_one_per_name_and_takes_the_laptops_municipality(store, company_id,
                                                                       provider):
    assert (provider.kind, provider.phone, provider.municipality_code) == (
        "VUC", "+4570112233", "630")
    with pytest.raises(ValidationError, match="findes allerede"):
        courses.add_provider(store, name=" vuc vejle ", kind="VUC")
    with pytest.raises(ValidationError, match="VUC"):
        courses.add_provider(store, name="Skolen", kind="gymnasium")
    assert courses.provider_by_name(store, "VUC VEJLE").id == provider.id
    with pytest.raises(NotFoundError, match="VUC Vejle"):  # the message lists the known ones
        courses.provider_by_name(store, "AOF Nord")
    assert count(store, "provider") == 1


def test_the_calendar_skips_easter_and_a_closed_week_and_keeps_the_lesson_count(
        store, company_id, provider):
    course = new_course(store, company_id, provider_id=provider.id, closed_weeks="15")
    calendar = courses.calendar_of(store, course)
    assert len(calendar.held) == 16 and calendar.hours == 40
    skipped = {s.date: s.reason for s in calendar.skipped}
    assert skipped[date(2027, 3, 25)] == "Skærtorsdag"
    assert skipped[date(2027, 3, 29)] == "2. påskedag"
    assert skipped[date(2027, 4, 12)] == "lukket uge 15"
    assert course.place == "Industrivej 4, 7100 Vejle"  # the workplace, by default


@pytest.mark.parametrize("fields, field", [
    ({"subject": "tysk"}, "subject"),
    ({"trin": 7}, "trin"),
    ({"weekdays": "man,blursdag"}, "weekdays"),
    ({"time_span": "10:30-08:00"}, "time"),
    ({"hours": 40}, "lessons"),  # both lessons and hours
    ({"closed_weeks": "60"}, "closed_weeks"),
    ({"start": "31.2.2027"}, "start"),
])
def test_bad_course_input_is_refused_in_danish_and_nothing_is_written(
        store, company_id, fields, field):
    with pytest.raises(ValidationError) as caught:
        new_course(store, company_id, **fields)
    assert caught.value.field == field and caught.value.message
    assert count(store, "course") == 0
    assert store.db.execute("SELECT count(*) FROM outbox WHERE tbl = 'course'").fetchone()[0] == 0


def test_obu_has_no_trin_and_hours_outside_the_usual_range_warn(store, company_id):
    with pytest.raises(ValidationError, match="trin"):
        new_course(store, company_id, subject="obu", trin=2)
    saved = courses.add_course(store, company_id, subject="obu", start=START, weekdays="man",
                               time_span="08:00-10:00", hours=20, consultant="Anne Holm")
    assert saved.course.trin is None
    assert any("20 timer" in w and "30–60" in w for w in saved.warnings)
    assert any("SVU kræver" in w for w in saved.warnings)  # 2 hours a week is below 3


def test_moves_and_cancels_show_in_the_calendar_and_survive_a_pattern_change(
        store, company_id):
    course = new_course(store, company_id)
    courses.move_lesson(store, course.id, "1.4.2027", "2.4.2027", "09:00-11:30")
    calendar = courses.cancel_lesson(store, course.id, "5.4.2027", "Lærer syg")
    by_date = {x.date: x for x in calendar.lessons}
    assert by_date[date(2027, 4, 2)].status == "flyttet"
    assert by_date[date(2027, 4, 2)].note.startswith("flyttet fra 1.4.2027")
    assert by_date[date(2027, 4, 5)].note == "aflyst: Lærer syg"
    assert len(calendar.held) == 15  # a cancelled lesson is not replaced
    moved = courses.move_lesson(store, course.id, "8.4.2027", "6.5.2027")  # Kr. himmelfart
    assert any("6.5.2027, som er Kristi himmelfartsdag" in w
               for w in course_view.warnings_for(store, course, moved))
    courses.restore_lesson(store, course.id, "6.5.2027")
    with pytest.raises(ValidationError, match="allerede en lektion"):
        courses.move_lesson(store, course.id, "8.4.2027", "22.3.2027")
    with pytest.raises(ValidationError, match="hvorfor"):
        courses.cancel_lesson(store, course.id, "8.4.2027", "  ")
    # Thursdays become Wednesdays: the move of Thursday 1.4 no longer fits and is said so.
    saved = courses.update_course(store, course.id, weekdays="man,ons", time_span="08:00-10:30")
    assert any("1.4.2027" in w and "passer ikke" in w for w in saved.warnings)
    calendar = courses.calendar_of(store, saved.course)
    assert date(2027, 4, 5) in {x.date for x in calendar.lessons if x.status == "aflyst"}
    assert count(store, "lesson") == 2  # both hand-made changes kept
    courses.restore_lesson(store, course.id, "5.4.2027")
    assert count(store, "lesson") == 1


def test_enrolment_needs_a_course_consent_and_is_never_doubled(store, company_id):
    course = new_course(store, company_id)
    without = person(store, company_id, "Bo", "Berg", course_consent=False)
    with pytest.raises(ValidationError, match="samtykke til kursusplanlægning"):
        enrolments.enrol(store, course.id, without.id, day=CONSENTED)
    with_consent = person(store, company_id)
    first = enrolments.enrol(store, course.id, with_consent.id, day=CONSENTED)
    again = enrolments.enrol(store, course.id, with_consent.id, day=CONSENTED)
    assert first.enrolment.id == again.enrolment.id and again.already
    assert count(store, "enrolment") == 1
    enrolments.unenrol(store, course.id, with_consent.id)
    enrolments.enrol(store, course.id, with_consent.id, day=CONSENTED)  # the same row back
    assert store.db.execute("SELECT count(*) FROM enrolment").fetchone()[0] == 1


def test_a_person_cannot_sit_two_courses_at_the_same_time(store, company_id):
    reading = new_course(store, company_id)
    maths = new_course(store, company_id, subject="matematik", trin=1, weekdays="tor",
                       time_span="09:00-11:00")
    p = person(store, company_id)
    enrolments.enrol(store, reading.id, p.id, day=CONSENTED)
    with pytest.raises(ValidationError, match="FVU-læsning, trin 2"):
        enrolments.enrol(store, maths.id, p.id, day=CONSENTED)


def test_an_obu_class_holds_six_and_a_missing_screening_warns(store, company_id):
    obu = new_course(store, company_id, subject="obu", trin=None)
    group = [person(store, company_id, f"Deltager{i}", "Ølund") for i in range(7)]
    enrolled, refused = enrolments.enrol_many(store, obu.id, [p.id for p in group],
                                              day=CONSENTED)
    assert len(enrolled) == 6 and len(refused) == 1
    assert "højst have 6 deltagere" in refused[0].reason
    assert any("ordblindetest" in w for w in enrolled[0].warnings)


def test_a_suggested_class_becomes_a_course_in_one_step(store, company_id, provider):
    with store.transaction():
        store.set_state("class_min", "3")  # Indstillinger: a small workplace class is fine
    for i in range(3):
        person(store, company_id, f"Hold{i}", "Åris")
    no_consent = person(store, company_id, "Ib", "Ask", course_consent=False)
    planned = enrolments.enrol_suggested(
        store, [company_id], 1, provider_id=provider.id, start=START, weekdays="man",
        time_span="08:00-11:00", lessons=12, consultant="Anne Holm", day=CONSENTED)
    assert planned.saved.course.subject == "læsning" and planned.saved.course.trin == 2
    assert len(planned.enrolled) == 3
    assert [r.participant_id for r in planned.refused] == [no_consent.id]
    with pytest.raises(ValidationError, match="fra 1 til 1"):
        enrolments.enrol_suggested(store, [company_id], 5, start=START, weekdays="man",
                                   time_span="08:00-11:00", lessons=12)


def test_attendance_starts_a_person_and_the_view_holds_it(store, company_id, provider):
    course = new_course(store, company_id, provider_id=provider.id, max_participants=12)
    p = person(store, company_id)
    enrolments.enrol(store, course.id, p.id, day=CONSENTED)
    enrolments.mark_attendance(store, course.id, p.id, "22.3.2027", True)
    with pytest.raises(ValidationError, match="ingen lektion"):
        enrolments.mark_attendance(store, course.id, p.id, "25.3.2027", True)  # Skærtorsdag
    done = enrolments.set_enrolment(store, course.id, p.id, status="gennemført",
                                    result="prøve bestået", svu_applied=True)
    assert (done.status, done.result, done.svu_applied) == ("gennemført", "bestået", True)
    view = course_view.course_view(store, course_view_course(store, course.id),
                                   today=date(2027, 1, 15))
    assert (view["title"], view["start"], view["hours"], view["max"]) == (
        "FVU-læsning, trin 2", "2027-03-22", 40.0, 12)
    assert view["provider"]["name"] == "VUC Vejle"
    assert view["svu"] == {"earliest": "2026-12-21", "latest": "2027-03-01"}
    [row] = view["participants"]
    assert (row["name"], row["status"], row["attendance"]) == (
        "Søren Ærø", "gennemført", {"2027-03-22": True})
    exported = person_privacy.export_data(store, p.id)["enrolments"]
    assert exported[0]["course_label"] == "FVU-læsning, trin 2"
    assert exported[0]["attendance"] == "1 af 16"


def course_view_course(store, course_id):
    return courses.find_course(store, course_id)


def test_svu_reminders_while_the_window_is_open_and_not_after_applying(store, company_id):
    course = new_course(store, company_id)
    p = person(store, company_id)
    enrolments.enrol(store, course.id, p.id, day=CONSENTED)
    assert course_view.svu_reminders(store, today=date(2026, 12, 1)) == []  # not yet open
    [open_now] = course_view.svu_reminders(store, today=date(2027, 1, 15))
    assert open_now.waiting == 1 and "1.3.2027" in open_now.text
    [closing] = course_view.svu_reminders(store, today=date(2027, 2, 25))
    assert "dage" in closing.text
    enrolments.set_enrolment(store, course.id, p.id, svu_applied=True)
    assert course_view.svu_reminders(store, today=date(2027, 1, 15)) == []


def test_the_lesson_calendar_exports_with_stable_uids(store, company_id):
    course = new_course(store, company_id)
    before = Calendar.from_ical(course_ics.export_course_ics(store, course.id))
    courses.move_lesson(store, course.id, "1.4.2027", "2.4.2027")
    courses.cancel_lesson(store, course.id, "5.4.2027", "Lærer syg")
    after = Calendar.from_ical(course_ics.export_course_ics(store, course.id))
    events = {str(e["uid"]): e for e in after.walk("VEVENT")}
    assert {str(e["uid"]) for e in before.walk("VEVENT")} == set(events)
    moved = events[f"{course.id}-2027-04-01@lokomotiv.netvaerkslokomotivet.dk"]
    assert moved.decoded("dtstart").date() == date(2027, 4, 2)
    cancelled = events[f"{course.id}-2027-04-05@lokomotiv.netvaerkslokomotivet.dk"]
    assert str(cancelled["status"]) == "CANCELLED"


def test_deleting_a_course_takes_its_enrolments(store, company_id):
    course = new_course(store, company_id)
    p = person(store, company_id)
    enrolments.enrol(store, course.id, p.id, day=CONSENTED)
    courses.delete_course(store, course.id)
    assert count(store, "course") == 0 and count(store, "enrolment") == 0
    with pytest.raises(NotFoundError):
        courses.find_course(store, course.id)


def test_the_hours_and_class_size_checks_follow_this_laptops_settings(store, company_id):
    from lokomotiv_desktop.services.course_settings import (
        CourseSettings,
        course_settings,
        save_course_settings,
    )

    assert course_settings(store) == CourseSettings(8, 13, 6, 30.0, 60.0)  # the catalogs'
    with pytest.raises(ValidationError, match="mindste"):
        save_course_settings(store, CourseSettings(10, 8, 6, 30, 60))
    save_course_settings(store, CourseSettings(8, 13, 6, 20, 40))
    course = new_course(store, company_id, lessons=20)  # 50 hours
    assert any("50 timer" in w and "20–40" in w
               for w in course_view.warnings_for(store, course))
