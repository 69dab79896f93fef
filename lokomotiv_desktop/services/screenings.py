"""Use cases of screenings: record a screening (never without a valid consent for
screening), refer to Ordblindetesten and record the result, save one row of the screening
day (person, consent and screening in one transaction), and suggest classes."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..domain import outreach_rules as rules
from ..domain.class_suggestions import Screened, Suggestion, suggest_classes
from ..domain.cpr import refuse_cpr
from ..domain.danish_format import field_date
from ..domain.participant_rules import participant_values
from ..domain.participants import Participant, Referral, ScreeningRecord
from ..domain.screening_catalog import (
    catalog,
    parse_dyslexia_result,
    parse_outcome,
    parse_subject,
    parse_tool,
    parse_trin,
)
from ..domain.validation import ValidationError, clean_text
from ..store import participant_queries as queries
from ..store.database import Store
from ..store.participants import ParticipantRepository
from .me import my_name
from .outreach import NotFoundError, today_local
from .participants import find_participant, has_screening_consent

NO_CONSENT = ("{name} har ikke et gyldigt samtykke til screening{day}. Registrér samtykket "
              "først; uden det gemmes intet resultat.")


def screening_values(subject: Any, tool: Any, outcome: Any, trin: Any = None,
                     day: Any = None, school: Any = "", tester: Any = "",
                     notes: Any = "") -> dict[str, Any]:
    """A screening's fields as stored (codes from the catalog), or ValidationError."""
    subject_code = parse_subject(subject)
    tool_code = parse_tool(tool, subject_code)
    values = {
        "date": rules.parse_date("date", day or today_local(), "Dato").isoformat(),
        "subject": subject_code, "tool": tool_code,
        "outcome": parse_outcome(outcome, tool_code),
        "trin": parse_trin(trin, subject_code),
        "school": clean_text(school), "tester": clean_text(tester), "notes": clean_text(notes),
    }
    for field, label in (("school", "Skole"), ("tester", "Testvejleder"), ("notes", "Noter")):
        refuse_cpr(field, label, values[field])
    return values


def _require_consent(store: Store, person: Participant, day: date) -> None:
    if not has_screening_consent(store, person.id, day):
        raise ValidationError("consent", NO_CONSENT.format(
            name=person.name, day=f" den {field_date(day)}"))


def record_screening(store: Store, participant_id: str, **fields: Any) -> ScreeningRecord:
    """Fields: subject, tool, outcome (required), trin, day, school, tester, notes."""
    person = find_participant(store, participant_id)
    values = screening_values(**fields)
    _require_consent(store, person, date.fromisoformat(values["date"]))
    repo = ParticipantRepository(store)
    with store.transaction():
        screening_id = repo.add_screening({"participant_id": person.id, **values})
    return repo.screening(screening_id)  # type: ignore[return-value]


def add_referral(store: Store, participant_id: str, day: Any = None,
                 school: Any = "") -> Referral:
    person = find_participant(store, participant_id)
    on = rules.parse_date("date", day or today_local(), "Dato")
    _require_consent(store, person, on)
    text = refuse_cpr("school", "Skole", clean_text(school)) or ""
    repo = ParticipantRepository(store)
    with store.transaction():
        referral_id = repo.add_referral({"participant_id": person.id,
                                         "date": on.isoformat(), "school": text})
    return repo.referral(referral_id)  # type: ignore[return-value]


def record_dyslexia_result(store: Store, id_or_prefix: str, result: Any, day: Any = None,
                           school: Any = None) -> Referral:
    """The result of a referral; `id_or_prefix` names the referral or its participant
    (their newest referral). School defaults to the referral's."""
    repo = ParticipantRepository(store)
    referral = repo.referral(id_or_prefix.strip())
    if referral is None:
        person = find_participant(store, id_or_prefix)
        referrals = repo.referrals(person.id)
        if not referrals:
            raise NotFoundError("id", f"{person.name} er ikke henvist til Ordblindetesten.")
        referral = referrals[-1]
    person = find_participant(store, referral.participant_id)
    on = rules.parse_date("date", day or today_local(), "Dato")
    if on < referral.date:
        raise ValidationError("date", "Resultatet kan ikke være fra før henvisningen "
                              f"({referral.date:%d.%m.%Y}).")
    _require_consent(store, person, on)
    values = {"result": parse_dyslexia_result(result), "date": on.isoformat(),
              "school": refuse_cpr("school", "Skole", clean_text(
                  referral.school if school is None else school)) or ""}
    with store.transaction():
        if referral.result is not None:
            repo.update_result(referral.result.id, values)
        else:
            repo.add_result({"referral_id": referral.id, **values})
    return repo.referral(referral.id)  # type: ignore[return-value]


