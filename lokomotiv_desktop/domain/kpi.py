"""The KPI funnel (issue 13): the stable names, their Danish labels, the filter and the
period arithmetic. Written once: the window, the PDFs, the CSV/XLSX and `lokomotiv kpi`
all use these names; docs/kpi.md says in Danish exactly what each number counts."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .validation import ValidationError


@dataclass(frozen=True)
class KpiFilter:
    first: date | None = None        # period start (inclusive); None = from the beginning
    last: date | None = None         # period end (inclusive); None = until today
    municipality: str | None = None  # "630"
    consultant: str | None = None    # the company's consultant (case-insensitive)
    company_id: str | None = None
    industry: str | None = None      # company.industry_code prefix, e.g. "10" or "101100"


FUNNEL: tuple[str, ...] = (
    "companies_contacted", "first_meetings", "companies_motivation", "sessions",
    "session_attendees", "screened", "referred_dyslexia", "dyslexia_results", "enrolled",
    "completed", "passed", "hours_taught", "median_days_to_course")

LABELS: dict[str, str] = {
    "companies_contacted": "Virksomheder kontaktet",
    "first_meetings": "Første møder",
    "companies_motivation": "Virksomheder i Motivation eller senere",
    "sessions": "Motivationsmøder",
    "session_attendees": "Deltagere i motivationsmøder",
    "screened": "Screenede medarbejdere",
    "referred_dyslexia": "Henvist til Ordblindetesten",
    "dyslexia_results": "Resultater af Ordblindetesten",
    "enrolled": "Tilmeldt hold",
    "completed": "Gennemført hold",
    "passed": "Bestået prøve",
    "hours_taught": "Undervisningstimer",
    "median_days_to_course": "Dage fra første kontakt til første hold (median)",
}

PERSON_COUNTS: tuple[str, ...] = ("screened", "referred_dyslexia", "enrolled", "completed",
                                  "passed")
# Numbers that count people (their drill-down lists participants, window only); the rest
# count companies or their activity.
PERSON_NUMBERS = frozenset({*PERSON_COUNTS, "dyslexia_results"})
EMPLOYMENT = ("beskæftiget", "ledig")
EMPLOYMENT_LABELS = {"beskæftiget": "Beskæftigede", "ledig": "Ledige"}
BEGINNING = date(1900, 1, 1)  # "from the beginning": before anything the store can hold


def check_name(name: str) -> str:
    if name not in FUNNEL:
        raise ValidationError("name", f"Ukendt nøgletal «{name}». Kendte: {', '.join(FUNNEL)}.")
    return name


def period(flt: KpiFilter, today: date) -> tuple[date, date]:
    """The filter's period as (first, last), both inclusive; refuses a reversed period."""
    first, last = flt.first or BEGINNING, flt.last or today
    if first > last:
        raise ValidationError(
            "from", f"Perioden starter ({first.day}.{first.month}.{first.year}) efter den "
                    f"slutter ({last.day}.{last.month}.{last.year}).")
    return first, last


def bounds(first: date, last: date) -> tuple[str, str]:
    """ISO text bounds [first, day after last): compare dates and UTC timestamps alike."""
    return first.isoformat(), (last + timedelta(days=1)).isoformat()


def months(first: date, last: date) -> list[tuple[str, date, date]]:
    """("2027-01", first day, last day) for every month the period touches, clipped to it."""
    out, cursor = [], date(first.year, first.month, 1)
    while cursor <= last:
        following = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
        out.append((f"{cursor.year:04d}-{cursor.month:02d}", max(cursor, first),
                    min(following - timedelta(days=1), last)))
        cursor = following
    return out


def median(values: list[int]) -> float | None:
    if not values:
        return None
    ordered, middle = sorted(values), len(values) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def subject_trin_key(subject: str, trin: int | None) -> str:
    """"læsning/2"; a subject without trin (obu, start) stands alone."""
    return subject if trin is None else f"{subject}/{trin}"
