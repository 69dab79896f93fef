"""A company imported without a municipality reaches the server whole once it gets one:
the server refuses a new row's first change that lacks required fields ("incomplete"),
and the laptop then sends the whole row and the rows under it. Before, the server stored
a company holding only `municipality_code`, and every other laptop's sync failed from then
on (NOT NULL constraint failed: company.cvr). On both backends."""
from __future__ import annotations

import csv

import pytest

from lokomotiv_desktop.services.companies import set_company_fields
from lokomotiv_desktop.services.import_cvr import import_cvr_file
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store import conflict_inbox as inbox
from lokomotiv_desktop.sync.identity import natural_id

from .harness import BOTH_BACKENDS, local_state, serve_both, server_state

CVR = "13748136"
HEADER = ["cvr", "navn", "adresse", "postnr", "by", "kommunekode", "pnr", "p_navn",
          "p_kommunekode"]


KONSULENT = ("konsulent", ["615"])


@pytest.fixture(params=BOTH_BACKENDS)
def server(request, tmp_path, monkeypatch):
    yield from serve_both(request, tmp_path, monkeypatch, {"anna": KONSULENT, "bo": KONSULENT, "inspector": ("koordinator", [])})


def _import_without_municipality(store: Store, folder) -> None:
    path = folder / "udtraek.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        writer.writerow([CVR, "Hansens Tømrerfirma ApS", "Vestergade 12", "8700", "Horsens",
                         "", "1003456789", "Værkstedet", ""])
    import_cvr_file(store, path)


def test_a_company_imported_without_a_municipality_arrives_whole_once_it_has_one(
        server, tmp_path):
    anna, bo = Store(tmp_path / "anna.db"), Store(tmp_path / "bo.db")
    try:
        _import_without_municipality(anna, tmp_path)
        anna_sync, bo_sync = server.login(anna, "anna"), server.login(bo, "bo")
        first = anna_sync.sync_once()
        assert first.ok and first.rejected >= 1  # no municipality: the inbox says so
        refusal = inbox.list_conflicts(anna)[0]
        assert refusal.theirs_by == "scope" and "ingen kommune" in refusal.theirs

        set_company_fields(anna, CVR, {"municipality_code": "615"})
        second = anna_sync.sync_once()
        assert second.ok, second.error

        rows, _ = server_state(server, server.token("inspector"))
        company = rows[("company", natural_id("company", CVR))][0]
        assert (company["cvr"], company["name"], company["municipality_code"]) == (
            CVR, "Hansens Tømrerfirma ApS", "615")
        unit = rows[("production_unit", natural_id("production_unit", "1003456789"))][0]
        assert unit["name"] == "Værkstedet"
        assert rows == local_state(anna)
        # The refusals were about a row the server now has: they are settled, not open.
        assert inbox.open_count(anna) == 0

        pulled = bo_sync.sync_once()
        assert pulled.ok, pulled.error
        assert local_state(bo) == rows
    finally:
        anna.close()
        bo.close()


def test_a_whole_row_that_is_still_incomplete_goes_to_the_inbox_once(server, tmp_path):
    """A row that truly lacks a required field locally (written past the forms) is not
    sent again and again: its whole-row resend is refused and filed, and sync ends."""
    anna = Store(tmp_path / "anna.db")
    try:
        with anna.transaction():
            company_id = anna.changes.insert(
                "company", {"cvr": CVR, "name": "Firma", "municipality_code": "615"})
        client = server.login(anna, "anna")
        assert client.sync_once().ok
        with anna.transaction():  # a contact whose name was never written (a bug elsewhere)
            anna.db.execute("INSERT INTO contact (id, company_id, name, clocks) "
                            "VALUES ('k1', ?, '', '{}')", [company_id])
            anna.changes.update("contact", "k1", {"phone": "+4520202020"})
        report = client.sync_once()
        assert report.ok and report.rejected == 1
        [entry] = [c for c in inbox.list_conflicts(anna) if c.row_id == "k1"]
        assert entry.theirs_by == "incomplete" and "navn" in entry.theirs
        assert anna.pending_changes() == 0
        rows, _ = server_state(server, server.token("inspector"))
        assert ("contact", "k1") not in rows
    finally:
        anna.close()
