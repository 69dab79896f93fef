"""Courses in the sync simulation (test_simulation.py): providers, courses under companies
whose pattern and teacher change concurrently, lessons moved and cancelled by hand (the same
lesson on two laptops offline is one row: its id comes from course + original date),
enrolments with a consent for course planning (the same person enrolled on two laptops
offline is one row too) and attendance, written through the services as the window writes
them. Person erasure (PeopleRules.erase_person) takes enrolments and attendance along.
And the checks of the server's course rows after healing."""
from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st
from hypothesis.stateful import rule

from lokomotiv_desktop.domain.consent import has_valid_consent
from lokomotiv_desktop.domain.validation import ValidationError
from lokomotiv_desktop.services import courses, enrolments, participants

ENROLLED_ON = "2026-11-20"
CONSENT_GIVEN = "2026-11-01"
START = "2027-01-04"  # a Monday; every lesson date lies after the consent was given
SUBJECTS = ["læsning", "matematik", "obu"]
TEACHERS = ["Mette", "Lars", "Åse"]
PATTERNS = [("man,tor", "08:00-10:30"), ("tir", "12:00-14:00"), ("man,ons", "09:00-11:00")]
PROVIDERS = [("VUC Aarhus", "VUC"), ("AOF Køge", "AOF")]
# Fields whose first write (base "") makes a course row: its creation, as the runner counts.
CREATING = {("provider", "name"), ("course", "company_id"), ("lesson", "course_id"),
            ("enrolment", "participant_id"), ("attendance", "enrolment_id")}


def is_course_creation(edit: dict) -> bool:
    return edit["base"] == "" and (edit["key"][0], edit["field"]) in CREATING


