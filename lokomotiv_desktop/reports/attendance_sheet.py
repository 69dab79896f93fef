"""The attendance sheet (fremmødeliste): one row per participant, one signature column per
held lesson, on landscape A4.

Too many lessons for one page width are split into blocks of LESSONS_PER_PAGE columns,
each block starting a new page that repeats the participants' names, so every page can
be signed and filed on its own. Cancelled lessons get no column: no one can sign them.
"""
from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Table, TableStyle

from .course_parts import (
    NO_LESSONS,
    NO_PARTICIPANTS,
    header_line,
    held_lessons,
    lesson_short_date,
    time_span,
)
from .flowables import markup, paragraph
from .styles import BRAND, BRAND_LIGHT, MARGIN_LEFT, MARGIN_RIGHT, RULE, STYLES, WHITE
from .templates import render

PAGE = landscape(A4)
LESSONS_PER_PAGE = 8
_WIDTH = PAGE[0] - MARGIN_LEFT - MARGIN_RIGHT
_NUMBER_W, _NAME_W, _TEAM_W = 9 * mm, 58 * mm, 38 * mm
# Tall enough to sign in with a pen, short enough for 15 people on a page.
_ROW_HEIGHT = 8 * mm
_HEAD = ParagraphStyle("attendance_head", parent=STYLES["cell_header"], alignment=1)
_TITLE = ParagraphStyle("attendance_title", parent=STYLES["heading"], spaceBefore=0)


def _cell(text: object, style: str = "cell") -> Paragraph:
    return Paragraph(markup(text), STYLES[style])


def _block(people: list[dict], lessons: list[dict], team_label: str, several: bool) -> Table:
    lesson_w = (_WIDTH - _NUMBER_W - _NAME_W - _TEAM_W) / LESSONS_PER_PAGE
    head = [Paragraph("Nr.", STYLES["cell_header"]), Paragraph("Navn", STYLES["cell_header"]),
            Paragraph(markup(team_label), STYLES["cell_header"])]
    head += [Paragraph(markup(f"{lesson_short_date(lesson.get('date'))}\n"
                              f"{time_span(lesson.get('start'), lesson.get('end'))}"), _HEAD)
             for lesson in lessons]
    rows = [head]
    for number, person in enumerate(people, start=1):
        where = person.get("team") or ""
        if several and person.get("company"):
            where = f"{person['company']}, {where}" if where else person["company"]
        rows.append([_cell(number, "cell_right"), _cell(person.get("name")), _cell(where)]
                    + [""] * len(lessons))
    rows.append(["", _cell("Underviserens initialer"), ""] + [""] * len(lessons))
    widths = [_NUMBER_W, _NAME_W, _TEAM_W] + [lesson_w] * len(lessons)
    table = Table(rows, colWidths=widths, rowHeights=[None] + [_ROW_HEIGHT] * (len(rows) - 1),
                  repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), BRAND),
        ("TEXTCOLOR", (0, 0), (-1, 0), WHITE),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("ROWBACKGROUNDS", (0, 1), (2, -2), [WHITE, BRAND_LIGHT]),
        ("LINEABOVE", (0, -1), (-1, -1), 1.0, BRAND),
    ]))
    return table


def build_attendance_sheet(data: dict) -> bytes:
    """The sheet as PDF bytes (landscape A4); one page saying why when it cannot be made."""
    course = data.get("title") or "Hold"
    people = data.get("participants") or []
    lessons = held_lessons(data)
    several = len(data.get("companies") or []) > 1
    team_label = "Virksomhed / team" if several else "Team"
    story: list[Flowable] = []
    if not people or not lessons:
        story = [paragraph(f"Fremmødeliste: {course}", "title"), paragraph(header_line(data)),
                 paragraph(NO_PARTICIPANTS if not people else NO_LESSONS)]
    blocks = [lessons[i:i + LESSONS_PER_PAGE] for i in range(0, len(lessons), LESSONS_PER_PAGE)]
    for index, block in enumerate(blocks if people else []):
        first = index * LESSONS_PER_PAGE + 1
        if index:
            story.append(PageBreak())
        story += [
            Paragraph(markup(f"Fremmødeliste: {course} – lektion {first}–"
                             f"{first + len(block) - 1} af {len(lessons)}"), _TITLE),
            paragraph(header_line(data), "small"),
            paragraph("Skriv under i feltet for hver lektion, du er med til.", "small"),
            _block(people, block, team_label, several),
        ]
    return render(f"Fremmødeliste: {course}", story, subject=f"Fremmødeliste for {course}",
                  generated=data.get("printed"), pagesize=PAGE)
