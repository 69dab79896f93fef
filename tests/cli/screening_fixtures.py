"""Fixtures for the participant, screening and privacy commands: a temp store with one
imported company, real CLI runs (cli.main, as tests/cli/test_cli.py does), and counts of
what was written (rows and outbox), to prove that refused input wrote nothing."""
from __future__ import annotations

import json

import pytest

from lokomotiv_desktop.cli import main
from lokomotiv_desktop.store import Store

CVR = "13748136"
OTHER_CVR = "10150817"  # valid, and not in the store
CSV = ("cvr;navn;adresse;postnr;by;kommunekode;pnr;p_navn\n"
       f"{CVR};Hansens Tømrerfirma ApS;Vestergade 12;7100;Vejle;630;1003456789;Værkstedet\n")


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "screening.db")


@pytest.fixture
def run(db, capsys):
    def invoke(*argv):
        status = main(["--db", db, *argv])
        out, err = capsys.readouterr()
        return status, out, err
    return invoke


@pytest.fixture
def company(run, tmp_path):
    (tmp_path / "udtraek.csv").write_text(CSV, encoding="cp1252")
    status, _, err = run("import-cvr", str(tmp_path / "udtraek.csv"))
    assert status == 0, err
    return CVR


@pytest.fixture
def add_person(run, company):
    """add_person(first, last, consent=..., extra=(options...)) -> participant id."""
    def add(first="Anne", last="Holm", *, consent=True, consent_date="1.11.2026", extra=()):
        status, out, err = run("participant", "add", company, "--first", first,
                               "--last", last, "--json", *extra)
        assert status == 0, err
        pid = json.loads(out)["id"]
        if consent:
            status, _, err = run("consent", pid, "--purpose", "screening", "--how",
                                 "skriftlig", "--date", consent_date)
            assert status == 0, err
        return pid
    return add


def counts(db, *tables: str) -> dict[str, int]:
    """Rows per table and the outbox length."""
    store = Store(db)
    try:
        found = {t: store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in tables}
        found["outbox"] = store.pending_changes()
        return found
    finally:
        store.close()


def sql(db, statement: str, params=()):
    store = Store(db)
    try:
        with store.transaction():
            return store.db.execute(statement, list(params)).fetchall()
    finally:
        store.close()
