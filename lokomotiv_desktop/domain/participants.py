"""A participant (deltager: an employee, or an unemployed citizen referred by a jobcenter)
and what is recorded about them: consents, screenings, referrals to Ordblindetesten and the
result that comes back. Plain records, as the store reads them."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Participant:
    id: str
    first_name: str
    last_name: str = ""
    company_id: str | None = None
    unit_id: str | None = None
    session_id: str | None = None
    employment: str = "beskæftiget"  # or "ledig"
    municipality_code: str | None = None  # "ledig": the referring municipality
    jobcenter: str = ""
    job_title: str = ""
    team: str = ""
    language: str = "dansk"  # or "andetsprog" (dansk som andetsprog)
    phone: str | None = None
    email: str | None = None
    notes: str = ""
    consultant: str = ""
    signed_up: bool = False

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def unemployed(self) -> bool:
        return self.employment == "ledig"


@dataclass(frozen=True)
class ConsentRecord:
    id: str
    participant_id: str
    purpose: str
    given_on: date
    how: str
    witness: str = ""
    withdrawn_on: date | None = None

    def valid_on(self, day: date) -> bool:
        return self.given_on <= day and (self.withdrawn_on is None or self.withdrawn_on > day)


@dataclass(frozen=True)
class ScreeningRecord:
    id: str
    participant_id: str
    date: date
    subject: str
    tool: str
    outcome: str
    trin: int | None = None
    school: str = ""
    tester: str = ""
    notes: str = ""


@dataclass(frozen=True)
class DyslexiaResultRecord:
    id: str
    referral_id: str
    result: str  # rød | gul | grøn
    date: date
    school: str = ""
    valid_until: date | None = None


@dataclass(frozen=True)
class Referral:
    id: str
    participant_id: str
    date: date
    school: str = ""
    result: DyslexiaResultRecord | None = None  # None: awaited, or not visible to this user


@dataclass(frozen=True)
class PersonFile:
    """Everything recorded about one participant (the person view, the export)."""
    participant: Participant
    company_name: str | None = None
    cvr: str | None = None
    consents: list[ConsentRecord] = field(default_factory=list)
    screenings: list[ScreeningRecord] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)

    def consent_for(self, purpose: str, day: date) -> ConsentRecord | None:
        valid = [c for c in self.consents if c.purpose == purpose and c.valid_on(day)]
        return max(valid, key=lambda c: c.given_on) if valid else None
