"""Visits and motivation sessions as an .ics calendar for the consultant's own calendar.

Each event's UID is its row id, so importing a newer export updates the events instead of
duplicating them. Times are Europe/Copenhagen (with the VTIMEZONE included); an entry
without a time of day becomes an all-day event.
"""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from ..domain.danish_format import field_date
from ..domain.outreach import MotivationSession, Visit
from ..domain.validation import ValidationError
from ..store.companies import CompanyRepository
from ..store.database import Store
from ..store.outreach import CompanyRef, SessionRepository, VisitRepository

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
UID_DOMAIN = "lokomotiv.netvaerkslokomotivet.dk"
VISIT_LENGTH = timedelta(hours=1)
SESSION_LENGTH = timedelta(hours=1)
# Wide enough for everything a consultant has logged or planned.
_ALL = (date(1970, 1, 1), date(9999, 12, 31))


def uid_for(row_id: str) -> str:
    return f"{row_id}@{UID_DOMAIN}"


def export_ics(store: Store, consultant: str | None = None, company_id: str | None = None,
               first: date | None = None, last: date | None = None) -> bytes:
    """The calendar of one consultant or one company (exactly one of the two), optionally
    only from ``first`` to ``last``."""
    if bool(consultant) == bool(company_id):
        raise ValidationError("ics", "Vælg enten én konsulent eller én virksomhed til kalenderen.")
    window = (first or _ALL[0], last or _ALL[1])
    visits = VisitRepository(store).between(*window, consultant=consultant or None,
                                           company_id=company_id)
    sessions = SessionRepository(store).between(*window, consultant=consultant or None,
                                               company_id=company_id)
    if company_id:
        company = CompanyRepository(store).get(company_id)
        if company is None:
            raise ValidationError("company_id", "Virksomheden findes ikke (længere) i databasen.")
        title = f"Lokomotiv: {company.name}"
    else:
        title = f"Lokomotiv: {consultant}"
    addresses = _addresses(store, {d.company.id for d in [*visits, *sessions]})
    calendar = Calendar()
    calendar.add("prodid", "-//Netværkslokomotivet//Lokomotiv//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", title)
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    stamp = datetime.now(UTC).replace(microsecond=0)
    for dated in visits:
        calendar.add_component(_visit_event(dated.item, dated.company, addresses, stamp))
    for dated in sessions:
        calendar.add_component(_session_event(dated.item, dated.company, addresses, stamp))
    days = [d.item.date for d in [*visits, *sessions]]
    if days:  # the VTIMEZONE's transitions only for the years the events span
        calendar.add_missing_timezones(first_date=date(min(days).year, 1, 1),
                                       last_date=date(max(days).year + 1, 12, 31))
    return calendar.to_ical()


def _addresses(store: Store, company_ids: set[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    ids = list(company_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        for r in store.db.execute(
            f"SELECT id, address, coalesce(postcode, ''), city FROM company WHERE id IN ({marks})",
            chunk,
        ):
            found[r[0]] = ", ".join(x for x in (r[1], f"{r[2]} {r[3]}".strip()) if x)
    return found


def _timed(event: Event, day: date, at, length: timedelta) -> None:
    if at is None:
        event.add("dtstart", day)  # VALUE=DATE: all day
        event.add("dtend", day + timedelta(days=1))
        return
    start = datetime.combine(day, at, tzinfo=COPENHAGEN)
    event.add("dtstart", start)
    event.add("dtend", start + length)


def _visit_event(visit: Visit, company: CompanyRef, addresses: dict[str, str],
                 stamp: datetime) -> Event:
    event = Event()
    event.add("uid", uid_for(visit.id))
    event.add("dtstamp", stamp)
    event.add("summary", f"{visit.kind.label}: {company.name}")
    _timed(event, visit.date, visit.time, VISIT_LENGTH)
    lines = [f"CVR {company.cvr}", f"Konsulent: {visit.consultant}"]
    lines += [x for x in (visit.notes, visit.agreed and f"Aftalt: {visit.agreed}") if x]
    if visit.next_step:
        due = f" (frist {field_date(visit.next_due)})" if visit.next_due else ""
        lines.append(f"Næste skridt: {visit.next_step}{due}")
    event.add("description", "\n".join(lines))
    if addresses.get(company.id):
        event.add("location", addresses[company.id])
    event.add("categories", ["Besøg"])
    return event


def _session_event(session: MotivationSession, company: CompanyRef,
                   addresses: dict[str, str], stamp: datetime) -> Event:
    event = Event()
    event.add("uid", uid_for(session.id))
    event.add("dtstamp", stamp)
    event.add("summary", f"{session.format.label}: {company.name}")
    _timed(event, session.date, session.time, SESSION_LENGTH)
    lines = [f"CVR {company.cvr}", f"Konsulent: {session.consultant}"]
    if session.messengers:
        lines.append("Budbringere: " + ", ".join(m.label for m in session.messengers))
    if session.invited is not None:
        lines.append(f"Inviteret: {session.invited}")
    if session.notes:
        lines.append(session.notes)
    event.add("description", "\n".join(lines))
    location = session.place or addresses.get(company.id, "")
    if location:
        event.add("location", location)
    event.add("categories", ["Informationsmøde"])
    return event


