"""The yearly grant statement, its summary and the general assembly's voting list, read back
from the PDF (issue 13)."""
from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader

from lokomotiv_desktop.reports.grant_statement import build_grant_statement, build_grant_summary
from lokomotiv_desktop.reports.voting_list import build_voting_list

PRINTED = "2027-01-15T09:30:00Z"


def _text(payload: bytes) -> str:
    reader = PdfReader(BytesIO(payload))
    return " ".join("\n".join(page.extract_text() for page in reader.pages).split())


def _statement(**pnr) -> dict:
    return {"municipality": {"code": "615", "name": "Horsens"}, "year": 2027, "per_pnr": 10.0,
            "pnr": {"counted": 4210, "counted_on": "2026-12-03", "override": None,
                    "reason": "", "used": 4210, **pnr},
            "basic": 42100.0,
            "activities": [{"task": "Screeningsdage på arbejdspladser", "amount": 9600.0},
                           {"task": "Temamøde for erhvervsservice", "amount": 2750.5}],
            "activity_total": 12350.5, "total": 54450.5, "printed": PRINTED}


def test_the_statement_shows_count_date_lines_and_the_total():
    text = _text(build_grant_statement(_statement()))
    assert "Tilskud 2027: Horsens Kommune" in text
    assert "4.210 P-numre" in text and "3. december 2026" in text
    assert "10,00 kr. pr. P-nummer" in text and "42.100,00 kr." in text
    assert "Screeningsdage på arbejdspladser" in text and "9.600,00 kr." in text
    assert "2.750,50 kr." in text and "12.350,50 kr." in text
    assert "54.450,50 kr." in text
    assert "Side 1 af 1" in text and "15. januar 2027" in text


def test_a_hand_count_prints_with_its_reason():
    data = _statement(override=4382, reason="Udtrækket mangler Østbyen", used=4382)
    text = _text(build_grant_statement(data))
    assert "4.382 P-numre, rettet i hånden: Udtrækket mangler Østbyen" in text
    assert "4.210 i CVR-udtrækket" in text


def test_a_statement_without_activities_says_so():
    text = _text(build_grant_statement({**_statement(), "activities": [],
                                        "activity_total": 0.0, "total": 42100.0}))
    assert "ikke bestilt opgaver" in text and "42.100,00 kr." in text


def test_the_summary_lists_every_municipality_and_the_total():
    other = {**_statement(), "municipality": {"code": "630", "name": "Vejle"}, "total": 1000.0}
    text = _text(build_grant_summary({"year": 2027, "statements": [_statement(), other],
                                      "total": 55450.5, "printed": PRINTED}))
    assert "Horsens (615)" in text and "Vejle (630)" in text
    assert "55.450,50 kr." in text and "Side 1 af 1" in text


def test_the_voting_list_has_each_voting_member_once_and_no_organisation():
    data = {"date": "2027-04-20", "printed": PRINTED,
            "voters": [{"name": "Horsens", "code": "615"}, {"name": "Vejle", "code": "630"}]}
    text = _text(build_voting_list(data))
    assert text.count("Horsens Kommune") == 1 and text.count("Vejle Kommune") == 1
    assert "DI" not in text.replace("Stemmeliste", "")
    assert "20. april 2027" in text and "Underskrift" in text and "Side 1 af 1" in text
    assert "2 stemmeberettigede medlemmer" in text
