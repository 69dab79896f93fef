"""A server that holds a row no laptop can store (an older server let it in) no longer
stops the other laptops' sync: they pull everything else, keep that row in their
quarantine, say so, and take the row once the server holds a valid version of it."""
from __future__ import annotations

import argparse

import pytest

from lokomotiv_desktop.cli import sync as cli_sync
from lokomotiv_desktop.server.storage import RowState, SeqCounter, current_seq, save_rows
from lokomotiv_desktop.services.companies import save_company
from lokomotiv_desktop.store import Store, quarantine
from lokomotiv_desktop.store.companies import CompanyRepository
from lokomotiv_desktop.sync.hlc import make_stamp, wall_ms
from lokomotiv_desktop.sync.identity import natural_id

from .harness import BOTH_BACKENDS, local_state, serve_both, server_state

GOOD_CVR, HALF_CVR, PHASE_CVR = "31000009", "31000076", "31000149"


KONSULENT = ("konsulent", ["615"])


@pytest.fixture(params=BOTH_BACKENDS)
def server(request, tmp_path, monkeypatch):
    yield from serve_both(request, tmp_path, monkeypatch, {"anna": KONSULENT, "bo": KONSULENT, "chef": ("koordinator", [])})


def put_on_server(server, table: str, row_id: str, values: dict, scope: str = "615",
                  parent_id: str | None = None) -> None:
    """Writes a row state straight into the shared store, past every check of a push,
    as a server from before the checks could have stored it."""
    stamp = make_stamp(wall_ms(), 0, "oldserver")
    with server.backend.write() as db:
        seq = SeqCounter(db)
        save_rows(db, [RowState(table, row_id, values, {f: stamp for f in values}, scope,
                                parent_id, seq.next())])
        seq.save(db)


def bad_rows_on_server(server) -> None:
    # The importer's case: a company that reached the server with its municipality only.
    put_on_server(server, "company", natural_id("company", HALF_CVR),
                  {"municipality_code": "615"})
    put_on_server(server, "company", natural_id("company", PHASE_CVR),
                  {"cvr": PHASE_CVR, "name": "Fase 99 ApS", "municipality_code": "615",
                   "phase": 99})


@pytest.fixture
def laptops(server, tmp_path):
    anna, bo = Store(tmp_path / "anna.db"), Store(tmp_path / "bo.db")
    yield anna, bo, server.login(anna, "anna"), server.login(bo, "bo")
    anna.close()
    bo.close()


def test_a_laptop_keeps_syncing_past_rows_it_cannot_store(server, laptops):
    anna, bo, anna_client, bo_client = laptops
    save_company(anna, None, {"cvr": GOOD_CVR, "name": "God Virksomhed A/S",
                              "municipality_code": "615"},
                 contacts=[{"name": "Ida Holm", "role": "leder"}])
    assert anna_client.sync_once().ok
    bad_rows_on_server(server)

    report = bo_client.sync_once()
    assert report.ok, report.error
    assert report.quarantined == 2
    company = CompanyRepository(bo).get(natural_id("company", GOOD_CVR))
    assert [c.name for c in company.contacts] == ["Ida Holm"]
    assert [c.id for c in CompanyRepository(bo).search("a")] == [company.id]  # no crash
    with server.backend.read() as db:
        assert bo_client.cursor() == current_seq(db)  # past the bad rows
    assert {q.row_id for q in quarantine.list_rows(bo)} == {
        natural_id("company", HALF_CVR), natural_id("company", PHASE_CVR)}

    # The next round has nothing new to refuse, and still works.
    save_company(anna, company.id, {"city": "Vejle"})
    assert anna_client.sync_once().ok
    again = bo_client.sync_once()
    assert again.ok and again.quarantined == 0 and again.pulled == 1
    assert CompanyRepository(bo).get(company.id).city == "Vejle"
    assert quarantine.count(bo) == 2


def test_a_fixed_row_arrives_and_leaves_the_quarantine(server, laptops):
    _, bo, _, bo_client = laptops
    bad_rows_on_server(server)
    assert bo_client.sync_once().quarantined == 2
    put_on_server(server, "company", natural_id("company", PHASE_CVR),
                  {"cvr": PHASE_CVR, "name": "Fase 99 ApS", "municipality_code": "615",
                   "phase": 4})
    report = bo_client.sync_once()
    assert report.ok and report.quarantined == 0
    assert CompanyRepository(bo).get(natural_id("company", PHASE_CVR)).phase == 4
    assert [q.row_id for q in quarantine.list_rows(bo)] == [natural_id("company", HALF_CVR)]


def test_lokomotiv_sync_says_how_many_rows_are_in_quarantine(server, laptops, monkeypatch,
                                                              capsys):
    _, bo, _, bo_client = laptops
    bad_rows_on_server(server)
    monkeypatch.setattr(cli_sync.SyncService, "sync_now", lambda self: bo_client.sync_once())
    assert cli_sync.run_sync(argparse.Namespace(json=False), bo) == cli_sync.EXIT_OK
    out = capsys.readouterr().out
    assert ("2 rækker fra serveren kunne ikke gemmes og ligger i karantæne "
            "(se Synkronisering).") in out
    assert cli_sync.run_sync(argparse.Namespace(json=True), bo) == cli_sync.EXIT_OK
    assert '"in_quarantine": 2' in capsys.readouterr().out


def test_a_refused_field_of_a_held_row_does_not_cost_the_rest(server, laptops):
    """The laptop takes the valid fields of a bad version and, once its consultant sets
    the refused field again, holds exactly what the server holds (the server leaves the
    row out of that laptop's pulls from then on, so nothing may be missing)."""
    anna, bo, anna_client, bo_client = laptops
    company_id = save_company(anna, None, {"cvr": GOOD_CVR, "name": "God Virksomhed A/S",
                                           "municipality_code": "615", "phase": 2})
    assert anna_client.sync_once().ok and bo_client.sync_once().ok
    put_on_server(server, "company", company_id,
                  {"cvr": GOOD_CVR, "name": "God Virksomhed A/S", "municipality_code": "615",
                   "phase": 99, "city": "Vejle"})
    assert bo_client.sync_once().quarantined == 1
    held = CompanyRepository(bo).get(company_id)
    assert (held.phase, held.city) == (2, "Vejle")
    save_company(bo, company_id, {"phase": 3})
    assert bo_client.sync_once().ok
    assert quarantine.count(bo) == 0
    rows, _ = server_state(server, server.token("chef"))
    assert local_state(bo)[("company", company_id)][0] == rows[("company", company_id)][0]
    assert anna_client.sync_once().ok
    assert CompanyRepository(anna).get(company_id).phase == 3
