"""Change capture: per-field clocks and an outbox row per write, in the same transaction."""
from __future__ import annotations

import json

import pytest

from lokomotiv_desktop.domain.enums import Phase
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.sync.hlc import is_valid_stamp, parse_stamp

COMPANY = {"cvr": "13748136", "name": "Tømrer Hansen ApS", "city": "Vejle", "phase": 1}


def outbox(store) -> list[dict]:
    rows = store.db.execute(
        "SELECT tbl, row_id, fields, clocks, base FROM outbox ORDER BY seq").fetchall()
    return [{"tbl": t, "row_id": r, "fields": json.loads(f), "clocks": json.loads(c),
             "base": json.loads(b)} for t, r, f, c, b in rows]


def clocks_of(store, table, row_id) -> dict:
    return json.loads(store.db.execute(
        f"SELECT clocks FROM {table} WHERE id = ?", [row_id]).fetchone()[0])


def test_insert_stamps_every_field_and_appends_one_outbox_row(store):
    with store.transaction():
        company_id = store.changes.insert("company", COMPANY)
    clocks = clocks_of(store, "company", company_id)
    assert set(clocks) == set(COMPANY)
    assert all(is_valid_stamp(s) and parse_stamp(s)[2] == store.device_id
               for s in clocks.values())
    [change] = outbox(store)
    assert change["tbl"] == "company" and change["row_id"] == company_id
    assert change["fields"] == COMPANY and change["clocks"] == clocks and change["base"] == {}


def test_update_stamps_only_changed_fields_with_the_base_it_saw(store):
    with store.transaction():
        company_id = store.changes.insert("company", COMPANY)
    before = clocks_of(store, "company", company_id)
    with store.transaction():
        changed = store.changes.update(
            "company", company_id, {"name": "Tømrer Hansen ApS", "phase": Phase.ENGAGEMENT,
                                    "city": "Horsens"})
    assert changed == {"phase": 3, "city": "Horsens"}  # the enum is stored by value
    after = clocks_of(store, "company", company_id)
    assert after["name"] == before["name"]
    assert after["phase"] > before["phase"] and after["city"] == after["phase"]
    change = outbox(store)[-1]
    assert change["fields"] == {"phase": 3, "city": "Horsens"}
    assert change["base"] == {"phase": before["phase"], "city": before["city"]}
    assert change["clocks"] == {"phase": after["phase"], "city": after["city"]}


def test_update_that_changes_nothing_writes_nothing(store):
    with store.transaction():
        company_id = store.changes.insert("company", COMPANY)
    clocks = clocks_of(store, "company", company_id)
    with store.transaction():
        assert store.changes.update("company", company_id, {"name": COMPANY["name"]}) == {}
    assert store.pending_changes() == 1
    assert clocks_of(store, "company", company_id) == clocks


def test_update_of_unknown_field_or_row_is_refused(store):
    with store.transaction():
        company_id = store.changes.insert("company", COMPANY)
    with pytest.raises(KeyError), store.transaction():
        store.changes.update("company", company_id, {"colour": "red"})
    with pytest.raises(LookupError), store.transaction():
        store.changes.update("company", "no-such-id", {"name": "x"})
    assert store.pending_changes() == 1


def test_rolled_back_transaction_leaves_neither_row_nor_outbox(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.changes.insert("company", COMPANY)
        raise RuntimeError("the user cancelled")
    assert store.db.execute("SELECT count(*) FROM company").fetchone()[0] == 0
    assert store.pending_changes() == 0
    assert store.db.execute("SELECT count(*) FROM company_search").fetchone()[0] == 0


def test_rolled_back_nested_savepoint_keeps_the_outer_write(store):
    with store.transaction():
        kept = store.changes.insert("company", COMPANY)
        with pytest.raises(ValueError), store.transaction():
            store.changes.insert("company", {**COMPANY, "name": "Gone"})
            store.changes.update("company", kept, {"city": "Gone"})
            raise ValueError
        store.changes.update("company", kept, {"phase": 2})
    names = [r[0] for r in store.db.execute("SELECT name FROM company")]
    assert names == [COMPANY["name"]]
    assert store.db.execute("SELECT city, phase FROM company").fetchone() == ("Vejle", 2)
    assert [c["fields"] for c in outbox(store)] == [COMPANY, {"phase": 2}]


def test_delete_is_a_field_and_an_edit_does_not_resurrect(store):
    with store.transaction():
        company_id = store.changes.insert("company", COMPANY)
    with store.transaction():
        assert store.changes.delete("company", company_id) is True
        assert store.changes.delete("company", company_id) is False  # already deleted
        store.changes.update("company", company_id, {"notes": "ring igen"})
    assert store.db.execute("SELECT deleted FROM company").fetchone()[0] == 1
    assert "deleted" in clocks_of(store, "company", company_id)
    with store.transaction():
        assert store.changes.restore("company", company_id)
    assert store.db.execute("SELECT deleted FROM company").fetchone()[0] == 0


def test_insert_many_writes_rows_and_outbox_rows_together(store):
    rows = [{**COMPANY, "cvr": cvr, "name": f"Firma {i}"}
            for i, cvr in enumerate(["13748136", "10150817", "25313763"])]
    with store.transaction():
        ids = store.changes.insert_many("company", rows)
    assert len(set(ids)) == 3
    assert [c["row_id"] for c in outbox(store)] == ids
    assert store.db.execute("SELECT count(*) FROM company_search").fetchone()[0] == 3


def test_stamps_keep_increasing_across_a_reopen(tmp_path):
    path = tmp_path / "s.db"
    store = Store(path)
    device = store.device_id
    with store.transaction():
        company_id = store.changes.insert("company", COMPANY)
    first = clocks_of(store, "company", company_id)["name"]
    store.close()
    store = Store(path)
    try:
        assert store.device_id == device
        store.clock._wall_ms = lambda: 0  # the laptop's clock was reset to 1970
        with store.transaction():
            store.changes.update("company", company_id, {"name": "Nyt navn"})
        assert clocks_of(store, "company", company_id)["name"] > first
    finally:
        store.close()
