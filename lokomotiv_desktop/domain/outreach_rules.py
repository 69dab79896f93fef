"""Validation of what a consultant types about visits, tasks, sessions and KPI targets.

Every function returns the normalised value or raises ValidationError with a Danish
message; the form, the CLI and the services call the same functions.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

import holidays

from .danish_format import WEEKDAYS, field_date
from .outreach import KpiMeasure, MessengerRole, SessionFormat, VisitKind
from .validation import ValidationError, clean_text, is_digits, required_text  # noqa: F401 (re-exported for services)

_DANISH_DATE = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})", re.ASCII)
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})", re.ASCII)


def parse_date(field: str, value: Any, label: str = "Dato") -> date:
    """Danish (1.12.2026, 01-12-2026) or ISO (2026-12-01); messages suggest the Danish form."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value if value is not None else "").strip()
    if not text:
        raise ValidationError(field, f"{label} mangler. Skriv fx 1.12.2026.")
    try:
        match = _DANISH_DATE.fullmatch(text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            field, f"{label} «{text}» er ikke en gyldig dato. Skriv fx 1.12.2026."
        ) from None


def parse_optional_date(field: str, value: Any, label: str = "Dato") -> date | None:
    if value is None or str(value).strip() == "":
        return None
    return parse_date(field, value, label)


def parse_time(field: str, value: Any) -> time | None:
    """HH:MM or H.MM; empty means no time of day (an all-day entry)."""
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    text = str(value if value is not None else "").strip()
    if not text:
        return None
    match = _TIME.fullmatch(text)
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return time(int(match[1]), int(match[2]))
    raise ValidationError(field, f"Klokkeslæt «{text}» er ikke gyldigt. Skriv fx 9.30.")


def _choice(field: str, enum, value: Any):
    if isinstance(value, enum):
        return value
    try:
        return enum.parse(value)
    except ValueError as exc:
        raise ValidationError(field, str(exc)) from None


def parse_visit_kind(value: Any) -> VisitKind:
    return _choice("kind", VisitKind, value)


def parse_session_format(value: Any) -> SessionFormat:
    return _choice("format", SessionFormat, value)


def parse_kpi_measure(value: Any) -> KpiMeasure:
    return _choice("measure", KpiMeasure, value)


def parse_messengers(values: Iterable[Any] | str | None) -> list[MessengerRole]:
    """A list of roles (or one comma-separated text); each role once, in the given order."""
    if values is None:
        return []
    if isinstance(values, str):
        values = [v for v in values.split(",") if v.strip()]
    roles: list[MessengerRole] = []
    for value in values:
        role = _choice("messengers", MessengerRole, value)
        if role not in roles:
            roles.append(role)
    return roles


def parse_count(field: str, label: str, value: Any) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    if not is_digits(text):
        raise ValidationError(field, f"{label} skal være et helt tal (0 eller mere): «{value}».")
    return int(text)


def parse_percent(field: str, value: Any, label: str = "Mål") -> float:
    """"80", "80 %", "80,5" -> 80.0 / 80.5; between 0 and 100."""
    text = str(value if value is not None else "").strip().rstrip("%").strip().replace(",", ".")
    if not text:
        raise ValidationError(field, f"{label} mangler. Skriv en procent, fx 80.")
    try:
        number = float(text)
    except ValueError:
        raise ValidationError(field, f"{label} «{value}» er ikke en procent. Skriv fx 80.") from None
    if not 0 <= number <= 100:
        raise ValidationError(field, f"{label} skal ligge mellem 0 og 100 %, ikke {value}.")
    return number


def check_next_step(next_step: str, due: date | None, visit_date: date) -> None:
    """A next step becomes a task, so it needs a due date, and a due date needs a step."""
    if next_step and due is None:
        raise ValidationError("next_due", "Næste skridt mangler en frist. Angiv en dato for det.")
    if due is not None and not next_step:
        raise ValidationError("next_step", "Der er en frist, men intet næste skridt. Skriv hvad der skal ske.")
    if due is not None and due < visit_date:
        raise ValidationError(
            "next_due", f"Fristen {field_date(due)} ligger før mødet {field_date(visit_date)}."
        )


def check_session_counts(invited: int | None, attended: int | None, signed_up: int | None) -> None:
    if invited is not None and attended is not None and attended > invited:
        raise ValidationError(
            "attended", f"Der kan ikke være flere fremmødte ({attended}) end inviterede ({invited})."
        )
    if attended is not None and signed_up is not None and signed_up > attended:
        raise ValidationError(
            "signed_up",
            f"Der kan ikke være flere tilmeldt screening ({signed_up}) end fremmødte ({attended}).",
        )


def check_company_asked(marketing_protected: bool, company_asked: bool, company_name: str) -> None:
    """Outreach to a reklamebeskyttet company only when the company itself asked for it."""
    if marketing_protected and not company_asked:
        raise ValidationError(
            "company_asked",
            f"{company_name} er reklamebeskyttet i CVR-registeret. Du må kun registrere "
            "kontakt, hvis virksomheden selv har bedt om den: bekræft det udtrykkeligt "
            "(i kommandolinjen med --company-asked).",
        )


@lru_cache(maxsize=16)
def _danish_holidays(year: int) -> dict[date, str]:
    return dict(holidays.country_holidays("DK", years=year, language="da"))


def day_note(day: date) -> str | None:
    """A hint when a date is a Danish public holiday or a weekend (a due date on Juledag
    is usually a slip); the caller decides whether to show it. No rule is enforced."""
    name = _danish_holidays(day.year).get(day)
    if name:
        return f"{field_date(day)} er en helligdag ({name})."
    if day.weekday() >= 5:
        return f"{field_date(day)} er en {WEEKDAYS[day.weekday()]}."
    return None


def week_end(today: date) -> date:
    """The Sunday that ends today's week (Danish weeks start on Monday)."""
    return today + timedelta(days=6 - today.weekday())


def json_list(values: Iterable[Any]) -> str:
    return json.dumps([getattr(v, "value", v) for v in values], ensure_ascii=False,
                      separators=(",", ":"))


def from_json_list(raw: str | None) -> list[Any]:
    if not raw:
        return []
    try:
        loaded = json.loads(raw)
    except ValueError:
        return []
    return loaded if isinstance(loaded, list) else []
