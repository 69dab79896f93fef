"""`lokomotiv` from the outside: exit codes, messages and the JSON interface."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import types

import pytest

from lokomotiv_desktop import __version__
from lokomotiv_desktop.cli import main
from lokomotiv_desktop.store import Store

CVR = "13748136"
CSV = ("cvr;navn;adresse;postnr;by;kommunekode;pnr;p_navn\n"
       f"{CVR};Hansens Tømrerfirma ApS;Vestergade 12;7100;Vejle;630;1003456789;Værkstedet\n"
       "10150817;Vejle Metal A/S;Industrivej 3;7100;Vejle;630;1012345678;Hallen\n"
       "99999999;Forkert ApS;;;;;1000000001;\n")


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "cli.db")


@pytest.fixture
def run(db, capsys):
    def invoke(*argv):
        status = main(["--db", db, *argv])
        out, err = capsys.readouterr()
        return status, out, err
    return invoke


@pytest.fixture
def imported(run, tmp_path):
    (tmp_path / "udtraek.csv").write_text(CSV, encoding="cp1252")
    return run("import-cvr", str(tmp_path / "udtraek.csv"))


def outbox_count(db) -> int:
    store = Store(db)
    try:
        return store.pending_changes()
    finally:
        store.close()


def test_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"lokomotiv {__version__}"


def test_import_prints_the_summary_and_reports_rejections(imported, tmp_path):
    status, out, err = imported
    assert status == 0
    assert out == ("Importeret: 2 nye virksomheder med 2 P-enheder · 0 opdateret · "
                   "0 uændret · 1 række afvist\n")
    assert "linje 4 afvist" in err and "kontrolcifferet" in err
    assert (tmp_path / "udtraek.afviste.csv").exists()


def test_import_json_counts_companies_and_p_units_apart(run, tmp_path):
    from lokomotiv_desktop.services.cvr_file import CANONICAL
    from lokomotiv_desktop.services.demo import demo_cvr_rows

    rows = [list(row) for row in demo_cvr_rows(9)]
    companies = len({row[0] for row in rows})
    rows += [rows[0],                                          # the same row again
             [rows[1][0], "Andet navn", *rows[1][2:]],         # its P-nummer, other values
             ["12345678", *rows[2][1:10], "1000000001", *rows[2][11:]]]  # a bad CVR
    path = tmp_path / "udtraek.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([CANONICAL, *rows])
    status, out, err = run("import-cvr", "--json", str(path))
    assert status == 0
    assert json.loads(out) == {
        "companies": {"new": companies, "updated": 0, "unchanged": 0},
        "production_units": {"new": 9, "updated": 0, "unchanged": 0},
        "rejected_rows": 2, "repeated_rows": 1,
        "report": str(tmp_path / "udtraek.afviste.csv")}
    assert "linje 12 afvist: P-nummer" in err and "står også i linje 3" in err
    status, out, _ = run("import-cvr", str(path))
    assert out == (f"Importeret: 0 nye virksomheder · 0 opdateret · {companies} uændret · "
                   "P-enheder i eksisterende virksomheder: 9 uændrede · 2 rækker afvist · "
                   "1 gentaget række sprunget over\n")
    path.write_text("cvr;navn;pnr\n13748136;Hansens Tømrerfirma ApS;1003456789\n",
                    encoding="utf-8")
    status, out, _ = run("import-cvr", "--json", str(path))
    assert json.loads(out) == {
        "companies": {"new": 1, "updated": 0, "unchanged": 0},
        "production_units": {"new": 1, "updated": 0, "unchanged": 0},
        "rejected_rows": 0, "repeated_rows": 0, "report": None}


def test_import_help_describes_the_summary_and_json(run, capsys):
    with pytest.raises(SystemExit):
        run("import-cvr", "--help")
    out = " ".join(capsys.readouterr().out.split())
    assert "--json" in out and "Importeret: 6 nye virksomheder med 9 P-enheder" in out
    assert "imported N" not in out


def test_import_of_a_file_without_required_columns_exits_2(run, tmp_path, db):
    (tmp_path / "bad.csv").write_text("navn;by\nFirma;Vejle\n", encoding="utf-8")
    status, out, err = run("import-cvr", str(tmp_path / "bad.csv"))
    assert status == 2 and out == ""
    assert "mangler kolonnen" in err and "cvr" in err
    assert outbox_count(db) == 0
    status, _, err = run("import-cvr", str(tmp_path / "nope.csv"))
    assert status == 2 and "kan ikke læses" in err


def test_ctrl_c_during_an_import_says_so_saves_nothing_and_exits_130(run, tmp_path, db,
                                                                      monkeypatch):
    from lokomotiv_desktop.store import bulk

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(bulk.BulkCompanyWriter, "write", interrupted)
    (tmp_path / "udtraek.csv").write_text(CSV, encoding="cp1252")
    status, out, err = run("import-cvr", str(tmp_path / "udtraek.csv"))
    assert status == 130 and out == ""
    assert err.strip() == ("lokomotiv: Afbrudt. Det, kommandoen var i gang med at skrive, "
                           "er ikke gemt; intet er gemt halvt.")
    assert outbox_count(db) == 0


def test_ctrl_c_while_a_command_starts_is_a_message_not_a_traceback(run, monkeypatch):
    import lokomotiv_desktop.cli as cli

    def interrupted():
        raise KeyboardInterrupt  # as if Ctrl+C came while the command modules load

    monkeypatch.setattr(cli, "command_modules", interrupted)
    status, out, err = run("search", "x")
    assert (status, out) == (130, "")
    assert err.strip() == "lokomotiv: Afbrudt, før kommandoen gik i gang; intet er ændret."


def test_search_json_and_text(imported, run):
    status, out, _ = run("search", "tømr", "--json")
    assert status == 0
    assert json.loads(out) == [{"cvr": CVR, "name": "Hansens Tømrerfirma ApS",
                                "city": "Vejle", "municipality_code": "630"}]
    status, out, _ = run("search", "vejle")
    assert status == 0 and len(out.strip().splitlines()) == 2 and "(Vejle, Vejle)" in out
    status, out, _ = run("search", "zzzz")
    assert status == 0 and "Ingen virksomheder" in out


def test_company_show(imported, run):
    status, out, _ = run("company", "show", CVR, "--json")
    data = json.loads(out)
    assert status == 0 and data["cvr"] == CVR and data["production_units"][0]["pnr"] == "1003456789"
    status, out, _ = run("company", "show", "1374 8136")
    assert status == 0 and "Hansens Tømrerfirma ApS (CVR 13748136)" in out
    assert "1003456789" in out and "630 Vejle" in out


def test_company_show_unknown_and_invalid_cvr(imported, run):
    status, out, err = run("company", "show", "10000157")
    assert (status, out) == (1, "") and "ingen virksomhed med CVR-nummer 10000157" in err
    status, out, err = run("company", "show", "12345678")
    assert (status, out) == (2, "") and "kontrolcifferet" in err


def test_company_set(imported, run, db):
    status, out, _ = run("company", "set", CVR, "phone=+4575123456", "phase=2")
    assert status == 0 and out.strip() == "Ændret: phone=+4575123456, phase=2"
    status, out, _ = run("company", "set", CVR, "phase=Motivation")
    assert status == 0 and "Ingen ændringer" in out
    status, out, _ = run("company", "show", CVR, "--json")
    assert json.loads(out)["phone"] == "+4575123456" and json.loads(out)["phase"] == 2
    status, out, _ = run("company", "show", CVR)
    assert "Telefon:   75 12 34 56" in out  # stored +45..., shown as Danes write it


def test_company_set_invalid_changes_nothing(imported, run, db):
    before = outbox_count(db)
    status, out, err = run("company", "set", CVR, "phase=2", "email=ikke-en-mail")
    assert status == 2 and out == ""
    assert "email:" in err and "Intet er ændret" in err
    status, _, err = run("company", "set", CVR, "farve=blå")
    assert status == 2 and "Ukendt felt «farve»" in err
    status, _, err = run("company", "set", CVR, "phase")
    assert status == 2 and "FELT=VÆRDI" in err
    status, _, err = run("company", "set", "10000157", "phase=2")
    assert status == 1
    assert outbox_count(db) == before


def test_company_set_refuses_to_change_the_cvr(imported, run, db):
    before = outbox_count(db)
    status, out, err = run("company", "set", CVR, "cvr=10150817", "phone=+4575123456")
    assert status == 2 and out == ""
    assert ("CVR-nummeret er virksomhedens identitet og kan ikke ændres på en gemt "
            "virksomhed. Opret virksomheden med det rigtige CVR-nummer og slet den forkerte."
            ) in err
    assert "Intet er ændret" in err and outbox_count(db) == before
    status, out, _ = run("company", "show", CVR, "--json")
    assert json.loads(out)["cvr"] == CVR and json.loads(out)["phone"] is None


def test_demo(run):
    status, out, _ = run("demo", "--companies", "25")
    assert status == 0 and out.startswith("25 demovirksomheder")
    status, out, _ = run("search", "a", "--json", "--limit", "100")
    assert len(json.loads(out)) <= 25
    status, _, err = run("demo", "--companies", "0")
    assert status == 2 and "mindst 1" in err


def test_a_database_that_cannot_be_opened_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    assert main(["--db", str(bad), "search", "x"]) == 2
    assert "kan ikke åbnes" in capsys.readouterr().err


def test_no_command_opens_the_window_on_the_chosen_database(monkeypatch, db):
    opened = []
    fake = types.ModuleType("lokomotiv_desktop.ui.app")
    fake.run = lambda path: opened.append(str(path)) or 0
    monkeypatch.setitem(sys.modules, "lokomotiv_desktop.ui.app", fake)
    import lokomotiv_desktop.ui as ui_package
    monkeypatch.setattr(ui_package, "app", fake, raising=False)
    assert main(["--db", db]) == 0
    assert opened == [db]


def test_python_dash_m_is_the_same_command(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "lokomotiv_desktop", "--db", str(tmp_path / "x.db"),
         "company", "show", "10000157"],
        capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 1
    assert "ingen virksomhed" in result.stderr


def test_the_window_opens_from_the_command_line(tmp_path):
    pytest.importorskip("lokomotiv_desktop.ui.app")
    result = subprocess.run(
        [sys.executable, "-m", "lokomotiv_desktop", "--db", str(tmp_path / "x.db")],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "LOKOMOTIV_EXIT_WHEN_READY": "1", "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert "ready" in result.stdout


def test_a_demo_store_refuses_to_log_in_and_contacts_no_server(run, monkeypatch):
    status, out, _ = run("demo", "--companies", "20")
    assert status == 0 and "20 demovirksomheder" in out
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(readline=lambda: "kode\n"))
    # Port 9 (discard) on loopback: were a request sent, the message would say "forbindelse".
    status, _, err = run("login", "--server", "http://127.0.0.1:9", "--user", "anna",
                         "--password-stdin")
    assert status == 1
    assert "demodata og kan ikke synkroniseres" in err and "forbindelse" not in err


def test_demo_data_is_refused_in_a_store_that_has_been_connected(run, db):
    store = Store(db)
    with store.transaction():
        store.set_state("server_url", "https://lager.example.dk")
    store.close()
    status, _, err = run("demo", "--companies", "5")
    assert status == 2 and "ny databasefil" in err


@pytest.mark.parametrize("where", ["folder", "file_in_a_file"])
def test_a_database_path_that_cannot_be_used_gives_a_message_not_a_traceback(
        tmp_path, capsys, where):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    path = tmp_path if where == "folder" else blocker / "lokomotiv.db"
    status = main(["--db", str(path), "search", "x"])
    err = capsys.readouterr().err
    assert status == 2
    assert "--db" in err and "Traceback" not in err
    assert blocker.read_text() == "x"  # nothing in the way was touched


def test_an_import_in_a_terminal_shows_its_progress_on_stderr_only(run, tmp_path, monkeypatch):
    import sys

    from lokomotiv_desktop.services import import_cvr
    from lokomotiv_desktop.services.cvr_file import CANONICAL
    from lokomotiv_desktop.services.demo import demo_cvr_rows

    monkeypatch.setattr(import_cvr, "ROWS_PER_PART", 40)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    path = tmp_path / "udtraek.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([CANONICAL, *demo_cvr_rows(1200)])
    status, out, err = run("import-cvr", str(path))
    assert status == 0
    companies = len({row[0] for row in demo_cvr_rows(1200)})
    assert out == (f"Importeret: {companies:,} nye virksomheder med 1.200 P-enheder · "
                   "0 opdateret · 0 uændret · 0 rækker afvist\n").replace(",", ".")  # one line
    assert "\rImporterer … 1.200 af 1.200 rækker (100 %)" in err
    assert err.endswith("\r\033[K")  # the progress line is wiped at the end
