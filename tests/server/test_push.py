"""Push: merge results, exactly-once, scope checks, validation, audit."""
from __future__ import annotations

from .conftest import cid, company, count


def _state(backend, row_id):
    import json

    with backend.read() as db:
        row = db.one("SELECT vals, scope, seq FROM row_state WHERE id = ?", [row_id])
    return (json.loads(row[0]), row[1], row[2]) if row else None


def test_a_new_row_is_applied_with_a_seq(login, backend):
    anna = login("anna")
    [result] = anna.push(company(anna, cid("c1")))["results"]
    assert result["status"] == "applied" and result["seq"] == 1
    values, scope, seq = _state(backend, cid("c1"))
    assert values["name"] == "Firma c1" and scope == "615" and seq == 1


def test_resent_change_returns_its_stored_result_and_is_applied_once(login, backend):
    anna = login("anna")
    change = company(anna, cid("c1"))
    first = anna.push(change)["results"]
    again = anna.push(change, change)["results"]  # resent, and duplicated within a batch
    assert again == [first[0], first[0]]
    assert count(backend, "SELECT count(*) FROM applied_change") == 1
    assert _state(backend, cid("c1"))[2] == 1  # no new seq
    assert count(backend, "SELECT count(*) FROM audit WHERE action = 'push'") == 1


def test_concurrent_edit_reports_a_conflict_with_both_values_and_who(login, backend):
    anna, kim = login("anna"), login("kim")
    create = company(anna, cid("c1"))
    anna.push(create)
    seen = {"name": create["clocks"]["name"]}
    kim.push(kim.change("company", cid("c1"), base=seen, name="Kims navn"))
    # Anna edited offline from the same base: her later stamp wins, Kim's value is the loser.
    anna._ms = kim._ms + 10
    [result] = anna.push(anna.change("company", cid("c1"), base=seen, name="Annas navn"))["results"]
    assert result["status"] == "conflict"
    [conflict] = result["conflicts"]
    assert conflict["winner_value"] == "Annas navn" and conflict["loser_value"] == "Kims navn"
    assert conflict["incoming_won"] is True and conflict["other_user"] == "kim"
    assert _state(backend, cid("c1"))[0]["name"] == "Annas navn"


def test_an_older_concurrent_edit_loses_and_is_reported_not_dropped(login, backend):
    anna, kim = login("anna"), login("kim")
    create = company(anna, cid("c1"))
    anna.push(create)
    seen = {"name": create["clocks"]["name"]}
    kim._ms = anna._ms + 100
    kim.push(kim.change("company", cid("c1"), base=seen, name="Kims navn"))
    [result] = anna.push(anna.change("company", cid("c1"), base=seen, name="Annas navn"))["results"]
    assert result["status"] == "conflict" and result["seq"] is None
    assert result["conflicts"][0]["loser_value"] == "Annas navn"
    assert result["conflicts"][0]["incoming_won"] is False
    assert _state(backend, cid("c1"))[0]["name"] == "Kims navn"


def test_an_edit_does_not_resurrect_a_deleted_row(login, backend):
    anna = login("anna")
    create = company(anna, cid("c1"))
    anna.push(create, anna.change("company", cid("c1"), deleted=1))
    anna.push(anna.change("company", cid("c1"), base={"name": create["clocks"]["name"]}, name="Ny"))
    values = _state(backend, cid("c1"))[0]
    assert values["deleted"] == 1 and values["name"] == "Ny"


