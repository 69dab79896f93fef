"""The course plan (kursusplan): everything the company, the school and the consultant
need to agree on one course, with the full lesson calendar and the participant list.

A cancelled lesson stays in the calendar (people remember it was planned), marked
"Aflyst" on a grey row and left out of the totals.
"""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable

from ..domain.danish_format import display_phone
from .course_parts import (
    CANCELLED,
    NO_LESSONS,
    NO_PARTICIPANTS,
    company_names,
    consultant_text,
    course_facts,
    extent_text,
    hours_text,
    lesson_count,
    lesson_date,
    provider_contact_text,
    svu_text,
    time_span,
    total_hours,
)
from .flowables import data_table, heading, key_values, paragraph, title
from .templates import render

_CANCELLED_ROW = colors.HexColor("#E4E4E4")
_NOTE = {"flyttet": "Flyttet", CANCELLED: "Aflyst"}


def _lesson_note(lesson: dict) -> str:
    """'Aflyst: Lærer syg' / 'flyttet fra 25.3.2027'; the status word when there is no note."""
    note = (lesson.get("note") or "").strip()
    status = lesson.get("status") or ""
    label = _NOTE.get(status, "")
    if status == CANCELLED:
        reason = note.split(":", 1)[1].strip() if note.lower().startswith("aflyst:") else note
        return f"Aflyst: {reason}" if reason else "Aflyst"
    if note:
        return note[:1].upper() + note[1:]
    return label


def _lessons(data: dict) -> list[Flowable]:
    lessons = data.get("lessons") or []
    if not lessons:
        return [paragraph(NO_LESSONS)]
    rows, cancelled_rows, number = [], [], 0
    for index, lesson in enumerate(lessons, start=1):
        cancelled = lesson.get("status") == CANCELLED
        if cancelled:
            cancelled_rows.append(index)  # row 0 is the header
        else:
            number += 1
        rows.append([
            "–" if cancelled else number,
            lesson_date(lesson.get("date")),
            time_span(lesson.get("start"), lesson.get("end")),
            f"({hours_text(lesson.get('hours'))})" if cancelled else hours_text(lesson.get("hours")),
            _lesson_note(lesson),
        ])
    table = data_table(["Nr.", "Dag og dato", "Tid", "Timer", "Bemærkning"], rows,
                       col_widths=(0.5, 2.3, 1.3, 0.7, 2.6), align_right=(0, 3),
                       plain=(0, 1, 2, 3))
    table.setStyle([("BACKGROUND", (0, i), (-1, i), _CANCELLED_ROW) for i in cancelled_rows])
    cancelled_count = len(cancelled_rows)
    total = (f"I alt {lesson_count(data)} lektioner og {hours_text(total_hours(data))} timer.")
    if cancelled_count:
        total += (f" {cancelled_count} aflyst{'e' if cancelled_count > 1 else ''} "
                  f"lektion{'er' if cancelled_count > 1 else ''} tælles ikke med.")
    return [table, paragraph(total, "body")]


def _skipped(data: dict) -> Flowable:
    return data_table(
        ["Dato", "Hvorfor ingen undervisning"],
        [[lesson_date(s.get("date")), s.get("reason")] for s in data.get("skipped") or []],
        col_widths=(2.3, 4.4),
        empty="Ingen dage er sprunget over.",
        plain=(0,),
    )


def _contacts(data: dict) -> Flowable:
    rows = [[c.get("name"), c.get("role"), display_phone(c.get("phone")), c.get("email")]
            for c in data.get("contacts") or []]
    provider = data.get("provider") or {}
    if provider.get("contact"):
        rows.append([provider["contact"], f"Kontakt hos {provider.get('name') or 'udbyder'}",
                     display_phone(provider.get("phone")), provider.get("email")])
    consultant = data.get("consultant") or {}
    if consultant.get("name"):
        rows.append([consultant["name"], "Konsulent, Netværkslokomotivet",
                     display_phone(consultant.get("phone")), consultant.get("email")])
    return data_table(["Navn", "Rolle", "Telefon", "E-mail"], rows,
                      col_widths=(1.6, 2.0, 1.1, 2.2), empty="Ingen kontaktpersoner endnu.",
                      plain=(2,))


def _participants(data: dict) -> Flowable:
    several = len(data.get("companies") or []) > 1
    rows = []
    for number, person in enumerate(data.get("participants") or [], start=1):
        where = person.get("team") or ""
        if several and person.get("company"):
            where = f"{person['company']}, {where}" if where else person["company"]
        rows.append([number, person.get("name"), where,
                     person.get("status_label") or person.get("status")])
    return data_table(["Nr.", "Navn", "Virksomhed / team" if several else "Team", "Status"],
                      rows, col_widths=(0.5, 2.6, 2.4, 1.2), align_right=(0,), plain=(0, 3),
                      empty=NO_PARTICIPANTS)


def build_course_plan(data: dict) -> bytes:
    """The course plan as PDF bytes; data is the course dict services/courses builds."""
    name = data.get("title") or "Hold"
    doc_title = f"Kursusplan: {name}"
    subtitle = " – ".join(p for p in (company_names(data), data.get("status_label")) if p)
    story: list[Flowable] = [
        *title(doc_title, subtitle or None),
        heading("Holdet"),
        course_facts(data),
        key_values([
            ("Kontakt hos udbyder", provider_contact_text(data)),
            ("Konsulent", consultant_text(data)),
            ("Max deltagere", data.get("max")),
            ("SVU", svu_text(data)),
        ]),
    ]
    warnings = data.get("warnings") or []
    if warnings:
        story += [heading("Bemærk"), *[paragraph(f"• {w}") for w in warnings]]
    story += [
        heading("Kontaktpersoner"),
        _contacts(data),
        heading("Lektionsplan"),
        *([paragraph(extent_text(data), "small")] if data.get("lessons") else []),
        *_lessons(data),
        heading("Dage uden undervisning"),
        _skipped(data),
        heading("Deltagere"),
        _participants(data),
    ]
    return render(doc_title, story, subject=f"Kursusplan for {name}",
                  generated=data.get("printed"))
