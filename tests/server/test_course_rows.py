"""Course rows on the shared store (issue 12), on both backends: an enrolment or attendance
needs the participant's consent for course planning on its date (server/consent_rule.py);
providers are scoped by their own municipality, courses by their company's; erasing a
person takes their enrolments and attendance along; the course row rules refuse what no
calendar can be built from."""
from __future__ import annotations

import json

import pytest

from .conftest import cid, company, count

ENROLLED_ON = "2026-11-20"
LESSON_DAY = "2027-01-04"
PATTERN = json.dumps([{"weekday": 0, "start": "08:00", "end": "10:30"}])


def _course(api, row_id="h1", label="c1", **fields):
    values = {"company_id": cid(label), "subject": "læsning", "trin": 2,
              "start_date": LESSON_DAY, "pattern": PATTERN, "lesson_count": 6,
              "status": "planlagt", "teacher": "Mette", **fields}
    return api.change("course", row_id, **values)


def _person(api, pid="p1", label="c1", municipality="630") -> list[dict]:
    return [company(api, cid(label), municipality=municipality),
            api.change("participant", pid, company_id=cid(label), first_name="Ida",
                       last_name="Holm")]


def _consent(api, pid="p1", row_id="k1", purpose="course", given_on="2026-11-01"):
    return api.change("consent", row_id, participant_id=pid, purpose=purpose,
                      given_on=given_on, how="skriftlig", witness="", withdrawn_on=None)


def _enrolment(api, row_id="e1", pid="p1", course="h1", day=ENROLLED_ON):
    return api.change("enrolment", row_id, participant_id=pid, course_id=course, date=day,
                      status="tilmeldt")


def _attendance(api, row_id="a1", enrolment="e1", day=LESSON_DAY):
    return api.change("attendance", row_id, enrolment_id=enrolment, date=day, present=1)


def _statuses(results) -> list[tuple[str, str | None]]:
    return [(r["status"], r.get("reason")) for r in results]


def _stored(backend, table) -> int:
    return count(backend, "SELECT count(*) FROM row_state WHERE tbl = ?", [table])


def test_an_enrolment_needs_a_consent_for_course_planning(login, backend):
    bo = login("bo")
    # A consent for screening is not one for course planning.
    bo.push(*_person(bo), _consent(bo, purpose="screening"), _course(bo))
    [refused] = bo.push(_enrolment(bo))["results"]
    assert (refused["status"], refused["reason"]) == ("rejected", "no_consent")
    assert "samtykke til kursusplanlægning" in refused["message"]
    assert _stored(backend, "enrolment") == 0

    [given, enrolled] = bo.push(_consent(bo, row_id="k2"), _enrolment(bo))["results"]
    assert given["status"] == enrolled["status"] == "applied"
    assert _stored(backend, "enrolment") == 1


def test_attendance_needs_the_consent_on_the_lessons_date(login, backend):
    bo = login("bo")
    bo.push(*_person(bo), _consent(bo, given_on="2027-01-05"), _course(bo))
    # Enrolled and present on the 4th, but the consent was given on the 5th.
    [early] = bo.push(_enrolment(bo, day="2027-01-04"))["results"]
    assert early["reason"] == "no_consent"
    assert bo.push(_enrolment(bo, day="2027-01-05"))["results"][0]["status"] == "applied"
    [before, on_the_day] = bo.push(_attendance(bo, "a1", day="2027-01-04"),
                                   _attendance(bo, "a2", day="2027-01-11"))["results"]
    assert (before["status"], before["reason"]) == ("rejected", "no_consent")
    assert "kursusplanlægning" in before["message"]
    assert on_the_day["status"] == "applied"
    assert _stored(backend, "attendance") == 1


def test_a_withdrawn_consent_refuses_later_attendance(login, backend):
    bo = login("bo")
    given, marked = _consent(bo), _attendance(bo, "a1")
    bo.push(*_person(bo), given, _course(bo), _enrolment(bo), marked)
    bo.push(bo.change("consent", "k1", base=given["clocks"], withdrawn_on="2027-01-08"))
    [late] = bo.push(_attendance(bo, "a2", day="2027-01-11"))["results"]
    assert (late["status"], late["reason"]) == ("rejected", "no_consent")
    # A change of the attendance before the withdrawal is still allowed.
    [earlier] = bo.push(bo.change("attendance", "a1", base=marked["clocks"],
                                  present=0))["results"]
    assert earlier["status"] == "applied"
    assert _stored(backend, "attendance") == 1


