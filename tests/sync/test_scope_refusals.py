"""A contact made on a consultant's laptop under a company that another laptop moves out of
the consultant's municipalities and back: explicit, deterministic versions of what the
simulation (test_simulation.py) found once. The server's answer to a change id is final:
once the sender has been told "refused" (a 403 batch or a per-change refusal, filed in its
inbox), no later copy of the same request (delayed, duplicated or resent) may apply it.
On both backends.
"""
from __future__ import annotations

import pytest

from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store import conflict_inbox as inbox

from .harness import (
    Server,
    deterministic,
    fast_passwords,
    local_state,
    scope_of,
    server_state,
)
from .network import ScriptedNetwork

# name -> (role, municipalities)
LAPTOPS = {"a": ("konsulent", ["101", "147"]), "b": ("konsulent", ["101"]),
           "c": ("konsulent", ["147"])}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request, tmp_path, monkeypatch):
    fast_passwords(monkeypatch)
    deterministic(monkeypatch)  # ids and stamps: the same on every run
    url = (f"sqlite:///{tmp_path}/shared.db" if request.param == "sqlite"
           else request.getfixturevalue("postgres_url"))
    srv = Server(url).start()
    srv.add_user("inspector", "koordinator", [])
    for name, (role, municipalities) in LAPTOPS.items():
        srv.add_user(name, role, municipalities)
    yield srv
    srv.close()


class Laptop:
    def __init__(self, server: Server, name: str, folder):
        self.name, self.scope = name, LAPTOPS[name][1]
        self.store = Store(folder / f"{name}.db")
        self.network = ScriptedNetwork(server.transport)
        self.client = server.login(self.store, name, transport=self.network)

    def write(self, action):
        with self.store.transaction():
            return action(self.store.changes)

    def sync(self) -> bool:
        report = self.client.sync_once()
        self.error = report.error
        return report.ok

    def has(self, table: str, row_id: str) -> bool:
        return self.store.db.execute(
            f"SELECT 1 FROM {table} WHERE id = ?", [row_id]).fetchone() is not None

    def refused(self) -> dict[str, str]:
        """Change id -> row id of every change refused for scope (open or resolved)."""
        return {c.mine_stamp: c.row_id for c in inbox.list_conflicts(self.store, True)
                if c.rejected and c.theirs_by == "scope"}

    def close(self):
        self.client.close()
        self.store.close()


@pytest.fixture
def laptops(server, tmp_path):
    made = {name: Laptop(server, name, tmp_path) for name in LAPTOPS}
    yield made
    for laptop in made.values():
        laptop.close()


def _outbox_ids(laptop: Laptop, row_id: str) -> list[str]:
    return [r[0] for r in laptop.store.db.execute(
        "SELECT change_id FROM outbox WHERE row_id = ? ORDER BY seq", [row_id])]


def _move(laptop: Laptop, company: str, municipality: str) -> None:
    laptop.write(lambda ch: ch.update("company", company, {"municipality_code": municipality}))
    assert laptop.sync()


def _converge_and_check(server: Server, laptops: dict[str, Laptop]):
    """Heals, syncs everyone twice, and checks what the simulation checks: every replica
    equals the server in its scope, and the server holds a row exactly when its creation
    was not refused."""
    for laptop in laptops.values():
        laptop.network.heal()
    for _ in range(2):
        for laptop in laptops.values():
            assert laptop.sync()
    rows, erased = server_state(server, server.token("inspector"))
    for laptop in laptops.values():
        assert laptop.store.pending_changes() == 0
        expected = {k: v for k, v in rows.items() if scope_of(rows, k) in laptop.scope}
        assert local_state(laptop.store) == expected, f"{laptop.name} differs from the server"
    return rows


