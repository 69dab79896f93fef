"""Change ids belong to the account that sent them (issue 9, item 7): another account that
sends the same id gets its own change applied, never the stored answer (which may hold
another municipality's values); the sender's own resend still gets its first answer.
Servers of schema 3 keep their stored answers on upgrade. On both backends."""
from __future__ import annotations

import json

from lokomotiv_desktop.server.schema import SCHEMA_VERSION

from .conftest import cid, company, count


def test_another_accounts_change_id_is_its_own_change(login, backend):
    anna, bo = login("anna"), login("bo")
    theirs = company(anna, "c-anna", phone="+4520202020")
    [first] = anna.push(theirs)["results"]
    assert first["status"] == "applied"
    anna_seq = first["seq"]

    mine = company(bo, "c-bo", "630")
    mine["change_id"] = theirs["change_id"]  # the same id, by accident or on purpose
    [answer] = bo.push(mine)["results"]
    assert answer["status"] == "applied" and answer["seq"] != anna_seq
    assert "+4520202020" not in json.dumps(answer)
    assert [i["row_id"] for i in bo.pull_all()] == [cid("c-bo")]
    # Anna's resend is still answered from what was stored, not applied twice.
    assert anna.push(theirs)["results"] == [first]
    assert count(backend, "SELECT count(*) FROM applied_change WHERE change_id = ?",
                 [theirs["change_id"]]) == 2


def test_an_upgraded_server_keeps_its_stored_answers(login, backend):
    anna = login("anna")
    change = company(anna, "c-old")
    [first] = anna.push(change)["results"]
    with backend.write() as db:  # the table as a schema 3 server made it
        db.execute("CREATE TABLE old_answers AS SELECT * FROM applied_change")
        db.execute("DROP TABLE applied_change")
        db.execute("CREATE TABLE applied_change (change_id TEXT PRIMARY KEY, account TEXT "
                   "NOT NULL, result TEXT NOT NULL, applied TEXT NOT NULL)")
        db.execute("INSERT INTO applied_change SELECT change_id, account, result, applied "
                   "FROM old_answers")
        db.execute("DROP TABLE old_answers")
        db.execute("UPDATE server_meta SET value = '3' WHERE key = 'schema'")
    backend.init_schema()
    with backend.read() as db:
        stored = db.one("SELECT value FROM server_meta WHERE key = 'schema'")[0]
        assert stored == str(SCHEMA_VERSION)
    assert anna.push(change)["results"] == [first]
    assert count(backend, "SELECT count(*) FROM row_state") == 1
