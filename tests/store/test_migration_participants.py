"""Store migration 9: participants of version 8 (one name) get a first and a last name, their
clocks and queued changes move with it, nothing is lost, and the server takes the renamed
changes. And the server's data upgrade 5, which does the same to its rows, on both
backends."""
from __future__ import annotations

import json

import pytest

from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store.changes import FIELDS_IN_ROW
from lokomotiv_desktop.store.connection import connect
from lokomotiv_desktop.store.migrations import migrate
from lokomotiv_desktop.sync.clocks import expand
from lokomotiv_desktop.sync.identity import natural_id
from lokomotiv_desktop.sync.tables import SYNCED_TABLES
from tests.cvrs import valid_cvr

CVR = valid_cvr(9)
FIRM = natural_id("company", CVR)
S1, S2, S3 = ("1796000000001.00000.laptopa", "1796000000002.00000.laptopa",
              "1796000000003.00000.laptopa")
NEW_FIELDS = ("unit_id", "employment", "municipality_code", "jobcenter", "job_title", "team",
              "language", "phone", "email", "notes", "consultant")


def _old_store(path) -> None:
    """Version 8: a company and two participants, none of them pushed yet. Anne Marie's row
    has explicit clocks (her name edited after the insert), Bo's the compact form."""
    db = connect(path)
    migrate(db, target=8)
    db.execute("INSERT INTO company (id, cvr, name, municipality_code, clocks) VALUES "
               "(?, ?, 'Bageriet', '630', ?)", [FIRM, CVR, json.dumps({"*": S1})])
    explicit = {"company_id": S1, "session_id": S1, "name": S2, "signed_up": S1,
                "deleted": S1}
    db.execute("INSERT INTO participant (id, company_id, name, signed_up, clocks) VALUES "
               "('p-anne', ?, 'Anne Marie Holm', 1, ?)", [FIRM, json.dumps(explicit)])
    db.execute("INSERT INTO participant (id, company_id, name, clocks) VALUES "
               "('p-bo', ?, 'Bo', ?)", [FIRM, json.dumps({"*": S3})])
    outbox = [
        ("i:firm", "company", FIRM, json.dumps({"cvr": CVR, "name": "Bageriet",
                                                "municipality_code": "630"}),
         {"*": S1}, {}),
        ("i:anne", "participant", "p-anne", json.dumps({"company_id": FIRM, "name": "Anne",
                                                        "signed_up": 1}), {"*": S1}, {}),
        ("u:anne", "participant", "p-anne", json.dumps({"name": "Anne Marie Holm"}),
         {"name": S2}, {"name": S1}),
        ("i:bo", "participant", "p-bo", FIELDS_IN_ROW, {"*": S3}, {}),  # a bulk insert
    ]
    db.conn.executemany(
        "INSERT INTO outbox (change_id, tbl, row_id, fields, clocks, base, created) "
        "VALUES (?, ?, ?, ?, ?, ?, '2026-12-01')",
        [(c, t, r, f, json.dumps(k), json.dumps(b)) for c, t, r, f, k, b in outbox])
    db.conn.close()


def _participants(store) -> dict[str, tuple]:
    return {r[0]: (r[1], r[2], r[3], json.loads(r[4])) for r in store.db.execute(
        "SELECT id, first_name, last_name, signed_up, clocks FROM participant")}


