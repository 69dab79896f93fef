"""`lokomotiv participant add|import`, `participants` and `consent`, run as a user would."""
from __future__ import annotations

import json

from tests.cli import screening_fixtures as fx
from tests.cli.screening_fixtures import OTHER_CVR, counts

db, run, company, add_person = fx.db, fx.run, fx.company, fx.add_person  # fixtures

TABLES = ("participant", "consent")


def test_add_an_employee_and_list_them(run, company):
    status, out, err = run("participant", "add", company, "--first", "Anne", "--last", "Holm",
                           "--pnr", "1003456789", "--title", "Tømrer", "--team", "Nat",
                           "--language", "andetsprog", "--phone", "53555569",
                           "--email", "anne@example.dk", "--json")
    assert status == 0, err
    pid = json.loads(out)["id"]
    assert list(json.loads(out)) == ["id"]
    status, out, _ = run("participants", company, "--json")
    assert status == 0
    [row] = json.loads(out)
    assert row["id"] == pid and row["name"] == "Anne Holm" and row["team"] == "Nat"
    assert row["consent"] == "none" and row["screenings"] == 0
    status, out, _ = run("participants", company)
    assert "Anne Holm [Nat] · intet samtykke · 0 screeninger" in out


def test_add_an_unemployed_citizen_with_the_referring_municipality(run, db):
    status, out, err = run("participant", "add", "--unemployed", "--municipality", "630",
                           "--jobcenter", "Jobcenter Vejle", "--first", "Bo", "--last", "Lund")
    assert status == 0, err
    assert out.startswith("Deltager registreret: Bo Lund")
    pid = out.rsplit("(", 1)[1].rstrip(")\n")
    status, out, _ = run("person", "show", pid)
    assert "ledig, henvist af kommune 630 Vejle, Jobcenter Vejle" in out
    status, _, err = run("participant", "add", "--unemployed", "--first", "Bo")
    assert status == 2 and "kommune" in err
    status, _, err = run("participant", "add", "--unemployed", "--municipality", "999",
                         "--first", "Bo")
    assert status == 2 and "Ukendt kommunekode" in err
    assert counts(db, "participant")["participant"] == 1


def test_unknown_company_is_exit_1_and_a_bad_cvr_exit_2(run, company, db):
    before = counts(db, *TABLES)
    status, _, err = run("participant", "add", OTHER_CVR, "--first", "Anne")
    assert status == 1 and "ingen virksomhed" in err
    status, _, err = run("participant", "add", "12345678", "--first", "Anne")
    assert status == 2 and err.startswith("lokomotiv: ")
    status, _, err = run("participant", "add", "--first", "Anne")
    assert status == 2 and "CVR" in err
    assert counts(db, *TABLES) == before


def test_a_cpr_number_in_free_text_is_refused_and_nothing_written(run, company, db):
    before = counts(db, *TABLES)
    status, out, err = run("participant", "add", company, "--first", "Anne",
                           "--notes", "cpr 010190-1234")
    assert status == 2 and out == ""
    assert "CPR-nummer" in err and "Noter" in err
    status, _, err = run("participant", "add", company, "--first", "Anne",
                         "--email", "ikke en adresse")
    assert status == 2
    assert counts(db, *TABLES) == before


def test_consent_oral_needs_a_witness_and_is_not_doubled(run, add_person, db):
    pid = add_person(consent=False)
    before = counts(db, *TABLES)
    status, _, err = run("consent", pid, "--purpose", "screening", "--how", "mundtlig")
    assert status == 2 and "vidne" in err
    status, _, err = run("consent", pid, "--purpose", "screening")
    assert status == 2 and "skriftlig eller mundtlig" in err
    status, _, err = run("consent", pid, "--purpose", "reklame", "--how", "skriftlig")
    assert status == 2 and "Ukendt formål" in err
    assert counts(db, *TABLES) == before
    status, out, err = run("consent", pid[:13], "--purpose", "skolen", "--how", "Mundtligt",
                           "--witness", "Lis Berg", "--date", "2026-11-02")
    assert status == 0, err
    assert out == ("Samtykke registreret for Anne Holm: Deling af resultater med skolen, "
                   "mundtlig, 2.11.2026, vidne Lis Berg\n")
    run("consent", pid, "--purpose", "school", "--how", "mundtlig", "--witness", "Lis Berg",
        "--date", "3.11.2026")
    assert counts(db, "consent")["consent"] == before["consent"] + 1


