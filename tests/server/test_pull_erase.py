"""Pull (paging, scope) and GDPR erasure."""
from __future__ import annotations

from lokomotiv_desktop.sync.identity import natural_id

from .conftest import cid, company, count

UNIT = natural_id("production_unit", "1000000001")  # a P-unit's id comes from its P-nummer


def test_pull_pages_in_seq_order_and_the_cursor_only_moves_forward(login):
    kim = login("kim")
    kim.push(*[company(kim, f"c{i}") for i in range(7)])
    first = kim.pull(0, limit=3)
    assert [i["seq"] for i in first["items"]] == [1, 2, 3]
    assert first["more"] is True and first["next"] == 3
    items = kim.pull_all(limit=3)
    assert [i["seq"] for i in items] == list(range(1, 8))
    last = kim.pull(7)
    assert last == {"items": [], "next": 7, "more": False}


def test_pull_returns_the_latest_state_once(login):
    kim = login("kim")
    kim.push(company(kim, cid("c1")), kim.change("company", cid("c1"), name="Nyt navn"))
    [item] = kim.pull_all()
    assert item["values"]["name"] == "Nyt navn" and item["seq"] == 2
    assert set(item["clocks"]) == {"name", "cvr", "municipality_code"}


def test_a_pull_never_leaks_rows_out_of_scope(login):
    kim, anna, bo = login("kim"), login("anna"), login("bo")
    a1, b1, n1 = cid("a1"), cid("b1"), cid("n1")
    kim.push(company(kim, a1, "615"), company(kim, b1, "630"), company(kim, n1, None),
             kim.change("contact", "pa", company_id=a1, name="Ida"),
             kim.change("contact", "pb", company_id=b1, name="Ole"))
    kim.push(kim.change("company", a1, name="Opdateret"))
    _erase(bo, "company", b1)  # a koordinator may not erase (server/roles.py)
    assert {(i["kind"], i["row_id"]) for i in anna.pull_all(limit=2)} == {
        ("row", a1), ("row", "pa")}
    assert {(i["kind"], i["row_id"]) for i in bo.pull_all()} == {
        ("erase", b1), ("erase", "pb")}
    assert {i["row_id"] for i in kim.pull_all()} == {a1, b1, n1, "pa", "pb"}


def test_pull_with_bad_parameters_is_422(login):
    anna = login("anna")
    for params in ({"since": -1}, {"limit": 0}, {"limit": 5001}, {"since": "abc"}):
        response = anna.client.get("/api/v1/pull", headers=anna.headers, params=params)
        assert response.status_code == 422 and response.json()["code"] == "validation"


def _erase(api, table, row_id, expect=200):
    response = api.client.post("/api/v1/erase", headers=api.headers,
                               json={"table": table, "row_id": row_id})
    assert response.status_code == expect, response.text
    return response.json()


def test_erasure_hard_deletes_the_row_and_personal_children_keeps_tombstones(login, backend):
    anna = login("anna")
    anna.push(company(anna, cid("c1")),
              anna.change("contact", "p1", company_id=cid("c1"), name="Ida"),
              anna.change("production_unit", UNIT, company_id=cid("c1"), pnr="1000000001"))
    assert _erase(anna, "company", cid("c1"))["erased"] == [["company", cid("c1")], ["contact", "p1"]]
    assert count(backend, "SELECT count(*) FROM row_state WHERE id IN (?, 'p1')",
                 [cid("c1")]) == 0
    assert count(backend, "SELECT count(*) FROM row_state WHERE id = ?", [UNIT]) == 1  # not personal
    assert count(backend, "SELECT count(*) FROM tombstone") == 2
    assert count(backend, "SELECT count(*) FROM audit WHERE action = 'erase'") == 2
    # Erasing again answers the same, writes nothing new.
    assert _erase(anna, "company", cid("c1"))["erased"] == [["company", cid("c1")], ["contact", "p1"]]
    assert count(backend, "SELECT count(*) FROM tombstone") == 2


def test_a_change_to_an_erased_row_is_refused_forever(login, backend):
    anna = login("anna")
    anna.push(company(anna, cid("c1")), anna.change("contact", "p1", company_id=cid("c1"), name="Ida"))
    _erase(anna, "contact", "p1")
    results = anna.push(anna.change("contact", "p1", name="Ida igen"),
                        anna.change("contact", "p2", company_id=cid("c1"), name="Ny"))["results"]
    assert results[0]["status"] == "rejected" and results[0]["reason"] == "erased"
    assert "GDPR" in results[0]["message"]
    assert results[1]["status"] == "applied"
    _erase(anna, "company", cid("c1"))
    [child] = anna.push(anna.change("contact", "p3", company_id=cid("c1"), name="Sen"))["results"]
    assert child["reason"] == "erased"  # a child of an erased row cannot arrive later either
    assert count(backend, "SELECT count(*) FROM row_state WHERE id IN ('p1', 'p3')") == 0


def test_erasure_appears_in_the_pull_stream(login):
    anna = login("anna")
    anna.push(company(anna, cid("c1")))
    cursor = anna.pull()["next"]
    _erase(anna, "company", cid("c1"))
    page = anna.pull(cursor)
    assert page["items"] == [{"seq": 2, "kind": "erase", "table": "company", "row_id": cid("c1"),
                              "values": {}, "clocks": {}}]


def test_konsulent_cannot_erase_outside_their_municipalities(login, backend):
    kim, anna = login("kim"), login("anna")
    kim.push(company(kim, cid("c1"), "630"))
    refused = _erase(anna, "company", cid("c1"), expect=403)
    assert refused["code"] == "scope"
    assert count(backend, "SELECT count(*) FROM tombstone") == 0
    assert _erase(anna, "company_typo", cid("c1"), expect=404)["code"] == "unknown_table"