# -- the screening day ----------------------------------------------------------------------

@dataclass(frozen=True)
class DayRow:
    """One finished row of the screening-day grid."""
    participant_id: str | None  # None: a new person, registered by the save
    first_name: str
    last_name: str
    team: str
    consent: bool
    subject: Any
    tool: Any
    outcome: Any
    trin: Any = None
    notes: str = ""


def save_day_row(store: Store, company_id: str, day: date, row: DayRow, *,
                 school: str = "", tester: str = "",
                 screening_id: str | None = None) -> tuple[str, str]:
    """Saves a row in ONE transaction (the person if new, the consent if missing, the
    screening, or its correction when `screening_id` is given): a crash loses at most the
    row being typed, never half of one. Returns (participant id, screening id).

    Lean on purpose (it runs as the consultant leaves each row): the same validation as
    add_participant and give_consent, without their reads back of what they wrote."""
    if not row.consent:
        raise ValidationError("consent", "Sæt kryds i samtykke først: uden samtykke gemmes "
                                         "ingen screening.")
    values = screening_values(row.subject, row.tool, row.outcome, row.trin, day, school,
                              tester, row.notes)
    found = store.db.execute("SELECT consultant FROM company WHERE id = ? AND deleted = 0",
                             [company_id]).fetchone()
    if found is None:
        raise ValidationError("company_id", "Virksomheden findes ikke (længere) i databasen.")
    first, last = row.first_name.strip(), row.last_name.strip()
    repo = ParticipantRepository(store)
    with store.transaction():
        pid = row.participant_id or repo.find_by_name(company_id, first, last)
        consented = False
        if pid is None:
            pid = repo.add(participant_values({
                "company_id": company_id, "first_name": first, "last_name": last,
                "team": row.team, "signed_up": True,
                "consultant": found[0] or my_name(store) or ""}))
        else:
            consented = has_screening_consent(store, pid, date.fromisoformat(values["date"]))
        if not consented:
            repo.add_consent({"participant_id": pid, "purpose": "screening",
                              "given_on": values["date"], "how": "skriftlig", "witness": ""})
        if screening_id:
            repo.update_screening(screening_id, values)
        else:
            screening_id = repo.add_screening({"participant_id": pid, **values})
    return pid, screening_id


def day_rows(store: Store, company_id: str, day: date) -> list[tuple[Participant,
                                                                     ScreeningRecord | None]]:
    """The grid of a day when reopened: invited people, screened ones with their row."""
    repo = ParticipantRepository(store)
    return [(p, repo.screening(sid) if sid else None)
            for p, sid in queries.screening_day(store, company_id, day)]


def day_count(store: Store, company_id: str, day: date) -> tuple[int, int]:
    """(screened that day, invited or screened): the grid's running count."""
    rows = queries.screening_day(store, company_id, day)
    return sum(1 for _, sid in rows if sid), len(rows)


# -- suggested classes ----------------------------------------------------------------------

def class_sizes(store: Store) -> tuple[int, int, int]:
    """(min, max, OBU max) of a class: this laptop's setting, else the catalog's."""
    data = catalog()
    out = []
    for key, default in (("class_min", data.class_min), ("class_max", data.class_max),
                         ("obu_max", data.obu_max)):
        try:
            out.append(int(store.get_state(key) or default))
        except ValueError:
            out.append(default)
    return out[0], out[1], out[2]


def suggest_for(store: Store, company_ids: Sequence[str], min_size: int | None = None,
                max_size: int | None = None) -> Suggestion:
    """Suggested classes from the latest screening per person and subject of these
    companies together (the caller picks them: one, a list, or a municipality's); sizes
    default to class_sizes()."""
    data = catalog()
    rows = []
    for pid, cid, subject, trin, tool, outcome, team, municipality, obu in \
            queries.screened_for_classes(store, list(company_ids)):
        try:
            places = data.outcome(tool, outcome).places
        except KeyError:
            places = False
        rows.append(Screened(pid, cid, subject, trin, places, team or "", municipality,
                             obu=bool(obu) and subject == "læsning"))
    low, high, obu_high = class_sizes(store)
    return suggest_classes(rows, low if min_size is None else min_size,
                           high if max_size is None else max_size, obu_high)


def companies_near(store: Store, municipality_code: str) -> list[str]:
    """Companies of a municipality that have screened participants."""
    return queries.companies_in_municipality(store, municipality_code)