def test_consent_for_an_unknown_or_ambiguous_person(run, add_person):
    first, second = add_person("Anne"), add_person("Bo")
    status, _, err = run("consent", "ffffffff", "--purpose", "screening", "--how", "skriftlig")
    assert status == 1 and "Ingen deltager" in err
    common = next(n for n in range(len(first), 3, -1) if first[:n] == second[:n])
    status, _, err = run("consent", first[:common], "--purpose", "screening",
                         "--how", "skriftlig")
    assert status == 2 and "Flere deltagere" in err


def test_withdrawing_asks_about_erasure_only_when_told(run, add_person, db):
    pid = add_person()
    before = counts(db, *TABLES)
    status, _, err = run("consent", pid, "--purpose", "screening", "--how", "skriftlig",
                         "--erase")
    assert status == 2 and "--withdraw" in err
    status, _, err = run("consent", pid, "--purpose", "screening", "--withdraw", "--erase")
    assert status == 2 and "--yes" in err  # no terminal to ask on: refused, nothing written
    assert counts(db, *TABLES) == before
    status, out, err = run("consent", pid, "--purpose", "screening", "--withdraw",
                           "--date", "5.11.2026")
    assert status == 0, err
    assert "trukket tilbage for Anne Holm: Screening fra 5.11.2026" in out
    assert f"lokomotiv person erase {pid}" in out
    status, _, err = run("consent", pid, "--purpose", "screening", "--withdraw")
    assert status == 2 and "intet samtykke" in err


# -- import ---------------------------------------------------------------------------------

GOOD = ("\ufefffornavn,efternavn,stilling,team,sprog,telefon,email\n"
        "Anne,Holm,Tømrer,Nat,dansk,53555569,anne@example.dk\n"
        "Bo,Lund,Lærling,Dag,andetsprog,,\n"
        "\n"
        "Søren,Ærø,,Dag,,,\n")


def test_a_good_csv_imports_every_row_and_a_second_run_doubles_nobody(run, company, tmp_path):
    path = tmp_path / "ansatte.csv"
    path.write_text(GOOD, encoding="utf-8")
    status, out, err = run("participant", "import", company, str(path))
    assert status == 0, err
    assert out == "Importeret: 3 deltagere til Hansens Tømrerfirma ApS\n"
    status, out, _ = run("participants", company, "--json")
    assert sorted(r["name"] for r in json.loads(out)) == ["Anne Holm", "Bo Lund", "Søren Ærø"]
    status, out, _ = run("participant", "import", company, str(path), "--json")
    assert status == 0 and json.loads(out) == {"added": [], "skipped_lines": [2, 3, 5]}


def test_a_cpr_column_refuses_the_whole_file(run, company, tmp_path, db):
    path = tmp_path / "ansatte.csv"
    path.write_text("fornavn;efternavn;CPR-nr\nAnne;Holm;\nBo;Lund;\n", encoding="utf-8")
    before = counts(db, *TABLES)
    status, out, err = run("participant", "import", company, str(path))
    assert status == 2 and out == ""
    assert "«CPR-nr»" in err and "CPR-numre" in err and "Intet er gemt" in err
    assert counts(db, *TABLES) == before


def test_a_cpr_value_in_a_cell_refuses_the_file_and_names_the_line(run, company, tmp_path, db):
    path = tmp_path / "ansatte.csv"
    path.write_text("fornavn;efternavn;team\nAnne;Holm;Nat\nBo;Lund;020385-4321\n",
                    encoding="utf-8")
    before = counts(db, *TABLES)
    status, _, err = run("participant", "import", company, str(path))
    assert status == 2 and "Linje 3" in err and "CPR-nummer" in err
    assert counts(db, *TABLES) == before


def test_one_bad_row_refuses_every_row(run, company, tmp_path, db):
    path = tmp_path / "ansatte.csv"
    path.write_text("fornavn;efternavn;email\nAnne;Holm;anne@example.dk\n;Lund;\n"
                    "Cia;Berg;ikke-en-adresse\n", encoding="utf-8")
    before = counts(db, *TABLES)
    status, _, err = run("participant", "import", company, str(path))
    assert status == 2 and "linje 3" in err and "linje 4" in err
    assert counts(db, *TABLES) == before
    status, _, err = run("participant", "import", OTHER_CVR, str(path))
    assert status == 1
    status, _, err = run("participant", "import", company, str(tmp_path / "findes-ikke.csv"))
    assert status == 2 and "Kan ikke læse" in err
