"""The municipality report and the company KPI sheet from hand-made KPI numbers: small
counts suppressed in the service (and a second cell where one would give the first away),
the PDF read back (name, period, numbers, "<5", page numbers), the CSV as Danish Excel
opens it, the XLSX with numbers, formats and widths."""
from __future__ import annotations

import csv
import io
from datetime import date

from openpyxl import load_workbook
from pypdf import PdfReader

from lokomotiv_desktop.reports.company_kpi import build_company_kpi
from lokomotiv_desktop.reports.municipality_report import (
    CSV_HEADERS,
    build_municipality_report,
    sheets,
    table_rows,
)
from lokomotiv_desktop.reports.table_files import (
    INTEGER_FORMAT,
    PERCENT_FORMAT,
    write_csv,
    write_xlsx,
)
from lokomotiv_desktop.services.municipality_report import previous_period
from tests.reports.company_sample import sample as company_sample
from tests.reports.municipality_sample import sample


def _table(data, key):
    return next(t for t in data["tables"] if t["key"] == key)


def _text(pdf: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def test_previous_period_has_the_same_length():
    assert previous_period(date(2027, 1, 1), date(2027, 6, 30)) == (date(2026, 7, 4),
                                                                      date(2026, 12, 31))
    assert previous_period(date(2027, 3, 1), date(2027, 3, 1)) == (date(2027, 2, 28),
                                                                     date(2027, 2, 28))


def test_person_counts_are_suppressed_in_the_service():
    data = sample()
    people = _table(data, "personer")["rows"]
    screened, referred, enrolled, completed, _ = people
    # 61 employed and 3 unemployed of 64: the 3 is hidden, and so is the 61 (64 - 61 = 3)
    assert screened == ["Screenede medarbejdere", "<5", "<5", 64]
    assert referred == ["Henvist til Ordblindetesten", "<5", "<5", 7]
    assert completed == ["Gennemført hold", 21, 0, 21]
    # the OBU enrolments (3) make the trin table hide its total; the same total is hidden here
    assert enrolled[-1] == "<5" and _table(data, "trin")["rows"][-1][-1] == "<5"
    assert _table(data, "udvikling")["rows"][2][1:] == ["<5", "<5", "–"]
    dyslexia = _table(data, "ordblinde")["rows"]
    assert [r[1] for r in dyslexia] == [7, "<5", "<5", "<5", 6]
    companies = _table(data, "virksomheder")["rows"]
    assert companies[0] == ["Virksomheder kontaktet", 42, 30, 0.4]


def test_every_small_number_is_hidden_everywhere():
    data = sample()
    for table in data["tables"]:
        for row in table["rows"]:
            for value in row[1:]:
                assert not (isinstance(value, int) and 0 < value < 5), (table["title"], row)
    for series in data["chart"]["series"]:
        for value, label in zip(series["values"], series["labels"], strict=True):
            assert value is None or value == 0 or value >= 5
            assert label == "<5" or int(label) == value
    # February's 3 screened and April's 2 enrolled, each with a second month hidden
    assert [s["labels"].count("<5") for s in data["chart"]["series"]] == [2, 2]


def test_pdf_reads_back():
    pdf = build_municipality_report(sample())
    text = _text(pdf)
    assert "Kommunerapport for Horsens Kommune" in text
    assert "1. januar 2027 – 30. juni 2027" in text
    assert "4. juli 2026 – 31. december 2026" in text
    assert "Virksomheder kontaktet 42 30 +40,0 %" in text
    assert "Screenede medarbejdere <5 <5 64" in text
    assert "Side 1 af 2" in text and "Side 2 af 2" in text
    assert "<5: færre end 5 personer" in text


def test_csv_opens_in_danish_excel(tmp_path):
    data = sample()
    path = tmp_path / "horsens.csv"
    write_csv(path, CSV_HEADERS, table_rows(data))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    text = raw.decode("utf-8-sig")
    text.encode("cp1252")  # every character has a place in Danish Excel's code page
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == CSV_HEADERS
    assert ["Horsens (615)", "2027-01-01", "2027-06-30", "Personer: beskæftigede og ledige",
            "Screenede medarbejdere", "Ledige", "<5"] in rows
    assert ["Horsens (615)", "2027-01-01", "2027-06-30", "Virksomheder, møder og undervisning",
            "Virksomheder kontaktet", "Ændring", "+40,0 %"] in rows
    assert not list(tmp_path.glob(".*.part"))


def test_xlsx_reads_back(tmp_path):
    path = tmp_path / "horsens.xlsx"
    write_xlsx(path, sheets(sample()))
    book = load_workbook(path)
    assert book.sheetnames[0] == "Oversigt"
    assert book.sheetnames == ["Oversigt", "Virksomheder", "Personer", "Udvikling", "Fag",
                               "Fag og trin", "Ordblindeindsatsen"]
    sheet = book["Personer"]
    assert [c.value for c in sheet[1]] == ["Nøgletal", "Beskæftigede", "Ledige", "I alt"]
    assert sheet[1][0].font.bold and sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[2]] == ["Screenede medarbejdere", "<5", "<5", 64]
    assert sheet["D2"].number_format == INTEGER_FORMAT
    assert sheet.column_dimensions["A"].width >= len("Henvist til Ordblindetesten")
    companies = book["Virksomheder"]
    assert companies["D2"].value == 0.4 and companies["D2"].number_format == PERCENT_FORMAT


def test_company_kpi_sheet():
    data = company_sample()
    hidden_target = data["targets"][2]
    assert hidden_target["counted"] == "<5" and hidden_target["current"] == "under 12,5 %"
    assert ["Henvist til Ordblindetesten", "<5"] in data["funnel"]
    # 2 in OBU, so a second subject is hidden; the total (24) is the funnel's and stays
    assert [r[1] for r in data["subjects"]].count("<5") == 2
    pdf = build_company_kpi(data)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = _text(pdf)
    assert "Nøgletal for Horsens Stål A/S" in text and "CVR 12345678" in text
    assert "80,0 % senest 1. juni 2027" in text and "61,0 % (30 dage tilbage)" in text
    assert "<5 tilmeldt screening af 40 medarbejdere" in text
    assert "Side 1 af 1" in text