def test_konsulent_pushing_only_to_another_municipality_gets_403_nothing_written(login, backend):
    anna = login("anna")
    changes = [company(anna, cid("c1"), "630"), company(anna, cid("c2"), "630")]
    response = anna.push(*changes, expect=403)
    assert response["code"] == "scope" and "intet er gemt" in response["error"]
    assert count(backend, "SELECT count(*) FROM row_state") == 0
    assert count(backend, "SELECT count(*) FROM audit WHERE action = 'push_refused'") == 1
    # Only the refusals are kept: a later copy of the request gets them (the sender has
    # filed them as refused), so it can never be applied after all.
    assert count(backend, "SELECT count(*) FROM applied_change") == 2
    again = anna.push(*changes)["results"]
    assert [(r["status"], r["reason"]) for r in again] == [("rejected", "scope")] * 2
    assert count(backend, "SELECT count(*) FROM row_state") == 0


def test_mixed_batch_gets_per_change_results(login, backend):
    anna = login("anna")
    results = anna.push(company(anna, "ok", "615"), company(anna, "no", "630"))["results"]
    assert [r["status"] for r in results] == ["applied", "rejected"]
    assert results[1]["reason"] == "scope" and "kommune" in results[1]["message"]
    assert _state(backend, cid("no")) is None and _state(backend, cid("ok")) is not None


def test_konsulent_cannot_move_a_row_out_of_scope_or_edit_foreign_rows(login, backend):
    anna, bo = login("anna"), login("bo")
    anna.push(company(anna, cid("c1"), "615"))
    bo.push(company(bo, cid("c2"), "630"))
    [moved] = anna.push(anna.change("company", cid("c1"), municipality_code="630"),
                        company(anna, cid("c3")))["results"][:1]
    assert moved["reason"] == "scope"
    [foreign] = anna.push(anna.change("company", cid("c2"), name="Hack"), company(anna, cid("c4")))[
        "results"][:1]
    assert foreign["reason"] == "scope"
    assert _state(backend, cid("c1"))[1] == "615" and _state(backend, cid("c2"))[0]["name"] == "Firma c2"


def test_child_resolves_scope_from_a_parent_earlier_in_the_same_batch(login, backend):
    anna = login("anna")
    results = anna.push(
        company(anna, cid("c1")),
        anna.change("contact", "p1", company_id=cid("c1"), name="Ida"),
    )["results"]
    assert [r["status"] for r in results] == ["applied", "applied"]
    assert _state(backend, "p1")[1] == "615"


def test_child_without_a_known_parent_is_rejected_as_orphan(login, backend):
    kim = login("kim")
    [result] = kim.push(kim.change("contact", "p1", company_id="nowhere", name="Ida"))["results"]
    assert result["status"] == "rejected" and result["reason"] == "orphan"
    assert _state(backend, "p1") is None


def test_children_follow_their_parent_to_a_new_municipality(login, backend):
    kim, bo = login("kim"), login("bo")
    kim.push(company(kim, cid("c1"), "615"), kim.change("contact", "p1", company_id=cid("c1"), name="Ida"))
    kim.push(kim.change("company", cid("c1"), municipality_code="630"))
    assert _state(backend, "p1")[1] == "630"
    assert {i["row_id"] for i in bo.pull_all()} == {cid("c1"), "p1"}


def test_unknown_table_field_and_bad_stamps_are_rejected_per_change(login, backend):
    kim = login("kim")
    bad_clock = company(kim, cid("c3"))
    bad_clock["clocks"]["name"] = "not-a-stamp"
    missing_clock = company(kim, cid("c4"))
    del missing_clock["clocks"]["cvr"]
    results = kim.push(
        kim.change("no_such_table", "x1", name="?"),
        kim.change("company", cid("c2"), municipality_code="615", shoe_size=44),
        bad_clock, missing_clock,
    )["results"]
    assert [r["reason"] for r in results] == [
        "unknown_table", "unknown_field", "invalid_clock", "invalid_clock"]
    assert all(r["message"] for r in results)
    assert count(backend, "SELECT count(*) FROM row_state") == 0


