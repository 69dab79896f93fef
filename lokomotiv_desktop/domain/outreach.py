"""Outreach work with a company: visits, follow-up tasks, collective motivation sessions,
phase history and KPI targets agreed with management. Entities and enums only; the
validation of what a consultant types lives in ``outreach_rules``."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum

from .enums import Phase
from .text import fold_danish


class _LabelledEnum(StrEnum):
    """A str enum whose value is the Danish word stored in the database and shown to users;
    ``parse`` accepts it in any case, with or without æ/ø/å."""

    @property
    def label(self) -> str:
        return self.value[:1].upper() + self.value[1:]

    @classmethod
    def parse(cls, text: str):
        folded = fold_danish(str(text or "").strip())
        for member in cls:
            if folded in (fold_danish(member.value), fold_danish(member.name)):
                return member
        choices = ", ".join(m.value for m in cls)
        raise ValueError(f"«{text}» er ikke en mulighed. Vælg en af: {choices}.")


class VisitKind(_LabelledEnum):
    TELEFONMOEDE = "telefonmøde"
    FOERSTE_MOEDE = "første møde"
    OPFOELGNING = "opfølgning"
    NOEGLEPERSONKURSUS = "nøglepersonkursus"
    ANDET = "andet"


class SessionFormat(_LabelledEnum):
    INFORMATIONSMOEDE = "informationsmøde"
    POELSEVOGN = "pølsevogn"
    NOEGLEPERSONKURSUS = "nøglepersonkursus"
    TEMAMOEDE = "temamøde"
    ANDET = "andet"


class MessengerRole(_LabelledEnum):
    """The trusted messengers who speak at a session (the message must come from people
    the staff trust, DOMAIN.md "Who the users are")."""

    TR = "tr"
    AMBASSADOER = "ambassadør"
    LEDER = "leder"
    KOLLEGA = "kollega"

    @property
    def label(self) -> str:
        return "TR" if self is MessengerRole.TR else super().label


class KpiMeasure(_LabelledEnum):
    """How a KPI target's current value is found."""

    # Participants signed up for screening / the employees the target counts.
    SCREENING_TILMELDT = "tilmeldt screening"
    # Typed in by the consultant (anything the app cannot count yet).
    MANUEL = "manuel"


@dataclass
class Visit:
    id: str
    company_id: str
    date: date
    kind: VisitKind
    consultant: str
    time: time | None = None
    unit_id: str | None = None
    contact_ids: list[str] = field(default_factory=list)
    notes: str = ""
    agreed: str = ""  # what was agreed at the meeting
    next_step: str = ""
    next_due: date | None = None
    # The company is reklamebeskyttet and itself asked to be contacted (recorded, not assumed).
    company_asked: bool = False


@dataclass
class FollowUp:
    id: str
    company_id: str
    due: date
    text: str
    consultant: str
    done: bool = False
    done_at: str | None = None  # ISO timestamp (UTC) of when it was ticked off
    visit_id: str | None = None  # the visit whose next step made this task


@dataclass
class MotivationSession:
    id: str
    company_id: str
    date: date
    format: SessionFormat
    consultant: str
    time: time | None = None
    unit_id: str | None = None
    place: str = ""
    messengers: list[MessengerRole] = field(default_factory=list)
    invited: int | None = None
    attended: int | None = None
    signed_up: int | None = None  # signed up for screening
    notes: str = ""


@dataclass
class PhaseChange:
    id: str
    company_id: str
    from_phase: Phase | None  # None: the first recorded phase
    to_phase: Phase
    changed_at: datetime  # aware, UTC
    changed_by: str
    reason: str = ""


@dataclass
class KpiTarget:
    id: str
    company_id: str
    description: str  # e.g. "80 % af medarbejderne screenet inden 1. juni"
    target_percent: float
    deadline: date
    measure: KpiMeasure = KpiMeasure.SCREENING_TILMELDT
    # Headcount the share is taken of; None: the sum of the P-units' employees.
    employees: int | None = None
    manual_value: float | None = None  # percent, for KpiMeasure.MANUEL


@dataclass(frozen=True)
class KpiStatus:
    target: KpiTarget
    current_percent: float | None  # None: cannot be computed (no headcount known)
    counted: int | None  # e.g. participants signed up
    out_of: int | None  # e.g. employees
    days_left: int

    @property
    def reached(self) -> bool:
        return self.current_percent is not None and \
            self.current_percent >= self.target.target_percent


@dataclass(frozen=True)
class Attendee:
    """A person registered from a session: the participants issue extends this."""

    name: str
    signed_up: bool = True
