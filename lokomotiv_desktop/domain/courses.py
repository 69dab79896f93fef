"""The records of course planning (issue 12): a provider (school), a course (hold) with its
weekly pattern, and a participant's enrolment. The lesson calendar itself is computed
(course_calendar.py) from the course and its hand-made changes."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Provider:
    id: str
    name: str
    kind: str = "anden"
    vuc: str = ""
    contact: str = ""
    phone: str | None = None
    email: str | None = None
    address: str = ""
    municipality_code: str | None = None


@dataclass(frozen=True)
class Course:
    id: str
    company_id: str
    subject: str
    start_date: date
    pattern: str  # JSON, course_calendar.pattern_from_json
    company_ids: tuple[str, ...] = ()  # further companies of a joint course
    trin: int | None = None
    provider_id: str | None = None
    teacher: str = ""
    place: str = ""
    unit_id: str | None = None
    lesson_count: int | None = None
    total_hours: float | None = None
    closed_weeks: str = ""
    closed_days: tuple[date, ...] = ()
    max_participants: int | None = None
    status: str = "planlagt"
    consultant: str = ""
    notes: str = ""

    @property
    def all_company_ids(self) -> tuple[str, ...]:
        return (self.company_id, *(c for c in self.company_ids if c != self.company_id))


@dataclass(frozen=True)
class Enrolment:
    id: str
    participant_id: str
    course_id: str
    date: date
    status: str = "tilmeldt"
    result: str | None = None
    svu_applied: bool = False
    svu_applied_on: date | None = None
    notes: str = ""
    attendance: dict[date, bool] = field(default_factory=dict, compare=False)
