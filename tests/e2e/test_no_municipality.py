"""The case from the importer, end to end (issue 9, item 1): a CVR row with an empty
kommunekode is imported and refused on sync; the consultant sets the municipality with
`lokomotiv company set` and syncs again. Before, the server stored a company holding only
`municipality_code`, and every other laptop's sync failed from then on (NOT NULL
constraint failed: company.cvr). Now the company arrives whole, P-unit included, and the
other laptop pulls it. A real lokomotiv-server process on loopback, over SQLite."""
from __future__ import annotations

from .test_sync_cli import CVR, PASSWORD, Laptop, ServerProcess

CSV = ("cvr;navn;adresse;postnr;by;kommunekode;pnr;p_navn\n"
       f"{CVR};Bageriet ApS;Vestergade 1;1456;København K;;1003456789;Bageriet\n")


def test_a_company_without_a_municipality_reaches_the_others_once_it_has_one(tmp_path):
    server = ServerProcess(tmp_path, f"sqlite:///{tmp_path / 'shared.db'}")
    url = server.start()
    try:
        anna, bo = Laptop(tmp_path, "anna"), Laptop(tmp_path, "bo")
        for laptop in (anna, bo):
            laptop.cli("login", "--server", url, "--user", laptop.name, "--password-stdin",
                       stdin=PASSWORD + "\n")
        (tmp_path / "udtraek.csv").write_text(CSV, encoding="utf-8")
        anna.cli("import-cvr", str(tmp_path / "udtraek.csv"))
        first = anna.sync()
        assert first["ok"] and first["rejected"] >= 1

        anna.cli("company", "set", CVR, "municipality_code=101")
        second = anna.sync()
        assert second["ok"] and second["pushed"] >= 2, second

        pulled = bo.sync()
        assert pulled["ok"], pulled
        company = bo.company()
        assert (company["name"], company["municipality_code"]) == ("Bageriet ApS", "101")
        assert [u["pnr"] for u in company["production_units"]] == ["1003456789"]
        again = bo.sync()  # and the sync after that is as quiet as any
        assert again["ok"] and again["pulled"] == 0
    finally:
        server.stop()