def test_malformed_payloads_are_422_with_a_message_and_nothing_written(login, backend):
    anna = login("anna")
    good = company(anna, cid("c1"))
    for body in (
        {"device_id": anna.device},                                   # no changes
        {"device_id": anna.device, "changes": [good, {"change_id": "x"}]},  # incomplete
        {"device_id": anna.device, "changes": [{**good, "fields": {}}]},    # empty fields
        {"device_id": anna.device, "changes": [{**good, "extra": 1}]},      # unknown key
        {"device_id": anna.device, "changes": [good] * 1001},              # too many
        {"device_id": "a.b", "changes": [good]},                            # bad device id
    ):
        response = anna.client.post("/api/v1/push", headers=anna.headers, json=body)
        assert response.status_code == 422, body
        assert response.json()["code"] == "validation" and response.json()["error"]
    broken = anna.client.post("/api/v1/push", headers=anna.headers, content=b"{not json",
                              )
    assert broken.status_code == 422
    assert count(backend, "SELECT count(*) FROM row_state") == 0
    assert count(backend, "SELECT count(*) FROM applied_change") == 0


def test_every_pushed_change_is_audited_with_who_and_device(login, backend):
    anna = login("anna", "annas-laptop")
    anna.push(company(anna, cid("c1")), company(anna, cid("c2"), "630"))
    with backend.read() as db:
        rows = db.all("SELECT account, device_id, action, tbl, row_id, detail FROM audit "
                      "WHERE action = 'push' ORDER BY id")
    assert rows == [
        ("anna", "annas-laptop", "push", "company", cid("c1"), "applied"),
        ("anna", "annas-laptop", "push", "company", cid("c2"), "rejected:scope"),
    ]


def test_concurrent_pushes_get_distinct_ordered_seqs(login, backend):
    from concurrent.futures import ThreadPoolExecutor

    apis = [login("kim", f"laptop{n}") for n in range(4)]
    batches = [[company(api, f"{api.device}-{i}") for i in range(30)] for api in apis]
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda pair: pair[0].push(*pair[1]), zip(apis, batches, strict=True)))
    seqs = [item["seq"] for item in apis[0].pull_all(limit=7)]
    assert seqs == list(range(1, 121))


def test_two_laptops_inserting_the_same_cvr_make_one_company_and_one_conflict(login, backend):
    anna, kim = login("anna"), login("kim")
    c1 = cid("c1")
    anna.push(company(anna, c1, phone="11111114"))
    kim._ms = anna._ms + 10
    [result] = kim.push(company(kim, c1, phone="22222228"))["results"]
    # The same id: one row. Name, CVR and municipality were equal and merge silently; the
    # phones differ, and neither laptop saw the other's: a conflict, Kim's later one wins.
    assert result["status"] == "conflict"
    [conflict] = result["conflicts"]
    assert (conflict["field"], conflict["winner_value"], conflict["loser_value"]) == (
        "phone", "22222228", "11111114")
    assert conflict["other_user"] == "anna"
    assert count(backend, "SELECT count(*) FROM row_state WHERE tbl = 'company'") == 1
    assert _state(backend, c1)[0]["phone"] == "22222228"


def test_a_cvr_that_does_not_give_the_row_id_is_refused(login, backend):
    anna = login("anna")
    c1 = cid("c1")
    anna.push(company(anna, c1))
    # Another company's CVR under this id (a changed CVR), and a random id for a CVR.
    moved = anna.change("company", c1, cvr="87654338")
    stray = {**company(anna, cid("c2")), "row_id": "0190a1b2-0000-7000-8000-000000000001"}
    results = anna.push(moved, stray)["results"]
    assert [(r["status"], r["reason"]) for r in results] == [
        ("rejected", "identity"), ("rejected", "identity")]
    assert "CVR-nummeret kan ikke ændres" in results[0]["message"]
    assert _state(backend, c1)[0]["cvr"] != "87654338"
    assert count(backend, "SELECT count(*) FROM row_state") == 1


