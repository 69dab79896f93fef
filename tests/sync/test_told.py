"""Nobody's edit disappears without them being told: the laptop whose value lost a conflict,
the editor of a row someone else deleted meanwhile, the sender of a change to a person
erased meanwhile. Real stores, the real server app in-process (SQLite)."""
from __future__ import annotations

import json

import pytest

from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store import conflict_inbox as inbox

from .harness import Server, deterministic, fast_passwords, local_state, server_state


@pytest.fixture
def server(tmp_path, monkeypatch):
    fast_passwords(monkeypatch)
    # "Later" must be later: two laptops' edits in one millisecond tie on their (random)
    # device ids, and the other one wins now and then.
    deterministic(monkeypatch)
    srv = Server(f"sqlite:///{tmp_path}/shared.db").start()
    for name in ("anna", "bo"):
        srv.add_user(name, "konsulent", ["101"])
    srv.add_user("chef", "koordinator", [])
    yield srv
    srv.close()


@pytest.fixture
def laptops(server, tmp_path):
    """Anna and Bo, both holding the same company with a contact and a visit."""
    anna, bo = Store(tmp_path / "anna.db"), Store(tmp_path / "bo.db")
    with anna.transaction():
        company = anna.changes.insert("company", {"cvr": "13748136", "name": "Bageriet",
                                                  "municipality_code": "101"})
        anna.changes.insert("contact", {"company_id": company, "name": "Ida Holm",
                                        "phone": "11111114"}, row_id="contact-1")
        anna.changes.insert("visit", {"company_id": company, "date": "2026-12-01"},
                            row_id="visit-1")
    clients = server.login(anna, "anna"), server.login(bo, "bo")
    for client in clients:
        assert client.sync_once().ok
    yield (anna, clients[0]), (bo, clients[1])
    for store in (anna, bo):
        store.close()


def _edit(store: Store, table: str, row_id: str, **values) -> None:
    with store.transaction():
        store.changes.update(table, row_id, values)


def test_the_laptop_whose_value_lost_hears_who_won_and_can_take_it_back(server, laptops):
    (anna, anna_sync), (bo, bo_sync) = laptops
    _edit(anna, "contact", "contact-1", phone="22222228")
    _edit(bo, "contact", "contact-1", phone="33333331")  # later, not having seen Anna's
    assert anna_sync.sync_once().conflicts == 0
    assert bo_sync.sync_once().conflicts == 1  # Bo's won; he is shown Anna's
    report = anna_sync.sync_once()
    assert report.conflicts == 1
    [told] = inbox.list_conflicts(anna)
    assert (told.field, told.mine, told.theirs, told.theirs_by) == (
        "phone", "22222228", "33333331", "bo")
    assert inbox.resolve(anna, told.id, "mine")
    for client in (anna_sync, bo_sync):
        assert client.sync_once().ok
    rows, _ = server_state(server, server.token("chef"))
    assert rows[("contact", "contact-1")][0]["phone"] == "22222228"
    assert local_state(anna) == local_state(bo) == rows


def test_an_edit_of_a_visit_deleted_meanwhile_is_one_click_from_coming_back(server, laptops):
    (anna, anna_sync), (bo, bo_sync) = laptops
    with anna.transaction():
        anna.changes.delete("visit", "visit-1")
    _edit(bo, "visit", "visit-1", notes="Aftalt screening i januar")
    assert anna_sync.sync_once().ok
    assert bo_sync.sync_once().conflicts == 1
    [told] = inbox.list_conflicts(bo)
    assert (told.table, told.field, told.mine, told.theirs, told.theirs_by) == (
        "visit", "deleted", 0, 1, "anna")
    assert bo.db.execute("SELECT deleted FROM visit WHERE id = 'visit-1'").fetchone() == (1,)
    assert inbox.resolve(bo, told.id, "mine")  # "Behold min": bring it back
    for client in (bo_sync, anna_sync):
        assert client.sync_once().ok
    for store in (anna, bo):
        assert store.db.execute("SELECT deleted, notes FROM visit WHERE id = 'visit-1'"
                                ).fetchone() == (0, "Aftalt screening i januar")


def test_a_change_to_a_person_erased_meanwhile_leaves_a_content_free_note(server, laptops):
    (anna, anna_sync), (bo, bo_sync) = laptops
    bo_sync.erase("contact", "contact-1")
    _edit(anna, "contact", "contact-1", phone="44444445")
    report = anna_sync.sync_once()
    assert report.ok and report.rejected == 1  # "Afvist: 1", and the erasure pulled
    assert anna.db.execute("SELECT count(*) FROM contact").fetchone() == (0,)
    [note] = inbox.list_conflicts(anna)
    assert note.rejected and note.mine is None and note.label == "slettet efter GDPR"
    assert "44444445" not in json.dumps([note.theirs, note.label])
    assert "Ida" not in json.dumps([note.theirs, note.label])
    inbox.resolve(anna, note.id, "theirs")  # dismissed
    assert inbox.open_count(anna) == 0
