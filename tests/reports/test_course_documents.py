"""The four course documents (plan, notice, invitations, attendance sheet), read back from
the PDF: Danish dates and times as printed, totals without the cancelled lesson, the
skipped dates and why, page numbers, no participant data on the notice, one letter per
page, the attendance columns split over pages; and a half-planned course still prints."""
from __future__ import annotations

import copy
import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from lokomotiv_desktop.reports.attendance_sheet import LESSONS_PER_PAGE, build_attendance_sheet
from lokomotiv_desktop.reports.course_invitations import build_course_invitations
from lokomotiv_desktop.reports.course_notice import build_course_notice
from lokomotiv_desktop.reports.course_plan import build_course_plan

MONDAY, THURSDAY = 0, 3
HOLIDAYS = {date(2027, 3, 25): "Skærtorsdag", date(2027, 3, 29): "2. påskedag",
            date(2027, 5, 6): "Kristi himmelfartsdag", date(2027, 5, 17): "2. pinsedag"}
SUMMER = range(25, 34)  # ISO weeks without teaching
CLOSED_WEEK = 42
MOVED = date(2027, 4, 15)  # moved to the Friday
CANCELLED = date(2027, 5, 10)
PEOPLE = [
    ("Anna", "Jensen"), ("Søren", "Ærø"), ("Åse", "Løkke"), ("Bjørn", "Æbelø"),
    ("Jørgen", "Kjærsgaard"), ("Birthe", "Østergård"), ("Kåre", "Holmgård"),
    ("Ølaf", "Brøndum"), ("Hanne", "Skovbæk"), ("Mads", "Fjordgård"), ("Lærke", "Næsby"),
    ("Yusuf", "Çelik"), ("Ida", "Sønderby"), ("Frederik", "Møllgaard"), ("Tove", "Dalsø"),
]
TEAMS = ["Skift Æble-nord", "Pakkeri Øst", "Lager Ålborgvej"]


def course_sample(lessons: int = 40, participants: int = 15) -> dict:
    """A course on Mondays and Thursdays 08.00–10.30 from 22 March 2027, over Easter and
    the summer to the company's closed week 42, with one lesson moved and one cancelled."""
    rows, skipped, day = [], [], date(2027, 3, 22)
    while len(rows) < lessons:
        if day.weekday() in (MONDAY, THURSDAY):
            week = day.isocalendar().week
            reason = HOLIDAYS.get(day) or ("sommerferie" if week in SUMMER else None)
            reason = reason or ("lukket uge 42" if week == CLOSED_WEEK else None)
            if reason:
                skipped.append({"date": day.isoformat(), "reason": reason})
            elif day == MOVED:
                rows.append({"date": (day + timedelta(days=1)).isoformat(), "start": "08:00",
                             "end": "10:30", "hours": 2.5, "status": "flyttet",
                             "note": "flyttet fra 15.4.2027"})
            else:
                cancelled = day == CANCELLED
                rows.append({"date": day.isoformat(), "start": "08:00", "end": "10:30",
                             "hours": 2.5, "status": "aflyst" if cancelled else "planlagt",
                             "note": "aflyst: Lærer syg" if cancelled else ""})
        day += timedelta(days=1)
    held = [r for r in rows if r["status"] != "aflyst"]
    people = [
        {"id": f"p{i}", "name": f"{first} {last}", "first_name": first, "last_name": last,
         "company": "Horsens Stål A/S", "team": TEAMS[i % 3], "status": "tilmeldt",
         "status_label": "Tilmeldt", "result": None, "result_label": "", "svu_applied": False,
         "attendance": {held[0]["date"]: True} if held else {}}
        for i, (first, last) in enumerate(PEOPLE[:participants])
    ]
    return {
        "id": "0193f2a0-c0de", "title": "FVU-læsning, trin 2", "subject": "læsning",
        "subject_label": "FVU-læsning", "trin": 2, "status": "bekræftet",
        "status_label": "Bekræftet",
        "companies": [{"id": "c1", "cvr": "13748136", "name": "Horsens Stål A/S"}],
        "provider": {"id": "v1", "name": "VUC Horsens", "kind": "VUC", "kind_label": "VUC",
                     "vuc": "", "contact": "Lise Holm", "phone": "+4570112233",
                     "email": "lh@vuc.dk", "address": "Skolevej 2, 8700 Horsens"},
        "teacher": "Mette Sørensen", "place": "Kantinen, Industrivej 4, 8700 Horsens",
        "start": held[0]["date"] if held else None, "end": held[-1]["date"] if held else None,
        "hours": sum(r["hours"] for r in held), "lesson_count": len(held), "max": 16,
        "pattern": [{"weekday": 0, "weekday_label": "mandag", "start": "08:00", "end": "10:30"},
                    {"weekday": 3, "weekday_label": "torsdag", "start": "08:00",
                     "end": "10:30"}],
        "lessons": rows, "skipped": skipped, "participants": people,
        "contacts": [{"name": "Per Holm", "role": "HR", "phone": "+4520304050",
                      "email": "ph@firma.dk"}],
        "consultant": {"name": "Karin Lund", "phone": "+4521222324",
                       "email": "kl@netvaerkslokomotivet.dk"},
        "svu": {"earliest": "2026-12-21", "latest": "2027-03-01"} if held else None,
        "warnings": [], "printed": "2027-01-15",
    }


