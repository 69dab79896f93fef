"""The use cases of participants, consent and screenings on one laptop: no result without
a valid consent, trin within the subject's range, the screening day's one-transaction
rows, suggested classes from the store, export, retention and offline erasure."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from lokomotiv_desktop.domain.validation import ValidationError
from lokomotiv_desktop.services import participants as people
from lokomotiv_desktop.services import person_privacy as privacy
from lokomotiv_desktop.services import screenings
from lokomotiv_desktop.services.outreach import NotFoundError
from lokomotiv_desktop.store.companies import CompanyRepository
from lokomotiv_desktop.store.sync_apply import is_erased

DAY = date(2026, 11, 2)


@pytest.fixture
def company_id(store) -> str:
    with store.transaction():
        return CompanyRepository(store).create({
            "cvr": "13748136", "name": "Vejle Stål A/S", "municipality_code": "630",
            "consultant": "Anne Holm"})


def count(store, table: str) -> int:
    return store.db.execute(f"SELECT count(*) FROM {table} WHERE deleted = 0").fetchone()[0]


def outbox(store, table: str) -> int:
    return store.db.execute("SELECT count(*) FROM outbox WHERE tbl = ?", [table]).fetchone()[0]


def screened_person(store, company_id, first="Søren", last="Ærø", **screening):
    person = people.add_participant(store, company_id, first_name=first, last_name=last)
    people.give_consent(store, person.id, "screening", "skriftlig", given_on=DAY)
    values = {"subject": "læsning", "tool": "VLV-2", "outcome": "læsekursus", "trin": 2,
              "day": DAY, **screening}
    return person, screenings.record_screening(store, person.id, **values)


def test_a_participant_takes_the_company_consultant_and_refuses_a_cpr_number(store, company_id):
    person = people.add_participant(store, company_id, first_name=" Søren ", last_name="Ærø")
    assert (person.name, person.consultant, person.employment) == (
        "Søren Ærø", "Anne Holm", "beskæftiget")
    with pytest.raises(ValidationError, match="CPR"):
        people.add_participant(store, company_id, first_name="Ida", notes="cpr 010190-1234")
    with pytest.raises(ValidationError, match="kommune"):
        people.add_participant(store, None, first_name="Ida", employment="ledig")
    unemployed = people.add_participant(store, None, first_name="Ida", last_name="Lund",
                                        municipality_code="630", jobcenter="Jobcenter Vejle")
    assert unemployed.unemployed and unemployed.company_id is None
    assert count(store, "participant") == 2


def test_no_screening_is_saved_without_a_valid_consent(store, company_id):
    person = people.add_participant(store, company_id, first_name="Bo", last_name="Dahl")
    with pytest.raises(ValidationError, match="samtykke"):
        screenings.record_screening(store, person.id, subject="læsning", tool="VLV-2",
                                    outcome="læsekursus", day=DAY)
    people.give_consent(store, person.id, "screening", "skriftlig", given_on=DAY + timedelta(1))
    with pytest.raises(ValidationError, match="samtykke"):  # given after the screening day
        screenings.record_screening(store, person.id, subject="læsning", tool="VLV-2",
                                    outcome="læsekursus", day=DAY)
    assert count(store, "screening") == 0 and outbox(store, "screening") == 0


def test_an_oral_consent_needs_a_witness_and_is_not_doubled(store, company_id):
    person = people.add_participant(store, company_id, first_name="Bo")
    with pytest.raises(ValidationError, match="vidne"):
        people.give_consent(store, person.id, "screening", "mundtlig")
    first = people.give_consent(store, person.id, "screening", "mundtligt", witness="Lis")
    again = people.give_consent(store, person.id, "Screening", "mundtlig", witness="Lis")
    assert first.id == again.id and count(store, "consent") == 1


def test_a_withdrawn_consent_stops_new_screenings(store, company_id):
    person, _ = screened_person(store, company_id)
    [withdrawn] = people.withdraw_consent(store, person.id, "screening", on=DAY + timedelta(5))
    assert withdrawn.withdrawn_on == DAY + timedelta(5)
    with pytest.raises(ValidationError, match="samtykke"):
        screenings.record_screening(store, person.id, subject="matematik", tool="VMV-2",
                                    outcome="egnet", trin=1, day=DAY + timedelta(6))
    with pytest.raises(ValidationError):  # nothing left to withdraw
        people.withdraw_consent(store, person.id, "screening")


@pytest.mark.parametrize("subject, tool, outcome, trin, message", [
    ("matematik", "VMV-2", "egnet", 3, "Trin 3"),
    ("start", "samtaleguide", "egnet", 1, "ingen trin"),
    ("matematik", "VLV-2", "læsekursus", 1, "VLV-2"),
    ("læsning", "VLV-2", "egnet", 1, "egnet"),
])
def test_trin_tool_and_outcome_must_fit_the_subject(store, company_id, subject, tool, outcome,
                                                    trin, message):
    person = people.add_participant(store, company_id, first_name="Bo")
    people.give_consent(store, person.id, "screening", "skriftlig", given_on=DAY)
    with pytest.raises(ValidationError, match=message):
        screenings.record_screening(store, person.id, subject=subject, tool=tool,
                                    outcome=outcome, trin=trin, day=DAY)
    assert count(store, "screening") == 0


def test_spellings_without_danish_letters_are_understood(store, company_id):
    _, record = screened_person(store, company_id, subject="LAESNING", tool="vlv2",
                                outcome="Laesekursus")
    assert (record.subject, record.tool, record.outcome) == ("læsning", "VLV-2", "læsekursus")


def test_a_referral_gets_its_result_valid_for_15_years(store, company_id):
    person, _ = screened_person(store, company_id, outcome="ordblindetest", trin=None)
    referral = screenings.add_referral(store, person.id, day=DAY, school="VUC Syd")
    assert referral.result is None
    with pytest.raises(ValidationError, match="før henvisningen"):
        screenings.record_dyslexia_result(store, person.id, "rød", day=DAY - timedelta(1))
    done = screenings.record_dyslexia_result(store, person.id, "Usikker fonologisk kodning",
                                             day=date(2026, 11, 20))
    assert (done.result.result, done.result.school) == ("gul", "VUC Syd")
    assert done.result.valid_until == date(2041, 11, 20)


def test_a_screening_day_row_is_saved_whole_and_once(store, company_id):
    row = screenings.DayRow(None, "Ida", "Holm", "Nat", True, "matematik", "VMV-2", "egnet", 1)
    pid, sid = screenings.save_day_row(store, company_id, DAY, row, school="VUC", tester="Mia")
    assert count(store, "participant") == 1 and count(store, "consent") == 1
    # The same person typed again is the same participant; a correction is no new row.
    again = replace(row, first_name="ida", last_name="HOLM", trin=2)
    pid2, sid2 = screenings.save_day_row(store, company_id, DAY, again, screening_id=sid)
    assert (pid2, sid2) == (pid, sid) and count(store, "screening") == 1
    assert screenings.day_count(store, company_id, DAY) == (1, 1)
    without_consent = screenings.DayRow(None, "Ole", "Bak", "", False, "læsning", "VLV-2",
                                        "læsekursus")
    with pytest.raises(ValidationError, match="samtykke"):
        screenings.save_day_row(store, company_id, DAY, without_consent)
    assert count(store, "participant") == 1


def test_suggested_classes_come_from_the_latest_screening_per_subject(store, company_id):
    for n in range(10):
        screened_person(store, company_id, first=f"Person{n}", last="Hansen")
    suggestion = screenings.suggest_for(store, [company_id])
    [only] = suggestion.classes
    assert (only.subject, only.trin, len(only.participant_ids)) == ("læsning", 2, 10)
    assert suggestion.unplaced == []


def test_the_export_holds_everything_and_is_logged(store, company_id, tmp_path):
    person, _ = screened_person(store, company_id)
    data = json.loads(privacy.export_person(store, person.id, tmp_path / "p.json").read_text())
    assert data["person"]["first_name"] == "Søren" and data["screenings"][0]["trin"] == 2
    pdf = privacy.export_person(store, person.id, tmp_path / "p.pdf")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Søren" in text and "FVU-læsning" in text
    logged = store.db.execute("SELECT what FROM access_log WHERE participant_id = ?",
                              [person.id]).fetchall()
    assert [w for (w,) in logged] == [privacy.EXPORTED_JSON, privacy.EXPORTED_PDF]
    with pytest.raises(ValueError, match=".json eller .pdf"):
        privacy.export_person(store, person.id, tmp_path / "p.txt")


def test_retention_lists_people_past_the_period(store, company_id):
    person, _ = screened_person(store, company_id)
    assert privacy.retention_due(store, today=date(2027, 1, 1)) == []
    [due] = privacy.retention_due(store, today=date.today() + timedelta(days=800))
    assert due.participant_id == person.id and due.due >= DAY
    privacy.set_retention_months(store, 12)
    assert privacy.retention_months(store) == 12
    with pytest.raises(ValueError):
        privacy.set_retention_months(store, 0)


def test_erasure_offline_is_immediate_and_queued_for_the_server(store, company_id):
    person, record = screened_person(store, company_id)
    erased = privacy.erase_person(store, person.id)
    assert ("screening", record.id) in erased and count(store, "participant") == 0
    assert is_erased(store, "participant", person.id)
    assert privacy.pending_erasures(store) == [("participant", person.id, None)]
    assert outbox(store, "screening") == 0 and outbox(store, "participant") == 0
    with pytest.raises(NotFoundError):
        people.find_participant(store, person.id)