def test_a_course_at_another_municipalitys_company_is_refused(login, backend):
    anna, bo = login("anna"), login("bo")
    bo.push(company(bo, cid("c1"), municipality="630"))
    # Alone in the push, nothing is written; beside a row of anna's own, it alone is refused.
    assert anna.push(_course(anna), expect=403)["code"] == "scope"
    [foreign, own] = anna.push(_course(anna, "h2"), company(anna, cid("a1"),
                                                            municipality="615"))["results"]
    assert (foreign["status"], foreign["reason"]) == ("rejected", "scope")
    assert "kommune" in foreign["message"] and own["status"] == "applied"
    assert _stored(backend, "course") == 0
    assert bo.push(_course(bo))["results"][0]["status"] == "applied"
    [lesson, _] = anna.push(anna.change("lesson", "l1", course_id="h1",
                                        original_date=LESSON_DAY, cancelled=1,
                                        reason="Lærer syg"),
                            _course(anna, "h3", label="a1"))["results"]
    assert lesson["reason"] == "scope"
    assert {i["row_id"] for i in anna.pull_all()} == {cid("a1"), "h3"}


def test_a_provider_belongs_to_its_municipality(login, backend):
    kim, anna, bo = login("kim"), login("anna"), login("bo")
    [nowhere, applied, foreign] = anna.push(
        anna.change("provider", "u0", name="VUC Et Sted", kind="VUC", municipality_code=None),
        anna.change("provider", "u1", name="VUC Vejle", kind="VUC", municipality_code="615"),
        anna.change("provider", "u2", name="AOF Aarhus", kind="AOF", municipality_code="630"),
    )["results"]
    # Reason "scope", with the message of no_scope (refusals.py): say which municipality.
    assert (nowhere["status"], nowhere["reason"]) == ("rejected", "scope")
    assert nowhere["message"].startswith("Rækken har ingen kommune")
    assert applied["status"] == "applied"
    assert foreign["reason"] == "scope"
    assert [i["row_id"] for i in anna.pull_all()] == ["u1"]
    assert [i["row_id"] for i in kim.pull_all()] == ["u1"]
    assert bo.pull_all() == []


def test_erasing_a_participant_takes_enrolments_and_attendance(login, backend):
    bo, colleague = login("bo"), login("bo", "bo-desktop")
    bo.push(*_person(bo), _consent(bo), _course(bo), _enrolment(bo), _attendance(bo))
    held = {(i["table"], i["row_id"]) for i in colleague.pull_all()}
    assert {("enrolment", "e1"), ("attendance", "a1")} <= held

    response = bo.client.post("/api/v1/erase", headers=bo.headers,
                              json={"table": "participant", "row_id": "p1"})
    assert response.status_code == 200, response.text
    erased = {tuple(pair) for pair in response.json()["erased"]}
    assert erased == {("participant", "p1"), ("consent", "k1"), ("enrolment", "e1"),
                      ("attendance", "a1")}
    assert _stored(backend, "enrolment") == _stored(backend, "attendance") == 0
    assert _stored(backend, "course") == 1  # the course is not about the person
    assert count(backend, "SELECT count(*) FROM tombstone") == 4
    # A laptop that held them is told to remove them; a late attendance is refused.
    gone = {(i["table"], i["row_id"]) for i in colleague.pull_all() if i["kind"] == "erase"}
    assert {("enrolment", "e1"), ("attendance", "a1")} <= gone
    [late] = bo.push(_attendance(bo, "a1", day="2027-01-11"))["results"]
    assert late["reason"] == "erased"


@pytest.mark.parametrize("fields", [
    {"pattern": json.dumps([{"weekday": 0, "start": "10:30", "end": "08:00"}])},
    {"subject": "tysk"},
    {"closed_weeks": "60"},
], ids=["ends-before-it-starts", "unknown-subject", "week-60"])
def test_a_course_no_calendar_can_come_from_is_invalid(login, backend, fields):
    bo = login("bo")
    bo.push(company(bo, cid("c1"), municipality="630"))
    [result] = bo.push(_course(bo, **fields))["results"]
    assert (result["status"], result["reason"]) == ("rejected", "invalid_value")
    assert result["message"].startswith("Ændringen er ikke gemt")
    assert _stored(backend, "course") == 0