def pages_of(pdf: bytes) -> list[str]:
    """Each page's text with runs of white space as one space (table cells end lines)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def sample() -> dict:
    return course_sample()


@pytest.fixture(scope="module")
def plan(sample) -> list[str]:
    return pages_of(build_course_plan(sample))


def test_sample_is_the_course_described(sample):
    held = [r for r in sample["lessons"] if r["status"] != "aflyst"]
    assert len(sample["lessons"]) == 40 and len(held) == 39
    assert sample["hours"] == 97.5
    assert {"Skærtorsdag", "lukket uge 42"} <= {s["reason"] for s in sample["skipped"]}


def test_plan_prints_danish_dates_times_and_totals(plan):
    text = "\n".join(plan)
    for expected in ("Kursusplan: FVU-læsning, trin 2", "mandag 22. marts 2027",
                     "08.00–10.30", "fredag 16. april 2027", "Flyttet fra 15.4.2027",
                     "Aflyst: Lærer syg", "I alt 39 lektioner og 97,5 timer",
                     "1 aflyst lektion tælles ikke med", "VUC Horsens", "Lise Holm",
                     "70 11 22 33", "Mette Sørensen", "Kantinen, Industrivej 4",
                     "Karin Lund", "Per Holm", "Bekræftet", "mandag 08.00–10.30 og torsdag",
                     "tidligst 21. december 2026 og senest 1. marts 2027",
                     "Udskrevet fredag 15. januar 2027"):
        assert expected in text, expected
    # æ ø å Æ Ø Å and ç arrive as themselves, in the names.
    for first, last in PEOPLE:
        assert f"{first} {last}" in text


def test_plan_lists_skipped_dates_with_reasons(plan):
    text = "\n".join(plan)
    assert "torsdag 25. marts 2027 Skærtorsdag" in text
    assert "mandag 18. oktober 2027 lukket uge 42" in text
    assert "torsdag 21. oktober 2027 lukket uge 42" in text


def test_plan_numbers_its_pages(plan):
    total = len(plan)
    assert total >= 2
    assert f"Side 1 af {total}" in plan[0] and f"Side {total} af {total}" in plan[-1]


def test_notice_holds_no_participant_data(sample):
    pages = pages_of(build_course_notice(sample))
    text = "\n".join(pages)
    assert len(pages) == 1
    for expected in ("FVU-læsning, trin 2", "Kantinen, Industrivej 4", "Mette Sørensen",
                     "mandag 08.00–10.30 og torsdag 08.00–10.30", "16 pladser",
                     "Tal med din leder eller med Per Holm eller Karin Lund",
                     "man. 22.3.", "Side 1 af 1"):
        assert expected in text, expected
    for first, last in PEOPLE:
        assert last not in text and f"{first} " not in text, first
    for team in TEAMS:
        assert team not in text
    assert "Tilmeldt" not in text


def test_one_invitation_page_per_participant_each_addressing_its_person(sample):
    pages = pages_of(build_course_invitations(sample))
    assert len(pages) == len(PEOPLE)
    for page, (first, last) in zip(pages, PEOPLE, strict=True):
        assert f"Kære {first}," in page
        assert "Side 1 af 1" in page
        assert "mandag 22. marts 2027 kl. 08.00–10.30" in page
        assert "39 lektioner, 97,5 timer i alt" in page
        assert "svu.dk" in page and "senest 1. marts 2027" in page
        assert "Karin Lund" in page
        others = [f"{f} {n}" for f, n in PEOPLE if (f, n) != (first, last)]
        assert not any(other in page for other in others)


def test_attendance_sheet_splits_lessons_over_pages_with_names_on_each(sample):
    pdf = build_attendance_sheet(sample)
    pages = pages_of(pdf)
    held = [r for r in sample["lessons"] if r["status"] != "aflyst"]
    assert len(pages) == -(-len(held) // LESSONS_PER_PAGE)
    first_page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert first_page.mediabox.width > first_page.mediabox.height  # landscape
    for page in pages:
        for first, last in PEOPLE:
            assert f"{first} {last}" in page
        assert "Mette Sørensen" in page and "Horsens Stål A/S" in page
    text = "\n".join(pages)
    for lesson in held:
        d = date.fromisoformat(lesson["date"])
        assert f"{d.day}.{d.month}." in text, lesson["date"]
    assert "10.5." not in text  # the cancelled lesson has no column
    assert f"Side {len(pages)} af {len(pages)}" in pages[-1]


def test_half_planned_course_still_prints_and_says_so():
    data = course_sample(lessons=0, participants=0)
    data["provider"] = None
    plan = "\n".join(pages_of(build_course_plan(data)))
    assert "Ingen lektioner planlagt endnu." in plan
    assert "Ingen udbyder valgt endnu." in plan
    assert "Ingen deltagere på holdet endnu." in plan
    assert "Vinduet for SVU-ansøgning kendes" in plan
    invitations = pages_of(build_course_invitations(data))
    assert len(invitations) == 1 and "Ingen deltagere på holdet endnu." in invitations[0]
    sheet = pages_of(build_attendance_sheet(data))
    assert len(sheet) == 1 and "Ingen deltagere på holdet endnu." in sheet[0]
    notice = "\n".join(pages_of(build_course_notice(data)))
    assert "Ingen lektioner planlagt endnu." in notice


def test_participants_without_lessons_get_a_sheet_saying_so():
    data = course_sample(lessons=0)
    sheet = pages_of(build_attendance_sheet(data))
    assert len(sheet) == 1 and "Ingen lektioner planlagt endnu." in sheet[0]


def test_user_markup_is_printed_as_written(sample):
    data = copy.deepcopy(sample)
    data["place"] = "Hal <B> & kantine"
    data["participants"][0]["name"] = "Anna <i>Jensen</i>"
    assert "Hal <B> & kantine" in "\n".join(pages_of(build_course_plan(data)))
    assert "Anna <i>Jensen</i>" in pages_of(build_attendance_sheet(data))[0]
