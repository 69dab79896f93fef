"""What the four course documents (plan, notice, invitations, attendance sheet) share:
the Danish texts for lesson dates, times, hours and the weekly pattern, who to contact,
the SVU window, and the block of course facts at the top.

The input is the course dict services/courses builds (see the course_data description):
ISO dates, "HH:MM" times, every key present. Missing or odd values print as "" or as
stored, never raise: a half-planned course must still print.
"""
from __future__ import annotations

from reportlab.platypus import Flowable

from ..domain.danish_format import display_phone, long_date, short_date
from .flowables import key_values
from .templates import as_date, print_date

CANCELLED = "aflyst"
EN_DASH = "–"
NO_LESSONS = "Ingen lektioner planlagt endnu."
NO_PARTICIPANTS = "Ingen deltagere på holdet endnu."
NO_PROVIDER = "Ingen udbyder valgt endnu."
NO_PLACE = "Sted ikke fastlagt endnu"


def lesson_date(iso: str | None) -> str:
    """'mandag 22. marts 2027'."""
    d = as_date(iso)
    return long_date(d) if d else (iso or "")


def lesson_short_date(iso: str | None) -> str:
    """'man. 22.3.' for narrow columns."""
    d = as_date(iso)
    return short_date(d) if d else (iso or "")


def clock(hhmm: str | None) -> str:
    """'08:00' -> '08.00' (Danish writes the time with a dot)."""
    return (hhmm or "").strip().replace(":", ".")


def time_span(start: str | None, end: str | None) -> str:
    """'08.00–10.30' with an en-dash; one end alone if the other is unknown."""
    return EN_DASH.join(t for t in (clock(start), clock(end)) if t)


def hours_text(hours: float | int | None) -> str:
    """40.0 -> '40', 2.5 -> '2,5' (Danish decimal comma)."""
    if hours is None:
        return ""
    value = float(hours)
    text = f"{value:.0f}" if value.is_integer() else f"{value:.2f}".rstrip("0")
    return text.replace(".", ",")


def held_lessons(data: dict) -> list[dict]:
    """The lessons that take place: every one but the cancelled."""
    return [lesson for lesson in data.get("lessons") or []
            if lesson.get("status") != CANCELLED]


def lesson_count(data: dict) -> int:
    count = data.get("lesson_count")
    return count if count is not None else len(held_lessons(data))


def total_hours(data: dict) -> float:
    hours = data.get("hours")
    if hours is not None:
        return float(hours)
    return sum(float(lesson.get("hours") or 0) for lesson in held_lessons(data))


def extent_text(data: dict) -> str:
    """'38 lektioner, 95 timer i alt'."""
    count = lesson_count(data)
    if not count:
        return NO_LESSONS
    word = "lektion" if count == 1 else "lektioner"
    return f"{count} {word}, {hours_text(total_hours(data))} timer i alt"


def pattern_text(data: dict) -> str:
    """'mandag 08.00–10.30 og torsdag 12.00–14.30'; "" without a weekly pattern."""
    parts = [f"{p.get('weekday_label') or ''} {time_span(p.get('start'), p.get('end'))}".strip()
             for p in data.get("pattern") or []]
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " og " + parts[-1]


def period_text(data: dict) -> str:
    """'22. marts 2027 – 10. juni 2027'; "" when no lesson is held."""
    start, end = print_date(data.get("start")), print_date(data.get("end"))
    if start and end and start != end:
        return f"{start} {EN_DASH} {end}"
    return start or end


def first_lesson_text(data: dict) -> str:
    """'mandag 22. marts 2027 kl. 08.00–10.30', or the NO_LESSONS sentence."""
    held = held_lessons(data)
    if not held:
        return NO_LESSONS
    first = held[0]
    span = time_span(first.get("start"), first.get("end"))
    return f"{lesson_date(first.get('date'))} kl. {span}" if span else lesson_date(first.get("date"))


def company_names(data: dict) -> str:
    return ", ".join(c.get("name") or "" for c in data.get("companies") or [] if c.get("name"))


def provider_text(data: dict) -> str:
    """'VUC Horsens (VUC), Skolevej 2, 8700 Horsens'; NO_PROVIDER when none is chosen."""
    provider = data.get("provider")
    if not provider:
        return NO_PROVIDER
    text = provider.get("name") or ""
    kind = provider.get("kind_label") or ""
    if kind and kind != text:
        text += f" ({kind})"
    if provider.get("address"):
        text += f", {provider['address']}"
    return text


def reach_text(person: dict | None) -> str:
    """'Lise Holm, tlf. 70 11 22 33, lh@vuc.dk' from a dict with name/contact, phone, email."""
    if not person:
        return ""
    # A provider's "name" is the school; its "contact" is the person to ask.
    name = person.get("contact") if "contact" in person else person.get("name")
    parts = [name or ""]
    if person.get("phone"):
        parts.append(f"tlf. {display_phone(person['phone'])}")
    if person.get("email"):
        parts.append(person["email"])
    return ", ".join(p for p in parts if p)


def provider_contact_text(data: dict) -> str:
    return reach_text(data.get("provider"))


def consultant_text(data: dict) -> str:
    consultant = data.get("consultant") or {}
    text = reach_text(consultant)
    return f"{text} (Netværkslokomotivet)" if text else ""


def whom_to_contact(data: dict) -> list[str]:
    """One line per person to ask: the company's contacts first (they are nearest), then
    the consultant."""
    lines = []
    for contact in data.get("contacts") or []:
        text = reach_text(contact)
        if text and contact.get("role"):
            name, _, rest = text.partition(", ")
            text = f"{name} ({contact['role']})" + (f", {rest}" if rest else "")
        if text:
            lines.append(text)
    if consultant_text(data):
        lines.append(consultant_text(data))
    return lines


def svu_window(data: dict) -> tuple[str, str] | None:
    """('21. december 2026', '1. marts 2027') or None when there is no start yet."""
    svu = data.get("svu") or {}
    if not svu.get("earliest") and not svu.get("latest"):
        return None
    return print_date(svu.get("earliest")), print_date(svu.get("latest"))


def svu_text(data: dict) -> str:
    window = svu_window(data)
    if window is None:
        return "Vinduet for SVU-ansøgning kendes, når holdets start er fastlagt."
    earliest, latest = window
    return f"Søges på svu.dk tidligst {earliest} og senest {latest}."


def places_text(data: dict) -> str:
    places = data.get("max")
    return f"{places} pladser" if places else ""


def course_facts(data: dict, *, with_status: bool = True) -> Flowable:
    """The block of course facts every document opens with (plan and letters)."""
    rows: list[tuple[str, object]] = [
        ("Hold", data.get("title")),
        ("Virksomhed", company_names(data)),
        ("Udbyder", provider_text(data)),
        ("Underviser", data.get("teacher")),
        ("Sted", data.get("place") or NO_PLACE),
        ("Fast tid", pattern_text(data)),
        ("Periode", period_text(data)),
        ("Omfang", extent_text(data)),
    ]
    if with_status:
        rows.insert(1, ("Status", data.get("status_label") or data.get("status")))
    return key_values(rows)


def header_line(data: dict) -> str:
    """One line of course facts for a page with little room (the attendance sheet)."""
    parts = [
        ("Hold", data.get("title")),
        ("Virksomhed", company_names(data)),
        ("Underviser", data.get("teacher")),
        ("Sted", data.get("place") or NO_PLACE),
    ]
    return "   ·   ".join(f"{label}: {value or EN_DASH}" for label, value in parts)
