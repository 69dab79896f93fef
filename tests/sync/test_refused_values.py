"""A value the domain refuses never reaches the other laptops (issue 9, item 1): written
past the forms (a bug, an old version, a hand-edited store), it is refused per change,
the sender finds it in its inbox with the reason in Danish, and every other laptop keeps
syncing. Before, phase=99 synced, and `company show` and search crashed on every laptop
(ValueError: 99 is not a valid Phase); name=None stopped their syncs for good."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.services.companies import find_company
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store import conflict_inbox as inbox
from lokomotiv_desktop.sync.identity import natural_id

from .harness import BOTH_BACKENDS, serve_both

CVR = "13748136"
COMPANY = natural_id("company", CVR)


KONSULENT = ("konsulent", ["615"])


@pytest.fixture(params=BOTH_BACKENDS)
def server(request, tmp_path, monkeypatch):
    yield from serve_both(request, tmp_path, monkeypatch, {"anna": KONSULENT, "bo": KONSULENT})


@pytest.mark.parametrize("field, value, words", [
    ("phase", 99, "Fase"), ("phase", "abc", "Fase"), ("email", "ikke en adresse", "e-mail")])
def test_a_refused_value_lands_in_the_senders_inbox_and_nowhere_else(
        server, tmp_path, field, value, words):
    anna, bo = Store(tmp_path / "anna.db"), Store(tmp_path / "bo.db")
    try:
        with anna.transaction():
            anna.changes.insert("company", {"cvr": CVR, "name": "Firma",
                                            "municipality_code": "615"})
        anna_sync, bo_sync = server.login(anna, "anna"), server.login(bo, "bo")
        assert anna_sync.sync_once().ok and bo_sync.sync_once().ok
        with anna.transaction():  # past the forms: the change writer checks nothing
            anna.changes.update("company", COMPANY, {field: value})
        report = anna_sync.sync_once()
        assert report.ok and report.rejected == 1
        [refusal] = inbox.list_conflicts(anna)
        assert refusal.theirs_by == "invalid_value" and words in refusal.theirs
        assert anna.pending_changes() == 0  # no change blocks the outbox

        pulled = bo_sync.sync_once()
        assert pulled.ok, pulled.error
        company = find_company(bo, CVR)
        assert (company.name, int(company.phase)) == ("Firma", 1)
    finally:
        anna.close()
        bo.close()
