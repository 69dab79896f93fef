"""GDPR for participants: the right of access (everything about one person, as JSON and as
a readable PDF), erasure everywhere (here at once, on the server and every other laptop on
their next sync), retention (who is due for erasure), and the access log that records every
view and export of a person's sensitive fields."""
from __future__ import annotations

import calendar
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..domain import course_catalog
from ..domain.consent import PURPOSE_LABELS, ConsentPurpose
from ..domain.participants import PersonFile
from ..domain.screening_catalog import catalog
from ..domain.validation import ValidationError
from ..files import write_atomically
from ..store import participant_queries as queries
from ..store import privacy_queue
from ..store.courses import EnrolmentRepository, ProviderRepository
from ..store.database import Store
from .me import my_name
from .participants import find_participant, person_file

RETENTION_KEY = "retention_months"
DEFAULT_RETENTION_MONTHS = 24
# What the access log says was seen; short, in Danish, as the audit lists show them.
SEEN_SCREENINGS = "så screeninger og ordblindetest"
EXPORTED_JSON = "eksporterede alt (JSON)"
EXPORTED_PDF = "eksporterede alt (PDF)"


def log_view(store: Store, participant_id: str, what: str = SEEN_SCREENINGS) -> None:
    """Every view of a person's screening or dyslexia fields is written down."""
    privacy_queue.log_access(store, participant_id, what, my_name(store) or "ukendt")


def _label(kind: str, code: str, tool: str | None = None) -> str:
    data = catalog()
    try:
        if kind == "subject":
            return data.subject_label(code)
        if kind == "outcome":
            return data.outcome(tool or "", code).label
        return next(r.label for r in data.dyslexia_results if r.code == code)
    except (KeyError, StopIteration):
        return code


def export_data(store: Store, participant_id: str) -> dict[str, Any]:
    """Everything Lokomotiv holds about the person, as plain data (reports.person_export)."""
    found: PersonFile = person_file(store, participant_id)
    p = found.participant
    unit = store.db.execute("SELECT name, city FROM production_unit WHERE id = ?",
                            [p.unit_id]).fetchone() if p.unit_id else None
    municipality = store.db.execute("SELECT name FROM municipality WHERE code = ?",
                                    [p.municipality_code]).fetchone() \
        if p.municipality_code else None
    due = retention_due_date(store, p.id)
    return {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "generated_by": my_name(store) or "",
        "person": {"id": p.id, "first_name": p.first_name, "last_name": p.last_name,
                   "company": found.company_name, "cvr": found.cvr,
                   "unit": (unit[0] or unit[1]) if unit else None,
                   "employment": p.employment,
                   "municipality": municipality[0] if municipality else None,
                   "jobcenter": p.jobcenter, "job_title": p.job_title, "team": p.team,
                   "language": p.language, "phone": p.phone or "", "email": p.email or "",
                   "notes": p.notes, "consultant": p.consultant},
        "consents": [{"purpose": c.purpose,
                      "purpose_label": PURPOSE_LABELS[ConsentPurpose(c.purpose)],
                      "given_on": c.given_on.isoformat(), "how": c.how, "witness": c.witness,
                      "withdrawn_on": c.withdrawn_on.isoformat() if c.withdrawn_on else None}
                     for c in found.consents],
        "screenings": [{"date": s.date.isoformat(), "subject": s.subject,
                        "subject_label": _label("subject", s.subject), "tool": s.tool,
                        "outcome": s.outcome,
                        "outcome_label": _label("outcome", s.outcome, s.tool),
                        "trin": s.trin, "school": s.school, "tester": s.tester,
                        "notes": s.notes} for s in found.screenings],
        "referrals": [{"date": r.date.isoformat(), "school": r.school,
                       "result": r.result.result if r.result else None,
                       "result_label": _label("result", r.result.result) if r.result else None,
                       "result_date": r.result.date.isoformat() if r.result else None,
                       "valid_until": r.result.valid_until.isoformat()
                       if r.result and r.result.valid_until else None}
                      for r in found.referrals],
        "enrolments": _enrolments(store, p.id),
        "access_log": [{"at": at, "who": who, "what": what}
                       for at, who, what in privacy_queue.access_entries(store, p.id)],
        "retention": (f"Oplysningerne slettes {retention_months(store)} måneder efter sidste "
                      f"aktivitet (senest {due.isoformat()})." if due else ""),
    }


