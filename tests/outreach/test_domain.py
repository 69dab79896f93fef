"""Validation of what a consultant types about visits, sessions and KPI targets."""
from __future__ import annotations

from datetime import date, time

import pytest

from lokomotiv_desktop.domain import outreach_rules as rules
from lokomotiv_desktop.domain.outreach import MessengerRole, SessionFormat, VisitKind
from lokomotiv_desktop.domain.validation import ValidationError


@pytest.mark.parametrize("text, expected", [
    ("2026-12-01", date(2026, 12, 1)), ("1.12.2026", date(2026, 12, 1)),
    ("01-12-2026", date(2026, 12, 1)), (" 24/12/2026 ", date(2026, 12, 24)),
])
def test_dates_iso_and_danish(text, expected):
    assert rules.parse_date("date", text) == expected


@pytest.mark.parametrize("text", ["2026-13-01", "31.2.2026", "i morgen", "2026/12"])
def test_bad_date_says_how_to_write_it(text):
    with pytest.raises(ValidationError) as err:
        rules.parse_date("date", text)
    assert err.value.field == "date"
    assert "ikke en gyldig dato" in err.value.message and "Skriv fx 1.12.2026" in err.value.message


def test_missing_date():
    with pytest.raises(ValidationError, match="Dato mangler"):
        rules.parse_date("date", "  ")


@pytest.mark.parametrize("text, expected", [("09:30", time(9, 30)), ("9.30", time(9, 30)),
                                            ("", None), (None, None)])
def test_times(text, expected):
    assert rules.parse_time("time", text) == expected


@pytest.mark.parametrize("text", ["25:00", "9:75", "halv ti"])
def test_bad_time(text):
    with pytest.raises(ValidationError, match="Klokkeslæt"):
        rules.parse_time("time", text)


def test_kinds_and_formats_accept_danish_letters_folded():
    assert rules.parse_visit_kind("foerste moede") is VisitKind.FOERSTE_MOEDE
    assert rules.parse_visit_kind("Første møde") is VisitKind.FOERSTE_MOEDE
    assert rules.parse_session_format("POELSEVOGN") is SessionFormat.POELSEVOGN
    assert [k.value for k in VisitKind] == [
        "telefonmøde", "første møde", "opfølgning", "nøglepersonkursus", "andet"]
    assert [f.value for f in SessionFormat] == [
        "informationsmøde", "pølsevogn", "nøglepersonkursus", "temamøde", "andet"]


def test_unknown_kind_lists_the_choices():
    with pytest.raises(ValidationError) as err:
        rules.parse_visit_kind("kaffe")
    assert err.value.field == "kind"
    assert "telefonmøde" in err.value.message and "nøglepersonkursus" in err.value.message


def test_messengers_parsed_once_each_in_order():
    assert rules.parse_messengers("TR, leder,tr") == [MessengerRole.TR, MessengerRole.LEDER]
    assert rules.parse_messengers(["ambassadoer", "kollega"]) == [
        MessengerRole.AMBASSADOER, MessengerRole.KOLLEGA]
    assert MessengerRole.TR.label == "TR"
    with pytest.raises(ValidationError, match="kollega"):
        rules.parse_messengers(["præst"])


def test_counts_and_percent():
    assert rules.parse_count("invited", "Inviterede", " 40 ") == 40
    assert rules.parse_count("invited", "Inviterede", "") is None
    with pytest.raises(ValidationError, match="Inviterede skal være et helt tal"):
        rules.parse_count("invited", "Inviterede", "-3")
    assert rules.parse_percent("t", "80 %") == 80.0
    assert rules.parse_percent("t", "72,5") == 72.5
    with pytest.raises(ValidationError, match="mellem 0 og 100"):
        rules.parse_percent("t", "120")


def test_next_step_needs_a_due_date_and_vice_versa():
    day = date(2026, 12, 1)
    rules.check_next_step("", None, day)
    rules.check_next_step("Ring", date(2026, 12, 1), day)
    with pytest.raises(ValidationError, match="mangler en frist"):
        rules.check_next_step("Ring til HR", None, day)
    with pytest.raises(ValidationError, match="intet næste skridt"):
        rules.check_next_step("", date(2026, 12, 8), day)
    with pytest.raises(ValidationError, match="ligger før mødet"):
        rules.check_next_step("Ring", date(2026, 11, 30), day)


def test_session_counts_must_fit_inside_each_other():
    rules.check_session_counts(40, 31, 22)
    rules.check_session_counts(None, 31, None)
    with pytest.raises(ValidationError, match="flere fremmødte"):
        rules.check_session_counts(10, 11, None)
    with pytest.raises(ValidationError, match="flere tilmeldt screening"):
        rules.check_session_counts(None, 5, 6)


def test_reklamebeskyttet_needs_explicit_confirmation():
    rules.check_company_asked(False, False, "X")
    rules.check_company_asked(True, True, "X")
    with pytest.raises(ValidationError) as err:
        rules.check_company_asked(True, False, "Fredet Bageri ApS")
    assert "Fredet Bageri ApS er reklamebeskyttet" in err.value.message
    assert "selv har bedt om" in err.value.message


def test_day_note_names_danish_holidays_and_weekends():
    assert rules.day_note(date(2026, 12, 25)) == "25.12.2026 er en helligdag (Juledag)."
    assert "Kristi himmelfartsdag" in rules.day_note(date(2026, 5, 14))
    assert rules.day_note(date(2026, 12, 5)) == "5.12.2026 er en lørdag."
    assert rules.day_note(date(2026, 12, 8)) is None


def test_week_ends_on_sunday():
    assert rules.week_end(date(2026, 12, 2)) == date(2026, 12, 6)  # Wednesday -> Sunday
    assert rules.week_end(date(2026, 12, 6)) == date(2026, 12, 6)
