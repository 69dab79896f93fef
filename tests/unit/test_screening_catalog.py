"""The screening catalog: loaded from data, and tolerant parsing with Danish errors."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from lokomotiv_desktop.domain.screening_catalog import (
    DEFAULT_PATH,
    catalog,
    dyslexia_valid_until,
    parse_dyslexia_result,
    parse_outcome,
    parse_subject,
    parse_tool,
    parse_trin,
)
from lokomotiv_desktop.domain.validation import ValidationError


def error_of(function, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        function(*args, **kwargs)
    return caught.value


def test_shipped_catalog_holds_the_subjects_and_trin_of_fvu_loven():
    cat = catalog()
    assert cat.version == 1
    assert [(s.code, s.label, s.trin) for s in cat.subjects] == [
        ("læsning", "FVU-læsning", (1, 2, 3, 4)), ("matematik", "FVU-matematik", (1, 2)),
        ("digital", "FVU-digital", (1, 2, 3)), ("engelsk", "FVU-engelsk", (1, 2, 3, 4)),
        ("start", "FVU-start", ())]
    assert catalog() is cat  # read once


def test_tools_outcomes_and_what_they_mean():
    cat = catalog()
    assert {t.code: t.subjects for t in cat.tools} == {
        "VLV-2": ("læsning",), "VMV-2": ("matematik",), "samtaleguide": None, "andet": None}
    vlv = {o.code: (o.places, o.refer_dyslexia) for o in cat.outcomes_for("VLV-2")}
    assert vlv == {"læsekursus": (True, False), "andetsprog": (False, False),
                   "ordblindetest": (False, True)}
    vmv = {o.code: o.places for o in cat.outcomes_for("VMV-2")}
    assert vmv == {"ikke_klar": False, "egnet": True, "over_fvu": False}
    for tool in ("samtaleguide", "andet"):
        assert [o.code for o in cat.outcomes_for(tool)] == ["egnet", "ikke_klar", "andet_tilbud"]


def test_unconfirmed_facts_are_marked_in_the_data():
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    notes = {t["code"]: t.get("_note", "") for t in data["tools"]}
    assert "UNCONFIRMED" in notes["samtaleguide"] and "UNCONFIRMED" in notes["andet"]
    assert "UNCONFIRMED" in data["class_size"]["_note"]


def test_dyslexia_results_and_class_sizes():
    cat = catalog()
    assert [(r.code, r.label) for r in cat.dyslexia_results] == [
        ("rød", "Ordblind"), ("gul", "Usikker fonologisk kodning"), ("grøn", "Ikke ordblind")]
    assert cat.dyslexia_valid_years == 15
    assert (cat.class_min, cat.class_max, cat.obu_max) == (8, 13, 6)


def test_a_catalog_from_another_file_changes_the_facts(tmp_path: Path):
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["subjects"][1]["trin"] = [1, 2, 3]
    data["class_size"]["max"] = 12
    path = tmp_path / "screening.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    other = catalog(path)
    assert other is not catalog() and other.class_max == 12
    assert other.parse_trin("3", "matematik") == 3
    with pytest.raises(ValidationError):
        parse_trin("3", "matematik")  # the shipped catalog is untouched


def test_a_tool_naming_an_unknown_subject_fails_at_load(tmp_path: Path):
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["tools"][0]["subjects"] = ["dansk-ukendt"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="unknown subject"):
        catalog(path)


@pytest.mark.parametrize("typed, code", [
    ("FVU-læsning", "læsning"), ("laesning", "læsning"), ("LÆSNING", "læsning"),
    ("  læsning ", "læsning"), ("fvu laesning", "læsning"), ("FVU-dansk", "læsning"),
    ("Matematik", "matematik"), ("fvu-MATEMATIK", "matematik"), ("FVU-digital", "digital"),
    ("engelsk", "engelsk"), ("FVU-start", "start"), ("start", "start")])
def test_parse_subject_accepts_codes_labels_and_spellings(typed, code):
    assert parse_subject(typed) == code


@pytest.mark.parametrize("typed", ["tysk", "FVU", "", None])
def test_parse_subject_refuses_with_the_choices(typed):
    error = error_of(parse_subject, typed)
    assert error.field == "subject"
    assert "FVU-læsning, FVU-matematik, FVU-digital, FVU-engelsk eller FVU-start" in error.message


@pytest.mark.parametrize("typed, subject, code", [
    ("VLV-2", "læsning", "VLV-2"), ("vlv2", "læsning", "VLV-2"), ("VLV2", "FVU-læsning", "VLV-2"),
    ("vmv-2", "matematik", "VMV-2"), ("Samtaleguide", "engelsk", "samtaleguide"),
    ("samtaleguide", "læsning", "samtaleguide"), ("ANDET", "start", "andet")])
def test_parse_tool(typed, subject, code):
    assert parse_tool(typed, subject) == code


def test_a_tool_for_another_subject_is_refused():
    error = error_of(parse_tool, "VMV-2", "læsning")
    assert error.field == "tool"
    assert error.message.startswith("VMV-2 bruges til FVU-matematik")
    assert "VLV-2, samtaleguide eller andet til FVU-læsning" in error.message
    assert "VLV-2 bruges til FVU-læsning" in error_of(parse_tool, "vlv2", "digital").message


def test_an_unknown_tool_lists_the_tools_for_the_subject():
    error = error_of(parse_tool, "PISA", "matematik")
    assert "«PISA»" in error.message
    assert "VMV-2, samtaleguide eller andet til FVU-matematik" in error.message
    assert error_of(parse_tool, "VLV-2", "fransk").field == "subject"


@pytest.mark.parametrize("typed, tool, code", [
    ("Henvis til ordblindetest", "VLV-2", "ordblindetest"), ("ordblindetest", "vlv2", "ordblindetest"),
    ("Læsekursus", "VLV-2", "læsekursus"), ("laesekursus", "VLV-2", "læsekursus"),
    ("dansk som andetsprog", "VLV-2", "andetsprog"), ("Ikke klar", "VMV-2", "ikke_klar"),
    ("ikke_klar", "VMV-2", "ikke_klar"), ("over FVU-niveau", "VMV-2", "over_fvu"),
    ("EGNET", "VMV-2", "egnet"), ("henvis til andet tilbud", "samtaleguide", "andet_tilbud"),
    ("egnet", "andet", "egnet")])
def test_parse_outcome(typed, tool, code):
    assert parse_outcome(typed, tool) == code


def test_an_outcome_of_another_tool_is_refused_with_the_choices():
    error = error_of(parse_outcome, "egnet", "VLV-2")
    assert error.field == "outcome"
    assert error.message == ("Udfaldet «egnet» hører ikke til VLV-2; vælg læsekursus, "
                             "dansk som andetsprog eller henvis til ordblindetest.")
    assert "Ukendt udfald «bestået» for VMV-2" in error_of(parse_outcome, "bestået", "VMV-2").message
    assert "Udfald mangler for VMV-2" in error_of(parse_outcome, " ", "VMV-2").message
    assert error_of(parse_outcome, "egnet", "PISA").field == "tool"


@pytest.mark.parametrize("value, subject, trin", [
    (2, "læsning", 2), ("2", "matematik", 2), (" Trin 3 ", "digital", 3), ("trin4", "engelsk", 4),
    (2.0, "læsning", 2), ("1.0", "matematik", 1), ("", "læsning", None), (None, "læsning", None),
    (None, "start", None), ("", "FVU-start", None)])
def test_parse_trin(value, subject, trin):
    assert parse_trin(value, subject) == trin


def test_parse_trin_refuses_in_danish():
    assert error_of(parse_trin, 5, "matematik").message == (
        "Trin 5 findes ikke i FVU-matematik; vælg 1 eller 2.")
    assert error_of(parse_trin, "0", "læsning").message == (
        "Trin 0 findes ikke i FVU-læsning; vælg 1, 2, 3 eller 4.")
    assert error_of(parse_trin, 1, "start").message == "FVU-start har ingen trin."
    assert "et tal" in error_of(parse_trin, "to", "matematik").message
    assert "et tal" in error_of(parse_trin, 2.5, "matematik").message
    assert "et tal" in error_of(parse_trin, True, "matematik").message
    assert error_of(parse_trin, "", "læsning", required=True).message == (
        "Trin mangler for FVU-læsning; vælg 1, 2, 3 eller 4.")
    assert error_of(parse_trin, 2, "fransk").field == "subject"
    assert error_of(parse_trin, 9, "digital").field == "trin"


@pytest.mark.parametrize("typed, code", [
    ("rød", "rød"), ("ROED", "rød"), ("rod", "rød"), (" Ordblind ", "rød"), ("gul", "gul"),
    ("usikker fonologisk kodning", "gul"), ("grøn", "grøn"), ("groen", "grøn"), ("Gron", "grøn"),
    ("ikke ordblind", "grøn"), ("IKKE ORDBLIND", "grøn")])
def test_parse_dyslexia_result(typed, code):
    assert parse_dyslexia_result(typed) == code


@pytest.mark.parametrize("typed", ["blå", "", "ordblindhed"])
def test_parse_dyslexia_result_refuses_with_the_three_categories(typed):
    error = error_of(parse_dyslexia_result, typed)
    assert error.field == "dyslexia_result"
    assert ("rød (Ordblind), gul (Usikker fonologisk kodning) eller grøn (Ikke ordblind)"
            in error.message)


@pytest.mark.parametrize("result, until", [
    (date(2026, 3, 1), date(2041, 3, 1)), (date(2024, 2, 29), date(2039, 2, 28)),
    (date(2025, 12, 31), date(2040, 12, 31)), (date(2021, 2, 28), date(2036, 2, 28))])
def test_dyslexia_result_is_valid_for_15_years(result, until):
    assert dyslexia_valid_until(result) == until
