"""The GDPR export, read back from the PDF: the Danish text arrives exactly, user markup
is escaped, long lists break with repeating headers, A4 and metadata are right."""
from __future__ import annotations

import copy
import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from lokomotiv_desktop.reports.person_export import TITLE, build_person_export

PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"

SAMPLE = {
    "generated_at": "2026-12-03T14:05:00+00:00",
    "generated_by": "Anne Holm",
    "person": {
        "id": "p-1", "first_name": "Søren", "last_name": "Ærø", "company": "Ørsted A/S",
        "cvr": "36213728", "unit": "Kolding", "employment": "beskæftiget",
        "municipality": "Kolding", "jobcenter": "", "job_title": "Lagerarbejder",
        "team": "", "language": "dansk", "phone": "+4553555569",
        "email": "soren@example.dk", "notes": "", "created": "2026-11-01T09:30:00+00:00",
    },
    "consents": [{"purpose": "screening", "purpose_label": "Screening",
                  "given_on": "2026-11-02", "how": "mundtlig", "witness": "Bo",
                  "withdrawn_on": None}],
    "screenings": [{"date": "2026-11-03", "subject_label": "FVU-læsning", "tool": "VLV-2",
                    "outcome_label": "Læsekursus", "trin": 2, "school": "VUC Syd",
                    "tester": "Mia", "notes": ""}],
    "referrals": [{"date": "2026-11-04", "school": "VUC Syd",
                   "result_label": "Usikker fonologisk kodning", "result_date": "2026-11-20",
                   "valid_until": "2041-11-20"}],
    "enrolments": [],
    "access_log": [{"at": "2026-11-05T10:00:00+00:00", "who": "Anne Holm",
                    "what": "Så screeninger"}],
    "retention": "Oplysningerne slettes 24 måneder efter sidste aktivitet (senest 2028-11-05).",
}


def long_sample(n: int = 80) -> dict:
    data = copy.deepcopy(SAMPLE)
    data["screenings"] = [
        {**SAMPLE["screenings"][0], "date": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
         "tester": f"Tester {i:02d}"}
        for i in range(n)
    ]
    return data


def text_of(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "export.pdf"
    path.write_bytes(pdf)
    out = subprocess.run([PDFTOTEXT, "-layout", str(path), "-"], check=True,
                         capture_output=True, text=True, encoding="utf-8")
    return out.stdout


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def short_pdf() -> bytes:
    return build_person_export(SAMPLE)


def test_danish_content_arrives_exactly(short_pdf, tmp_path):
    text = text_of(short_pdf, tmp_path)
    for expected in (
        "Netværkslokomotivet",
        TITLE,
        "Søren Ærø",
        "Ørsted A/S (CVR 36213728)",
        "FVU-læsning",
        "Læsekursus",
        "Usikker fonologisk kodning",
        "Henvisninger til Ordblindetesten",
        "Hvem har set oplysningerne",
        "Så screeninger",
        "53 55 55 69",
        "3. november 2026",
        "20. november 2041",
        "Oplysningerne slettes 24 måneder efter sidste aktivitet",
        "berigtiget",
        "Datatilsynet",
    ):
        assert expected in text, expected
    # The subtitle's en-dash survives WinAnsi and is not turned into a hyphen.
    assert "Søren Ærø – udskrevet" in text


def test_times_are_danish_local_time(short_pdf, tmp_path):
    text = text_of(short_pdf, tmp_path)
    # 10:00 UTC in November is 11.00 in Copenhagen (CET); 14:05 UTC is 15.05.
    assert "5. november 2026 kl. 11.00" in text
    assert "Udskrevet torsdag 3. december 2026 kl. 15.05" in text


def test_empty_lists_say_ingen(tmp_path):
    data = copy.deepcopy(SAMPLE)
    data["consents"] = data["screenings"] = data["referrals"] = data["access_log"] = []
    lines = [ln.strip() for ln in text_of(build_person_export(data), tmp_path).splitlines()]
    # Samtykker, Screeninger, Henvisninger, Hold and the access log: five "Ingen".
    assert lines.count("Ingen") == 5


def test_empty_fields_show_a_dash(short_pdf, tmp_path):
    text = text_of(short_pdf, tmp_path)
    jobcenter = next(ln for ln in text.splitlines() if "Jobcenter" in ln)
    assert jobcenter.split()[-1] == "–"


def test_markup_in_user_text_is_escaped(tmp_path):
    data = copy.deepcopy(SAMPLE)
    data["person"]["first_name"] = "A & B <x>"
    data["person"]["company"] = "<b>Fed</b> & Co"
    data["access_log"][0]["what"] = "Så <noter> & mere"
    text = text_of(build_person_export(data), tmp_path)
    assert "A & B <x> Ærø" in text
    assert "<b>Fed</b> & Co" in text
    assert "Så <noter> & mere" in text


def test_long_export_breaks_with_repeating_header_and_page_numbers():
    pages = pages_of(build_person_export(long_sample(80)))
    assert len(pages) >= 2
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert f"Side {number} af {total}" in page
        assert "Netværkslokomotivet" in page and TITLE in page
    # Every screening is there once, and the table header repeats on the page it runs onto.
    everything = "\n".join(pages)
    assert all(f"Tester {i:02d}" in everything for i in range(80))
    assert "Tester 79" not in pages[0]
    continued = next(p for p in pages[1:] if "Tester 79" in p)
    assert "Værktøj" in continued and "Tester" in continued


def test_two_page_export_says_side_1_af_2():
    pages = pages_of(build_person_export(long_sample(30)))
    assert len(pages) == 2
    assert "Side 1 af 2" in pages[0] and "Side 2 af 2" in pages[1]


def test_no_blank_last_page():
    pages = pages_of(build_person_export(long_sample(80)))
    assert "Dine rettigheder" in pages[-1]


def test_a4_and_metadata(short_pdf):
    reader = PdfReader(io.BytesIO(short_pdf))
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    meta = reader.metadata
    assert meta.title == TITLE
    assert meta.author == "Lokomotiv"
    assert "Søren Ærø" in meta.subject
    assert reader.trailer["/Root"].get("/Lang") == "da-DK"


def test_missing_values_do_not_break_the_export(tmp_path):
    data = {"person": {"first_name": "Ida"}, "screenings": [{"date": None, "trin": None}],
            "access_log": [{"at": "ikke en dato", "who": None, "what": None}]}
    text = text_of(build_person_export(data), tmp_path)
    assert "Ida" in text and "ikke en dato" in text
