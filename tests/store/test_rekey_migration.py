"""Migration 6: a store from before derived ids, holding the same company twice (two laptops
created it offline, then synced), ends with one company per CVR, children and queued
changes re-pointed, nothing lost."""
from __future__ import annotations

import json

from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store import conflict_inbox as inbox
from lokomotiv_desktop.store.changes import FIELDS_IN_ROW
from lokomotiv_desktop.store.companies import CompanyRepository
from lokomotiv_desktop.store.connection import connect
from lokomotiv_desktop.store.migrations import migrate
from lokomotiv_desktop.sync.clocks import compact
from lokomotiv_desktop.sync.identity import natural_id
from lokomotiv_desktop.sync.tables import SYNCED_TABLES

CVR, PNR = "13748136", "1000000001"
A, B, SOLO = "0190a1b2-0000-7000-8000-00000000000a", "0190a1b2-0000-7000-8000-00000000000b", \
    "0190a1b2-0000-7000-8000-00000000000c"
STAMP_A, STAMP_B = "1700000000000.00000.laptopa", "1700000000500.00000.laptopb"


def _old_store(path) -> None:
    """What version 5 held after two laptops synced the same company: two rows, each with
    its own contact, P-unit (the same P-nummer) and visit, and a few queued changes."""
    db = connect(path)
    migrate(db, target=5)
    rows = [
        ("company", A, {"cvr": CVR, "name": "Fjordens Slagteri A/S", "phone": "11111111",
                        "municipality_code": "101"}, STAMP_A),
        ("company", B, {"cvr": CVR, "name": "Fjordens Slagteri A/S", "phone": "22222222",
                        "municipality_code": "101", "notes": "Ring efter 10"}, STAMP_B),
        ("company", SOLO, {"cvr": "25313763", "name": "Vognmand Ågesen",
                           "municipality_code": "147"}, STAMP_A),
        ("production_unit", "unit-a", {"company_id": A, "pnr": PNR, "name": "Slagteriet"},
         STAMP_A),
        ("production_unit", "unit-b", {"company_id": B, "pnr": PNR, "name": "Slagteri"},
         STAMP_B),
        ("contact", "contact-a", {"company_id": A, "name": "Ida Holm"}, STAMP_A),
        ("contact", "contact-b", {"company_id": B, "name": "Ole Berg"}, STAMP_B),
        ("visit", "visit-b", {"company_id": B, "unit_id": "unit-b", "date": "2026-11-30"},
         STAMP_B),
    ]
    for table, row_id, values, stamp in rows:
        unwritten = [f for f in SYNCED_TABLES[table].all_fields if f not in values]
        db.execute(f"INSERT INTO {table} (id, {', '.join(values)}, clocks) VALUES "
                   f"(?, {', '.join('?' * len(values))}, ?)",
                   [row_id, *values.values(), json.dumps(compact(stamp, unwritten))])
    outbox = [  # B's laptop had not pushed its visit yet, nor a bulk-imported company
        ("i:visit-b", "visit", "visit-b", json.dumps({"company_id": B, "unit_id": "unit-b",
                                                      "date": "2026-11-30"}), STAMP_B),
        ("i:" + B, "company", B, FIELDS_IN_ROW, STAMP_B),
    ]
    db.conn.executemany(
        "INSERT INTO outbox (change_id, tbl, row_id, fields, clocks, base, created) "
        "VALUES (?, ?, ?, ?, ?, '{}', '2026-12-01')",
        [(c, t, r, f, json.dumps({"*": s})) for c, t, r, f, s in outbox])
    db.conn.close()


def test_doubles_become_one_company_with_every_child_and_queued_change(tmp_path):
    path = tmp_path / "old.db"
    _old_store(path)
    store = Store(path)
    company_id, unit_id = natural_id("company", CVR), natural_id("production_unit", PNR)
    db = store.db
    assert db.execute("SELECT id, phone, notes FROM company WHERE cvr = ?", [CVR]).fetchall() \
        == [(company_id, "22222222", "Ring efter 10")]  # the later stamp per field
    assert db.execute("SELECT id FROM company WHERE cvr = '25313763'").fetchone()[0] == \
        natural_id("company", "25313763")  # a single one only gets its derived id
    assert db.execute("SELECT id, company_id, name FROM production_unit").fetchall() == [
        (unit_id, company_id, "Slagteri")]
    assert sorted(db.execute("SELECT name, company_id FROM contact").fetchall()) == [
        ("Ida Holm", company_id), ("Ole Berg", company_id)]
    assert db.execute("SELECT company_id, unit_id FROM visit").fetchone() == (
        company_id, unit_id)
    # Queued changes name the new ids; the bulk insert got its own values copied first.
    queued = {r[0]: (r[1], json.loads(r[2])) for r in db.execute(
        "SELECT tbl, row_id, fields FROM outbox")}
    assert queued["visit"] == ("visit-b", {"company_id": company_id, "unit_id": unit_id,
                                           "date": "2026-11-30"})
    assert queued["company"][0] == company_id
    assert queued["company"][1]["phone"] == "22222222"
    # The phone that lost is in the inbox, where it can be chosen instead.
    conflicts = [c for c in inbox.list_conflicts(store) if c.table == "company"]
    assert len(conflicts) == 1, conflicts
    [conflict] = conflicts
    assert (conflict.field, conflict.mine, conflict.theirs) == ("phone", "11111111", "22222222")
    # One search hit, with the merged P-unit's number in its document.
    repo = CompanyRepository(store)
    assert [c.id for c in repo.search("fjordens")] == [company_id]
    assert [c.id for c in repo.search(PNR)] == [company_id]
    store.close()


def test_a_store_without_doubles_keeps_its_rows_and_search(tmp_path):
    path = tmp_path / "old.db"
    db = connect(path)
    migrate(db, target=5)
    db.execute("INSERT INTO company (id, cvr, name, clocks) VALUES (?, ?, ?, ?)",
               [A, CVR, "Tømrer Hansen", json.dumps({"*": STAMP_A})])
    db.conn.close()
    store = Store(path)
    assert store.db.execute("SELECT id FROM company").fetchall() == [
        (natural_id("company", CVR),)]
    assert [c.name for c in CompanyRepository(store).search("tømrer")] \
        == ["Tømrer Hansen"]
    store.close()
