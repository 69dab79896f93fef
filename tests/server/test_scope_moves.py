"""Rows that leave a konsulent's municipalities ("evict" pull items), erasing unknown ids,
and pulls that skip what the puller pushed itself (echo)."""
from __future__ import annotations

from .conftest import cid, company, count


def _kinds(items):
    return [(i["kind"], i["row_id"]) for i in items]


def test_a_row_moved_away_is_evicted_with_its_children_and_returns_when_moved_back(login):
    kim, anna, bo = login("kim"), login("anna"), login("bo")
    kim.push(company(kim, cid("c1"), "615"), kim.change("contact", "p1", company_id=cid("c1"), name="Ida"),
             company(kim, cid("c2"), "615"))
    cursor = anna.pull()["next"]
    kim.push(kim.change("company", cid("c1"), municipality_code="630"))
    page = anna.pull(cursor)
    assert _kinds(page["items"]) == [("evict", cid("c1")), ("evict", "p1")]
    assert page["items"][0]["values"] == {} and page["items"][0]["clocks"] == {}
    assert {(k, r) for k, r in _kinds(bo.pull_all())} == {("row", cid("c1")), ("row", "p1")}
    # Back in 615: anna pulls the rows again, and no longer any eviction.
    kim.push(kim.change("company", cid("c1"), municipality_code="615"))
    assert sorted(_kinds(anna.pull(page["next"])["items"])) == [("row", cid("c1")), ("row", "p1")]
    assert ("evict", cid("c1")) not in _kinds(anna.pull_all())
    assert ("evict", cid("c1")) in _kinds(bo.pull_all())  # now bo's copy is the stale one


def test_a_koordinator_never_gets_evictions_and_moves_are_kept_small(login, backend):
    kim = login("kim")
    kim.push(company(kim, cid("c1"), "615"))
    for municipality in ("630", "615", "630", "615"):
        kim.push(kim.change("company", cid("c1"), municipality_code=municipality))
    assert all(i["kind"] == "row" for i in kim.pull_all())
    # One record per row and municipality it left, with the seq of the latest move.
    assert count(backend, "SELECT count(*) FROM scope_move") == 2


def test_a_stale_edit_of_a_row_that_moved_away_is_refused_with_evict(login, backend):
    kim, anna = login("kim"), login("anna")
    kim.push(company(kim, cid("c1"), "615"))
    kim.push(kim.change("company", cid("c1"), municipality_code="630"))
    edit, child, mine = anna.push(
        anna.change("company", cid("c1"), name="Gammel viden"),
        anna.change("contact", "p1", company_id=cid("c1"), name="Ny kontakt"),
        company(anna, cid("c9"), "615"))["results"]
    assert (edit["reason"], edit["evict"]) == ("scope", True)
    assert (child["reason"], child["evict"]) == ("scope", True)
    assert mine["status"] == "applied" and mine["evict"] is False
    assert count(backend, "SELECT count(*) FROM row_state WHERE id = 'p1'") == 0


def test_a_refused_move_out_of_scope_does_not_evict(login):
    anna = login("anna")
    anna.push(company(anna, cid("c1"), "615"))
    [moved, _] = anna.push(anna.change("company", cid("c1"), municipality_code="630"),
                           company(anna, cid("c2"), "615"))["results"]
    assert (moved["reason"], moved["evict"]) == ("scope", False)


def test_erasing_an_id_the_server_never_saw_reaches_every_laptop(login):
    anna, bo, kim = login("anna"), login("bo"), login("kim")
    response = anna.client.post("/api/v1/erase", headers=anna.headers,
                                json={"table": "contact", "row_id": "ukendt"})
    assert response.json()["erased"] == [["contact", "ukendt"]]
    for api in (anna, bo, kim):
        assert _kinds(api.pull_all()) == [("erase", "ukendt")]


def _push_with_cursor(api, cursor, *changes):
    response = api.client.post("/api/v1/push", headers=api.headers, json={
        "device_id": api.device, "changes": list(changes), "cursor": cursor})
    assert response.status_code == 200, response.text
    return response.json()["results"]


def test_a_pull_skips_what_the_same_device_pushed_when_it_said_its_cursor(login):
    anna, other = login("anna"), login("anna", "annas-tablet")
    _push_with_cursor(anna, 0, company(anna, cid("c1")), company(anna, cid("c2")))
    page = anna.pull()
    assert page["items"] == [] and page["next"] == 2  # nothing new, cursor still moves
    assert {i["row_id"] for i in other.pull_all()} == {cid("c1"), cid("c2")}
    # Another device's edit is pulled; so is a change of ours that lost a field.
    other.push(other.change("company", cid("c1"), name="Tablet"))
    stale = anna.change("company", cid("c1"), name="Ældre")
    stale["clocks"]["name"] = "1600000000000.00000.annas-laptop"  # older than the tablet's
    [result] = _push_with_cursor(anna, 2, stale)
    assert result["status"] == "conflict"
    items = anna.pull(2)["items"]
    assert [(i["row_id"], i["values"]["name"]) for i in items if i["kind"] == "row"] == [
        (cid("c1"), "Tablet")]


def test_a_push_without_cursor_leaves_the_pull_as_it_was(login):
    anna = login("anna")
    anna.push(company(anna, cid("c1")))
    assert [i["row_id"] for i in anna.pull()["items"]] == [cid("c1")]


def test_a_version_1_database_is_brought_up_to_date(tmp_path):
    from lokomotiv_desktop.server.backend import open_backend
    from lokomotiv_desktop.server.schema import SCHEMA_VERSION

    backend = open_backend(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        backend.init_schema()
        with backend.write() as db:  # what a version-1 server left behind
            db.execute("ALTER TABLE row_state DROP COLUMN echo")
            db.execute("DROP TABLE scope_move")
            db.execute("UPDATE server_meta SET value = '1' WHERE key = 'schema'")
        backend.init_schema()
        with backend.read() as db:
            assert db.one("SELECT value FROM server_meta WHERE key = 'schema'") == (
                str(SCHEMA_VERSION),)
            assert db.all("SELECT echo FROM row_state") == []
            assert db.all("SELECT * FROM scope_move") == []
    finally:
        backend.close()
