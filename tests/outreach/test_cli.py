"""The outreach commands: exit codes, output, JSON, and nothing written on bad input."""
from __future__ import annotations

import argparse
import json

import pytest
from icalendar import Calendar

from lokomotiv_desktop.cli import outreach as cli
from lokomotiv_desktop.domain.enums import Phase
from lokomotiv_desktop.store.companies import CompanyRepository

from .conftest import CVR, PROTECTED_CVR, row_count


def run(store, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="lokomotiv")
    cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.handler(args, store)


def out_json(capsys):
    return json.loads(capsys.readouterr().out)


VISIT = ["visit", "add", CVR, "--date", "2026-12-01", "--time", "09:30", "--kind",
         "første møde", "--note", "Mødt direktør og TR", "--next", "Send materiale til HR",
         "--due", "2026-12-08", "--consultant", "Anne Holm"]


def test_visit_add_and_list(store, company_id, capsys):
    assert run(store, *VISIT) == 0
    out = capsys.readouterr().out
    assert "Besøg registreret" in out and "Opgave oprettet" in out
    assert run(store, "visits", CVR, "--json") == 0
    (visit,) = out_json(capsys)
    assert set(visit) == {"id", "date", "time", "kind", "consultant", "note", "next", "due"}
    assert visit | {"id": None} == {
        "id": None, "date": "2026-12-01", "time": "09:30", "kind": "første møde",
        "consultant": "Anne Holm", "note": "Mødt direktør og TR",
        "next": "Send materiale til HR", "due": "2026-12-08"}
    assert run(store, "visits", CVR) == 0
    listed = capsys.readouterr().out
    assert "  1.12.2026  kl. 09.30  første møde" in listed  # Danish in print, ISO in JSON
    assert "Send materiale til HR (frist 8.12.2026)" in listed


def test_consultant_from_the_store_user(store, company_id, capsys):
    argv = VISIT[:-2]
    assert run(store, *argv) == 2
    assert "Hvem er konsulent" in capsys.readouterr().err
    store.set_state("user", "Søren Dahl")
    assert run(store, *argv) == 0
    capsys.readouterr()
    run(store, "visits", CVR, "--json")
    assert out_json(capsys)[0]["consultant"] == "Søren Dahl"


