"""The server keeps only what every laptop can hold (issue 9, item 1 and 3): each pushed
value passes the table's rules (domain/row_rules.py), a new row comes with its required
fields, and stamps have the written shape and lie at most a few minutes ahead. Each
refusal is per change, with a reason and a Danish message; nothing of it is stored, and
the rest of the batch lands. On both backends."""
from __future__ import annotations

import json

import pytest

from lokomotiv_desktop.domain.row_rules import row_problems
from lokomotiv_desktop.sync.hlc import make_stamp, wall_ms

from .conftest import cid, company


def _stored(backend, row_id):
    with backend.read() as db:
        row = db.one("SELECT vals FROM row_state WHERE id = ?", [row_id])
    return json.loads(row[0]) if row else None


def _every_stored_row_is_holdable(backend):
    with backend.read() as db:
        rows = db.all("SELECT tbl, vals FROM row_state")
    for table, vals in rows:
        assert row_problems(table, json.loads(vals)) == {}, (table, vals)


@pytest.mark.parametrize("field, value, words", [
    ("name", None, "Navn: mangler"),
    ("name", "   ", "Navn: mangler"),
    ("phase", 99, "Fase: skal ligge mellem 1 og 5"),
    ("phase", "abc", "Fase: skal være et tal"),
    ("phase", 2.5, "Fase: skal være et helt tal"),
    ("cvr", "1234", "CVR-nummer skal have 8 cifre"),
    ("postcode", "12", "Postnummer skal være 4 cifre"),
    ("employees", "mange", "Ansatte"),
    ("marketing_protected", 7, "Reklamebeskyttet: skal være ja eller nej"),
    ("city", 42, "By: skal være tekst"),
    ("notes", "x" * 20_001, "Noter: er for lang"),
    ("municipality_code", "Vej", "Ukendt kommunekode"),
])
def test_a_value_the_domain_refuses_is_refused_with_a_danish_reason(login, backend, field,
                                                                     value, words):
    anna = login("anna")
    c1 = cid("values")
    anna.push(company(anna, c1))
    bad = anna.change("company", c1, **{field: value})
    good = anna.change("company", c1, city="Vejle")
    rejected, applied = anna.push(bad, good)["results"]
    assert (rejected["status"], rejected["reason"]) == ("rejected", "invalid_value")
    assert words in rejected["message"] and "ikke gemt" in rejected["message"]
    assert applied["status"] == "applied"  # the rest of the batch lands
    stored = _stored(backend, c1)
    assert stored["city"] == "Vejle" and stored.get(field) != value
    _every_stored_row_is_holdable(backend)


def test_a_new_row_without_its_required_fields_is_not_stored(login, backend):
    anna, kim = login("anna"), login("kim")
    c1 = cid("fragment")
    [fragment] = anna.push(anna.change("company", c1, municipality_code="615"))["results"]
    assert (fragment["status"], fragment["reason"]) == ("rejected", "incomplete")
    assert "navn" in fragment["message"] and "cvr-nummer" in fragment["message"]
    [nameless] = anna.push(anna.change("contact", "k1", company_id=cid("other"),
                                       phone="+4520202020"))["results"]
    assert nameless["reason"] in ("incomplete", "orphan")
    anna.push(company(anna, "c2"))
    [contact] = anna.push(anna.change("contact", "k2", company_id=cid("c2"),
                                      phone="+4520202020"))["results"]
    assert (contact["reason"], "navn" in contact["message"]) == ("incomplete", True)
    assert _stored(backend, c1) is None and _stored(backend, "k2") is None
    assert [i["row_id"] for i in kim.pull_all()] == [cid("c2")]
    _every_stored_row_is_holdable(backend)


