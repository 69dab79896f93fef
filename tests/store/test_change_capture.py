"""Change capture: per-field clocks and an outbox row per write, in the same transaction."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lokomotiv_desktop.domain.enums import Phase
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store.changes import plain
from lokomotiv_desktop.sync.clocks import expand
from lokomotiv_desktop.sync.hlc import is_valid_stamp, parse_stamp
from lokomotiv_desktop.sync.tables import SYNCED_TABLES

COMPANY = {"cvr": "13748136", "name": "Tømrer Hansen ApS", "city": "Vejle", "phase": 1}


def outbox(store) -> list[dict]:
    rows = store.db.execute(
        "SELECT tbl, row_id, fields, clocks, base FROM outbox ORDER BY seq").fetchall()
    return [{"tbl": t, "row_id": r, "fields": json.loads(f), "clocks": json.loads(c),
             "base": json.loads(b)} for t, r, f, c, b in rows]


def raw_clocks_of(store, table, row_id) -> dict:
    return json.loads(store.db.execute(
        f"SELECT clocks FROM {table} WHERE id = ?", [row_id]).fetchone()[0])


def clocks_of(store, table, row_id) -> dict:
    """The row's clocks in the explicit form, whichever form is stored."""
    return expand(raw_clocks_of(store, table, row_id), SYNCED_TABLES[table].all_fields)


def test_insert_stamps_every_field_it_writes_compactly_and_appends_one_outbox_row(store):
    with store.transaction():
        company_id = store.changes.insert("company", COMPANY)
    clocks = clocks_of(store, "company", company_id)
    assert set(clocks) == set(COMPANY)  # the fields left at their default were never written
    [stamp] = set(clocks.values())
    assert is_valid_stamp(stamp) and parse_stamp(stamp)[2] == store.device_id
    unwritten = set(SYNCED_TABLES["company"].all_fields) - set(COMPANY)
    assert raw_clocks_of(store, "company", company_id) == {"*": stamp,
                                                            **dict.fromkeys(unwritten, "")}
    [change] = outbox(store)
    assert change["tbl"] == "company" and change["row_id"] == company_id
    assert change["fields"] == COMPANY and change["clocks"] == {"*": stamp}
    assert change["base"] == {}


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
    # the compact row gains explicit keys and keeps "*" for the fields not written since
    raw = raw_clocks_of(store, "company", company_id)
    assert raw["*"] == before["name"] and raw["phase"] == raw["city"] == after["phase"]


def test_first_write_of_a_field_left_at_its_default_has_an_empty_base(store):
    with store.transaction():
        company_id = store.changes.insert("company", COMPANY)
        store.changes.update("company", company_id, {"notes": "Ring i maj"})
    assert outbox(store)[-1]["base"] == {"notes": ""}
    assert clocks_of(store, "company", company_id)["notes"] > clocks_of(
        store, "company", company_id)["name"]


def test_rows_with_explicit_clocks_from_before_keep_working(store):
    with store.transaction():
        company_id = store.changes.insert("company", COMPANY)
    explicit = clocks_of(store, "company", company_id)
    store.db.execute("UPDATE company SET clocks = ? WHERE id = ?",
                     [json.dumps(explicit), company_id])
    with store.transaction():
        store.changes.update("company", company_id, {"city": "Horsens", "notes": "Ny"})
    change = outbox(store)[-1]
    assert change["base"] == {"city": explicit["city"], "notes": ""}
    after = raw_clocks_of(store, "company", company_id)
    assert "*" not in after and after == {**explicit, **change["clocks"]}


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


# The outbox JSON of an insert comes from SQLite (json_object over the stored row) for text,
# integers, booleans and NULL, and from Python when a float is among the values (SQLite 3.40
# writes 15 digits). Either way the change must carry exactly what the row holds.
_kpi_rows = st.fixed_dictionaries({
    "company_id": st.text(max_size=12),
    "description": st.text(max_size=30),
    "target_percent": st.one_of(st.integers(-10**6, 10**6), st.floats(allow_nan=False,
                                                                       allow_infinity=False)),
    "deadline": st.text(max_size=10),
    "employees": st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**63 - 1)),
    "manual_value": st.one_of(st.none(), st.integers(0, 100)),
})


@settings(max_examples=50, deadline=None)
@given(st.lists(_kpi_rows, min_size=1, max_size=4))
def test_an_inserted_change_holds_exactly_the_stored_values(rows):
    store = Store(":memory:")
    with store.transaction():
        ids = store.changes.insert_many("kpi_target", rows)
    columns = list(rows[0])
    for row_id, row in zip(ids, rows, strict=True):
        stored = store.db.execute(f"SELECT {', '.join(columns)} FROM kpi_target WHERE id = ?",
                                  [row_id]).fetchone()
        [(fields, clocks)] = store.db.execute(
            "SELECT fields, clocks FROM outbox WHERE row_id = ?", [row_id]).fetchall()
        fields = json.loads(fields)
        assert fields == dict(zip(columns, stored, strict=True))
        assert list(fields) == columns and fields == {c: plain(v) for c, v in row.items()}
        assert set(json.loads(clocks)) == {"*"}
    store.close()


def test_rows_without_some_columns_store_null_there(store):
    with store.transaction():
        first, second = store.changes.insert_many(
            "company", [{**COMPANY, "phone": "+4512345678"}, {**COMPANY, "cvr": "10150817"}])
    assert store.db.execute("SELECT phone FROM company WHERE id = ?", [second]).fetchone() == (
        None,)
    assert [c["fields"].get("phone") for c in outbox(store)] == ["+4512345678", None]
