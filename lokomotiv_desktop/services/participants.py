"""Use cases of participants and their consent: register a person (an employee of a
company, or an unemployed citizen referred by a municipality), edit them, find them by id
or id prefix, give and withdraw consent. The window, the CLI and the screening-day grid
call these; every value goes through domain/participant_rules.py first."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ..domain import outreach_rules as rules
from ..domain.consent import check_consent, check_withdrawal, parse_how, parse_purpose
from ..domain.participant_rules import participant_values
from ..domain.participants import ConsentRecord, Participant, PersonFile
from ..domain.validation import ValidationError
from ..store.database import Store
from ..store.participants import ParticipantRepository
from .me import my_name
from .outreach import NotFoundError, company_by_id, today_local


class AmbiguousId(ValidationError):
    """An id prefix that fits more than one participant."""


def find_participant(store: Store, id_or_prefix: str) -> Participant:
    """The participant with this id, or the only one whose id starts with it."""
    repo = ParticipantRepository(store)
    text = (id_or_prefix or "").strip()
    found = repo.get(text) if text else None
    if found:
        return found
    ids = repo.ids_starting(text) if len(text) >= 4 else []
    if len(ids) > 1:
        raise AmbiguousId("id", f"Flere deltagere har et id, der begynder med «{text}»; "
                                "skriv flere tegn.")
    if not ids:
        raise NotFoundError("id", f"Ingen deltager har id'et «{text}».")
    return repo.get(ids[0])  # type: ignore[return-value]


def add_participant(store: Store, company_id: str | None = None, **fields: Any) -> Participant:
    """Fields: first_name, last_name, unit_id, employment (beskæftiget | ledig),
    municipality_code, jobcenter, job_title, team, language (dansk | andetsprog), phone,
    email, notes, consultant, session_id, signed_up. An employee needs the company; an
    unemployed person the referring municipality."""
    values = dict(fields)
    if company_id:
        company = company_by_id(store, company_id)
        unit_id = values.get("unit_id")
        if unit_id and unit_id not in {u.id for u in company.production_units}:
            raise ValidationError("unit_id", f"P-enheden hører ikke til {company.name}.")
        values["company_id"] = company.id
        values.setdefault("consultant", company.consultant or my_name(store) or "")
    else:
        values["company_id"] = None
        values.setdefault("employment", "ledig")
        values.setdefault("consultant", my_name(store) or "")
    clean = participant_values(values)
    if clean.get("employment") == "ledig" and company_id:
        raise ValidationError("employment", "En ledig deltager hører ikke til en virksomhed.")
    repo = ParticipantRepository(store)
    with store.transaction():
        participant_id = repo.add(clean)
    return repo.get(participant_id)  # type: ignore[return-value]


def update_participant(store: Store, participant_id: str, values: Mapping[str, Any]) -> Participant:
    person = find_participant(store, participant_id)
    clean = participant_values(values, complete=False)
    if "first_name" in clean and not clean["first_name"]:
        raise ValidationError("first_name", "Skriv deltagerens fornavn.")
    repo = ParticipantRepository(store)
    with store.transaction():
        repo.update(person.id, clean)
    return repo.get(person.id)  # type: ignore[return-value]


def person_file(store: Store, participant_id: str) -> PersonFile:
    found = ParticipantRepository(store).person_file(find_participant(store, participant_id).id)
    assert found is not None
    return found


def give_consent(store: Store, participant_id: str, purpose: Any, how: Any,
                 witness: str | None = None, given_on: Any = None) -> ConsentRecord:
    """Records a consent; mundtlig (oral) needs a witness. A consent for a purpose that is
    valid already is not doubled: the existing one is returned."""
    person = find_participant(store, participant_id)
    purpose_code = parse_purpose(purpose).value
    how_code = parse_how(how).value
    witness_name = check_consent(how_code, witness)
    day = rules.parse_date("given_on", given_on or today_local(), "Dato")
    repo = ParticipantRepository(store)
    for existing in repo.consents(person.id):
        if existing.purpose == purpose_code and existing.valid_on(day):
            return existing
    with store.transaction():
        consent_id = repo.add_consent({
            "participant_id": person.id, "purpose": purpose_code, "given_on": day.isoformat(),
            "how": how_code, "witness": witness_name})
    return next(c for c in repo.consents(person.id) if c.id == consent_id)


def withdraw_consent(store: Store, participant_id: str, purpose: Any,
                     on: Any = None) -> list[ConsentRecord]:
    """Withdraws every valid consent of the purpose from `on` (today); returns them. The
    caller asks next whether to erase the person (person_privacy.erase_person)."""
    person = find_participant(store, participant_id)
    purpose_code = parse_purpose(purpose).value
    day = rules.parse_date("withdrawn_on", on or today_local(), "Dato")
    repo = ParticipantRepository(store)
    live = [c for c in repo.consents(person.id)
            if c.purpose == purpose_code and c.withdrawn_on is None]
    if not live:
        raise ValidationError("purpose", f"{person.name} har intet samtykke til det formål, "
                                         "der kan trækkes tilbage.")
    with store.transaction():
        for consent in live:
            check_withdrawal(consent.given_on, day)
            repo.update_consent(consent.id, {"withdrawn_on": day.isoformat()})
    return [c for c in repo.consents(person.id) if c.id in {x.id for x in live}]


def has_screening_consent(store: Store, participant_id: str, on: date) -> bool:
    return any(c.purpose == "screening" and c.valid_on(on)
               for c in ParticipantRepository(store).consents(participant_id))
