"""The GDPR right-of-access export (Article 15): everything Lokomotiv holds on one person.

The reader is the person themself, so headings and labels are plain Danish, every list
is shown even when empty ("Ingen"), and nothing held is left out: an unknown code prints
as stored rather than disappearing.
"""
from __future__ import annotations

from reportlab.platypus import Flowable

from ..domain.danish_format import display_phone
from .flowables import data_table, heading, key_values, paragraph, title
from .templates import ASSOCIATION, print_date, print_datetime, printed_on, render

TITLE = "Oplysninger om dig i Lokomotiv"

_EMPLOYMENT = {"beskæftiget": "Beskæftiget", "ledig": "Ledig"}
_LANGUAGE = {"dansk": "Dansk", "andetsprog": "Dansk som andetsprog"}
_HOW = {"mundtlig": "Mundtligt", "skriftlig": "Skriftligt", "digital": "Digitalt"}

RIGHTS = (
    "Du har ret til indsigt i de oplysninger, vi har om dig – det er dem, du har her. "
    "Er noget forkert, har du ret til at få det berigtiget, og du kan bede om at få "
    "oplysningerne slettet. Et samtykke kan du altid trække tilbage; det ændrer ikke ved "
    "det, der er sket, mens samtykket gjaldt. Kontakt din konsulent i "
    f"{ASSOCIATION}, hvis du vil bruge dine rettigheder eller har spørgsmål. "
    "Du kan også klage til Datatilsynet (datatilsynet.dk)."
)


def _label(mapping: dict[str, str], value: str | None) -> str:
    return mapping.get(value or "", value or "")


def _full_name(person: dict) -> str:
    return " ".join(p for p in (person.get("first_name"), person.get("last_name")) if p)


def _person(person: dict) -> Flowable:
    company = person.get("company") or ""
    if company and person.get("cvr"):
        company = f"{company} (CVR {person['cvr']})"
    return key_values([
        ("Navn", _full_name(person)),
        ("Virksomhed", company),
        ("Afdeling", person.get("unit")),
        ("Beskæftigelse", _label(_EMPLOYMENT, person.get("employment"))),
        ("Bopælskommune", person.get("municipality")),
        ("Jobcenter", person.get("jobcenter")),
        ("Stilling", person.get("job_title")),
        ("Team", person.get("team")),
        ("Sprog", _label(_LANGUAGE, person.get("language"))),
        ("Telefon", display_phone(person.get("phone"))),
        ("E-mail", person.get("email")),
        ("Noter", person.get("notes")),
        ("Oprettet i Lokomotiv", print_date(person.get("created"))),
    ])


def _consents(rows: list[dict]) -> Flowable:
    return data_table(
        ["Formål", "Givet", "Hvordan", "Vidne", "Trukket tilbage"],
        [[c.get("purpose_label") or c.get("purpose"), print_date(c.get("given_on")),
          _label(_HOW, c.get("how")), c.get("witness"),
          print_date(c.get("withdrawn_on")) or "Nej"] for c in rows],
        col_widths=(2.2, 1.6, 1.2, 1.4, 1.6),
    )


def _screenings(rows: list[dict]) -> Flowable:
    return data_table(
        ["Dato", "Fag", "Værktøj", "Resultat", "Trin", "Skole", "Tester", "Noter"],
        [[print_date(s.get("date")), s.get("subject_label"), s.get("tool"),
          s.get("outcome_label"), s.get("trin"), s.get("school"), s.get("tester"),
          s.get("notes")] for s in rows],
        col_widths=(2.0, 1.45, 1.0, 1.4, 0.6, 1.0, 1.5, 1.55),
        align_right=(4,),
    )


def _referrals(rows: list[dict]) -> Flowable:
    return data_table(
        ["Henvist", "Skole", "Resultat", "Resultat modtaget", "Gyldig til"],
        [[print_date(r.get("date")), r.get("school"),
          r.get("result_label") or "Afventer", print_date(r.get("result_date")),
          print_date(r.get("valid_until"))] for r in rows],
        col_widths=(1.5, 1.5, 2.4, 1.5, 1.5),
    )


def _enrolments(rows: list[dict]) -> Flowable:
    return data_table(
        ["Hold", "Skole", "Start", "Slut", "Status", "Resultat", "Fremmøde"],
        [[e.get("course_label") or e.get("course"), e.get("school"),
          print_date(e.get("start")), print_date(e.get("end")),
          e.get("status_label") or e.get("status"), e.get("result_label"),
          e.get("attendance")] for e in rows],
        col_widths=(1.8, 1.3, 1.2, 1.2, 1.0, 1.2, 1.2),
    )


def _access_log(rows: list[dict]) -> Flowable:
    return data_table(
        ["Tidspunkt", "Hvem", "Hvad"],
        [[print_datetime(a.get("at")), a.get("who"), a.get("what")] for a in rows],
        col_widths=(1.6, 1.5, 3.0),
    )


def build_person_export(data: dict) -> bytes:
    """The export as PDF bytes; data is the plain dict services/ puts together."""
    person = data.get("person") or {}
    name = _full_name(person)
    generated_by = data.get("generated_by")
    subtitle = f"{name} – udskrevet {printed_on(data.get('generated_at'))}"
    if generated_by:
        subtitle += f" af {generated_by}"

    story: list[Flowable] = [
        *title(TITLE, subtitle),
        paragraph(
            f"Her er alle de oplysninger, {ASSOCIATION} har registreret om dig i "
            "Lokomotiv, det system vores konsulenter bruger til screeninger og "
            "henvisninger. Du har ret til at se dem (databeskyttelsesforordningens "
            "artikel 15)."
        ),
        heading("Dine oplysninger"),
        _person(person),
        heading("Samtykker"),
        _consents(data.get("consents") or []),
        heading("Screeninger"),
        _screenings(data.get("screenings") or []),
        heading("Henvisninger til Ordblindetesten"),
        _referrals(data.get("referrals") or []),
        heading("Hold"),
        _enrolments(data.get("enrolments") or []),
        heading("Hvem har set oplysningerne"),
        paragraph("Hver gang en medarbejder har åbnet dine oplysninger, er det logget her.",
                  "small"),
        _access_log(data.get("access_log") or []),
        heading("Hvor længe gemmer vi oplysningerne"),
        paragraph(data.get("retention") or "–"),
        heading("Dine rettigheder"),
        paragraph(RIGHTS),
    ]
    return render(
        TITLE,
        story,
        subject=f"Indsigt efter databeskyttelsesforordningen: {name}".strip(),
        generated=data.get("generated_at"),
    )
