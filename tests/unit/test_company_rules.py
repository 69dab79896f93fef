"""Whole-record validation shared by the form, the CLI and the importer."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.domain.company_rules import (
    clean_company_field,
    clean_contact_field,
    clean_fields,
    clean_production_unit_field,
    parse_bool,
    parse_employee_band,
)
from lokomotiv_desktop.domain.enums import ContactRole, Phase
from lokomotiv_desktop.domain.validation import ValidationError

CODES = {"101", "630", "751"}


def test_clean_fields_returns_clean_values_and_danish_messages_per_field():
    clean, errors = clean_fields(
        clean_company_field,
        {"cvr": "1374 8136", "name": "  Tømrer Hansen ", "phone": "123", "phase": "2",
         "postcode": "", "municipality_code": "630", "marketing_protected": "ja"},
        CODES,
    )
    assert clean == {"cvr": "13748136", "name": "Tømrer Hansen", "phase": Phase.MOTIVATION,
                     "postcode": None, "municipality_code": "630", "marketing_protected": True}
    assert set(errors) == {"phone"}
    assert "8 cifre" in errors["phone"]


def test_invalid_cvr_and_missing_name_are_both_reported():
    _, errors = clean_fields(clean_company_field, {"cvr": "13748137", "name": " "}, CODES)
    assert "kontrolcifferet" in errors["cvr"]
    assert errors["name"] == "Navn mangler."


def test_unknown_field_is_refused():
    with pytest.raises(ValidationError, match="Ukendt felt «colour»"):
        clean_company_field("colour", "red", CODES)


def test_phase_error_becomes_a_validation_error_on_the_field():
    with pytest.raises(ValidationError) as caught:
        clean_company_field("phase", "9", CODES)
    assert caught.value.field == "phase" and "Ukendt fase" in caught.value.message


@pytest.mark.parametrize("typed, expected", [
    ("ja", True), ("Nej", False), ("1", True), ("0", False), ("", False), (True, True),
    ("x", True), (None, False)])
def test_parse_bool(typed, expected):
    assert parse_bool("trusted", typed) is expected


def test_parse_bool_refuses_other_words():
    with pytest.raises(ValidationError, match="hverken ja eller nej"):
        parse_bool("trusted", "måske")


@pytest.mark.parametrize("typed, band", [
    ("12", "10-19"), ("10 - 19", "10-19"), ("10–19", "10-19"), ("1000+", "1000+"), ("", None)])
def test_employee_band(typed, band):
    assert parse_employee_band(typed) == band


def test_unknown_employee_band_lists_the_bands():
    with pytest.raises(ValidationError, match="1-4"):
        parse_employee_band("mange")


def test_production_unit_fields():
    assert clean_production_unit_field("pnr", "10 0338 8394", CODES) == "1003388394"
    assert clean_production_unit_field("employees", " 25 ", CODES) == 25
    assert clean_production_unit_field("employees", "", CODES) is None
    with pytest.raises(ValidationError, match="helt tal"):
        clean_production_unit_field("employees", "ca. 20", CODES)
    with pytest.raises(ValidationError, match="Ukendt kommunekode"):
        clean_production_unit_field("municipality_code", "999", CODES)


def test_contact_fields():
    assert clean_contact_field("role", "Ambassadør") is ContactRole.AMBASSADOER
    assert clean_contact_field("role", "") is ContactRole.ANDET
    assert clean_contact_field("email", "") is None
    with pytest.raises(ValidationError) as caught:
        clean_contact_field("role", "chef")
    assert caught.value.field == "role"
