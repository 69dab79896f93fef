"""Erasing a person everywhere (GDPR), through the real sync machinery on both backends: the
laptop that erases offline drops them at once and tells the server on its next sync; the
others lose them on theirs, a queued change for them is refused without a word of what it
held, and a laptop that was offline with an old copy never brings them back."""
from __future__ import annotations

import json

import httpx
import pytest

from lokomotiv_desktop.services import participants, person_privacy, screenings
from lokomotiv_desktop.store import privacy_queue
from lokomotiv_desktop.sync.client import _headers
from lokomotiv_desktop.sync.messages import API_PREFIX
from tests.cvrs import valid_cvr

from .harness import BOTH_BACKENDS, serve_both, server_state
from .network import BASE_URL
from .people import Laptop, company, dyslexia_result, person_rows, screened_person

USERS = {"a": ("konsulent", ["630"]), "b": ("konsulent", ["630"]),
         "c": ("konsulent", ["630"]), "kim": ("koordinator", []),
         "dan": ("konsulent", ["101"])}


@pytest.fixture(params=BOTH_BACKENDS)
def server(request, tmp_path, monkeypatch):
    yield from serve_both(request, tmp_path, monkeypatch, USERS)


@pytest.fixture
def laptops(server, tmp_path):
    made = {name: Laptop(server, name, tmp_path) for name in USERS}
    yield made
    for laptop in made.values():
        laptop.close()


def _outbox(laptop: Laptop, table: str, row_id: str) -> list[dict]:
    return [{"change_id": r[0], "table": table, "row_id": row_id, "fields": json.loads(r[1]),
             "clocks": json.loads(r[2]), "base": json.loads(r[3])}
            for r in laptop.store.db.execute(
                "SELECT change_id, fields, clocks, base FROM outbox WHERE tbl = ? AND "
                "row_id = ?", [table, row_id])]


def _push_raw(server, user: str, change: dict) -> dict:
    with httpx.Client(base_url=BASE_URL + API_PREFIX, transport=server.transport,
                      headers=_headers(server.token(user))) as http:
        answer = http.post("/push", json={"device_id": f"inspector{user}", "changes": [change]})
        answer.raise_for_status()
        return answer.json()["results"][0]


def test_erased_offline_gone_everywhere_and_never_resurrected(server, laptops):
    a, b, c = laptops["a"], laptops["b"], laptops["c"]
    firm = company(a, valid_cvr(11), "630", "a")
    person = screened_person(a, firm)
    screenings.record_screening(a.store, person, subject="matematik", tool="VMV-2",
                                outcome="egnet", trin=1, day="2026-11-21")
    dyslexia_result(a, person)
    a.sync()
    b.sync()
    c.sync()
    held = person_rows(a, person)
    # B and C see all of it but the dyslexia result (A is the company's consultant).
    shared = {k for k in held if k[0] != "dyslexia_result"}
    assert len(held) == 6 and person_rows(b, person) == shared == person_rows(c, person)

    # A erases offline: gone at once, tombstoned, queued for the server.
    erased = person_privacy.erase_person(a.store, person)
    assert set(erased) == held and not person_rows(a, person)
    assert a.store.db.execute("SELECT count(*) FROM tombstone").fetchone()[0] == 6
    assert [(t, i) for t, i, _ in privacy_queue.pending_erasures(a.store)] == \
        [("participant", person)]
    # B edits the person meanwhile; C edits a screening, offline with its old copy.
    participants.update_participant(b.store, person, {"phone": "+4512345678"})
    [queued] = _outbox(b, "participant", person)
    screening_id = min(i for t, i in held if t == "screening")
    c.write(lambda ch: ch.update("screening", screening_id, {"notes": "efterskrevet"}))

    a.sync()
    assert not privacy_queue.pending_erasures(a.store)
    rows, tombstoned = server_state(server, server.token("kim"))
    assert held <= tombstoned and not held & set(rows)

    report = b.client.sync_once()
    assert report.ok and report.rejected >= 1
    [refusal] = [r for r in b.refusals() if r.row_id == person]
    assert refusal.theirs_by == "erased" and refusal.mine is None
    assert "GDPR" in refusal.theirs and "+4512345678" not in json.dumps(refusal.theirs)
    assert not person_rows(b, person)
    assert b.store.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0

    c.sync()
    assert not person_rows(c, person)
    assert [r.theirs_by for r in c.refusals()] == ["erased"]
    assert all(r.mine is None for r in c.refusals())
    for laptop in (a, b, c):  # another round changes nothing: nothing comes back
        laptop.sync()
        assert not person_rows(laptop, person)
    rows, tombstoned = server_state(server, server.token("kim"))
    assert not held & set(rows) and held <= tombstoned

    # An old change for the erased id, pushed again (as it was, and as a new change).
    for change in (queued, {**queued, "change_id": queued["change_id"] + "-again"}):
        result = _push_raw(server, "b", change)
        assert (result["status"], result["reason"]) == ("rejected", "erased")
    assert ("participant", person) not in server_state(server, server.token("kim"))[0]


def test_a_coordinator_may_erase_a_participant_another_municipality_may_not(server, laptops):
    a, kim, dan = laptops["a"], laptops["kim"], laptops["dan"]
    firm = company(a, valid_cvr(12), "630", "a")
    keep, due = screened_person(a, firm), screened_person(a, firm)
    a.sync()
    kim.sync()

    # A konsulent of 101 asks to erase a person of 630: refused, kept, the round completes.
    privacy_queue.erase_now(dan.store, "participant", keep)
    report = dan.client.sync_once()
    assert report.ok, report.error
    [(table, row_id, error)] = privacy_queue.pending_erasures(dan.store)
    assert (table, row_id) == ("participant", keep)
    assert error and "kommune" in error
    rows, _ = server_state(server, server.token("kim"))
    assert ("participant", keep) in rows

    # The coordinator erases one (retention): confirmed, and gone from A on its next sync.
    person_privacy.erase_person(kim.store, due)
    kim.sync()
    assert not privacy_queue.pending_erasures(kim.store)
    a.sync()
    assert not person_rows(a, due) and person_rows(a, keep)
