"""One device's clock far in the future must not make later edits vanish (issue 9, item 3).
Before: a field stamped 9999999999999.99999 reached the server, the other laptops' clocks
jumped there on pull, and their next edits were stamped below normal stamps: the laptop
showed its value, the server kept the old one, sync said "Sendt: 1", with no conflict.
Now the server refuses the stamp, a laptop's clock does not follow one already stored
(an older server took it), and an edit that loses to it reaches the inbox. Both backends."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.server.storage import SeqCounter, load_rows, save_rows
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store import conflict_inbox as inbox
from lokomotiv_desktop.sync.hlc import MAX_CLOCK_AHEAD_MS, HybridClock, make_stamp, wall_ms
from lokomotiv_desktop.sync.identity import natural_id

from .harness import BOTH_BACKENDS, serve_both, server_state

CVR = "13748136"
COMPANY = natural_id("company", CVR)
FUTURE = make_stamp(9_999_999_999_999, 99_999, "broken-laptop")


KONSULENT = ("konsulent", ["615"])


@pytest.fixture(params=BOTH_BACKENDS)
def server(request, tmp_path, monkeypatch):
    yield from serve_both(request, tmp_path, monkeypatch, {"anna": KONSULENT, "bo": KONSULENT, "inspector": ("koordinator", [])})


@pytest.fixture
def laptops(server, tmp_path):
    anna, bo = Store(tmp_path / "anna.db"), Store(tmp_path / "bo.db")
    with anna.transaction():
        anna.changes.insert("company", {"cvr": CVR, "name": "Firma", "city": "Vejle",
                                        "municipality_code": "615"})
    clients = server.login(anna, "anna"), server.login(bo, "bo")
    for client in clients:
        assert client.sync_once().ok
    yield (anna, bo), clients
    anna.close()
    bo.close()


def _city(server) -> str:
    rows, _ = server_state(server, server.token("inspector"))
    return rows[("company", COMPANY)][0]["city"]


def _edit_city(store, city):
    with store.transaction():
        store.changes.update("company", COMPANY, {"city": city})


def test_a_laptop_whose_clock_is_in_the_future_is_refused_and_told(server, laptops):
    (anna, bo), (anna_sync, bo_sync) = laptops
    bo.clock = HybridClock(bo.device_id, wall_ms=lambda: 9_999_999_999_000)
    _edit_city(bo, "Fremtid")
    report = bo_sync.sync_once()
    assert report.ok and report.rejected == 1 and report.pushed == 0
    [refusal] = inbox.list_conflicts(bo)
    assert refusal.theirs_by == "clock_ahead" and "ur" in refusal.theirs
    assert _city(server) == "Vejle"
    # Anna's edits go on as usual.
    _edit_city(anna, "Kolding")
    assert anna_sync.sync_once().ok
    assert _city(server) == "Kolding"


def test_a_stored_stamp_from_the_future_does_not_swallow_later_edits(server, laptops):
    (anna, _), (anna_sync, _) = laptops
    with server.backend.write() as db:  # as an older server, which took any stamp, kept it
        seq = SeqCounter(db)
        state = load_rows(db, [("company", COMPANY)])[("company", COMPANY)]
        state.values["city"], state.clocks["city"] = "Fremtid", FUTURE
        state.seq, state.echo = seq.next(), None
        save_rows(db, [state])
        seq.save(db)
    assert anna_sync.sync_once().ok
    assert anna.clock.now() < make_stamp(wall_ms() + MAX_CLOCK_AHEAD_MS + 1_000, 0, "")
    _edit_city(anna, "Kolding")
    report = anna_sync.sync_once()
    assert report.ok and report.conflicts == 1  # not silent: the inbox says whose won
    [conflict] = inbox.list_conflicts(anna)
    assert (conflict.mine, conflict.theirs) == ("Kolding", "Fremtid")
