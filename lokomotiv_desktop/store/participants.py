"""Repository of participants and their screening data: consents, screenings, referrals
to Ordblindetesten and their results.

Reads return domain records; writes go through ``store.changes`` (change capture) and
must run inside ``store.transaction()`` (the services do that, after validating).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from ..domain.participants import (
    ConsentRecord,
    DyslexiaResultRecord,
    Participant,
    PersonFile,
    Referral,
    ScreeningRecord,
)
from ..domain.screening_catalog import dyslexia_valid_until
from .database import Store

PARTICIPANT_COLUMNS = ("id", "first_name", "last_name", "company_id", "unit_id", "session_id",
                       "employment", "municipality_code", "jobcenter", "job_title", "team",
                       "language", "phone", "email", "notes", "consultant", "signed_up")
_P_COLUMNS = ", ".join(f"p.{c}" for c in PARTICIPANT_COLUMNS)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def participant_from_row(row) -> Participant:
    values = dict(zip(PARTICIPANT_COLUMNS, row, strict=True))
    values["signed_up"] = bool(values["signed_up"])
    return Participant(**values)


def _consent(r) -> ConsentRecord:
    return ConsentRecord(id=r[0], participant_id=r[1], purpose=r[2], given_on=_day(r[3]),
                         how=r[4], witness=r[5], withdrawn_on=_day(r[6]))


def _screening(r) -> ScreeningRecord:
    return ScreeningRecord(id=r[0], participant_id=r[1], date=_day(r[2]), subject=r[3],
                           tool=r[4], outcome=r[5], trin=r[6], school=r[7], tester=r[8],
                           notes=r[9])


class ParticipantRepository:
    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    # -- participants --------------------------------------------------------------------
    def add(self, values: Mapping[str, Any]) -> str:
        return self.store.changes.insert("participant", values)

    def update(self, participant_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return self.store.changes.update("participant", participant_id, values)

    def get(self, participant_id: str) -> Participant | None:
        row = self.db.execute(f"SELECT {_P_COLUMNS} FROM participant p WHERE p.id = ? "
                              "AND p.deleted = 0", [participant_id]).fetchone()
        return participant_from_row(row) if row else None

    def ids_starting(self, prefix: str, limit: int = 3) -> list[str]:
        """Live participant ids with this prefix (a CLI user types the first characters)."""
        return [r[0] for r in self.db.execute(
            "SELECT id FROM participant WHERE id >= ? AND id < ? AND deleted = 0 "
            "ORDER BY id LIMIT ?", [prefix, prefix + "\uffff", limit])]

    def of_company(self, company_id: str) -> list[Participant]:
        return [participant_from_row(r) for r in self.db.execute(
            f"SELECT {_P_COLUMNS} FROM participant p WHERE p.company_id = ? AND p.deleted = 0 "
            "ORDER BY p.first_name COLLATE dansk, p.last_name COLLATE dansk, p.id",
            [company_id])]

    def find_by_name(self, company_id: str | None, first: str, last: str) -> str | None:
        """A live participant of the company (or unemployed, company None) with this name,
        compared without case: the screening-day grid must not make the same person twice."""
        row = self.db.execute(
            "SELECT id FROM participant WHERE company_id IS ? AND deleted = 0 "
            "AND lower(first_name) = lower(?) AND lower(last_name) = lower(?) LIMIT 1",
            [company_id, first, last]).fetchone()
        return row[0] if row else None

    # -- consents ------------------------------------------------------------------------
    def add_consent(self, values: Mapping[str, Any]) -> str:
        return self.store.changes.insert("consent", values)

    def update_consent(self, consent_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return self.store.changes.update("consent", consent_id, values)

    def consents(self, participant_id: str) -> list[ConsentRecord]:
        return [_consent(r) for r in self.db.execute(
            "SELECT id, participant_id, purpose, given_on, how, witness, withdrawn_on "
            "FROM consent WHERE participant_id = ? AND deleted = 0 ORDER BY given_on, id",
            [participant_id])]

    # -- screenings ----------------------------------------------------------------------
    def add_screening(self, values: Mapping[str, Any]) -> str:
        return self.store.changes.insert("screening", values)

    def update_screening(self, screening_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return self.store.changes.update("screening", screening_id, values)

    def screenings(self, participant_id: str) -> list[ScreeningRecord]:
        return [_screening(r) for r in self.db.execute(
            "SELECT id, participant_id, date, subject, tool, outcome, trin, school, tester, "
            "notes FROM screening WHERE participant_id = ? AND deleted = 0 ORDER BY date, id",
            [participant_id])]

    def screening(self, screening_id: str) -> ScreeningRecord | None:
        row = self.db.execute(
            "SELECT id, participant_id, date, subject, tool, outcome, trin, school, tester, "
            "notes FROM screening WHERE id = ? AND deleted = 0", [screening_id]).fetchone()
        return _screening(row) if row else None

    # -- referrals -----------------------------------------------------------------------
    def add_referral(self, values: Mapping[str, Any]) -> str:
        return self.store.changes.insert("referral", values)

    def add_result(self, values: Mapping[str, Any]) -> str:
        return self.store.changes.insert("dyslexia_result", values)

    def update_result(self, result_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return self.store.changes.update("dyslexia_result", result_id, values)

    def referrals(self, participant_id: str) -> list[Referral]:
        rows = self.db.execute(
            "SELECT r.id, r.participant_id, r.date, r.school, d.id, d.result, d.date, "
            "d.school FROM referral r LEFT JOIN dyslexia_result d ON d.referral_id = r.id "
            "AND d.deleted = 0 WHERE r.participant_id = ? AND r.deleted = 0 "
            "ORDER BY r.date, r.id, d.date DESC", [participant_id]).fetchall()
        found: dict[str, Referral] = {}
        for r in rows:
            if r[0] in found:
                continue  # the newest result of a referral (ordered by its date)
            result = None
            if r[4]:
                result = DyslexiaResultRecord(id=r[4], referral_id=r[0], result=r[5],
                                              date=_day(r[6]), school=r[7],
                                              valid_until=dyslexia_valid_until(_day(r[6])))
            found[r[0]] = Referral(id=r[0], participant_id=r[1], date=_day(r[2]),
                                   school=r[3], result=result)
        return list(found.values())

    def referral(self, referral_id: str) -> Referral | None:
        row = self.db.execute("SELECT participant_id FROM referral WHERE id = ? "
                              "AND deleted = 0", [referral_id]).fetchone()
        if row is None:
            return None
        return next(r for r in self.referrals(row[0]) if r.id == referral_id)

    def awaiting_result(self, company_ids: Iterable[str] | None = None) -> list[tuple]:
        """(referral id, participant id, name, company name, referral date) of referrals
        without a result this laptop holds."""
        where, params = "", []
        if company_ids is not None:
            ids = list(company_ids)
            where = f" AND p.company_id IN ({', '.join('?' * len(ids))})"
            params = ids
        return self.db.execute(
            "SELECT r.id, p.id, trim(p.first_name || ' ' || p.last_name), "
            "coalesce(c.name, ''), r.date FROM referral r "
            "JOIN participant p ON p.id = r.participant_id AND p.deleted = 0 "
            "LEFT JOIN company c ON c.id = p.company_id "
            "WHERE r.deleted = 0 AND NOT EXISTS (SELECT 1 FROM dyslexia_result d "
            f"WHERE d.referral_id = r.id AND d.deleted = 0){where} ORDER BY r.date, r.id",
            params).fetchall()

    # -- the whole person ----------------------------------------------------------------
    def person_file(self, participant_id: str) -> PersonFile | None:
        person = self.get(participant_id)
        if person is None:
            return None
        company = self.db.execute("SELECT name, cvr FROM company WHERE id = ?",
                                  [person.company_id]).fetchone() if person.company_id else None
        return PersonFile(participant=person, company_name=company[0] if company else None,
                          cvr=company[1] if company else None,
                          consents=self.consents(participant_id),
                          screenings=self.screenings(participant_id),
                          referrals=self.referrals(participant_id))
