"""Bulk inserts queue outbox rows without a copy of the values (``FIELDS_IN_ROW``): the
values are read from the rows when needed, and only those still at the insert's stamp."""
from __future__ import annotations

import json

from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store import conflict_inbox as inbox
from lokomotiv_desktop.store.bulk import NewCompany, insert_companies
from lokomotiv_desktop.store.changes import FIELDS_IN_ROW, inserted_fields
from lokomotiv_desktop.store.sync_apply import evict_local
from lokomotiv_desktop.sync.identity import natural_ids

COMPANY = {"cvr": "12345678", "name": "Importeret ApS", "municipality_code": "101"}
UNIT = {"pnr": "1000000000", "name": "Lager"}


def _bulk(store: Store) -> str:
    with store.transaction():
        [cid] = insert_companies(store, [NewCompany(COMPANY, [UNIT])])
    return cid


def _stamp(store: Store, row_id: str) -> str:
    [(fields, clocks)] = store.db.execute(
        "SELECT fields, clocks FROM outbox WHERE row_id = ? ORDER BY seq LIMIT 1", [row_id])
    assert fields == FIELDS_IN_ROW
    return json.loads(clocks)["*"]


def test_the_outbox_holds_no_copy_and_the_values_come_from_the_row(tmp_path):
    store = Store(tmp_path / "s.db")
    cid = _bulk(store)
    stamp = _stamp(store, cid)
    assert inserted_fields(store.db, "company", {cid: stamp}) == {
        cid: (COMPANY, dict.fromkeys(COMPANY, stamp))}
    with store.transaction():
        store.changes.update("company", cid, {"name": "Nyt Navn"})
    fields, clocks = inserted_fields(store.db, "company", {cid: stamp})[cid]
    assert fields == {"cvr": "12345678", "municipality_code": "101"}
    assert set(clocks.values()) == {stamp}
    with store.transaction():
        store.db.execute("DELETE FROM company WHERE id = ?", [cid])
    assert inserted_fields(store.db, "company", {cid: stamp}) == {}
    store.close()


def test_an_evicted_bulk_insert_files_its_values_in_the_inbox(tmp_path):
    store = Store(tmp_path / "s.db")
    cid = _bulk(store)
    with store.transaction():
        store.changes.update("company", cid, {"name": "Nyt Navn"})
    evicted, refused = evict_local(store, "company", cid)
    assert refused == 3 and len(evicted) == 2
    filed = [(c.table, c.mine) for c in inbox.list_conflicts(store)]
    assert filed[0] == ("company", {"cvr": "12345678", "municipality_code": "101"})
    assert filed[1] == ("company", {"name": "Nyt Navn"})
    assert filed[2][0] == "production_unit" and UNIT.items() <= filed[2][1].items()
    assert store.pending_changes() == 0
    store.close()


def _written(store: Store, table: str) -> tuple[list, list]:
    rows = store.db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
    outbox = store.db.execute(
        "SELECT tbl, row_id, fields, base FROM outbox ORDER BY seq").fetchall()
    return rows, outbox


def test_many_rows_staged_through_a_temp_table_are_written_as_row_by_row(
        tmp_path, monkeypatch):
    from lokomotiv_desktop.store import changes

    rows = [{"cvr": f"{10000000 + i}", "name": f"Firma {i}", "municipality_code": "101",
             "marketing_protected": i % 2 == 0, "employees": None} for i in range(1200)]
    ids = natural_ids("company", [row["cvr"] for row in rows])
    written = []
    for stage_from in (1000, 10**9):  # staged, then bound row by row
        monkeypatch.setattr(changes, "_STAGE_FROM", stage_from)
        store = Store(tmp_path / f"{stage_from}.db")
        store.clock.now = lambda: "1700000000000.00000.laptop"  # both stores stamp alike
        with store.transaction():
            store.changes.insert_many("company", rows, list(ids), values_in_outbox=False)
        written.append(_written(store, "company"))
        assert store.db.execute("SELECT count(*) FROM temp.sqlite_master").fetchone()[0] == 0
        store.close()
    staged, direct = written
    assert len(staged[0]) == 1200 and staged == direct
    assert staged[0][0][:3] == (ids[0], "10000000", "Firma 0")
