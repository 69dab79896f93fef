"""Two consultants create the same company by hand while offline (the editor's save), then
sync: one company, equal fields merged silently, the phones they typed differently in one
conflict (in both inboxes: the winner's and the loser's); what each hung under it (contacts, visits) ends under the one company."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.services.companies import save_company
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store import conflict_inbox as inbox
from lokomotiv_desktop.sync.identity import natural_id

from .harness import Server, fast_passwords, local_state, server_state

CVR = "13748136"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request, tmp_path, monkeypatch):
    fast_passwords(monkeypatch)
    url = (f"sqlite:///{tmp_path}/shared.db" if request.param == "sqlite"
           else request.getfixturevalue("postgres_url"))
    srv = Server(url).start()
    srv.add_user("anna", "konsulent", ["101"])
    srv.add_user("bo", "konsulent", ["101"])
    srv.add_user("chef", "koordinator", [])
    yield srv
    srv.close()


def _create(store: Store, phone: str, contact: str) -> str:
    return save_company(store, None, {
        "cvr": CVR, "name": "Fjordens Slagteri A/S", "municipality_code": "101",
        "city": "Køge", "phone": phone,
    }, contacts=[{"name": contact, "role": "leder"}])


def test_the_same_cvr_created_offline_on_two_laptops_is_one_company(server, tmp_path):
    anna, bo = Store(tmp_path / "anna.db"), Store(tmp_path / "bo.db")
    try:
        first = _create(anna, "11111111", "Ida Holm")
        second = _create(bo, "22222222", "Ole Berg")
        assert first == second == natural_id("company", CVR)
        clients = [server.login(anna, "anna"), server.login(bo, "bo")]
        for client in (*clients, clients[0]):
            assert client.sync_once().ok
        rows, _ = server_state(server, server.token("chef"))
        assert [key for key in rows if key[0] == "company"] == [("company", first)]
        assert local_state(anna) == local_state(bo) == rows
        contacts = sorted(row[0]["name"] for key, row in rows.items() if key[0] == "contact")
        assert contacts == ["Ida Holm", "Ole Berg"]
        # Bo pushed second: his later phone won, Anna's is his conflict to look at.
        phone = rows[("company", first)][0]["phone"]
        assert phone == "+4522222222"
        [conflict] = inbox.list_conflicts(bo)
        assert (conflict.field, conflict.mine, conflict.theirs, conflict.theirs_by) == (
            "phone", "+4522222222", "+4511111111", "anna")
        [told] = inbox.list_conflicts(anna)  # her phone lost: she hears of it too
        assert (told.field, told.mine, told.theirs, told.theirs_by) == (
            "phone", "+4511111111", "+4522222222", "bo")
    finally:
        anna.close()
        bo.close()
