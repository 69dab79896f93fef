"""`lokomotiv screening add`, `screenings`, `referral add|result` and `classes suggest`."""
from __future__ import annotations

import json

import pytest

from tests.cli import screening_fixtures as fx
from tests.cli.screening_fixtures import counts

db, run, company, add_person = fx.db, fx.run, fx.company, fx.add_person  # fixtures

SCREENING = ("screening", "referral", "dyslexia_result")


def screen(run, pid, *options):
    return run("screening", "add", pid, *options)


def test_no_screening_without_consent(run, add_person, db):
    pid = add_person(consent=False)
    before = counts(db, *SCREENING)
    status, out, err = screen(run, pid, "--subject", "læsning", "--tool", "VLV-2",
                              "--outcome", "læsekursus", "--trin", "2", "--date", "2.11.2026")
    assert status == 2 and out == ""
    assert "Anne Holm har ikke et gyldigt samtykke til screening" in err
    assert "uden det gemmes intet" in err
    assert counts(db, *SCREENING) == before  # nothing in the table, nothing in the outbox
    status, _, err = run("referral", "add", pid, "--date", "2.11.2026", "--school", "VUC")
    assert status == 2 and "samtykke" in err
    assert counts(db, *SCREENING) == before


def test_a_screening_before_the_consent_was_given_is_refused(run, add_person, db):
    pid = add_person(consent_date="10.11.2026")
    status, _, err = screen(run, pid, "--subject", "matematik", "--tool", "VMV-2",
                            "--outcome", "egnet", "--trin", "1", "--date", "9.11.2026")
    assert status == 2 and "samtykke" in err
    assert counts(db, "screening")["screening"] == 0


def test_a_screening_is_recorded_and_listed(run, add_person, company):
    pid = add_person()
    status, out, err = screen(run, pid[:13], "--subject", "Læsning", "--tool", "VLV-2",
                              "--outcome", "Læsekursus", "--trin", "2", "--date", "2026-11-02",
                              "--school", "VUC Vejle", "--tester", "Lis Berg", "--json")
    assert status == 0, err
    row = json.loads(out)
    assert row == {"id": row["id"], "date": "2026-11-02", "subject": "læsning", "tool": "VLV-2",
                   "outcome": "læsekursus", "trin": 2, "school": "VUC Vejle",
                   "tester": "Lis Berg", "participant_id": pid}
    status, out, _ = run("screenings", company, "--json")
    [listed] = json.loads(out)
    assert listed["id"] == row["id"] and listed["name"] == "Anne Holm"
    status, out, _ = run("screenings", company)
    assert out.startswith("2.11.2026   Anne Holm") and "FVU-læsning" in out


@pytest.mark.parametrize("subject, tool, outcome", [
    ("laesning", "vlv2", "laesekursus"),
    ("LÆSNING", "Vejledende Læsetest for Voksne", "HENVIS TIL ORDBLINDETEST"),
    ("Matematik", "vmv-2", "Over FVU-niveau"),
    ("matematik", "VMV2", "ikke klar"),
    ("ENGELSK", "samtaleguide", "egnet"),
])
def test_subject_tool_and_outcome_in_any_spelling(run, add_person, subject, tool, outcome):
    pid = add_person()
    status, _, err = screen(run, pid, "--subject", subject, "--tool", tool,
                            "--outcome", outcome, "--date", "2.11.2026")
    assert status == 0, err


@pytest.mark.parametrize("subject, tool, trin, ok", [
    ("læsning", "VLV-2", "4", True), ("læsning", "VLV-2", "5", False),
    ("matematik", "VMV-2", "2", True), ("matematik", "VMV-2", "3", False),
    ("digital", "samtaleguide", "3", True), ("digital", "samtaleguide", "4", False),
    ("engelsk", "samtaleguide", "0", False), ("start", "samtaleguide", "1", False),
    ("start", "samtaleguide", None, True),
])
def test_trin_within_the_subject_range(run, add_person, db, subject, tool, trin, ok):
    pid = add_person()
    before = counts(db, "screening")
    outcome = "læsekursus" if tool == "VLV-2" else "egnet"
    options = ["--subject", subject, "--tool", tool, "--outcome", outcome, "--date", "2.11.2026"]
    status, _, err = screen(run, pid, *options, *(["--trin", trin] if trin else []))
    if ok:
        assert status == 0, err
    else:
        assert status == 2 and "trin" in err.casefold()
        assert counts(db, "screening") == before


