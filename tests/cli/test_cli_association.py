"""`lokomotiv member|members|board|grants` and `print voting-list` (issue 13): exit codes
as elsewhere, and nothing written on bad input."""
from __future__ import annotations

import json
import sqlite3

import pytest
from pypdf import PdfReader

from lokomotiv_desktop.cli import main

TABLES = ("member", "board_member", "grant_rate", "pnr_count", "activity_grant")


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "forening.db")


@pytest.fixture
def run(db, capsys):
    def invoke(*argv):
        status = main(["--db", db, *argv])
        out, err = capsys.readouterr()
        return status, out, err
    return invoke


def counts(db) -> dict[str, int]:
    with sqlite3.connect(db) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_members_are_added_listed_and_ended(run, db):
    assert run("member", "add", "--municipality", "615", "--since", "1.1.2024")[0] == 0
    status, out, err = run("member", "add", "--organisation", "DI", "--since", "1.3.2024")
    assert status == 0 and "uden stemmeret" in out, err
    status, out, _ = run("members", "--json")
    found = json.loads(out)
    assert [(m["name"], m["vote"]) for m in found] == [("Horsens", True), ("DI", False)]
    status, out, _ = run("members")
    assert "Horsens Kommune (615)" in out and "DI" in out
    status, out, err = run("member", "end", "--organisation", "DI", "--until", "31.12.2025")
    assert status == 0 and "31.12.2025" in out, err


def test_bad_member_input_fails_cleanly_and_writes_nothing(run, db):
    run("member", "add", "--municipality", "615", "--since", "1.1.2024")
    before = counts(db)
    status, out, err = run("member", "add", "--municipality", "615", "--since", "1.1.2025")
    assert (status, out) == (2, "") and "allerede medlem" in err
    status, _, err = run("member", "add", "--municipality", "999", "--since", "1.1.2025")
    assert status == 1 and "ingen kommune" in err
    status, _, err = run("member", "add", "--organisation", "FH", "--since", "snart")
    assert status == 2 and err.startswith("lokomotiv: ")
    status, _, err = run("member", "end", "--organisation", "FH", "--until", "1.1.2026")
    assert status == 1 and "ikke medlem" in err
    assert counts(db) == before


def test_the_board_has_one_formand(run, db):
    assert run("board", "add", "Mette Holm", "--role", "formand")[0] == 0
    assert run("board", "add", "Ali Khan", "--role", "medlem", "--no-vote")[0] == 0
    before = counts(db)
    status, out, err = run("board", "add", "Jens Berg", "--role", "formand")
    assert (status, out) == (2, "") and "allerede en formand: Mette Holm" in err
    status, _, err = run("board", "add", "Jens Berg", "--role", "kasserer")
    assert status == 2 and "formand eller medlem" in err
    assert counts(db) == before
    status, out, _ = run("board", "--json")
    assert [(b["name"], b["role"], b["vote"]) for b in json.loads(out)] == [
        ("Mette Holm", "formand", True), ("Ali Khan", "medlem", False)]


def test_grants_rate_count_and_activity(run, db):
    status, out, err = run("grants", "rate", "--year", "2027", "--per-pnr", "10")
    assert status == 0 and "10,00 kr. pr. P-nummer" in out, err
    status, out, err = run("grants", "pnr-count", "615", "--year", "2027")
    assert status == 0 and "0 i CVR-data" in out, err
    status, out, err = run("grants", "pnr-count", "615", "--year", "2027", "--count", "4382",
                           "--reason", "Udtrækket er delvist")
    assert status == 0 and "4382 (rettet: Udtrækket er delvist)" in out, err
    status, out, err = run("grants", "activity", "615", "--year", "2027", "--task",
                           "Temamøde", "--amount", "2.750,50")
    assert status == 0 and "2.750,50 kr." in out, err
    assert counts(db) == {"member": 0, "board_member": 0, "grant_rate": 1, "pnr_count": 1,
                          "activity_grant": 1}


@pytest.mark.parametrize("argv", [
    ("grants", "rate", "--year", "27", "--per-pnr", "10"),
    ("grants", "rate", "--year", "2027", "--per-pnr", "-10"),
    ("grants", "pnr-count", "615", "--year", "2027", "--count", "4382"),
    ("grants", "activity", "615", "--year", "2027", "--task", "Temamøde", "--amount", "mange"),
])
def test_bad_grant_input_exits_2_and_writes_nothing(run, db, argv):
    status, out, err = run(*argv)
    assert (status, out) == (2, "") and err.startswith("lokomotiv: ")
    assert set(counts(db).values()) == {0}


def test_the_voting_list_prints_each_voting_member_once(run, db, tmp_path):
    out_file = tmp_path / "stemmeliste.pdf"
    status, _, err = run("print", "voting-list", "--out", str(out_file))
    assert status == 2 and "Ingen medlemmer har stemmeret" in err and not out_file.exists()
    run("member", "add", "--municipality", "615", "--since", "1.1.2024")
    run("member", "add", "--organisation", "3F", "--since", "1.1.2024")
    status, out, err = run("print", "voting-list", "--out", str(out_file))
    assert status == 0 and "1 medlemmer" in out, err
    text = PdfReader(str(out_file)).pages[0].extract_text()
    assert text.count("Horsens Kommune") == 1 and "3F" not in text
    status, _, err = run("print", "course-plan", "--out", str(tmp_path / "plan.pdf"))
    assert status == 2 and "Angiv holdet" in err
