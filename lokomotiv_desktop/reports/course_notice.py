"""The notice-board version of a course for the canteen wall: what, where, when, who to ask.

It hangs where anyone passes, so it holds NO data about participants (names, teams,
status, attendance): only the course, the teacher and the people to contact. Nothing
from data["participants"] is read here on purpose.
"""
from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from .course_parts import (
    NO_LESSONS,
    NO_PLACE,
    company_names,
    extent_text,
    held_lessons,
    lesson_short_date,
    pattern_text,
    period_text,
    places_text,
    time_span,
    whom_to_contact,
)
from .flowables import markup, paragraph, spacer
from .styles import BRAND, CONTENT_WIDTH, FONT, FONT_BOLD, RULE, STYLES, TEXT
from .templates import as_date, render

# Read from a few metres away: bigger than the desk documents.
_BIG_TITLE = ParagraphStyle("notice_title", parent=STYLES["title"], fontSize=30, leading=36,
                            spaceAfter=6)
_LEAD = ParagraphStyle("notice_lead", parent=STYLES["body"], fontSize=15, leading=20,
                       spaceAfter=10)
_LABEL = ParagraphStyle("notice_label", parent=STYLES["label"], fontSize=13, leading=17,
                        textColor=BRAND)
_VALUE = ParagraphStyle("notice_value", parent=STYLES["value"], fontSize=13, leading=17,
                        textColor=TEXT)
_DATE = ParagraphStyle("notice_date", parent=STYLES["cell"], fontName=FONT, fontSize=11,
                       leading=14)
_INVITE = ParagraphStyle("notice_invite", parent=STYLES["body"], fontName=FONT_BOLD,
                         fontSize=15, leading=20, textColor=BRAND, spaceBefore=6)

# What the subject is about, in the words on the wall (the codes of the course dict).
_ABOUT = {
    "læsning": "læse og skrive",
    "matematik": "regning og matematik",
    "digital": "at bruge computer, tablet og telefon",
    "engelsk": "engelsk",
    "start": "læsning og regning fra begyndelsen",
    "obu": "læsning og skrivning, når du er ordblind",
}
_DATE_COLUMNS = 4


def _facts(data: dict) -> Flowable:
    rows = [
        ("Hvor", data.get("place") or NO_PLACE),
        ("Hvornår", pattern_text(data) or "Tidspunkt fastlægges"),
        ("Periode", period_text(data) or "Datoer fastlægges"),
        ("Omfang", extent_text(data)),
        ("Underviser", data.get("teacher") or "–"),
        ("Pladser", places_text(data) or "–"),
    ]
    table = Table([[paragraph_of(label, _LABEL), paragraph_of(value, _VALUE)]
                   for label, value in rows],
                  colWidths=[38 * mm, CONTENT_WIDTH - 38 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]))
    return table


def paragraph_of(text: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph in one of the notice's own (bigger) styles, escaped like flowables'."""
    return Paragraph(markup(text), style)


def _dates(data: dict) -> Flowable:
    """Every lesson date in a compact grid (a cancelled lesson is not on it)."""
    # The time only where it differs from the weekly pattern ("Hvornår" above tells it).
    usual = {p.get("weekday"): (p.get("start"), p.get("end")) for p in data.get("pattern") or []}
    cells = []
    for lesson in held_lessons(data):
        day = as_date(lesson.get("date"))
        text = lesson_short_date(lesson.get("date"))
        if day is None or usual.get(day.weekday()) != (lesson.get("start"), lesson.get("end")):
            text = f"{text} {time_span(lesson.get('start'), lesson.get('end'))}"
        cells.append(text)
    if not cells:
        return paragraph(NO_LESSONS)
    # Column by column, so the dates read downwards like a calendar list.
    rows = -(-len(cells) // _DATE_COLUMNS)
    grid = [[paragraph_of(cells[c * rows + r], _DATE) if c * rows + r < len(cells) else ""
             for c in range(_DATE_COLUMNS)] for r in range(rows)]
    table = Table(grid, colWidths=[CONTENT_WIDTH / _DATE_COLUMNS] * _DATE_COLUMNS,
                  hAlign="LEFT")
    table.setStyle(TableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
    ]))
    return table


def _invitation(data: dict) -> str:
    names = [c.get("name") for c in data.get("contacts") or [] if c.get("name")]
    consultant = (data.get("consultant") or {}).get("name")
    if consultant:
        names.append(f"{consultant} fra Netværkslokomotivet")
    who = ", ".join(names[:-1]) + " eller " + names[-1] if len(names) > 1 else (
        names[0] if names else "din tillidsrepræsentant")
    return f"Vil du være med? Tal med din leder eller med {who}."


def build_course_notice(data: dict) -> bytes:
    """The notice as PDF bytes (A4, one page for a normal course)."""
    name = data.get("title") or "Hold"
    about = _ABOUT.get(data.get("subject") or "", "")
    lead = (f"Bliv bedre til {about} – i arbejdstiden, sammen med dine kolleger."
            if about else "Et kursus i arbejdstiden, sammen med dine kolleger.")
    company = company_names(data)
    story: list[Flowable] = [
        paragraph_of(name, _BIG_TITLE),
        paragraph_of(lead, _LEAD),
        _facts(data),
        spacer(5),
        paragraph("Datoerne", "heading"),
        _dates(data),
        spacer(4),
        paragraph_of(_invitation(data), _INVITE),
    ]
    contacts = whom_to_contact(data)
    if contacts:
        story += [paragraph("Kontakt", "heading"), *[paragraph(c) for c in contacts]]
    subject = f"Opslag om {name}" + (f" hos {company}" if company else "")
    return render(f"Opslag: {name}", story, subject=subject, generated=data.get("printed"))
