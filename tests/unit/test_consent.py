"""Consent per purpose: parsing, the witness rule and validity on a day."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from lokomotiv_desktop.domain.consent import (
    Consent,
    ConsentHow,
    ConsentPurpose,
    check_consent,
    check_withdrawal,
    has_valid_consent,
    is_valid,
    parse_how,
    parse_purpose,
)
from lokomotiv_desktop.domain.validation import ValidationError

MARCH = date(2026, 3, 1)


def test_purposes_have_danish_labels():
    assert [(p.value, p.label) for p in ConsentPurpose] == [
        ("screening", "Screening"), ("course", "Kursusplanlægning"),
        ("school", "Deling af resultater med skolen")]


@pytest.mark.parametrize("typed, purpose", [
    ("screening", ConsentPurpose.SCREENING), (" SCREENING ", ConsentPurpose.SCREENING),
    ("Kursusplanlægning", ConsentPurpose.COURSE), ("kursusplanlaegning", ConsentPurpose.COURSE),
    ("course", ConsentPurpose.COURSE), ("Deling af resultater med skolen", ConsentPurpose.SCHOOL),
    ("school", ConsentPurpose.SCHOOL), ("skolen", ConsentPurpose.SCHOOL)])
def test_parse_purpose(typed, purpose):
    assert parse_purpose(typed) is purpose


@pytest.mark.parametrize("typed", ["markedsføring", "", None])
def test_parse_purpose_refuses_with_the_choices(typed):
    with pytest.raises(ValidationError) as caught:
        parse_purpose(typed)
    assert caught.value.field == "purpose"
    assert ("Screening, Kursusplanlægning eller Deling af resultater med skolen"
            in caught.value.message)


@pytest.mark.parametrize("typed, how", [
    ("skriftlig", ConsentHow.SKRIFTLIG), ("Skriftligt", ConsentHow.SKRIFTLIG),
    ("MUNDTLIG", ConsentHow.MUNDTLIG), (" mundtligt ", ConsentHow.MUNDTLIG)])
def test_parse_how(typed, how):
    assert parse_how(typed) is how


@pytest.mark.parametrize("typed", ["per sms", ""])
def test_parse_how_refuses(typed):
    with pytest.raises(ValidationError) as caught:
        parse_how(typed)
    assert caught.value.field == "how"
    assert "skriftlig eller mundtlig" in caught.value.message


def test_oral_consent_needs_a_witness():
    for witness in ("", "   ", None):
        with pytest.raises(ValidationError) as caught:
            check_consent("mundtlig", witness)
        assert caught.value.field == "witness"
        assert caught.value.message == "Mundtligt samtykke kræver et vidne."
    assert check_consent("Mundtligt", " Bo Holm ") == "Bo Holm"
    assert check_consent(ConsentHow.SKRIFTLIG, None) == ""
    with pytest.raises(ValidationError):
        check_consent("telepati", "Bo")


def test_withdrawal_cannot_come_before_the_consent():
    check_withdrawal(MARCH, None)
    check_withdrawal(MARCH, MARCH)
    with pytest.raises(ValidationError) as caught:
        check_withdrawal(MARCH, date(2026, 2, 28))
    assert caught.value.field == "withdrawn_on"


def test_is_valid_from_the_day_given_until_the_day_withdrawn():
    consent = Consent(ConsentPurpose.SCREENING, MARCH, ConsentHow.SKRIFTLIG,
                      withdrawn_on=date(2026, 6, 1))
    assert not is_valid(consent, date(2026, 2, 28))
    assert is_valid(consent, MARCH)
    assert is_valid(consent, date(2026, 5, 31))
    assert not is_valid(consent, date(2026, 6, 1))  # withdrawn that day: no longer valid
    assert is_valid(Consent(ConsentPurpose.SCREENING, MARCH, ConsentHow.SKRIFTLIG),
                    date(2040, 1, 1))


def row(**changes) -> dict:
    base = {"purpose": "screening", "given_on": "2026-03-01", "how": "mundtlig",
            "witness": "Bo Holm", "withdrawn_on": None, "deleted": 0}
    return {**base, **changes}


def test_has_valid_consent_reads_stored_rows():
    on = date(2026, 4, 1)
    assert has_valid_consent([row()], "screening", on)
    assert has_valid_consent([row()], ConsentPurpose.SCREENING, on)
    assert not has_valid_consent([row()], "course", on)
    assert not has_valid_consent([row(deleted=1)], "screening", on)
    assert not has_valid_consent([row(withdrawn_on="2026-03-15")], "screening", on)
    assert has_valid_consent([row(withdrawn_on="")], "screening", on)
    assert not has_valid_consent([row(given_on="2026-05-01")], "screening", on)
    assert not has_valid_consent([row(given_on="")], "screening", on)
    assert not has_valid_consent([row(purpose="markedsføring")], "screening", on)
    assert has_valid_consent([row(given_on="2026-03-01T10:15:00+00:00")], "screening", on)
    assert has_valid_consent([row(given_on=datetime(2026, 3, 1, 9))], "screening", on)
    assert not has_valid_consent([], "screening", on)


def test_has_valid_consent_takes_any_valid_one_and_mixes_rows_and_objects():
    on = date(2026, 9, 1)
    withdrawn = row(withdrawn_on="2026-06-01")
    renewed = Consent(ConsentPurpose.SCREENING, date(2026, 8, 1), ConsentHow.SKRIFTLIG)
    assert has_valid_consent([withdrawn, renewed], "Screening", on)
    assert not has_valid_consent([withdrawn, row(deleted=1, given_on="2026-08-01")],
                                 "screening", on)


def test_has_valid_consent_refuses_an_unknown_purpose():
    with pytest.raises(ValidationError):
        has_valid_consent([row()], "reklame", MARCH)
