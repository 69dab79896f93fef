"""CPR numbers are spotted in free text and column headers and refused."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.domain.cpr import cpr_columns, find_cpr, refuse_cpr
from lokomotiv_desktop.domain.validation import ValidationError


@pytest.mark.parametrize("text, found", [
    ("010190-1234", "010190-1234"),
    ("Hans, cpr 241270-1235, ringer i morgen", "241270-1235"),
    ("0101901234", "0101901234"),
    ("010190 1234", "010190 1234"),
    ("310199–4321 (tankestreg)", "310199–4321"),
    ("født 290200-1234", "290200-1234"),  # 29 February in a possible leap year
    ("første 3112991234 anden 0101001234", "3112991234"),
    ("P-nr. 1012345678 og cpr 150585-9999", "150585-9999"),
    ("Stop nr 1012345678", "1012345678"),  # "nr" after another word is no P-nummer label
])
def test_find_cpr_returns_the_first_cpr_shaped_number(text, found):
    assert find_cpr(text) == found


def test_modulus_11_is_not_required():
    # 010190-1234 fails the old modulus-11 check; numbers issued since 2007 may too.
    assert find_cpr("010190-1234") == "010190-1234"


@pytest.mark.parametrize("text", [
    "", None, "Ring til Anne på 20 30 40 50", "tlf 20304050", "CVR 13748136",
    "3201901234",       # day 32
    "0113901234",       # month 13
    "0001901234",       # day 0
    "310490-1234",      # 31 April
    "290201-1234",      # 29 February 2001/1901 did not exist
    "12345678901",      # 11 digits: part of a longer run
    "EAN 5701234567890",
    "P-nummer 1012345678", "p-nr: 1012345678", "pnr 2011345678", "P.nr. 1012345678",
    "Møde 2026-12-03 kl. 10.00",
    "01019-01234",      # dash in the wrong place
])
def test_find_cpr_ignores_what_is_not_a_cpr_number(text):
    assert find_cpr(text) is None


def test_a_p_number_label_does_not_excuse_a_dashed_cpr_number():
    assert find_cpr("P-nr 101234-5678") == "101234-5678"


def test_refuse_cpr_raises_the_danish_message():
    with pytest.raises(ValidationError) as caught:
        refuse_cpr("note", "Note", "Hans 010190-1234")
    assert caught.value.field == "note"
    assert caught.value.message == ("«Note» ligner et CPR-nummer (ddmmåå-xxxx). "
                                    "Lokomotiv gemmer ikke CPR-numre; fjern det.")


def test_refuse_cpr_lets_other_text_through():
    assert refuse_cpr("note", "Note", "Ring til Hans 20304050") == "Ring til Hans 20304050"
    assert refuse_cpr("note", "Note", None) is None


def test_cpr_columns_finds_every_spelling():
    headers = ["Navn", "CPR", "cpr-nr", "CPR nummer", "personnummer", "cprnr", "Personnr.",
               " CPR-NR. ", "Medarbejder CPR", "Cpr_nummer", "P-nr", "CVR", "CPR-kursus",
               "Person", "Nummer"]
    assert cpr_columns(headers) == ["CPR", "cpr-nr", "CPR nummer", "personnummer", "cprnr",
                                    "Personnr.", " CPR-NR. ", "Medarbejder CPR", "Cpr_nummer"]
    assert cpr_columns([]) == []
