"""The company KPI sheet's plain data (issue 13): the targets agreed with the company's
management against the actual numbers, and the company's funnel, for the management
meeting and the canteen wall. Aggregates only: no names, and every count of people is
suppressed ("<5") here, before it leaves the service.

A target's share of few people would give the count back (3 of 200 = 1,5 %), so with
1-4 people counted the share prints as "under 2,5 %" (what 5 would be) instead."""
from __future__ import annotations

import math
from datetime import date
from typing import Any

from ..domain import course_catalog as catalog
from ..domain.kpi import LABELS, KpiFilter
from ..domain.outreach import KpiMeasure, KpiStatus
from ..domain.small_counts import THRESHOLD, suppress_small
from ..domain.suppression import SUPPRESSED, suppress_row
from ..domain.validation import ValidationError
from ..store.database import Store
from .companies import InvalidInput, UnknownCompany, find_company
from .outreach import NotFoundError, today_local
from .phases import kpi_status

FUNNEL_NUMBERS = ("sessions", "session_attendees", "screened", "referred_dyslexia",
                  "enrolled", "completed", "passed", "hours_taught")
PEOPLE = frozenset({"session_attendees", "screened", "referred_dyslexia", "enrolled",
                    "completed", "passed"})
SUBJECTS = ("læsning", "matematik", "digital", "engelsk", "start", "obu")


def company_kpi(store: Store, cvr: str, first: date | None = None, last: date | None = None,
                *, today: date | None = None) -> dict[str, Any]:
    from . import kpi  # loaded when a sheet is made

    try:
        company = find_company(store, cvr)
    except InvalidInput as exc:
        raise ValidationError("cvr", next(iter(exc.errors.values()))) from None
    except UnknownCompany as exc:
        raise NotFoundError("cvr", str(exc)) from None
    today = today or today_local()
    result = kpi.compute(store, KpiFilter(first, last, company_id=company.id))
    return sheet_data({"name": company.name, "cvr": company.cvr},
                      kpi_status(store, company.id, today), result,
                      first=first, last=last or today, generated=today.isoformat())


def sheet_data(company: dict, targets: list[KpiStatus], result, *, first: date | None,
               last: date, generated: str) -> dict[str, Any]:
    """The sheet from kpi_status and a KpiResult-like object (pure: testable alone)."""
    return {
        "company": company,
        "period": {"first": first.isoformat() if first else None, "last": last.isoformat()},
        "generated": generated,
        "targets": [_target(status) for status in targets],
        "funnel": [[LABELS[name], _number(name, result.numbers.get(name))]
                   for name in FUNNEL_NUMBERS],
        "subjects": _subjects(result),
    }


def _number(name: str, value) -> str | int:
    if name == "hours_taught":
        return int(round(float(value or 0)))
    count = int(value or 0)
    return suppress_small(count) if name in PEOPLE and 0 < count < THRESHOLD else count


def _percent_text(value: float) -> str:
    return f"{value:.1f} %".replace(".", ",")


def _target(status: KpiStatus) -> dict[str, Any]:
    target = status.target
    counted, out_of, share = status.counted, status.out_of, status.current_percent
    if target.measure is not KpiMeasure.MANUEL and counted is not None \
            and 0 < counted < THRESHOLD:
        bound = math.ceil(1000 * THRESHOLD / out_of) / 10 if out_of else None
        current = f"under {_percent_text(bound)}" if bound is not None else "–"
        counted_text: str | int = SUPPRESSED
    else:
        current = _percent_text(share) if share is not None else "–"
        counted_text = counted if counted is not None else "–"
    return {
        "description": target.description,
        "target": _percent_text(target.target_percent),
        "current": current,
        "counted": counted_text,
        "out_of": out_of if out_of is not None else "–",
        "deadline": target.deadline.isoformat(),
        "days_left": status.days_left,
        "reached": status.reached,
        "measure": target.measure.value,
    }


def _subjects(result) -> list[list[Any]]:
    """Enrolled and completed per subject, each column with its total (printed as the
    funnel's number too, so it is never the cell hidden in its place)."""
    columns = []
    for name in ("enrolled", "completed"):
        values = [int(result.by_subject.get(name, {}).get(s) or 0) for s in SUBJECTS]
        columns.append(suppress_row(values, keep_total=True))
    rows = [[catalog.subject_label(s), *(_shown(col[i]) for col in columns)]
            for i, s in enumerate(SUBJECTS)
            if any(col[i] != "0" for col in columns)]
    return rows


def _shown(printed: str) -> str | int:
    return printed if printed == SUPPRESSED else int(printed)