# (when B makes the contact, what happens to B's first push of it)
CASES = [
    ("before_the_move", "deliver"),      # pushed while in scope: on the server
    ("before_the_move", "drop_answer"),  # applied, answer lost: the resend gets "applied"
    ("before_the_move", "delay"),        # the first push arrives after a refusal: refused
    ("before_the_move", "duplicate"),
    ("after_the_move", "deliver"),       # B had not heard of the move: refused (403)
    ("after_the_move", "drop_answer"),   # refused (403), answer lost, resent when back
    ("after_the_move", "delay"),         # refused (403), the late copy arrives when back
    ("after_the_move", "duplicate"),
]


@pytest.mark.parametrize(("made", "fate"), CASES, ids=[f"{m}-{f}" for m, f in CASES])
def test_a_contact_under_a_company_that_moved_away_and_back(server, laptops, made, fate):
    a, b, c = laptops["a"], laptops["b"], laptops["c"]
    company = a.write(lambda ch: ch.insert("company", {
        "cvr": "12345674", "name": "Bageriet", "municipality_code": "101"}))
    assert a.sync(), a.error
    assert b.sync() and c.sync()
    assert b.has("company", company)

    def make_contact() -> tuple[str, str]:
        contact = b.write(lambda ch: ch.insert("contact", {"company_id": company,
                                                           "name": "Ida Kontakt"}))
        [change_id] = _outbox_ids(b, contact)
        return contact, change_id

    if made == "before_the_move":
        contact, change_id = make_contact()
        b.network.plan(fate)
        first_ok = b.sync()
        _move(a, company, "147")   # out of B's municipalities
        second_ok = b.sync()       # pushes again if it must, then pulls the eviction
    else:
        _move(a, company, "147")
        contact, change_id = make_contact()  # B has not heard of the move yet
        b.network.plan(fate)
        first_ok = b.sync()
        second_ok = b.sync()
    assert second_ok
    assert first_ok == (fate in ("deliver", "duplicate"))
    assert not b.has("company", company) and not b.has("contact", contact)
    accepted = made == "before_the_move" and fate != "delay"
    # What B was told so far is what it will have been told at the end.
    assert (change_id in b.refused()) == (not accepted)

    _move(a, company, "101")       # back in B's municipalities
    b.network.deliver_delayed()    # a late copy of the first push arrives only now
    assert b.sync()
    assert b.has("company", company)
    a.write(lambda ch: ch.delete("company", company))
    assert a.sync()

    rows = _converge_and_check(server, laptops)
    assert (("contact", contact) in rows) == accepted
    assert (change_id in b.refused()) == (not accepted), \
        "a change filed as refused was applied after all (or the other way round)"
    assert b.has("contact", contact) == accepted
    if not accepted:  # not silently lost: what B typed waits in B's inbox
        [filed] = [c for c in inbox.list_conflicts(b.store) if c.mine_stamp == change_id]
        assert filed.mine["name"] == "Ida Kontakt"
    assert not c.has("company", company)


def test_a_resent_refusal_does_not_lose_the_company_or_what_the_same_push_made(
        server, laptops):
    """Found by the soak: C's delete of a company is refused while the company is away,
    the answer is lost; the company comes back; C resends the delete with a new contact.
    The stored answer still says "drop the row": C drops it, the contact is not filed as
    refused (the server took it), and both come straight back with the pull."""
    a, c = laptops["a"], laptops["c"]
    company = a.write(lambda ch: ch.insert("company", {
        "cvr": "12345674", "name": "Havnen", "municipality_code": "147"}))
    other = a.write(lambda ch: ch.insert("company", {
        "cvr": "23456788", "name": "Kroen", "municipality_code": "147"}))
    assert a.sync() and c.sync()
    _move(a, company, "101")  # away from C
    c.write(lambda ch: ch.delete("company", company))
    c.write(lambda ch: ch.update("company", other, {"city": "Ærø"}))  # not all refused
    c.network.plan("drop_answer")
    assert not c.sync()  # the server answered; C never heard
    _move(a, company, "147")  # back again
    contact = c.write(lambda ch: ch.insert("contact", {"company_id": company, "name": "Ida"}))
    assert c.sync()
    assert c.has("company", company) and c.has("contact", contact)
    assert contact not in c.refused().values()
    _converge_and_check(server, laptops)
