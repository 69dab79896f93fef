"""Applying pulled rows and erasing locally, on real store files."""
from __future__ import annotations

import json

import pytest

from lokomotiv_desktop.store import sync_apply
from lokomotiv_desktop.store.sync_apply import apply_remote_rows, erase_local, is_erased
from lokomotiv_desktop.sync.clocks import expand
from lokomotiv_desktop.sync.hlc import make_stamp, wall_ms
from lokomotiv_desktop.sync.tables import SYNCED_TABLES


def stamp(ms: int, device: str = "remote") -> str:
    return make_stamp(1_700_000_000_000 + ms, 0, device)


def row_item(table, row_id, values, ms, device="remote"):
    return {"kind": "row", "table": table, "row_id": row_id, "values": values,
            "clocks": {f: stamp(ms, device) for f in values}}


def company(store, row_id):
    row = store.db.execute("SELECT name, city, deleted, clocks FROM company WHERE id = ?",
                           [row_id]).fetchone()
    return row and (row[0], row[1], row[2],
                    expand(json.loads(row[3]), SYNCED_TABLES["company"].all_fields))


def search_ids(store, word):
    return [r[0] for r in store.db.execute(
        "SELECT c.id FROM company_fts f JOIN company c ON c.rowid = f.rowid "
        "WHERE company_fts MATCH ?", [f'"{word}"*'])]


def test_pulled_new_row_is_inserted_without_outbox_and_is_searchable(store):
    item = row_item("company", "c1", {"cvr": "12345674", "name": "Bageriet", "city": "Aarhus",
                                      "municipality_code": "751"}, 1)
    result = apply_remote_rows(store, [item])
    assert result.changed == 1
    name, city, deleted, clocks = company(store, "c1")
    assert (name, city, deleted) == ("Bageriet", "Aarhus", 0)
    assert clocks["name"] == stamp(1)
    assert store.pending_changes() == 0
    assert search_ids(store, "bageriet") == ["c1"]


def test_only_winning_fields_are_written_and_clock_moves_past_remote(store):
    with store.transaction():
        c1 = store.changes.insert("company", {"cvr": "1", "name": "Lokal", "city": "Odense"})
    local_stamp = company(store, c1)[3]["name"]
    outbox_before = store.pending_changes()
    # Remote: an older name (loses) and a newer city (wins), from a clock a minute ahead.
    ahead = make_stamp(wall_ms() + 60_000, 0, "remote")
    older = {"kind": "row", "table": "company", "row_id": c1,
             "values": {"name": "Gammel", "city": "Vejle"},
             "clocks": {"name": make_stamp(1, 0, "remote"), "city": ahead}}
    apply_remote_rows(store, [older])
    name, city, _, clocks = company(store, c1)
    assert (name, city) == ("Lokal", "Vejle")
    assert clocks["name"] == local_stamp
    assert store.pending_changes() == outbox_before
    assert store.clock.now() > ahead


def test_applying_the_same_page_twice_changes_nothing(store):
    item = row_item("company", "c1", {"cvr": "12345674", "name": "A"}, 1)
    assert apply_remote_rows(store, [item]).changed == 1
    assert apply_remote_rows(store, [item]).changed == 0


def test_delete_is_a_field_and_a_later_edit_does_not_resurrect(store):
    apply_remote_rows(store, [row_item("company", "c1", {"cvr": "12345674", "name": "A"}, 1)])
    apply_remote_rows(store, [row_item("company", "c1", {"deleted": 1}, 5)])
    apply_remote_rows(store, [row_item("company", "c1", {"name": "B"}, 3)])
    apply_remote_rows(store, [row_item("company", "c1", {"city": "Køge"}, 9)])
    name, city, deleted, _ = company(store, "c1")
    assert (name, city, deleted) == ("B", "Køge", 1)
    assert search_ids(store, "b") == []


def test_unknown_fields_and_tables_are_ignored(store):
    items = [row_item("company", "c1", {"cvr": "12345674", "name": "A", "future_field": "x"},
                      1),
             row_item("future_table", "f1", {"x": 1}, 1)]
    result = apply_remote_rows(store, items)
    assert (result.changed, result.skipped) == (1, 1)


def test_erase_removes_row_personal_children_outbox_and_keeps_tombstone(store):
    with store.transaction():
        cid = store.changes.insert("company", {"cvr": "1", "name": "Firma"})
        kid = store.changes.insert("contact", {"company_id": cid, "name": "Hanne Hansen"})
        pid = store.changes.insert("production_unit", {"company_id": cid, "pnr": "9"})
        store.changes.insert("contact", {"company_id": cid, "name": "Ole Olsen"})
    assert search_ids(store, "hanne") == [cid]
    erased = erase_local(store, "contact", kid)
    assert erased == [("contact", kid)]
    assert store.db.execute("SELECT count(*) FROM contact WHERE id = ?", [kid]).fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM outbox WHERE row_id = ?",
                            [kid]).fetchone()[0] == 0
    assert is_erased(store, "contact", kid)
    assert search_ids(store, "hanne") == []
    assert search_ids(store, "ole") == [cid]  # the company and the other contact stay
    assert store.db.execute("SELECT count(*) FROM production_unit WHERE id = ?",
                            [pid]).fetchone()[0] == 1


def test_erasing_a_company_cascades_only_to_personal_children(store):
    with store.transaction():
        cid = store.changes.insert("company", {"cvr": "1", "name": "Firma"})
        kid = store.changes.insert("contact", {"company_id": cid, "name": "Hanne"})
        pid = store.changes.insert("production_unit", {"company_id": cid, "pnr": "9"})
    erased = erase_local(store, "company", cid)
    assert set(erased) == {("company", cid), ("contact", kid)}
    assert search_ids(store, "firma") == []
    assert store.db.execute("SELECT count(*) FROM production_unit").fetchone()[0] == 1
    assert store.pending_changes() == 1  # only the production unit's insert is left
    assert pid


def test_erased_row_never_comes_back_from_a_pull(store):
    apply_remote_rows(store, [row_item("contact", "k1", {"company_id": "c", "name": "X"}, 1)])
    erase_local(store, "contact", "k1")
    result = apply_remote_rows(store, [row_item("contact", "k1", {"name": "Y"}, 50)])
    assert (result.changed, result.skipped) == (0, 1)
    assert store.db.execute("SELECT count(*) FROM contact").fetchone()[0] == 0


def test_erase_item_in_a_page_wins_over_a_row_item_for_the_same_id(store):
    page = [row_item("contact", "k1", {"company_id": "c", "name": "X"}, 1),
            {"kind": "erase", "table": "contact", "row_id": "k1"},
            row_item("contact", "k1", {"name": "Z"}, 2)]
    apply_remote_rows(store, page)
    assert store.db.execute("SELECT count(*) FROM contact").fetchone()[0] == 0
    assert is_erased(store, "contact", "k1")


def test_a_failing_page_leaves_nothing_behind(store, monkeypatch):
    # A row the store cannot hold goes to the quarantine (tests/store/test_quarantine.py);
    # anything else that fails undoes the whole page, rows and quarantine alike.
    def broken(*_args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(sync_apply, "_file_notices", broken)
    page = [row_item("company", "c1", {"cvr": "12345674", "name": "A"}, 1),
            row_item("company", "c2", {"name": "no cvr"}, 1)]
    with pytest.raises(RuntimeError):
        apply_remote_rows(store, page)
    assert store.db.execute("SELECT count(*) FROM company").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 0
