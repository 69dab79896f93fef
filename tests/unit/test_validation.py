"""Validators of what a consultant types: CVR, P-nummer, postcode, phone, e-mail."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.domain.validation import (
    ValidationError,
    optional,
    validate_cvr,
    validate_email_address,
    validate_municipality_code,
    validate_phone,
    validate_pnr,
    validate_postcode,
    validate_website,
)


def message_of(validator, value) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validator(value)
    return caught.value


@pytest.mark.parametrize("cvr", ["13748136", "10150817", "25313763", "30715063"])
def test_known_valid_cvrs_pass(cvr):
    assert validate_cvr(cvr) == cvr


@pytest.mark.parametrize("typed", ["1374 8136", " 13748136 ", "1374-8136", "13.74.81.36"])
def test_cvr_separators_are_removed(typed):
    assert validate_cvr(typed) == "13748136"


@pytest.mark.parametrize("cvr", ["13748137", "10150818", "25313764", "30715064", "12345678"])
def test_cvr_with_wrong_check_digit_is_refused_in_danish(cvr):
    error = message_of(validate_cvr, cvr)
    assert error.field == "cvr"
    assert "kontrolcifferet passer ikke" in error.message
    assert cvr in error.message


@pytest.mark.parametrize("cvr, count", [("1374813", 7), ("137481366", 9), ("1", 1)])
def test_cvr_length_message_says_how_many_digits(cvr, count):
    error = message_of(validate_cvr, cvr)
    assert "8 cifre" in error.message
    assert f"har {count}" in error.message


@pytest.mark.parametrize("cvr", ["1374813a", "01234567", "ABCDEFGH"])
def test_cvr_format_message(cvr):
    error = message_of(validate_cvr, cvr)
    assert "kun indeholde cifre" in error.message
    assert cvr in error.message


@pytest.mark.parametrize("empty", ["", "   ", None])
def test_missing_cvr_says_what_to_type(empty):
    assert "CVR-nummer mangler" in message_of(validate_cvr, empty).message


@pytest.mark.parametrize("pnr", ["1003388394", "1234567890", "0000000001"])
def test_pnr_is_format_only_ten_digits_no_checksum(pnr):
    assert validate_pnr(pnr) == pnr


def test_pnr_spaces_are_removed():
    assert validate_pnr("10 0338 8394") == "1003388394"


@pytest.mark.parametrize("pnr, count", [("123456789", 9), ("12345678901", 11)])
def test_pnr_length_message(pnr, count):
    error = message_of(validate_pnr, pnr)
    assert error.field == "pnr"
    assert "10 cifre" in error.message and f"har {count}" in error.message


def test_pnr_letters_refused():
    assert "kun indeholde cifre" in message_of(validate_pnr, "123456789x").message


def test_missing_pnr():
    assert "P-nummer mangler" in message_of(validate_pnr, "").message


@pytest.mark.parametrize("postcode", ["7100", "1050", "9990", " 8000 ", "0800", "0555"])
def test_valid_postcodes(postcode):
    assert validate_postcode(postcode) == postcode.strip()


@pytest.mark.parametrize("postcode", ["710", "71000", "abcd", "71 00", "0000", "0123", ""])
def test_invalid_postcodes_have_a_danish_message_with_an_example(postcode):
    error = message_of(validate_postcode, postcode)
    assert error.field == "postcode"
    assert "Postnummer" in error.message and "fx 7100" in error.message


@pytest.mark.parametrize(
    "typed",
    ["75123456", "75 12 34 56", "+4575123456", "+45 75 12 34 56", "0045 75123456",
     "004575123456", "(+45) 7512-3456", "7512-3456"],
)
def test_phone_with_or_without_country_code_is_normalised(typed):
    assert validate_phone(typed) == "+4575123456"


@pytest.mark.parametrize("typed", ["7512345", "751234567", "+46 75123456", "abcdefgh",
                                   "+45 7512345", "0045 751234"])
def test_invalid_phone_says_eight_digits(typed):
    error = message_of(validate_phone, typed)
    assert error.field == "phone"
    assert "8 cifre" in error.message and "+45" in error.message


def test_email_is_normalised_domain_lower_case():
    assert validate_email_address("  Navn@Firma.DK ") == "Navn@firma.dk"


def test_email_with_danish_letters_in_the_local_part_is_accepted():
    assert validate_email_address("søren@firma.dk") == "søren@firma.dk"


@pytest.mark.parametrize("typed", ["x@y", "a b@c.dk", "navn.firma.dk", "@firma.dk", "navn@"])
def test_invalid_email_gives_an_example(typed):
    error = message_of(validate_email_address, typed)
    assert error.field == "email"
    assert "ikke en gyldig e-mailadresse" in error.message and "navn@firma.dk" in error.message


def test_missing_email():
    assert "mangler" in message_of(validate_email_address, "").message


def test_website():
    assert validate_website(" firma.dk ") == "firma.dk"
    assert validate_website("") == ""
    assert "webadresse" in message_of(validate_website, "firma dk").message


def test_municipality_code_is_padded_and_checked():
    assert validate_municipality_code(101, {"101", "630"}) == "101"
    assert validate_municipality_code("  630", {"101", "630"}) == "630"
    error = message_of(lambda v: validate_municipality_code(v, {"101"}), "999")
    assert "Ukendt kommunekode" in error.message and "630 for Vejle" in error.message


def test_optional_keeps_empty_as_none_and_validates_the_rest():
    assert optional(validate_phone, "") is None
    assert optional(validate_phone, None) is None
    assert optional(validate_phone, "  ") is None
    assert optional(validate_phone, "75123456") == "+4575123456"
    with pytest.raises(ValidationError):
        optional(validate_phone, "123")


@pytest.mark.parametrize("validator, value", [
    (validate_pnr, "000000000²"),
    (validate_pnr, "١٢٣٤٥٦٧٨٩٠"),          # Arabic-Indic digits
    (validate_postcode, "٧١٠٠"),
    (validate_phone, "7512345²"),
])
def test_digits_from_other_scripts_are_refused_with_a_message(validator, value):
    # str.isdigit() accepts these, and int() of "²" crashes: the user gets a message instead.
    with pytest.raises(ValidationError):
        validator(value)


def test_counts_with_superscript_digits_are_a_validation_error_not_a_crash():
    from lokomotiv_desktop.domain.company_rules import parse_count

    with pytest.raises(ValidationError, match="helt tal"):
        parse_count("employees", "2²")