@pytest.mark.parametrize("change, message", [
    (("--kind", "kaffe"), "ikke en mulighed"),
    (("--date", "2026-02-30"), "ikke en gyldig dato"),
    (("--due", "2026-11-01"), "ligger før mødet"),
    (("--contact", "Ukendt Person"), "ingen kontaktperson"),
    (("--pnr", "9999999999"), "ingen P-enhed"),
])
def test_bad_visit_input_exits_2_and_writes_nothing(store, company_id, capsys, change, message):
    argv = list(VISIT)
    if change[0] in argv:
        argv[argv.index(change[0]) + 1] = change[1]
    else:
        argv += change
    before = store.pending_changes()
    assert run(store, *argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("lokomotiv: ") and message in err
    assert store.pending_changes() == before and row_count(store, "visit") == 0


def test_unknown_cvr_exits_1_and_a_malformed_one_2(store, capsys):
    assert run(store, "visits", "13748136") == 1
    assert "ingen virksomhed" in capsys.readouterr().err
    assert run(store, "phase", "1234") == 2
    assert "8 cifre" in capsys.readouterr().err


def test_reklamebeskyttet_needs_company_asked(store, protected_id, capsys):
    argv = ["visit", "add", PROTECTED_CVR, "--kind", "telefonmøde", "--consultant", "Anne"]
    assert run(store, *argv) == 2
    assert "reklamebeskyttet" in capsys.readouterr().err
    assert row_count(store, "visit") == 0
    assert run(store, *argv, "--company-asked") == 0
    assert store.db.execute("SELECT company_asked FROM visit").fetchone()[0] == 1


def test_tasks_and_task_done(store, company_id, capsys):
    run(store, *VISIT)
    capsys.readouterr()
    assert run(store, "tasks", "--json") == 0
    (task,) = out_json(capsys)
    assert (task["text"], task["due"], task["cvr"], task["company"], task["done"]) == (
        "Send materiale til HR", "2026-12-08", CVR, "Vejle Stål A/S", False)
    assert run(store, "tasks", "--due", "today", "--consultant", "Ingen", "--json") == 0
    assert out_json(capsys) == []
    assert run(store, "tasks") == 0
    assert "  8.12.2026   Vejle Stål A/S (13748136)" in capsys.readouterr().out
    assert run(store, "task", "done", task["id"][:20]) == 0
    assert "Udført: Send materiale til HR" in capsys.readouterr().out
    assert run(store, "tasks") == 0
    assert "Ingen åbne opgaver." in capsys.readouterr().out
    assert run(store, "task", "done", "nonexistent") == 1
    assert "ingen opgave" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        run(store, "tasks", "--due", "month")
    assert exit_.value.code == 2


def test_session_add_and_list(store, company_id, capsys):
    argv = ["session", "add", CVR, "--date", "2026-12-03", "--format", "pølsevogn",
            "--invited", "40", "--attended", "31", "--signed-up", "22", "--messenger", "tr,leder",
            "--consultant", "Anne Holm"]
    assert run(store, *argv) == 0
    capsys.readouterr()
    assert run(store, "sessions", CVR, "--json") == 0
    (session,) = out_json(capsys)
    assert (session["format"], session["invited"], session["attended"], session["signed_up"],
            session["messengers"]) == ("pølsevogn", 40, 31, 22, ["tr", "leder"])
    bad = [a if a != "22" else "35" for a in argv]
    assert run(store, *bad) == 2
    assert "flere tilmeldt screening" in capsys.readouterr().err
    assert row_count(store, "motivation_session") == 1


def test_phase_show_and_move(store, company_id, capsys):
    assert run(store, "phase", CVR) == 0
    assert capsys.readouterr().out.strip() == "1 Afklaring"
    assert run(store, "phase", CVR, "Motivation", "--consultant", "Anne",
               "--reason", "Ja fra direktøren") == 0
    assert "1 Afklaring → 2 Motivation" in capsys.readouterr().out
    assert run(store, "phase", CVR, "2", "--consultant", "Anne") == 0
    assert "allerede i fase 2 Motivation" in capsys.readouterr().out
    assert run(store, "phase", CVR, "Gennemfoerelse", "--consultant", "Anne") == 0
    capsys.readouterr()
    assert run(store, "phase", CVR, "7", "--consultant", "Anne") == 2
    assert "Ukendt fase" in capsys.readouterr().err
    assert CompanyRepository(store).get(company_id).phase == Phase.GENNEMFOERELSE
    assert row_count(store, "phase_change") == 2


def test_ics_to_file(store, company_id, tmp_path, capsys):
    run(store, *VISIT)
    target = tmp_path / "anne.ics"
    assert run(store, "ics", "--consultant", "Anne Holm", "-o", str(target)) == 0
    assert len(Calendar.from_ical(target.read_bytes()).walk("VEVENT")) == 1
    assert run(store, "ics", "--company", CVR) == 0
    assert "BEGIN:VCALENDAR" in capsys.readouterr().out
    assert run(store, "ics", "--company", CVR, "-o", str(tmp_path / "no" / "x.ics")) == 2
    assert "Kan ikke skrive" in capsys.readouterr().err


def test_through_the_lokomotiv_entry_point(tmp_path, capsys):
    """The commands are registered in the real `lokomotiv` parser (cli.command_modules())."""
    from lokomotiv_desktop.cli import main

    db = str(tmp_path / "cli.db")
    assert main(["--db", db, "tasks", "--json"]) == 0
    assert out_json(capsys) == []
    assert main(["--db", db, "phase", CVR]) == 1
    assert "ingen virksomhed" in capsys.readouterr().err
