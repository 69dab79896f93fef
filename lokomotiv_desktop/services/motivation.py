"""Use cases of collective motivation sessions (informationsmøde, pølsevogn, ...): log a
session with its counts and messengers, and register the attendees who signed up as
participants in one go."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..domain import outreach_rules as rules
from ..domain.company_rules import parse_bool
from ..domain.entities import Company
from ..domain.outreach import Attendee, MotivationSession
from ..domain.validation import ValidationError
from ..store.database import Store
from ..store.outreach import SessionRepository
from .companies import ChangedUnderneath, three_way
from .outreach import company_by_id

_FIELDS = ("date", "format", "consultant", "time", "unit_id", "place", "messengers",
           "invited", "attended", "signed_up", "notes")


def _session_fields(company: Company, *, date: Any, format: Any, consultant: str,
                    time: Any = None, unit_id: str | None = None, place: Any = "",
                    messengers: Iterable[Any] | str | None = (), invited: Any = None,
                    attended: Any = None, signed_up: Any = None, notes: Any = "") -> dict:
    if unit_id and unit_id not in {u.id for u in company.production_units}:
        raise ValidationError("unit_id", f"P-enheden hører ikke til {company.name}.")
    values = {
        "company_id": company.id,
        "date": rules.parse_date("date", date, "Dato"),
        "time": rules.parse_time("time", time),
        "format": rules.parse_session_format(format),
        "consultant": rules.required_text("consultant", "Konsulent", consultant),
        "unit_id": unit_id or None,
        "place": rules.clean_text(place),
        "messengers": rules.parse_messengers(messengers),
        "invited": rules.parse_count("invited", "Inviterede", invited),
        "attended": rules.parse_count("attended", "Fremmødte", attended),
        "signed_up": rules.parse_count("signed_up", "Tilmeldt screening", signed_up),
        "notes": rules.clean_text(notes),
    }
    rules.check_session_counts(values["invited"], values["attended"], values["signed_up"])
    return values


def log_session(store: Store, company_id: str, **fields: Any) -> MotivationSession:
    """Arguments: date, format, consultant (required); time, unit_id, place, messengers
    (roles: tr, ambassadør, leder, kollega), invited, attended, signed_up, notes."""
    company = company_by_id(store, company_id)
    values = _session_fields(company, **fields)
    repo = SessionRepository(store)
    with store.transaction():
        session_id = repo.add(values)
    return repo.get(session_id)


def _existing(store: Store, session_id: str) -> MotivationSession:
    session = SessionRepository(store).get(session_id)
    if session is None:
        raise ValidationError("session_id", "Mødet findes ikke (længere).")
    return session


def update_session(store: Store, session_id: str, *, loaded: Mapping[str, Any] | None = None,
                   **changes: Any) -> MotivationSession:
    """Writes only the fields given, where they differ from ``loaded`` (the session as a form
    loaded it); one the person changed that was changed underneath too raises
    ChangedUnderneath (services.companies.three_way)."""
    unknown = sorted(set(changes) - set(_FIELDS))
    if unknown:
        raise ValidationError(unknown[0], f"Ukendt felt «{unknown[0]}».")
    repo = SessionRepository(store)
    with store.transaction():  # the comparison and the write see the same stored row
        session = _existing(store, session_id)
        current = {k: getattr(session, k) for k in _FIELDS}
        values = _session_fields(company_by_id(store, session.company_id),
                                 **{**current, **changes})
        write, conflicts = three_way({k: values[k] for k in changes}, loaded, current)
        if conflicts:
            raise ChangedUnderneath(conflicts)
        if write:
            repo.update(session_id, write)
    return repo.get(session_id)


def delete_session(store: Store, session_id: str) -> None:
    _existing(store, session_id)
    with store.transaction():
        SessionRepository(store).delete(session_id)


def register_attendees(store: Store, session_id: str,
                       attendees: Iterable[Attendee | tuple[str, bool] | str]) -> list[str]:
    """Registers people from a session as participants of its company, in one
    transaction: each a name and whether they signed up for screening (a bare name means
    signed up). A name already registered from this session is not added twice.
    Returns the new participants' ids."""
    session = _existing(store, session_id)
    wanted: list[Attendee] = []
    for n, item in enumerate(attendees, start=1):
        if isinstance(item, str):
            item = Attendee(item, True)
        elif not isinstance(item, Attendee):
            item = Attendee(item[0], parse_bool("signed_up", item[1]))
        name = " ".join(str(item.name or "").split())
        if not name:
            raise ValidationError("attendees", f"Deltager nr. {n} mangler et navn.")
        wanted.append(Attendee(name, item.signed_up))
    repo = SessionRepository(store)
    seen = {a.name.casefold() for _, a in repo.participants(session_id)}
    new = []
    for attendee in wanted:
        if attendee.name.casefold() not in seen:
            seen.add(attendee.name.casefold())
            new.append(attendee)
    with store.transaction():
        return repo.add_participants(session, new)


def attendees(store: Store, session_id: str) -> list[tuple[str, Attendee]]:
    """(participant id, attendee) of the people registered from this session."""
    return SessionRepository(store).participants(session_id)
