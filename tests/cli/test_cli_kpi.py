"""`lokomotiv kpi`: the funnel of tests/services/test_kpi.py's data set through the command
line, as JSON under the stable names and as a Danish table; bad input exits 2 with a Danish
message, an unknown CVR exits 1."""
from __future__ import annotations

import json

import pytest

from lokomotiv_desktop.cli import main
from lokomotiv_desktop.domain.kpi import FUNNEL, PERSON_COUNTS
from lokomotiv_desktop.store import Store
from tests.services.test_kpi import ALL, build

PERIOD = ("--from", "1.1.2027", "--to", "30.6.2027")


@pytest.fixture
def run(tmp_path, capsys):
    db = str(tmp_path / "kpi.db")
    store = Store(db)
    try:
        build(store)
    finally:
        store.close()

    def invoke(*argv):
        status = main(["--db", db, "kpi", *argv])
        out, err = capsys.readouterr()
        return status, out, err
    return invoke


def test_json_has_every_number_under_its_stable_name(run):
    status, out, err = run(*PERIOD, "--json")
    assert status == 0, err
    data = json.loads(out)
    assert list(data["numbers"]) == list(FUNNEL)
    assert data["numbers"] == ALL
    assert set(data["employment"]) == set(PERSON_COUNTS)
    assert data["employment"]["screened"] == {"beskæftiget": 3, "ledig": 1}
    assert data["by_subject_trin"] == {"læsning/2": 2, "obu": 1}
    assert data["dyslexia"] == {"grøn": 1, "rød": 1}
    assert data["filter"] == {"from": "2027-01-01", "to": "2027-06-30", "municipality": None,
                              "consultant": None, "company_id": None, "industry": None}


def test_filters_on_the_command_line(run):
    status, out, _ = run(*PERIOD, "--municipality", "630", "--json")
    assert status == 0 and json.loads(out)["numbers"]["hours_taught"] == 7.5
    status, out, _ = run(*PERIOD, "--company", "13748136", "--json")
    assert status == 0 and json.loads(out)["numbers"]["screened"] == 2
    status, out, _ = run(*PERIOD, "--consultant", "åse holm", "--industry", "10", "--json")
    assert status == 0 and json.loads(out)["numbers"]["companies_contacted"] == 1


def test_danish_table(run):
    status, out, err = run(*PERIOD, "--municipality", "630")
    assert status == 0, err
    assert out.startswith("Nøgletal 1.1.2027 – 30.6.2027, kommune 630 Vejle")
    assert "Beskæftigede" in out and "Ledige" in out
    screened = next(line for line in out.splitlines() if line.startswith("Screenede medarb"))
    assert screened.split()[-3:] == ["3", "2", "1"]
    assert "Undervisningstimer" in out and "7,5" in out
    assert "Tilmeldt pr. fag og trin: læsning/2 2" in out


@pytest.mark.parametrize(("argv", "message"), [
    (("--from", "30.6.2027", "--to", "1.1.2027"), "efter den slutter"),
    (("--from", "31.2.2027"), "Fra-datoen"),
    (("--municipality", "999"), "Ukendt kommunekode"),
    (("--industry", "1x"), "Ugyldig branchekode"),
    (("--company", "123"), "CVR"),
    (("--consultant", " "), "Konsulentens navn mangler"),
])
def test_bad_input_exits_2_in_danish(run, argv, message):
    status, out, err = run(*argv)
    assert status == 2 and out == ""
    assert err.startswith("lokomotiv: ") and message in err


def test_unknown_cvr_exits_1(run):
    status, out, err = run("--company", "12345674")  # valid, and deleted from the store
    assert status == 1 and out == ""
    assert "Der er ingen virksomhed med CVR-nummer 12345674" in err
