"""What the participant, screening and privacy commands share: the error rule (exit 1 for
an unknown person or company, 2 for bad input, nothing written), confirmations, dates and
the JSON of one person. See docs/cli-screenings.md."""
from __future__ import annotations

import functools
import sys
from datetime import date

from ..domain.danish_format import field_date
from ..domain.participants import PersonFile, ScreeningRecord
from ..domain.validation import ValidationError
from ..services.outreach import NotFoundError
from ..store.database import Store
from .common import EXIT_BAD_INPUT, EXIT_NOT_FOUND, fail


def fails_cleanly(handler):
    """A ValidationError anywhere: its Danish message and exit 2 (1 for an unknown person
    or CVR); the services validate before they write, so nothing is written then."""
    @functools.wraps(handler)
    def run(args, store: Store) -> int:
        try:
            return handler(args, store)
        except NotFoundError as exc:
            return fail(exc.message, EXIT_NOT_FOUND)
        except ValidationError as exc:
            return fail(exc.message, EXIT_BAD_INPUT)
    return run


def confirmed(question: str, yes: bool) -> bool | None:
    """True with --yes, else the answer on a terminal ("j"/"ja"); None without a terminal:
    the caller refuses (a script must say --yes, never erase by accident)."""
    if yes:
        return True
    if not sys.stdin.isatty():
        return None
    try:
        answer = input(f"{question} [j/N] ")
    except EOFError:
        return False
    return answer.strip().casefold() in ("j", "ja", "y", "yes")


def day(value: date | None) -> str:
    """A date for a person to read: 1.12.2026, or a dash."""
    return field_date(value) if value else "–"


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def screening_json(s: ScreeningRecord) -> dict:
    return {"id": s.id, "date": s.date.isoformat(), "subject": s.subject, "tool": s.tool,
            "outcome": s.outcome, "trin": s.trin, "school": s.school, "tester": s.tester}


def person_json(found: PersonFile, today: date) -> dict:
    """`person show --json`: the person with consents, screenings and referrals."""
    p = found.participant
    return {
        "id": p.id, "first_name": p.first_name, "last_name": p.last_name, "name": p.name,
        "company": {"cvr": found.cvr, "name": found.company_name} if p.company_id else None,
        "employment": p.employment, "municipality_code": p.municipality_code,
        "team": p.team, "job_title": p.job_title, "language": p.language,
        "phone": p.phone, "email": p.email, "notes": p.notes,
        "consents": [{"purpose": c.purpose, "given_on": c.given_on.isoformat(), "how": c.how,
                      "witness": c.witness, "withdrawn_on": iso(c.withdrawn_on),
                      "valid": c.valid_on(today)} for c in found.consents],
        "screenings": [screening_json(s) for s in found.screenings],
        "referrals": [{"id": r.id, "date": r.date.isoformat(), "school": r.school,
                       "result": {"result": r.result.result, "date": r.result.date.isoformat(),
                                  "valid_until": iso(r.result.valid_until)}
                       if r.result else None} for r in found.referrals],
    }
