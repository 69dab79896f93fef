"""`lokomotiv report municipality|company-kpi|grants` on tests/services/test_kpi.py's data
set: the files are written (PDF, CSV, XLSX); bad input exits 2 in Danish and writes
nothing; an unknown municipality or CVR exits 1."""
from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from lokomotiv_desktop.cli import main
from lokomotiv_desktop.store import Store
from tests.services.test_kpi import build

PERIOD = ("--from", "1.1.2027", "--to", "30.6.2027")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("reports") / "kpi.db")
    store = Store(path)
    try:
        build(store)
    finally:
        store.close()
    return path


@pytest.fixture
def run(db, capsys):
    def invoke(*argv):
        status = main(["--db", db, "report", *argv])
        out, err = capsys.readouterr()
        return status, out, err
    return invoke


def _pdf_text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_municipality_report_as_pdf_csv_and_xlsx(run, tmp_path):
    status, out, err = run("municipality", "630", *PERIOD, "--out", str(tmp_path / "v.pdf"))
    assert status == 0, err
    assert "Kommunerapport for Vejle: gemt i" in out
    text = _pdf_text(tmp_path / "v.pdf")
    assert "Kommunerapport for Vejle Kommune" in text and "1. januar 2027 – 30. juni 2027" in text
    assert "<5" in text  # the data set is small: its person counts are all hidden
    assert run("municipality", "630", *PERIOD, "--out", str(tmp_path / "v.csv"))[0] == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "v.csv").read_text("utf-8-sig"),
                                       newline=""), delimiter=";"))
    assert rows[0][0] == "Kommune" and rows[1][0] == "Vejle (630)"
    people = [r for r in rows if r[3] == "Personer: beskæftigede og ledige"]
    assert people and all(r[6] in ("<5", "0") for r in people)
    assert run("municipality", "630", *PERIOD, "--out", str(tmp_path / "v.xlsx"))[0] == 0
    assert "Personer" in load_workbook(tmp_path / "v.xlsx").sheetnames


@pytest.mark.parametrize("argv, message", [
    (("municipality", "630", *PERIOD, "--out", "{dir}/v.txt"), "Filen skal hedde"),
    (("municipality", "630", *PERIOD, "--out", "{dir}/mangler/v.pdf"), "findes ikke"),
    (("municipality", "630", "--from", "31.2.2027", "--to", "30.6.2027", "--out", "{dir}/v.pdf"),
     "Fra-datoen"),
    (("municipality", "630", "--from", "1.7.2027", "--to", "30.6.2027", "--out", "{dir}/v.pdf"),
     "efter til-datoen"),
    (("municipality", "6x0", *PERIOD, "--out", "{dir}/v.pdf"), "Kommunekoden"),
    (("company-kpi", "1234", "--out", "{dir}/k.pdf"), "CVR"),
    (("company-kpi", "13748136", "--out", "{dir}/k.csv"), "Filen skal hedde .pdf"),
])
def test_bad_input_exits_2_and_writes_nothing(run, tmp_path, argv, message):
    status, _, err = run(*(a.format(dir=tmp_path) for a in argv))
    assert status == 2 and message in err
    assert list(tmp_path.rglob("*")) == []


def test_unknown_municipality_or_cvr_exits_1(run, tmp_path):
    status, _, err = run("municipality", "999", *PERIOD, "--out", str(tmp_path / "x.pdf"))
    assert status == 1 and "Der er ingen kommune med koden 999" in err
    status, _, err = run("company-kpi", "10000009", "--out", str(tmp_path / "x.pdf"))
    assert status == 1 and "CVR" in err
    assert list(tmp_path.iterdir()) == []


def test_company_kpi_sheet(run, tmp_path):
    status, out, err = run("company-kpi", "13748136", *PERIOD, "--out", str(tmp_path / "a.pdf"))
    assert status == 0, err
    assert "Nøgletal for Firma A: gemt i" in out
    text = _pdf_text(tmp_path / "a.pdf")
    assert "Nøgletal for Firma A" in text and "CVR 13748136" in text and "Side 1 af 1" in text
    assert "Screenede medarbejdere <5" in text


def test_grants_writes_through_the_grants_service(run, tmp_path, monkeypatch):
    from lokomotiv_desktop.services import grants

    calls = []

    def fake(store, year, out_dir):
        calls.append((year, out_dir))
        return [out_dir / "tilskud-2027-oversigt.pdf"]
    monkeypatch.setattr(grants, "write_statements", fake)
    status, out, err = run("grants", "--year", "2027", "--out", str(tmp_path))
    assert status == 0, err
    assert calls == [("2027", tmp_path)] and "tilskud-2027-oversigt.pdf" in out


def test_grants_bad_year_exits_2(run, tmp_path):
    status, _, err = run("grants", "--year", "tyve", "--out", str(tmp_path))
    assert status == 2 and err.startswith("lokomotiv: ")