def test_a_complete_row_may_come_in_two_changes_of_one_batch(login, backend):
    """A bulk insert travels without the fields edited after it; the edit follows in the
    same batch and completes the row."""
    anna = login("anna")
    c1 = cid("two-part")
    first = company(anna, c1)
    name = first["fields"].pop("name")
    first["clocks"].pop("name")
    results = anna.push(first, anna.change("company", c1, name=name))["results"]
    assert [r["status"] for r in results] == ["applied", "applied"]
    assert _stored(backend, c1)["name"] == name


def _with_stamp(change: dict, stamp: str) -> dict:
    return {**change, "clocks": dict.fromkeys(change["fields"], stamp)}


def test_a_stamp_from_the_future_is_refused_and_moves_no_clock(login, backend):
    anna, bo = login("anna"), login("bo")
    c1 = cid("future")
    anna.push(company(anna, c1))
    ahead = make_stamp(wall_ms() + 3_600_000, 0, "anna-laptop")
    [result] = anna.push(_with_stamp(anna.change("company", c1, city="Fremtid"), ahead))[
        "results"]
    assert (result["status"], result["reason"]) == ("rejected", "clock_ahead")
    assert "uret" in result["message"] or "ur " in result["message"]
    far = make_stamp(9_999_999_999_999, 99_999, "anna-laptop")
    assert anna.push(_with_stamp(anna.change("company", c1, city="X"), far))[
        "results"][0]["reason"] == "clock_ahead"
    assert _stored(backend, c1).get("city") is None
    # A minute ahead is an ordinary laptop clock: it is taken.
    soon = make_stamp(wall_ms() + 60_000, 0, "bo-laptop")
    assert bo.push(_with_stamp(company(bo, "c-bo", "630"), soon))["results"][0][
        "status"] == "applied"


@pytest.mark.parametrize("stamp", [
    "+700000000000.00000.anna-laptop",       # a sign
    "1_700000000000.00000.anna-laptop",      # underscores
    "1700000000000000.00000.anna-laptop",    # 16-digit milliseconds
    "1700000000000.00000.anna laptop",       # a space in the device id
    "1700000000000.0.anna-laptop",           # a short counter
])
def test_a_malformed_stamp_is_refused(login, backend, stamp):
    anna = login("anna")
    [result] = anna.push(_with_stamp(company(anna, "c-stamp"), stamp))["results"]
    assert (result["status"], result["reason"]) == ("rejected", "invalid_clock")
    assert _stored(backend, cid("c-stamp")) is None


def test_a_device_id_of_ten_thousand_characters_in_a_stamp_is_refused(login, backend):
    anna = login("anna")
    change = _with_stamp(company(anna, "c-long"), "1700000000000.00000." + "d" * 10_000)
    response = anna.client.post("/api/v1/push", headers=anna.headers,
                                json={"device_id": anna.device, "changes": [change]})
    if response.status_code == 200:
        assert response.json()["results"][0]["reason"] == "invalid_clock"
    else:
        assert response.status_code == 422 and response.json()["code"] == "validation"
    assert _stored(backend, cid("c-long")) is None


def test_a_nan_an_older_server_stored_breaks_no_pull_and_no_notice(login, backend):
    """NaN reached the store before pushes were checked: every pull covering the row, and
    the notice for the device whose NaN lost, must still be answerable (null in its place)."""
    anna, kim = login("anna"), login("kim")
    c1 = cid("legacy-nan")
    anna.push(company(anna, c1, phase=2))
    with backend.write() as db:
        vals = db.one("SELECT vals FROM row_state WHERE id = ?", [c1])[0]
        db.execute("UPDATE row_state SET vals = ? WHERE id = ?",
                   [vals.replace('"phase":2', '"phase":NaN'), c1])
    assert [i["values"]["phase"] for i in kim.pull_all()] == [None]
    kim._ms = anna._ms + 100
    [won] = kim.push(kim.change("company", c1, phase=3))["results"]  # beats the NaN
    assert won["status"] in ("applied", "conflict")
    assert anna.pull_all() and kim.pull_all() is not None
    assert _stored(backend, c1)["phase"] == 3
