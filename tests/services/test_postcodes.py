"""Postcode lookup from resources/data/postnumre.csv."""
from __future__ import annotations

from lokomotiv_desktop.services.postcodes import lookup


def test_a_known_postcode_gives_city_and_municipality():
    assert lookup("7100") == ("Vejle", "630")
    assert lookup("8000") == ("Aarhus C", "751")
    assert lookup(" 2100 ") == ("København Ø", "101")


def test_unknown_or_partial_postcodes_give_none():
    for text in ("", "710", "71000", "7l00", "0001"):
        assert lookup(text) is None