def _enrolments(store: Store, participant_id: str) -> list[dict[str, Any]]:
    """The person's courses, with their status, result and attendance (right of access)."""
    from .course_view import title_of
    from .courses import calendar_of, find_course

    out = []
    for e in EnrolmentRepository(store).of_participants([participant_id]):
        try:
            course = find_course(store, e.course_id)
        except ValidationError:
            continue  # a course deleted since: the enrolment is not shown anywhere either
        calendar = calendar_of(store, course)
        provider = ProviderRepository(store).get(course.provider_id) if course.provider_id \
            else None
        attended = [d for d, present in e.attendance.items() if present]
        out.append({
            "course": course.id, "course_label": title_of(course),
            "school": provider.name if provider else "",
            "start": calendar.first.isoformat() if calendar.first else None,
            "end": calendar.last.isoformat() if calendar.last else None,
            "status": e.status, "status_label": course_catalog.enrolment_status_label(e.status),
            "result_label": course_catalog.result_label(e.result) if e.result else "",
            "svu_applied": e.svu_applied,
            "attendance": f"{len(attended)} af {len(calendar.held)}",
            "enrolled_on": e.date.isoformat()})
    return out


def export_person(store: Store, participant_id: str, out: Path) -> Path:
    """Writes the export as JSON or PDF (by the file's suffix) and logs the export."""
    person = find_participant(store, participant_id)
    suffix = out.suffix.lower()
    if suffix not in (".json", ".pdf"):
        raise ValueError("Filen skal hedde .json eller .pdf.")
    data = export_data(store, person.id)
    if suffix == ".json":
        payload = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    else:
        from ..reports.person_export import build_person_export

        payload = build_person_export(data)
    write_atomically(out, payload)  # never a half-written export
    log_view(store, person.id, EXPORTED_JSON if suffix == ".json" else EXPORTED_PDF)
    return out


def erase_person(store: Store, participant_id: str) -> list[tuple[str, str]]:
    """Erases the person here at once (and everything about them); the server is asked on
    the next sync and tells every other laptop. Returns the (table, id) pairs erased."""
    person = find_participant(store, participant_id)
    return privacy_queue.erase_now(store, "participant", person.id)


def pending_erasures(store: Store) -> list[tuple[str, str, str | None]]:
    return privacy_queue.pending_erasures(store)


# -- retention ------------------------------------------------------------------------------

def retention_months(store: Store) -> int:
    try:
        months = int(store.get_state(RETENTION_KEY) or DEFAULT_RETENTION_MONTHS)
    except ValueError:
        return DEFAULT_RETENTION_MONTHS
    return months if months > 0 else DEFAULT_RETENTION_MONTHS


def set_retention_months(store: Store, months: int) -> None:
    if not 1 <= months <= 240:
        raise ValueError("Opbevaringstiden skal være mellem 1 og 240 måneder.")
    with store.transaction():
        store.set_state(RETENTION_KEY, str(months))


def _add_months(day: date, months: int) -> date:
    """31 March + 1 month is 30 April: the last day of a shorter month."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class RetentionDue:
    participant_id: str
    name: str
    company: str
    last_activity: date
    due: date


def retention_due(store: Store, today: date | None = None) -> list[RetentionDue]:
    """People whose last activity is more than the retention period ago, oldest first."""
    today = today or date.today()
    months = retention_months(store)
    due = []
    for pid, name, company, last in queries.last_activity(store):
        last_day = date.fromisoformat(last)
        until = _add_months(last_day, months)
        if until <= today:
            due.append(RetentionDue(pid, name, company, last_day, until))
    return sorted(due, key=lambda d: (d.last_activity, d.participant_id))


def retention_due_date(store: Store, participant_id: str) -> date | None:
    for pid, _, _, last in queries.last_activity(store):
        if pid == participant_id:
            return _add_months(date.fromisoformat(last), retention_months(store))
    return None
