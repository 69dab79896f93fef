"""Use cases of where a company stands: move it to another phase (with history), the
phase board, the company timeline, and KPI targets with their current value."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from ..domain import outreach_rules as rules
from ..domain.enums import Phase
from ..domain.outreach import KpiMeasure, KpiStatus, KpiTarget, PhaseChange
from ..domain.validation import ValidationError
from ..store.companies import CompanyRepository
from ..store.database import Store
from ..store.outreach import SessionRepository
from ..store.phases import Board, KpiRepository, PhaseRepository, TimelineEntry, timeline
from .companies import ChangedUnderneath, three_way
from .outreach import company_by_id, today_local

KPI_FIELDS = ("description", "target_percent", "deadline", "measure", "employees",
              "manual_value")


def parse_phase(value: Any) -> Phase:
    if isinstance(value, Phase):
        return value
    try:
        return Phase.parse(value)
    except ValueError as exc:
        raise ValidationError("phase", str(exc)) from None


def move_phase(store: Store, company_id: str, to: Any, changed_by: str, reason: Any = "",
               at: datetime | None = None) -> PhaseChange | None:
    """Sets the company's phase and records the change (from, to, when, by whom, why) in
    one transaction. Returns None, writing nothing, when it is already in that phase."""
    company = company_by_id(store, company_id)
    target = parse_phase(to)
    by = rules.required_text("changed_by", "Hvem flytter virksomheden", changed_by)
    if company.phase == target:
        return None
    phases = PhaseRepository(store)
    with store.transaction():
        CompanyRepository(store).update(company.id, {"phase": target})
        change_id = phases.record(company.id, company.phase, target, by, rules.clean_text(reason), at)
    return next(p for p in phases.history(company.id) if p.id == change_id)


def phase_history(store: Store, company_id: str) -> list[PhaseChange]:
    return PhaseRepository(store).history(company_id)


def board(store: Store, municipality_code: str | None = None, consultant: str | None = None,
          today: date | None = None) -> Board:
    """Companies per phase with name, municipality, consultant, next follow-up and days in
    phase; filtered by municipality code and/or consultant (None: all)."""
    return PhaseRepository(store).board(municipality_code or None, consultant,
                                        today or today_local())


def company_timeline(store: Store, company_id: str) -> list[TimelineEntry]:
    """Visits, sessions, phase changes and tasks, oldest first."""
    return timeline(store, company_id)


# -- KPI targets -------------------------------------------------------------------------------
def _kpi_fields(*, description: Any, target_percent: Any, deadline: Any,
                measure: Any = KpiMeasure.SCREENING_TILMELDT, employees: Any = None,
                manual_value: Any = None) -> dict[str, Any]:
    values = {
        "description": rules.required_text("description", "Beskrivelse af målet", description),
        "target_percent": rules.parse_percent("target_percent", target_percent, "Mål"),
        "deadline": rules.parse_date("deadline", deadline, "Frist"),
        "measure": rules.parse_kpi_measure(measure),
        "employees": rules.parse_count("employees", "Antal medarbejdere", employees),
        "manual_value": None if manual_value in (None, "") else
        rules.parse_percent("manual_value", manual_value, "Nuværende værdi"),
    }
    if values["employees"] == 0:
        raise ValidationError("employees", "Antal medarbejdere skal være mindst 1.")
    return values


def add_kpi_target(store: Store, company_id: str, **fields: Any) -> KpiTarget:
    """Arguments: description, target_percent, deadline (required); measure
    ("tilmeldt screening" or "manuel"), employees (the headcount the share is of; default:
    the P-units' employees), manual_value (percent, for "manuel")."""
    company = company_by_id(store, company_id)
    values = {"company_id": company.id, **_kpi_fields(**fields)}
    repo = KpiRepository(store)
    with store.transaction():
        target_id = repo.add(values)
    return next(t for t in repo.for_company(company.id) if t.id == target_id)


def update_kpi_target(store: Store, target_id: str, *, loaded: Mapping[str, Any] | None = None,
                      **changes: Any) -> KpiTarget:
    """Writes only the fields given, where they differ from ``loaded`` (the target as a form
    loaded it); one changed underneath too raises ChangedUnderneath."""
    unknown = sorted(set(changes) - set(KPI_FIELDS))
    if unknown:
        raise ValidationError(unknown[0], f"Ukendt felt «{unknown[0]}».")
    repo = KpiRepository(store)
    with store.transaction():  # the comparison and the write see the same stored row
        row = store.db.execute("SELECT company_id FROM kpi_target WHERE id = ? AND deleted = 0",
                               [target_id]).fetchone()
        if row is None:
            raise ValidationError("target_id", "Målet findes ikke (længere).")
        target = next(t for t in repo.for_company(row[0]) if t.id == target_id)
        current = {k: getattr(target, k) for k in KPI_FIELDS}
        values = _kpi_fields(**{**current, **changes})
        write, conflicts = three_way({k: values[k] for k in changes}, loaded, current)
        if conflicts:
            raise ChangedUnderneath(conflicts)
        if write:
            repo.update(target_id, write)
    return next(t for t in repo.for_company(row[0]) if t.id == target_id)


def delete_kpi_target(store: Store, target_id: str) -> None:
    if store.db.execute("SELECT 1 FROM kpi_target WHERE id = ? AND deleted = 0",
                        [target_id]).fetchone() is None:
        raise ValidationError("target_id", "Målet findes ikke (længere).")
    with store.transaction():
        KpiRepository(store).delete(target_id)


def kpi_status(store: Store, company_id: str, today: date | None = None) -> list[KpiStatus]:
    """Each target with its current value where the app can count it: for "tilmeldt
    screening", participants signed up / the target's headcount (else the P-units'
    employees). Without a known headcount the value stays None rather than a guess."""
    today = today or today_local()
    repo = KpiRepository(store)
    targets = repo.for_company(company_id)
    if not targets:
        return []
    signed_up = SessionRepository(store).signed_up_count(company_id)
    unit_employees = repo.unit_employees(company_id)
    result = []
    for target in targets:
        days_left = (target.deadline - today).days
        if target.measure is KpiMeasure.MANUEL:
            result.append(KpiStatus(target, target.manual_value, None, None, days_left))
            continue
        out_of = target.employees or unit_employees or None
        percent = round(100 * signed_up / out_of, 1) if out_of else None
        result.append(KpiStatus(target, percent, signed_up, out_of, days_left))
    return result