def test_names_split_clocks_and_queued_changes_move_nothing_lost(tmp_path):
    _old_store(tmp_path / "old.db")
    store = Store(tmp_path / "old.db")
    try:
        rows = _participants(store)
        assert set(rows) == {"p-anne", "p-bo"}
        anne, bo = rows["p-anne"], rows["p-bo"]
        assert anne[:3] == ("Anne Marie", "Holm", 1) and bo[:3] == ("Bo", "", 0)
        # The old name's stamp goes to both halves; the new fields were never written.
        fields = SYNCED_TABLES["participant"].all_fields
        assert "name" not in anne[3] and "name" not in bo[3]
        for clocks, stamp in ((anne[3], S2), (bo[3], S3)):
            expanded = expand(clocks, fields)
            assert expanded["first_name"] == expanded["last_name"] == stamp
            assert not set(NEW_FIELDS) & set(expanded)
        assert expand(bo[3], fields)["company_id"] == S3
        queued = {r[0]: (json.loads(r[1]) if r[1] else r[1], json.loads(r[2]),
                         json.loads(r[3])) for r in store.db.execute(
            "SELECT change_id, fields, clocks, base FROM outbox")}
        assert set(queued) == {"i:firm", "i:anne", "u:anne", "i:bo"}
        assert queued["i:anne"][0] == {"company_id": FIRM, "first_name": "Anne",
                                       "last_name": "", "signed_up": 1}
        assert queued["u:anne"] == ({"first_name": "Anne Marie", "last_name": "Holm"},
                                    {"first_name": S2, "last_name": S2},
                                    {"first_name": S1, "last_name": S1})
        assert queued["i:bo"][0] == FIELDS_IN_ROW
    finally:
        store.close()


@pytest.fixture
def server(tmp_path, monkeypatch):
    from tests.sync.harness import Server, fast_passwords

    fast_passwords(monkeypatch)
    srv = Server(f"sqlite:///{tmp_path}/shared.db").start()
    srv.add_user("bo", "konsulent", ["630"])
    srv.add_user("kim", "koordinator", [])
    yield srv
    srv.close()


def test_the_migrated_changes_sync(tmp_path, server, monkeypatch):
    from tests.sync.harness import server_state

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    _old_store(tmp_path / "old.db")
    store = Store(tmp_path / "old.db")
    client = server.login(store, "bo")
    try:
        report = client.sync_once()
        assert report.ok, report.error
        assert report.rejected == 0 and report.pushed == 4
        assert store.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
        rows, _ = server_state(server, server.token("kim"))
        anne = rows[("participant", "p-anne")][0]
        bo = rows[("participant", "p-bo")][0]
        assert (anne["first_name"], anne["last_name"], anne["signed_up"]) == \
            ("Anne Marie", "Holm", 1)
        assert (bo["first_name"], bo["last_name"]) == ("Bo", "")
        assert "name" not in anne and "name" not in bo
    finally:
        client.close()
        store.close()


@pytest.mark.parametrize("backend_name", ["sqlite", pytest.param("postgres",
                                                                 marks=pytest.mark.postgres)])
def test_the_servers_upgrade_5_splits_names(request, tmp_path, backend_name):
    from lokomotiv_desktop.server.backend import open_backend

    url = (f"sqlite:///{tmp_path}/shared.db" if backend_name == "sqlite"
           else request.getfixturevalue("postgres_url"))
    backend = open_backend(url)
    try:
        backend.init_schema()
        with backend.write() as db:  # what schema 4 held: one name, its stamp
            db.execute("INSERT INTO row_state (tbl, id, vals, clocks, scope, parent_id, seq) "
                       "VALUES ('participant', 'p-anne', ?, ?, '630', ?, 1), "
                       "('participant', 'p-bo', ?, ?, '630', ?, 2)",
                       [json.dumps({"company_id": FIRM, "name": "Anne Marie Holm"}),
                        json.dumps({"company_id": S1, "name": S2}), FIRM,
                        json.dumps({"company_id": FIRM, "name": "Bo"}),
                        json.dumps({"company_id": S3, "name": S3}), FIRM])
            db.execute("UPDATE server_meta SET value = '4' WHERE key = 'schema'")
        backend.init_schema()
        with backend.read() as db:
            found = {r[0]: (json.loads(r[1]), json.loads(r[2])) for r in db.all(
                "SELECT id, vals, clocks FROM row_state WHERE tbl = 'participant'")}
            schema = db.one("SELECT value FROM server_meta WHERE key = 'schema'")[0]
        assert int(schema) >= 5
        assert found["p-anne"] == ({"company_id": FIRM, "first_name": "Anne Marie",
                                    "last_name": "Holm"},
                                   {"company_id": S1, "first_name": S2, "last_name": S2})
        assert found["p-bo"] == ({"company_id": FIRM, "first_name": "Bo", "last_name": ""},
                                 {"company_id": S3, "first_name": S3, "last_name": S3})
    finally:
        backend.close()
