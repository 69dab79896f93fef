"""The one way to write dates and phone numbers, and Danish alphabetical order."""
from __future__ import annotations

import sqlite3
from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from lokomotiv_desktop.domain.danish_format import (
    date_time,
    display_phone,
    field_date,
    long_date,
    short_date,
    sort_key,
)
from lokomotiv_desktop.store.connection import COLLATION, connect, register_collation

DEC_2 = date(2026, 12, 2)  # a Wednesday


def test_field_date_has_no_leading_zeros():
    assert field_date(DEC_2) == "2.12.2026"
    assert field_date(date(2027, 1, 5)) == "5.1.2027"


def test_long_date_names_weekday_and_month():
    assert long_date(DEC_2) == "onsdag 2. december 2026"
    assert long_date(date(2027, 3, 1)) == "mandag 1. marts 2027"


def test_short_date_has_short_weekday_and_no_year():
    assert short_date(DEC_2) == "ons. 2.12."
    assert short_date(date(2026, 12, 3)) == "tors. 3.12."


def test_date_time_uses_kl_and_a_dot():
    assert date_time(datetime(2026, 12, 2, 14, 5)) == "2.12.2026 kl. 14.05"
    assert date_time(datetime(2026, 12, 2, 8, 0)) == "2.12.2026 kl. 08.00"


def test_danish_phone_in_pairs():
    assert display_phone("+4553555569") == "53 55 55 69"
    assert display_phone("53555569") == "53 55 55 69"


def test_foreign_phone_in_international_grouping():
    assert display_phone("+46701234567") == "+46 70 123 45 67"


def test_no_phone_is_empty_and_garbage_is_shown_as_stored():
    assert display_phone(None) == ""
    assert display_phone("") == ""
    assert display_phone("ring til Hanne") == "ring til Hanne"


def test_ae_oe_aa_come_after_z_in_that_order():
    names = ["Ålborg", "Østergaard", "Ærø", "Zealand", "Aabenraa", "Bager"]
    assert sorted(names, key=sort_key) == [
        "Bager", "Zealand", "Ærø", "Østergaard", "Aabenraa", "Ålborg",
    ]


def test_aa_sorts_as_aa_and_case_does_not_matter():
    assert sorted(["Aarhus", "abe", "Århus", "Zoo"], key=sort_key) == [
        "abe", "Zoo", "Aarhus", "Århus",
    ]
    assert sorted(["bent", "Anna", "anders"], key=sort_key) == ["anders", "Anna", "bent"]


def test_accented_letters_sort_with_their_base_letter():
    assert sorted(["Ezra", "Éva", "Erik", "Fisk"], key=sort_key) == [
        "Erik", "Éva", "Ezra", "Fisk",
    ]


def test_german_and_swedish_vowels_sort_as_ae_and_oe():
    assert sorted(["Öresund", "Ølby", "Ørum", "Zebra"], key=sort_key)[0] == "Zebra"


def _sql_order(names: list[str], conn: sqlite3.Connection) -> list[str]:
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS n (name TEXT)")
    conn.execute("DELETE FROM n")
    conn.executemany("INSERT INTO n VALUES (?)", [(name,) for name in names])
    return [r[0] for r in conn.execute(f"SELECT name FROM n ORDER BY name COLLATE {COLLATION}")]


def test_store_connections_have_the_collation(tmp_path):
    db = connect(tmp_path / "store.db")
    names = ["Åbyhøj Bageri", "Zacho ApS", "Aalborg Værft", "Ærø Rederi", "Bent"]
    assert _sql_order(names, db.conn) == sorted(names, key=sort_key)


_LETTERS = "abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅéüöä -&."
_NAME = st.text(alphabet=_LETTERS, min_size=0, max_size=12) | st.sampled_from(
    ["Aa", "aa", "Å", "å", "AA", "Aabenraa", "Århus", "Aarhus", "Ø", "ø", "Æ"]
)

_CONN = sqlite3.connect(":memory:")
register_collation(_CONN)


@settings(max_examples=200, deadline=None)
@given(st.lists(_NAME, max_size=30))
def test_sql_order_equals_python_order(names):
    assert _sql_order(names, _CONN) == sorted(names, key=sort_key)
