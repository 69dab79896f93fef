"""Courses between two laptops of one municipality (real SyncClient and stores, the server
in-process on both backends): the same lesson changed on both laptops offline is one row;
the same person enrolled on both is one enrolment; erasing the person on one laptop takes
their enrolment and attendance off the server and the other laptop."""
from __future__ import annotations

from datetime import date

import pytest

from lokomotiv_desktop.services import courses, enrolments, participants, person_privacy
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.sync.identity import natural_id

from .harness import BOTH_BACKENDS, serve_both, server_state

CVR = "13748136"
FIRST_LESSON = date(2027, 1, 4)


@pytest.fixture(params=BOTH_BACKENDS)
def server(request, tmp_path, monkeypatch):
    yield from serve_both(request, tmp_path, monkeypatch, {
        "anna": ("konsulent", ["101"]), "bo": ("konsulent", ["101"]),
        "chef": ("koordinator", [])})


@pytest.fixture
def laptops(server, tmp_path):
    """Anna's and Bo's laptops, both holding one course with one consenting person."""
    anna, bo = Store(tmp_path / "anna.db"), Store(tmp_path / "bo.db")
    with anna.transaction():
        company = anna.changes.insert("company", {"cvr": CVR, "name": "Fjordens Slagteri",
                                                  "municipality_code": "101"})
    person = participants.add_participant(anna, company, first_name="Ida", last_name="Holm")
    participants.give_consent(anna, person.id, "course", "skriftlig", given_on="2026-11-01")
    course = courses.add_course(anna, company, subject="læsning", trin=2, start=FIRST_LESSON,
                                weekdays="man,tor", time_span="08:00-10:30", lessons=6,
                                teacher="Mette", consultant="anna").course
    clients = [server.login(anna, "anna"), server.login(bo, "bo")]
    for client in clients:
        assert client.sync_once().ok
    yield anna, bo, clients, course.id, person.id
    for client in clients:
        client.close()
    anna.close()
    bo.close()


def _sync_all(clients) -> None:
    for client in (*clients, clients[0]):  # both push, then the first pulls the second's
        assert client.sync_once().ok


def _rows(server, table: str) -> dict:
    rows, _ = server_state(server, server.token("chef"))
    return {key[1]: row[0] for key, row in rows.items() if key[0] == table}


def test_the_same_lesson_changed_offline_on_two_laptops_is_one_row(server, laptops):
    anna, bo, clients, course_id, _ = laptops
    courses.cancel_lesson(anna, course_id, FIRST_LESSON, "Lærer syg")
    courses.move_lesson(bo, course_id, FIRST_LESSON, date(2027, 1, 5), reason="Kantinen")
    courses.update_course(bo, course_id, teacher="Lars")
    _sync_all(clients)
    lessons = _rows(server, "lesson")
    lesson_id = natural_id("lesson", f"{course_id}/{FIRST_LESSON.isoformat()}")
    assert list(lessons) == [lesson_id]
    # A change of a lesson is written whole, so one laptop's stands whole (never "moved
    # to the 5th and cancelled"); both laptops show the same.
    merged = lessons[lesson_id]
    assert (merged["cancelled"], merged["date"], merged["reason"]) in {
        (1, None, "Lærer syg"), (0, "2027-01-05", "Kantinen")}
    first = [courses.calendar_of(s, courses.find_course(s, course_id)).lessons[0]
             for s in (anna, bo)]
    assert first[0] == first[1] and first[0].status in ("aflyst", "flyttet")
    assert courses.find_course(anna, course_id).teacher == "Lars"


def test_the_same_person_enrolled_on_two_laptops_is_one_enrolment(server, laptops):
    anna, bo, clients, course_id, person = laptops
    enrolments.enrol(anna, course_id, person, day="2026-11-20")
    enrolments.enrol(bo, course_id, person, day="2026-11-21")
    enrolments.mark_attendance(bo, course_id, person, FIRST_LESSON, True)
    _sync_all(clients)
    assert list(_rows(server, "enrolment")) == [natural_id("enrolment", f"{course_id}/{person}")]
    assert len(_rows(server, "attendance")) == 1
    for store in (anna, bo):
        [enrolled] = enrolments.EnrolmentRepository(store).of_course(course_id)
        assert enrolled.attendance == {FIRST_LESSON: True}


def test_erasing_the_person_takes_enrolment_and_attendance_everywhere(server, laptops):
    anna, bo, clients, course_id, person = laptops
    enrolments.enrol(anna, course_id, person, day="2026-11-20")
    enrolments.mark_attendance(anna, course_id, person, FIRST_LESSON, True)
    _sync_all(clients)
    assert enrolments.EnrolmentRepository(bo).of_course(course_id)

    person_privacy.erase_person(bo, person)
    _sync_all(clients)
    assert _rows(server, "enrolment") == _rows(server, "attendance") == {}
    for store in (anna, bo):
        for table in ("participant", "enrolment", "attendance"):
            assert store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
        assert courses.find_course(store, course_id)  # the course stays