class CourseRules:
    """Rules mixed into the simulation; `self` has _laptop, edits (PeopleRules: _noted).
    The services refuse what the window would refuse (a clash, a full OBU class, a lesson
    date taken); such a step then writes nothing."""

    def _course(self, laptop, pick):
        ids = laptop.ids("course", alive_only=True)
        return courses.find_course(laptop.store, ids[pick % len(ids)]) if ids else None

    @rule(i=st.integers(0, 4), pick=st.integers(0, 9), provider=st.integers(0, 1))
    def add_provider(self, i, pick, provider):
        laptop = self._laptop(i)
        name, kind = PROVIDERS[provider]
        try:
            courses.add_provider(laptop.store, name=name, kind=kind,
                                 municipality_code=laptop.scope[pick % len(laptop.scope)])
        except ValidationError:
            return  # this laptop has a provider of that name already
        self._noted(laptop)

    @rule(i=st.integers(0, 4), pick=st.integers(0, 99), subject=st.sampled_from(SUBJECTS),
          pattern=st.integers(0, 2))
    def plan_course(self, i, pick, subject, pattern):
        """A course at a company, and the company's people enrolled with their consent for
        course planning (as `enrol_suggested` does after a screening day); at a company
        without people yet, one who signed up at the information meeting."""
        laptop = self._laptop(i)
        ids = laptop.ids("company", alive_only=True)
        if not ids:
            return
        company = ids[pick % len(ids)]
        providers = laptop.ids("provider", alive_only=True)
        weekdays, span = PATTERNS[pattern]
        try:
            saved = courses.add_course(
                laptop.store, company, subject=subject, trin=None if subject == "obu" else 2,
                provider_id=providers[pick % len(providers)] if providers else None,
                start=START, weekdays=weekdays, time_span=span, lessons=6,
                teacher=TEACHERS[0], consultant=laptop.name)
        except ValidationError:
            return
        people = [pid for (pid,) in laptop.store.db.execute(
            "SELECT id FROM participant WHERE company_id = ? AND deleted = 0 ORDER BY id "
            "LIMIT 2", [company])] or [participants.add_participant(
                laptop.store, company, first_name="Bo", last_name="Ærø").id]
        for person in people:
            self._enrol(laptop, saved.course.id, person)
        self._noted(laptop)

    def _enrol(self, laptop, course_id, person) -> None:
        participants.give_consent(laptop.store, person, "course", "skriftlig",
                                  given_on=CONSENT_GIVEN)
        try:
            enrolments.enrol(laptop.store, course_id, person, day=ENROLLED_ON)
        except ValidationError:
            pass  # on another course at the same time, or an OBU class full

    @rule(i=st.integers(0, 4), pick=st.integers(0, 99), person=st.integers(0, 99))
    def enrol_person(self, i, pick, person):
        """Anyone of the laptop's people on any of its courses: the same person on the same
        course from two laptops offline must stay one enrolment."""
        laptop = self._laptop(i)
        course = self._course(laptop, pick)
        people = laptop.ids("participant", alive_only=True)
        if course and people:
            self._enrol(laptop, course.id, people[person % len(people)])
            self._noted(laptop)

    @rule(i=st.integers(0, 4), pick=st.integers(0, 99), value=st.integers(0, 2),
          teacher=st.booleans())
    def change_course(self, i, pick, value, teacher):
        """Another teacher, or another weekly pattern (lessons changed by hand stay)."""
        laptop = self._laptop(i)
        course = self._course(laptop, pick)
        if course is None:
            return
        weekdays, span = PATTERNS[value]
        change = ({"teacher": TEACHERS[value]} if teacher else
                  {"pattern": None, "weekdays": weekdays, "time_span": span})
        try:
            courses.update_course(laptop.store, course.id, **change)
        except ValidationError:
            return
        self._noted(laptop)

    @rule(i=st.integers(0, 4), pick=st.integers(0, 99), nth=st.integers(0, 2),
          how=st.sampled_from(["move", "cancel", "restore"]))
    def change_lesson(self, i, pick, nth, how):
        """One of the first lessons moved a day on, cancelled, or put back: the first
        lessons, so that two laptops change the same one."""
        laptop = self._laptop(i)
        course = self._course(laptop, pick)
        if course is None:
            return
        lessons = courses.calendar_of(laptop.store, course).lessons
        if not lessons:
            return
        lesson = lessons[nth % len(lessons)]
        try:
            if how == "move":
                courses.move_lesson(laptop.store, course.id, lesson.date,
                                    lesson.date + timedelta(days=1), reason="Lokalet er optaget")
            elif how == "cancel":
                courses.cancel_lesson(laptop.store, course.id, lesson.date, "Lærer syg")
            else:
                courses.restore_lesson(laptop.store, course.id, lesson.date)
        except ValidationError:
            return  # already cancelled, not changed, or the next day has a lesson
        self._noted(laptop)

    @rule(i=st.integers(0, 4), pick=st.integers(0, 99), nth=st.integers(0, 2),
          present=st.booleans())
    def mark_attendance(self, i, pick, nth, present):
        laptop = self._laptop(i)
        rows = laptop.store.db.execute(
            "SELECT course_id, participant_id FROM enrolment WHERE deleted = 0 "
            "ORDER BY id").fetchall()
        if not rows:
            return
        course_id, person = rows[pick % len(rows)]
        try:
            course = courses.find_course(laptop.store, course_id)
            held = courses.calendar_of(laptop.store, course).held
            if held:
                enrolments.mark_attendance(laptop.store, course.id, person,
                                           held[nth % len(held)].date, present)
        except ValidationError:
            return  # the course is not on this laptop (yet), or no longer
        self._noted(laptop)

    def _check_courses(self, rows) -> None:
        """The server's course rows after healing: one lesson row per (course, original
        date), one enrolment per (course, participant), and no enrolment or attendance
        whose participant is gone or lacks a consent for course planning on its date."""
        lessons, enrolled = {}, {}
        consents: dict[str, list[dict]] = {}
        for (table, row_id), (values, _) in rows.items():
            if table == "lesson":
                key = (values["course_id"], values["original_date"])
                assert key not in lessons, f"two lesson rows for {key}"
                lessons[key] = row_id
            elif table == "enrolment":
                key = (values["course_id"], values["participant_id"])
                assert key not in enrolled, f"two enrolments for {key}"
                enrolled[key] = row_id
            elif table == "consent":
                consents.setdefault(values["participant_id"], []).append(values)
        for (table, row_id), (values, _) in rows.items():
            if table not in ("enrolment", "attendance"):
                continue
            enrolment = values if table == "enrolment" else rows.get(
                ("enrolment", values["enrolment_id"]), ({}, {}))[0]
            person = enrolment.get("participant_id")
            assert ("participant", person) in rows, f"{table} {row_id} without its person"
            on = date.fromisoformat(values["date"])
            assert values.get("deleted") == 1 or has_valid_consent(
                consents.get(person, []), "course", on), \
                f"{table} {row_id} without a consent for course planning on {on}"
