"""A company that moves out of a konsulent's municipalities leaves their laptop: evicted
(no tombstone), queued edits filed in the conflict inbox, back again when it moves back.
On both backends."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store import conflict_inbox as inbox
from lokomotiv_desktop.store.sync_apply import is_erased

from .harness import Server, fast_passwords


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request, tmp_path, monkeypatch):
    fast_passwords(monkeypatch)
    url = (f"sqlite:///{tmp_path}/shared.db" if request.param == "sqlite"
           else request.getfixturevalue("postgres_url"))
    srv = Server(url).start()
    srv.add_user("anna", "konsulent", ["101"])
    srv.add_user("chef", "koordinator", [])
    yield srv
    srv.close()


@pytest.fixture
def laptops(server, tmp_path):
    anna, chef = Store(tmp_path / "anna.db"), Store(tmp_path / "chef.db")
    yield anna, server.login(anna, "anna"), chef, server.login(chef, "chef")
    for store in (anna, chef):
        store.close()


def _ids(store, table):
    return [r[0] for r in store.db.execute(f"SELECT id FROM {table} ORDER BY id")]


def _company_with_contact(store):
    with store.transaction():
        company = store.changes.insert("company", {"cvr": "12345674", "name": "Bageriet",
                                                   "municipality_code": "101"})
        contact = store.changes.insert("contact", {"company_id": company, "name": "Ida"})
    return company, contact


def _move(store, client, company, municipality):
    with store.transaction():
        store.changes.update("company", company, {"municipality_code": municipality})
    assert client.sync_once().ok


def test_a_company_moved_away_leaves_the_laptop_and_comes_back(laptops):
    anna, anna_sync, chef, chef_sync = laptops
    company, contact = _company_with_contact(chef)
    assert chef_sync.sync_once().ok and anna_sync.sync_once().ok
    assert _ids(anna, "contact") == [contact]
    _move(chef, chef_sync, company, "147")
    report = anna_sync.sync_once()
    assert report.ok and report.pulled == 2
    assert _ids(anna, "company") == [] and _ids(anna, "contact") == []
    assert not is_erased(anna, "company", company)  # evicted, not erased
    assert inbox.list_conflicts(anna) == []
    _move(chef, chef_sync, company, "101")
    assert anna_sync.sync_once().ok
    assert _ids(anna, "company") == [company] and _ids(anna, "contact") == [contact]


def test_queued_edits_of_an_evicted_company_go_to_the_conflict_inbox(laptops):
    anna, anna_sync, chef, chef_sync = laptops
    company, contact = _company_with_contact(chef)
    assert chef_sync.sync_once().ok and anna_sync.sync_once().ok
    _move(chef, chef_sync, company, "147")
    # Anna, not yet aware of the move, renames the company and adds a contact.
    with anna.transaction():
        anna.changes.update("company", company, {"name": "Bageriet A/S"})
        anna.changes.insert("contact", {"company_id": company, "name": "Ole"})
    report = anna_sync.sync_once()
    assert report.ok and report.rejected == 2
    assert anna.pending_changes() == 0
    assert _ids(anna, "company") == [] and _ids(anna, "contact") == []
    refused = inbox.list_conflicts(anna)
    assert sorted(c.mine.get("name") for c in refused) == ["Bageriet A/S", "Ole"]
    assert all(c.rejected and c.theirs_by == "scope" and "kommune" in c.theirs
               for c in refused)
    # Nothing of hers reached the server; the coordinator's copy is untouched.
    assert chef_sync.sync_once().ok
    assert _ids(chef, "contact") == [contact]
    assert chef.db.execute("SELECT name FROM company").fetchone()[0] == "Bageriet"


def test_an_edit_queued_while_the_pull_evicts_is_filed_not_lost(laptops):
    from lokomotiv_desktop.store.sync_apply import apply_remote_rows

    anna, anna_sync, chef, chef_sync = laptops
    company, contact = _company_with_contact(chef)
    assert chef_sync.sync_once().ok and anna_sync.sync_once().ok
    with anna.transaction():
        anna.changes.update("contact", contact, {"phone": "12345674"})
    result = apply_remote_rows(anna, [{"seq": 99, "kind": "evict", "table": "company",
                                       "row_id": company, "values": {}, "clocks": {}}])
    assert (result.evicted, result.refused) == (2, 1)
    assert anna.pending_changes() == 0
    [filed] = inbox.list_conflicts(anna)
    assert filed.row_id == contact and filed.mine == {"phone": "12345674"}
