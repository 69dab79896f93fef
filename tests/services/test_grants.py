"""The association's financing (issue 13): basic grant = rate × P-numbers (the count entered
by hand when there is one), activity lines, the total, kroner the Danish way, and the
association's price example for Horsens reproduced from resources/data/grants.json."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from lokomotiv_desktop.domain import grants as arithmetic
from lokomotiv_desktop.domain.grants import ActivityLine, Grant, PnrCount, kroner, parse_kroner
from lokomotiv_desktop.domain.validation import ValidationError
from lokomotiv_desktop.services import association, grants
from lokomotiv_desktop.sync.identity import natural_id

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(("amount", "text"), [
    (12340, "12.340,00 kr."), (0, "0,00 kr."), (Decimal("7.5"), "7,50 kr."),
    (999, "999,00 kr."), (1000, "1.000,00 kr."), (1234567.891, "1.234.567,89 kr."),
    ("2750.505", "2.750,51 kr."), (0.1 + 0.2, "0,30 kr."),
])
def test_kroner_are_written_the_danish_way(amount, text):
    assert kroner(amount) == text


@pytest.mark.parametrize(("typed", "value"), [
    ("10", "10.00"), ("10,50", "10.50"), ("12.340,50", "12340.50"), ("12.340", "12340.00"),
    ("12340.5", "12340.50"), ("2.750,50 kr.", "2750.50"), (" 1 000 ", "1000.00"),
])
def test_typed_amounts_are_read(typed, value):
    assert parse_kroner("amount", typed) == Decimal(value)


@pytest.mark.parametrize(("typed", "message"), [
    ("", "mangler"), ("ti", "er ikke et beløb"), ("-5", "negativt"), ("1,005", "to decimaler"),
])
def test_bad_amounts_are_refused_in_danish(typed, message):
    with pytest.raises(ValidationError, match=message):
        parse_kroner("amount", typed)


def test_the_override_counts_instead_of_the_extract():
    lines = (ActivityLine("Screeningsdag", Decimal("2400")),)
    extract = Grant(Decimal(10), PnrCount(counted=1200, counted_on=TODAY), lines)
    assert (extract.basic, extract.activity_total, extract.total) == (12000, 2400, 14400)
    by_hand = Grant(Decimal(10), PnrCount(1200, TODAY, override=1234, reason="x"), lines)
    assert by_hand.pnr.used == 1234 and by_hand.total == Decimal("14740.00")


def test_the_horsens_price_example_is_reproduced_from_its_figures(store):
    example = arithmetic.load()["examples"]["horsens"]
    assert "UNCONFIRMED" in example["_note"]
    code, year = example["municipality_code"], example["year"]
    association.add_municipality_member(store, code, "1.1.2024")
    grants.set_rate(store, year, example["per_pnr"])
    grants.pnr_count(store, code, year, count=example["pnr_count"], reason="Prøveeksempel")
    for line in example["activities"]:
        grants.add_activity(store, code, year, line["task"], str(line["amount"]))
    found = grants.statement(store, code, year)
    # By hand: 4 382 P-numre × 10 kr. = 43 820 kr.; 18 500 + 9 600 + 2 750,50 = 30 850,50 kr.
    assert found["basic"] == 43820 and found["activity_total"] == 30850.5
    assert found["total"] == 74670.5 and kroner(found["total"]) == "74.670,50 kr."
    assert found["municipality"] == {"code": "615", "name": "Horsens"}
    assert [a["task"] for a in found["activities"]] == sorted(a["task"] for a in
                                                              example["activities"])


def test_every_year_2024_to_2027_has_todays_rate_of_ten_kroner(store):
    assert all(grants.rate(store, y) == 10 for y in range(2024, 2028))
    assert grants.rate(store, 2031) is None
    grants.set_rate(store, 2027, "12,50")
    assert grants.rate(store, 2027) == Decimal("12.50")
    grants.set_rate(store, 2027, "11")  # the same row again: its id comes from the year
    assert store.db.execute("SELECT count(*), max(id) FROM grant_rate").fetchone() == (
        1, natural_id("grant_rate", "2027"))


def _unit(store, cvr: str, pnr: str, code: str, deleted: bool = False) -> None:
    company = natural_id("company", cvr)
    if not store.db.execute("SELECT 1 FROM company WHERE id = ?", [company]).fetchone():
        store.changes.insert("company", {"cvr": cvr, "name": f"Firma {cvr}",
                                         "municipality_code": code}, row_id=company)
    unit = store.changes.insert("production_unit", {"company_id": company, "pnr": pnr,
                                                    "municipality_code": code},
                                row_id=natural_id("production_unit", pnr))
    if deleted:
        store.changes.delete("production_unit", unit)


def test_the_count_comes_from_the_live_production_units_with_its_date(store):
    with store.transaction():
        _unit(store, "10000001", "1000000001", "615")
        _unit(store, "10000001", "1000000002", "615")
        _unit(store, "10000002", "1000000003", "615", deleted=True)
        _unit(store, "10000003", "1000000004", "630")
    row = grants.pnr_count(store, "615", 2027, today=TODAY)
    assert (row["counted"], row["counted_on"], row["override"]) == (2, "2026-12-03", None)
    row = grants.pnr_count(store, "615", 2027, count="4.382", reason="Udtrækket er delvist")
    assert (row["counted"], row["override"], row["reason"]) == (2, 4382, "Udtrækket er delvist")
    assert store.db.execute("SELECT id FROM pnr_count").fetchall() == [
        (natural_id("pnr_count", "615/2027"),)]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"count": 100}, "skal have en begrundelse"),
    ({"count": "mange", "reason": "x"}, "helt tal"),
    ({"reason": "uden tal"}, "En begrundelse hører til"),
])
def test_a_hand_count_needs_a_reason_and_a_number(store, kwargs, message):
    with pytest.raises(ValidationError, match=message):
        grants.pnr_count(store, "615", 2027, **kwargs)
    assert store.db.execute("SELECT count(*) FROM pnr_count").fetchone()[0] == 0


def test_bad_year_municipality_and_task_are_refused(store):
    with pytest.raises(ValidationError, match="årstal"):
        grants.set_rate(store, "27", 10)
    with pytest.raises(ValidationError, match="ingen kommune"):
        grants.add_activity(store, "999", 2027, "Temamøde", 100)
    with pytest.raises(ValidationError, match="navn"):
        grants.add_activity(store, "615", 2027, " ", 100)
    assert store.db.execute("SELECT count(*) FROM activity_grant").fetchone()[0] == 0


def test_statements_are_written_for_the_members_of_the_year_only(store, tmp_path):
    association.add_municipality_member(store, "615", "1.1.2024")
    association.add_municipality_member(store, "751", "1.1.2024")
    association.end_membership(store, municipality="751", until="31.12.2025")
    association.add_organisation_member(store, "DI", "1.1.2024")
    out = tmp_path / "tilskud"
    with pytest.raises(ValidationError, match="Horsens Kommune har intet antal P-numre"):
        grants.write_statements(store, 2027, out)
    assert not out.exists()  # nothing written on bad data
    grants.pnr_count(store, "615", 2027, count=4382, reason="Fra kommunen")
    paths = grants.write_statements(store, 2027, out)
    assert [p.name for p in paths] == ["tilskud-2027-615-horsens.pdf", "tilskud-2027-oversigt.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in paths)
    assert not list(out.glob(".*.part"))