def test_bad_values_are_refused_in_danish(run, add_person, db):
    pid = add_person()
    before = counts(db, "screening")
    cases = [
        (["--subject", "fysik", "--tool", "VLV-2", "--outcome", "læsekursus"], "fysik"),
        (["--subject", "matematik", "--tool", "VLV-2", "--outcome", "egnet"], "VLV-2"),
        (["--subject", "læsning", "--tool", "VLV-2", "--outcome", "egnet"], "egnet"),
        (["--subject", "læsning", "--tool", "VLV-2", "--outcome", "læsekursus",
          "--date", "31.2.2026"], "dato"),
        (["--subject", "læsning", "--tool", "VLV-2", "--outcome", "læsekursus",
          "--notes", "cpr 010190-1234"], "CPR"),
    ]
    for options, word in cases:
        status, out, err = screen(run, pid, *options)
        assert status == 2 and out == "", options
        assert err.startswith("lokomotiv: ") and word.casefold() in err.casefold(), err
    assert counts(db, "screening") == before


def test_unknown_and_ambiguous_people(run, add_person, db):
    first, second = add_person("Anne"), add_person("Bo")
    status, _, err = screen(run, "ffffffff-0000", "--subject", "læsning", "--tool", "VLV-2",
                            "--outcome", "læsekursus")
    assert status == 1 and "Ingen deltager" in err
    common = next(n for n in range(len(first), 3, -1) if first[:n] == second[:n])
    status, _, err = screen(run, first[:common], "--subject", "læsning", "--tool", "VLV-2",
                            "--outcome", "læsekursus")
    assert status == 2 and "Flere deltagere" in err
    assert counts(db, "screening")["screening"] == 0
    status, _, _ = run("screenings", fx.OTHER_CVR)
    assert status == 1


def test_referral_and_its_result(run, add_person, db):
    pid = add_person()
    status, out, err = run("referral", "add", pid, "--date", "3.11.2026", "--school", "VUC")
    assert status == 0, err
    assert out.startswith("Henvist til Ordblindetesten: Anne Holm, 3.11.2026, VUC")
    status, _, err = run("referral", "result", pid, "--result", "lilla", "--date", "10.11.2026")
    assert status == 2
    status, _, err = run("referral", "result", pid, "--result", "groen", "--date", "1.11.2026")
    assert status == 2 and "før henvisningen" in err
    assert counts(db, "dyslexia_result")["dyslexia_result"] == 0
    status, out, err = run("referral", "result", pid, "--result", "RØD", "--date", "10.11.2026")
    assert status == 0, err
    assert out == ("Resultat registreret for Anne Holm: rød «Ordblind», 10.11.2026, "
                   "gyldigt til 10.11.2041\n")
    other = add_person("Bo")
    status, _, err = run("referral", "result", other, "--result", "gul", "--date", "10.11.2026")
    assert status == 1 and "ikke henvist" in err


def test_classes_from_a_hand_built_set(run, add_person, company):
    """9 on læsning trin 2 (two teams) make one class; 2 on matematik trin 1 are too few."""
    readers = [add_person(f"Læser{n}", extra=("--team", "Nat" if n < 4 else "Dag"))
               for n in range(9)]
    for pid in readers:
        assert screen(run, pid, "--subject", "læsning", "--tool", "VLV-2", "--outcome",
                      "læsekursus", "--trin", "2", "--date", "2.11.2026")[0] == 0
    counters = [add_person(f"Regner{n}") for n in range(2)]
    for pid in counters:
        assert screen(run, pid, "--subject", "matematik", "--tool", "VMV-2", "--outcome",
                      "egnet", "--trin", "1", "--date", "2.11.2026")[0] == 0
    status, out, err = run("classes", "suggest", company, "--json")
    assert status == 0, err
    found = json.loads(out)
    [cls] = found["classes"]
    assert (cls["subject"], cls["trin"], cls["size"], cls["obu"]) == ("læsning", 2, 9, False)
    assert sorted(cls["participant_ids"]) == sorted(readers)
    assert cls["teams"] == ["Dag", "Nat"]
    assert sorted(u["participant_id"] for u in found["unplaced"]) == sorted(counters)
    assert "mindst 8" in found["unplaced"][0]["reason"]
    status, out, _ = run("classes", "suggest", company, "--min", "2", "--max", "5", "--json")
    found = json.loads(out)
    assert sorted(c["size"] for c in found["classes"]) == [2, 4, 5]
    assert found["unplaced"] == []
    status, out, _ = run("classes", "suggest", "--municipality", "630")
    assert status == 0 and "Hold 1: FVU-læsning trin 2, 9 deltagere" in out
    assert "Ikke placeret:" in out and "Regner0" in out


def test_classes_suggest_refuses_bad_sizes_and_unknown_companies(run, company):
    status, _, err = run("classes", "suggest", company, "--min", "9", "--max", "5")
    assert status == 2 and "--min" in err
    status, _, err = run("classes", "suggest")
    assert status == 2 and "CVR" in err
    status, _, _ = run("classes", "suggest", company, fx.OTHER_CVR)
    assert status == 1
