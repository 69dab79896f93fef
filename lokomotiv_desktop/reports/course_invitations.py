"""The invitation letters: one page per participant, all in one PDF for one print job.

Each letter is a document of its own to the person who gets it, so its pages are counted
on their own ("Side 1 af 1"), and a letter names no one else on the course.
"""
from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from .course_parts import (
    NO_PARTICIPANTS,
    NO_PLACE,
    company_names,
    extent_text,
    first_lesson_text,
    pattern_text,
    period_text,
    provider_text,
    svu_window,
    whom_to_contact,
)
from .flowables import heading, key_values, paragraph, spacer, title
from .templates import ASSOCIATION, RestartPageNumbers, render


def _greeting(person: dict) -> str:
    first = (person.get("first_name") or "").strip() or (person.get("name") or "").strip()
    return f"Kære {first}," if first else "Kære deltager,"


def _svu(data: dict) -> str:
    window = svu_window(data)
    about = ("Er du ansat, kan din arbejdsgiver få SVU (Statens Voksenuddannelsesstøtte) "
             "som refusion for din løn, mens du er på kurset. ")
    if window is None:
        return about + ("Du søger selv på svu.dk; vi sender datoerne, når holdets start "
                        "er fastlagt.")
    earliest, latest = window
    return about + (f"Du søger selv på svu.dk – tidligst {earliest} og senest {latest}. "
                    "Tal med din leder om det, før du søger.")


def _letter(data: dict, person: dict) -> list[Flowable]:
    course = data.get("title") or "holdet"
    company = person.get("company") or company_names(data)
    where = f" hos {company}" if company else ""
    consultant = (data.get("consultant") or {}).get("name") or ""
    contacts = whom_to_contact(data)
    return [
        RestartPageNumbers(),
        *title(f"Invitation til {course}", person.get("name") or None),
        paragraph(_greeting(person)),
        paragraph(f"Du er tilmeldt {course}{where}. Her er det, du skal vide før "
                  "første gang. Vi glæder os til at se dig."),
        heading("Kurset"),
        key_values([
            ("Første gang", first_lesson_text(data)),
            ("Fast tid", pattern_text(data)),
            ("Periode", period_text(data)),
            ("Omfang", extent_text(data)),
            ("Sted", data.get("place") or NO_PLACE),
            ("Underviser", data.get("teacher")),
            ("Udbyder", provider_text(data)),
        ]),
        heading("Løn under kurset (SVU)"),
        paragraph(_svu(data)),
        heading("Spørgsmål"),
        paragraph("Har du spørgsmål, eller kan du ikke komme, så kontakt:"),
        *[paragraph(c) for c in contacts],
        spacer(6),
        paragraph("Med venlig hilsen"),
        paragraph(f"{consultant}\n{ASSOCIATION}" if consultant else ASSOCIATION),
    ]


def build_course_invitations(data: dict) -> bytes:
    """All the letters as one PDF; a single page saying so when no one is enrolled."""
    course = data.get("title") or "Hold"
    people = data.get("participants") or []
    story: list[Flowable] = []
    for index, person in enumerate(people):
        if index:
            story.append(PageBreak())
        story += _letter(data, person)
    if not story:
        story = [*title(f"Invitationer til {course}"), paragraph(NO_PARTICIPANTS)]
    return render(f"Invitation: {course}", story, subject=f"Invitationer til {course}",
                  generated=data.get("printed"))
