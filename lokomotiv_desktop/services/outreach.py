"""Use cases of the consultant's daily outreach: log a visit (its next step becomes a
follow-up task), work the task list, and the overview page's data.

Every function validates all input before it writes anything and raises ValidationError
with a Danish message; writes happen in one transaction. The window and the CLI call these.
An edit writes only the fields the person changed; with ``loaded`` (what a form loaded) a
field changed underneath as well raises ChangedUnderneath (services.companies.three_way).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from ..domain import outreach_rules as rules
from ..domain.entities import Company
from ..domain.outreach import FollowUp, Visit
from ..domain.validation import ValidationError, validate_cvr
from ..store.companies import CompanyRepository
from ..store.database import Store
from ..store.outreach import Dated, FollowUpRepository, SessionRepository, VisitRepository
from .companies import ChangedUnderneath, three_way
from .me import my_name

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
VISIT_FIELDS = ("date", "kind", "consultant", "time", "unit_id", "contact_ids", "notes",
                "agreed", "next_step", "next_due", "company_asked")
_TASK_FIELDS = {"next_due": "due", "next_step": "text", "consultant": "consultant"}
DUE_FILTERS = ("overdue", "today", "week")
UPCOMING_DAYS = 14  # how far ahead the overview shows visits and sessions


class NotFoundError(ValidationError):
    """The input is well-formed but names nothing in the store (a CVR, a task id)."""


def today_local() -> date:
    return datetime.now(COPENHAGEN).date()


def current_consultant(store: Store, explicit: str | None = None) -> str:
    """Who is working: the name given, else the consultant's own name (Indstillinger →
    Mig, services/me.py), else the account name of the last login."""
    return require_consultant((explicit or "").strip() or (my_name(store) or ""))


def require_consultant(name: str) -> str:
    if not name:
        raise ValidationError(
            "consultant", "Hvem er konsulent? Angiv et navn (i kommandolinjen --consultant "
            "NAVN), eller skriv dit navn under Indstillinger → Mig.")
    return name


def company_by_cvr(store: Store, cvr: str) -> Company:
    number = validate_cvr(str(cvr or ""))
    company = CompanyRepository(store).get_by_cvr(number)
    if company is None:
        raise NotFoundError("cvr", f"Der er ingen virksomhed med CVR-nummer {number} i databasen.")
    return company


def company_by_id(store: Store, company_id: str) -> Company:
    company = CompanyRepository(store).get(company_id)
    if company is None:
        raise ValidationError("company_id", "Virksomheden findes ikke (længere) i databasen.")
    return company


@dataclass
class VisitLogged:
    visit: Visit
    task: FollowUp | None
    hints: list[str] = field(default_factory=list)  # e.g. "the due date is Juledag"


def _check_unit_and_contacts(company: Company, unit_id: str | None,
                             contact_ids: Iterable[str]) -> list[str]:
    if unit_id and unit_id not in {u.id for u in company.production_units}:
        raise ValidationError("unit_id", f"P-enheden hører ikke til {company.name}.")
    known = {c.id for c in company.contacts}
    ids = list(dict.fromkeys(contact_ids))
    if any(c not in known for c in ids):
        raise ValidationError("contact_ids", f"En af kontaktpersonerne hører ikke til {company.name}.")
    return ids


def _visit_fields(company: Company, *, date: Any, kind: Any, consultant: str, time: Any,
                  unit_id: str | None, contact_ids: Iterable[str], notes: Any, agreed: Any,
                  next_step: Any, next_due: Any, company_asked: bool) -> dict[str, Any]:
    visit_date = rules.parse_date("date", date, "Dato")
    values = {
        "company_id": company.id,
        "date": visit_date,
        "time": rules.parse_time("time", time),
        "kind": rules.parse_visit_kind(kind),
        "consultant": rules.required_text("consultant", "Konsulent", consultant),
        "unit_id": unit_id or None,
        "contact_ids": _check_unit_and_contacts(company, unit_id, contact_ids),
        "notes": rules.clean_text(notes),
        "agreed": rules.clean_text(agreed),
        "next_step": rules.clean_text(next_step),
        "next_due": rules.parse_optional_date("next_due", next_due, "Frist"),
    }
    rules.check_next_step(values["next_step"], values["next_due"], visit_date)
    rules.check_company_asked(company.marketing_protected, company_asked, company.name)
    values["company_asked"] = bool(company_asked and company.marketing_protected)
    return values


def log_visit(store: Store, company_id: str, *, date: Any, kind: Any, consultant: str,
              time: Any = None, unit_id: str | None = None, contact_ids: Iterable[str] = (),
              notes: Any = "", agreed: Any = "", next_step: Any = "", next_due: Any = None,
              company_asked: bool = False) -> VisitLogged:
    """Records a visit; its next step with a due date becomes an open task for the
    consultant, in the same transaction. A reklamebeskyttet company needs
    ``company_asked=True`` (the company itself asked for contact), which is recorded."""
    company = company_by_id(store, company_id)
    values = _visit_fields(company, date=date, kind=kind, consultant=consultant, time=time,
                           unit_id=unit_id, contact_ids=contact_ids, notes=notes, agreed=agreed,
                           next_step=next_step, next_due=next_due, company_asked=company_asked)
    visits, tasks = VisitRepository(store), FollowUpRepository(store)
    with store.transaction():
        visit_id = visits.add(values)
        task_id = None
        if values["next_step"]:
            task_id = tasks.add({"company_id": company.id, "visit_id": visit_id,
                                 "due": values["next_due"], "text": values["next_step"],
                                 "consultant": values["consultant"]})
    hint = rules.day_note(values["next_due"]) if values["next_due"] else None
    return VisitLogged(visits.get(visit_id), tasks.get(task_id) if task_id else None,
                       [f"Frist: {hint}"] if hint else [])


def update_visit(store: Store, visit_id: str, *, loaded: Mapping[str, Any] | None = None,
                 **changes: Any) -> VisitLogged:
    """Edits a visit (same arguments as log_visit): only the fields given are written, and
    only where they differ from ``loaded`` (the visit's fields as a form loaded them; see the
    module's note). A changed next step or due date updates its open task, or makes one; a
    removed next step deletes the open task."""
    unknown = sorted(set(changes) - set(VISIT_FIELDS))
    if unknown:
        raise ValidationError(unknown[0], f"Ukendt felt «{unknown[0]}».")
    visits, tasks = VisitRepository(store), FollowUpRepository(store)
    with store.transaction():  # the comparison and the writes see the same stored row
        visit = visits.get(visit_id)
        if visit is None:
            raise ValidationError("visit_id", "Besøget findes ikke (længere).")
        company = company_by_id(store, visit.company_id)
        current = {k: getattr(visit, k) for k in VISIT_FIELDS}
        values = _visit_fields(company, **{**current, **changes})
        write, conflicts = three_way({k: values[k] for k in changes}, loaded, current)
        if conflicts:
            raise ChangedUnderneath(conflicts)
        if write:
            visits.update(visit_id, write)
        task = next((t for t in tasks.for_company(company.id) if t.visit_id == visit_id), None)
        if task and not task.done:
            if not values["next_step"]:
                tasks.delete(task.id)
            elif edited := {_TASK_FIELDS[k]: write[k] for k in _TASK_FIELDS if k in write}:
                tasks.update(task.id, edited)
        elif task is None and values["next_step"]:
            tasks.add({"company_id": company.id, "visit_id": visit_id,
                       "due": values["next_due"], "text": values["next_step"],
                       "consultant": values["consultant"]})
    task = next((t for t in tasks.for_company(company.id) if t.visit_id == visit_id), None)
    return VisitLogged(visits.get(visit_id), task)


def delete_visit(store: Store, visit_id: str) -> None:
    """Deletes the visit and its task if that is still open (a done task is history)."""
    visits, tasks = VisitRepository(store), FollowUpRepository(store)
    visit = visits.get(visit_id)
    if visit is None:
        raise ValidationError("visit_id", "Besøget findes ikke (længere).")
    with store.transaction():
        visits.delete(visit_id)
        for task in tasks.for_company(visit.company_id, include_done=False):
            if task.visit_id == visit_id:
                tasks.delete(task.id)


# -- follow-up tasks ---------------------------------------------------------------------------
def add_task(store: Store, company_id: str, *, due: Any, text: Any, consultant: str) -> FollowUp:
    company = company_by_id(store, company_id)
    values = {"company_id": company.id, "due": rules.parse_date("due", due, "Frist"),
              "text": rules.required_text("text", "Opgavens tekst", text),
              "consultant": rules.required_text("consultant", "Konsulent", consultant)}
    repo = FollowUpRepository(store)
    with store.transaction():
        task_id = repo.add(values)
    return repo.get(task_id)


def tasks(store: Store, due: str | None = None, consultant: str | None = None,
          today: date | None = None) -> list[Dated]:
    """Open tasks: all, or ``overdue`` (before today), ``today``, or ``week`` (today to
    Sunday; overdue ones are listed by ``overdue``, not here)."""
    today = today or today_local()
    repo = FollowUpRepository(store)
    match due:
        case None | "":
            return repo.open_tasks(consultant=consultant)
        case "overdue":
            return repo.open_tasks(due_to=today - timedelta(days=1), consultant=consultant)
        case "today":
            return repo.open_tasks(today, today, consultant)
        case "week":
            return repo.open_tasks(today, rules.week_end(today), consultant)
    raise ValidationError("due", f"Ukendt filter «{due}». Brug today, week eller overdue.")


def find_task(store: Store, task_id: str) -> FollowUp:
    found = FollowUpRepository(store).find(task_id)
    if not found:
        raise NotFoundError("task_id", f"Der er ingen opgave med id «{task_id}».")
    if len(found) > 1:
        raise ValidationError("task_id", f"Flere opgaver begynder med «{task_id}». Skriv flere tegn af id'et.")
    return found[0]


def set_task_done(store: Store, task_id: str, done: bool = True) -> FollowUp:
    """Ticks a task off (or reopens it); ``task_id`` may be a unique prefix of the id."""
    task = find_task(store, task_id)
    repo = FollowUpRepository(store)
    with store.transaction():
        repo.set_done(task.id, done)
    return repo.get(task.id)


# -- the overview page -------------------------------------------------------------------------
@dataclass
class Overview:
    today: date
    overdue: list[Dated]
    due_today: list[Dated]
    this_week: list[Dated]  # after today, up to Sunday
    upcoming_visits: list[Dated]
    upcoming_sessions: list[Dated]

    @property
    def reminder(self) -> str | None:
        """The quiet reminder at start-up, or None when nothing is overdue."""
        n = len(self.overdue)
        if not n:
            return None
        return "Du har 1 overskredet opfølgning." if n == 1 else \
            f"Du har {n} overskredne opfølgninger."


def overview(store: Store, consultant: str | None = None, today: date | None = None,
             days_ahead: int = UPCOMING_DAYS) -> Overview:
    """The Oversigt page: open tasks by urgency and the visits and sessions coming up
    (from today, ``days_ahead`` days on). ``consultant=None`` shows everyone's."""
    today = today or today_local()
    repo = FollowUpRepository(store)
    horizon = today + timedelta(days=days_ahead)
    return Overview(
        today=today,
        overdue=repo.open_tasks(due_to=today - timedelta(days=1), consultant=consultant),
        due_today=repo.open_tasks(today, today, consultant),
        this_week=repo.open_tasks(today + timedelta(days=1), rules.week_end(today), consultant),
        upcoming_visits=VisitRepository(store).between(today, horizon, consultant),
        upcoming_sessions=SessionRepository(store).between(today, horizon, consultant),
    )