def test_the_writer_whose_value_lost_is_told_on_their_next_pull(login, backend):
    anna, kim = login("anna"), login("kim")
    c1 = cid("c1")
    create = company(anna, c1)
    anna.push(create)
    seen = {"name": create["clocks"]["name"]}
    anna.push(anna.change("company", c1, base=seen, name="Annas navn"))
    kim._ms = anna._ms + 10  # Kim had not seen Anna's edit: concurrent, and later
    [result] = kim.push(kim.change("company", c1, base=seen, name="Kims navn"))["results"]
    assert result["status"] == "conflict"  # Kim, the sender, knows from his result
    [notice] = [i for i in anna.pull_all() if i["kind"] == "notice"]
    assert notice["row_id"] == c1
    assert {k: notice["values"][k] for k in ("field", "mine", "theirs", "theirs_by")} == {
        "field": "name", "mine": "Annas navn", "theirs": "Kims navn", "theirs_by": "kim"}
    assert [i for i in kim.pull_all() if i["kind"] == "notice"] == []  # only for Anna


def test_an_edit_of_a_row_deleted_meanwhile_tells_the_editor_who_deleted_it(login, backend):
    anna, kim = login("anna"), login("kim")
    c1 = cid("c1")
    anna.push(company(anna, c1))
    kim.push(kim.change("company", c1, deleted=1))
    [result] = anna.push(anna.change("company", c1, notes="Ring efter 10"))["results"]
    [told] = result["conflicts"]
    assert (told["field"], told["winner_value"], told["loser_value"], told["other_user"]) == (
        "deleted", 1, 0, "kim")
    values = _state(backend, c1)[0]
    assert values["deleted"] == 1 and values["notes"] == "Ring efter 10"  # kept, hidden


def test_an_erasure_takes_the_notices_about_the_person_with_it(login, backend):
    anna, kim = login("anna"), login("kim")
    c1 = cid("c1")
    anna.push(company(anna, c1), anna.change("contact", "p1", company_id=c1, name="Ida",
                                             phone="11111114"))
    kim._ms = anna._ms + 10
    kim.push(kim.change("contact", "p1", phone="22222228"))
    assert count(backend, "SELECT count(*) FROM notice") == 1
    response = anna.client.post("/api/v1/erase", headers=anna.headers,
                                json={"table": "contact", "row_id": "p1"})
    assert response.status_code == 200
    assert count(backend, "SELECT count(*) FROM notice") == 0
    assert [i for i in anna.pull_all() if i["kind"] == "notice"] == []


def test_a_stale_drop_the_row_answer_comes_with_the_row_again(login, backend):
    """Found by the soak: a change refused while its company was away ("drop the row"),
    resent after the company came back, gets its first answer again; the row, and a row
    the same push made under it, are sent to the sender again so it does not lose them."""
    anna, kim = login("anna"), login("kim")
    c1 = cid("c1")
    anna.push(company(anna, c1))
    kim._ms = anna._ms + 10
    kim.push(kim.change("company", c1, municipality_code="630"))  # away from Anna
    delete = anna.change("company", c1, deleted=1)
    first, _ = anna.push(delete, company(anna, cid("c2")))["results"]  # not all refused
    assert (first["status"], first["reason"], first["evict"]) == ("rejected", "scope", True)
    kim._ms += 10
    kim.push(kim.change("company", c1, municipality_code="615"))  # back again
    cursor = max(i["seq"] for i in anna.pull_all())
    contact = anna.change("contact", "p1", company_id=c1, name="Ida")
    response = anna.client.post("/api/v1/push", headers=anna.headers, json={
        "device_id": anna.device, "changes": [delete, contact], "cursor": cursor})
    again, made = response.json()["results"]
    assert again == first and made["status"] == "applied"  # exactly once, as before
    resent = {i["row_id"] for i in anna.pull(cursor)["items"] if i["kind"] == "row"}
    assert resent == {c1, "p1"}  # the laptop that drops them gets them straight back
