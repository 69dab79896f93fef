"""Schema 3: a shared store from before derived ids, holding the same company twice (two
laptops created it offline), ends with one company per CVR, its children under it and the
laptops of a municipality it left told to evict it. On SQLite and PostgreSQL."""
from __future__ import annotations

import json

from lokomotiv_desktop.server.schema import SCHEMA_VERSION
from lokomotiv_desktop.server.storage import RowState, save_rows
from lokomotiv_desktop.sync.identity import natural_id

from .conftest import count

CVR, PNR = "13748136", "1000000001"
OLD_A, OLD_B = "0190a1b2-0000-7000-8000-00000000000a", "0190a1b2-0000-7000-8000-00000000000b"
EARLY, LATE = "1700000000000.00000.laptopa", "1700000000500.00000.laptopb"


def _old_server(backend) -> None:
    """Anna's laptop (615) and Bo's (630) each created the company; Bo's later stamp puts
    it in 630. Each has a P-unit with the same P-nummer and a contact; Bo a visit."""
    company = {"cvr": CVR, "name": "Fjordens Slagteri A/S"}
    rows = [
        ("company", OLD_A, {**company, "phone": "11111114", "municipality_code": "615"},
         EARLY, "615", None),
        ("company", OLD_B, {**company, "phone": "22222228", "municipality_code": "630"},
         LATE, "630", None),
        ("production_unit", "unit-a", {"company_id": OLD_A, "pnr": PNR}, EARLY, "615", OLD_A),
        ("production_unit", "unit-b", {"company_id": OLD_B, "pnr": PNR}, LATE, "630", OLD_B),
        ("contact", "contact-a", {"company_id": OLD_A, "name": "Ida"}, EARLY, "615", OLD_A),
        ("contact", "contact-b", {"company_id": OLD_B, "name": "Ole"}, LATE, "630", OLD_B),
        ("visit", "visit-b", {"company_id": OLD_B, "unit_id": "unit-b", "date": "2026-11-30"},
         LATE, "630", OLD_B),
    ]
    with backend.write() as db:
        save_rows(db, [RowState(table, row_id, values, dict.fromkeys(values, stamp), scope,
                                parent, seq)
                       for seq, (table, row_id, values, stamp, scope, parent)
                       in enumerate(rows, start=1)])
        db.execute("UPDATE server_meta SET value = ? WHERE key = 'seq'", [str(len(rows))])
        db.execute("UPDATE server_meta SET value = '2' WHERE key = 'schema'")


def test_doubles_on_the_server_become_one_company_and_laptops_hear_of_it(login, backend):
    _old_server(backend)
    backend.init_schema()  # what lokomotiv-server does when it starts on an old store
    company_id, unit_id = natural_id("company", CVR), natural_id("production_unit", PNR)
    kim, anna, bo = login("kim"), login("anna"), login("bo")
    rows = {(i["table"], i["row_id"]): i["values"] for i in kim.pull_all()}
    assert set(rows) == {("company", company_id), ("production_unit", unit_id),
                         ("contact", "contact-a"), ("contact", "contact-b"),
                         ("visit", "visit-b")}
    assert rows[("company", company_id)]["phone"] == "22222228"  # the later write
    assert {rows[("contact", c)]["company_id"] for c in ("contact-a", "contact-b")} == {
        company_id}
    assert rows[("production_unit", unit_id)]["company_id"] == company_id
    assert rows[("visit", "visit-b")]["unit_id"] == unit_id
    # Bo (630) gets the company with everything under it; Anna (615) evicts what she had.
    assert {i["row_id"] for i in bo.pull_all() if i["kind"] == "row"} >= {
        company_id, unit_id, "contact-a"}
    evicted = {i["row_id"] for i in anna.pull_all() if i["kind"] == "evict"}
    assert {company_id, unit_id, "contact-a"} <= evicted
    assert count(backend, "SELECT count(*) FROM row_state WHERE tbl = 'company'") == 1
    assert count(backend, "SELECT count(*) FROM audit WHERE action = 'migrate'") == 1
    with backend.read() as db:
        assert db.one("SELECT value FROM server_meta WHERE key = 'schema'") == (
            str(SCHEMA_VERSION),)


def test_an_edit_after_the_migration_reaches_the_merged_company(login, backend):
    _old_server(backend)
    backend.init_schema()
    company_id = natural_id("company", CVR)
    bo = login("bo")
    bo._ms = 1_700_000_001_000  # later than every stamp of the migrated rows
    seen = {"name": LATE}
    [result] = bo.push(bo.change("company", company_id, base=seen, name="Fjordens"))["results"]
    assert result["status"] == "applied"
    [item] = [i for i in login("kim").pull_all() if i["row_id"] == company_id]
    assert json.dumps(item["values"], ensure_ascii=False).count("Fjordens") == 1
    assert item["values"]["name"] == "Fjordens"
