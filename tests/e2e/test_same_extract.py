"""End to end: two consultants import the same CVR extract on their own laptops and sync
through a real `lokomotiv-server` process (SQLite and PostgreSQL): one company per CVR
everywhere, its P-units once, and an edit on either laptop reaches the other."""
from __future__ import annotations

import json

import pytest

from .test_sync_cli import PASSWORD, Laptop, ServerProcess

EXTRACT = (
    "cvr;navn;adresse;postnr;by;kommunekode;pnr;p_navn\n"
    "13748136;Fjordens Slagteri A/S;Havnen 2;4600;Køge;101;1003456789;Slagteriet\n"
    "13748136;Fjordens Slagteri A/S;Havnen 2;4600;Køge;101;1003456790;Pakkeriet\n"
    "25313763;Vognmand Ågesen;Vejen 1;1456;København K;101;1003456801;Garagen\n"
)


def _search(laptop: Laptop, text: str) -> list[dict]:
    return json.loads(laptop.cli("search", text, "--json").stdout)


def _show(laptop: Laptop, cvr: str) -> dict:
    return json.loads(laptop.cli("company", "show", cvr, "--json").stdout)


def scenario(tmp_path, db_url: str) -> None:
    server = ServerProcess(tmp_path, db_url)
    url = server.start()
    try:
        anna, bo = Laptop(tmp_path, "anna"), Laptop(tmp_path, "bo")
        extract = tmp_path / "udtræk.csv"
        extract.write_text(EXTRACT, encoding="utf-8")
        for laptop in (anna, bo):
            laptop.cli("login", "--server", url, "--user", laptop.name, "--password-stdin",
                       stdin=PASSWORD + "\n")
            laptop.cli("import-cvr", str(extract))  # both offline from each other
        for laptop in (anna, bo, anna):
            report = laptop.sync()
            assert report["ok"] and report["conflicts"] == 0, report  # equal values merge
        for laptop in (anna, bo):
            [found] = _search(laptop, "Fjordens")
            assert found["cvr"] == "13748136"
            units = _show(laptop, "13748136")["production_units"]
            assert sorted(u["pnr"] for u in units) == ["1003456789", "1003456790"]
            assert len(_search(laptop, "Ågesen")) == 1
        bo.cli("company", "set", "13748136", "phone=+4522222222")
        bo.sync()
        anna.sync()
        assert _show(anna, "13748136")["phone"] == "+4522222222"
        anna.cli("company", "set", "25313763", "notes=Ring efter kl. 10")
        anna.sync()
        bo.sync()
        assert _show(bo, "25313763")["notes"] == "Ring efter kl. 10"
    finally:
        server.stop()


@pytest.mark.slow
def test_the_same_extract_on_two_laptops_gives_one_company_over_sqlite(tmp_path):
    scenario(tmp_path, f"sqlite:///{tmp_path}/shared.db")


@pytest.mark.slow
@pytest.mark.postgres
def test_the_same_extract_on_two_laptops_gives_one_company_over_postgresql(
        tmp_path, postgres_url):
    scenario(tmp_path, postgres_url)
