"""`lokomotiv` commands for outreach work: visits, tasks, sessions, phases, calendar.

Handlers get ``(args, store)`` and return the exit code: 0 done, 1 no such company or
task, 2 bad input (a Danish message on stderr, nothing written). See docs/cli-outreach.md.
"""
from __future__ import annotations

import argparse
import functools
import sys
from datetime import date
from pathlib import Path

from ..domain.danish_format import field_date
from ..domain.entities import Company
from ..domain.outreach import SessionFormat, VisitKind
from ..domain.validation import ValidationError
from ..services import calendar_export, motivation, phases
from ..services import outreach as service
from ..store.database import Store
from ..store.outreach import SessionRepository, VisitRepository
from .common import EXIT_BAD_INPUT, EXIT_NOT_FOUND, EXIT_OK, fail, print_json


def register(subparsers) -> None:
    consultant = argparse.ArgumentParser(add_help=False)
    consultant.add_argument("--consultant", metavar="NAVN",
                            help="konsulent (standard: brugernavnet sat i Indstillinger)")

    visit = subparsers.add_parser("visit", help="besøg og møder med en virksomhed")
    visit_sub = visit.add_subparsers(dest="visit_command", required=True)
    add = visit_sub.add_parser("add", parents=[consultant], help="registrer et besøg")
    add.add_argument("cvr", metavar="CVR", help="virksomhedens CVR-nummer")
    add.add_argument("--date", metavar="DATO", help="dato, fx 1.12.2026 (standard: i dag)")
    add.add_argument("--time", metavar="KL", help="klokkeslæt, fx 9.30")
    add.add_argument("--kind", required=True, metavar="ART",
                     help="; ".join(k.value for k in VisitKind))
    add.add_argument("--note", default="", metavar="TEKST", help="noter")
    add.add_argument("--agreed", default="", metavar="TEKST", help="hvad der blev aftalt")
    add.add_argument("--next", default="", dest="next_step", metavar="TEKST", help="næste skridt (bliver en opgave)")
    add.add_argument("--due", metavar="DATO", help="frist for næste skridt")
    add.add_argument("--pnr", metavar="P-NUMMER", help="P-enheden besøget fandt sted på")
    add.add_argument("--contact", action="append", default=[], metavar="NAVN",
                     help="kontaktperson der deltog (kan gentages)")
    add.add_argument("--company-asked", action="store_true",
                     help="virksomheden har selv bedt om kontakt (kræves ved reklamebeskyttelse)")
    add.set_defaults(handler=visit_add)

    visits = subparsers.add_parser("visits", help="en virksomheds besøg")
    visits.add_argument("cvr", metavar="CVR", help="virksomhedens CVR-nummer")
    visits.add_argument("--json", action="store_true", help="skriv besøgene som JSON")
    visits.set_defaults(handler=visits_list)

    tasks = subparsers.add_parser("tasks", help="åbne opfølgningsopgaver")
    tasks.add_argument("--due", choices=service.DUE_FILTERS,
                       help="overdue: overskredne; today: i dag; week: i dag til søndag")
    tasks.add_argument("--consultant", metavar="NAVN", help="kun denne konsulents opgaver")
    tasks.add_argument("--json", action="store_true", help="skriv opgaverne som JSON")
    tasks.set_defaults(handler=tasks_list)

    task = subparsers.add_parser("task", help="en opfølgningsopgave")
    task_sub = task.add_subparsers(dest="task_command", required=True)
    done = task_sub.add_parser("done", help="marker en opgave som udført")
    done.add_argument("id", metavar="ID", help="opgavens id (eller de første tegn af det)")
    done.set_defaults(handler=task_done)

    session = subparsers.add_parser("session", help="motivationsmøder")
    session_sub = session.add_subparsers(dest="session_command", required=True)
    sadd = session_sub.add_parser("add", parents=[consultant], help="registrer et møde")
    sadd.add_argument("cvr", metavar="CVR", help="virksomhedens CVR-nummer")
    sadd.add_argument("--date", metavar="DATO", help="dato, fx 1.12.2026 (standard: i dag)")
    sadd.add_argument("--time", metavar="KL", help="klokkeslæt, fx 9.30")
    sadd.add_argument("--format", required=True, metavar="FORM", help="; ".join(f.value for f in SessionFormat))
    sadd.add_argument("--place", default="", metavar="STED", help="hvor mødet blev holdt")
    sadd.add_argument("--messenger", action="append", default=[], metavar="ROLLE",
                      help="budbringer der talte: tr, ambassadør, leder, kollega (kan gentages)")
    sadd.add_argument("--invited", metavar="ANTAL", help="inviterede")
    sadd.add_argument("--attended", metavar="ANTAL", help="fremmødte")
    sadd.add_argument("--signed-up", dest="signed_up", metavar="ANTAL",
                      help="tilmeldt screening")
    sadd.add_argument("--note", default="", metavar="TEKST", help="noter")
    sadd.add_argument("--pnr", metavar="P-NUMMER", help="P-enheden mødet blev holdt på")
    sadd.set_defaults(handler=session_add)

    sessions = subparsers.add_parser("sessions", help="en virksomheds motivationsmøder")
    sessions.add_argument("cvr", metavar="CVR", help="virksomhedens CVR-nummer")
    sessions.add_argument("--json", action="store_true", help="skriv møderne som JSON")
    sessions.set_defaults(handler=sessions_list)

    phase = subparsers.add_parser("phase", parents=[consultant],
                                  help="vis eller flyt en virksomheds fase")
    phase.add_argument("cvr", metavar="CVR", help="virksomhedens CVR-nummer")
    phase.add_argument("phase", nargs="?", metavar="FASE", help="ny fase: 1-5 eller navn, fx Motivation")
    phase.add_argument("--reason", default="", metavar="TEKST", help="hvorfor (gemmes i historikken)")
    phase.set_defaults(handler=phase_command)

    ics = subparsers.add_parser("ics", help="eksportér besøg og møder som .ics-kalender")
    which = ics.add_mutually_exclusive_group()
    which.add_argument("--consultant", metavar="NAVN", help="kun denne konsulents aftaler")
    which.add_argument("--company", metavar="CVR", help="kun denne virksomheds aftaler")
    which.add_argument("--course", metavar="HOLD", help="et holds lektioner (holdets id)")
    ics.add_argument("-o", "--output", metavar="FIL", help="filen (standard: skærmen)")
    ics.set_defaults(handler=ics_export)


def _fail(error: ValidationError | str) -> int:
    if isinstance(error, service.NotFoundError):
        return fail(error.message, EXIT_NOT_FOUND)
    return fail(getattr(error, "message", error), EXIT_BAD_INPUT)


def _invalid_input_fails(handler):
    """Bad input anywhere in a command: its Danish message and exit 2 (or 1 for an unknown
    CVR or id); the services have written nothing by then."""
    @functools.wraps(handler)
    def run(args, store: Store) -> int:
        try:
            return handler(args, store)
        except ValidationError as exc:
            return _fail(exc)
    return run


_json = print_json


def unit_id_for(company: Company, pnr: str | None) -> str | None:
    if not pnr:
        return None
    digits = "".join(ch for ch in pnr if ch.isdigit())
    for unit in company.production_units:
        if unit.pnr == digits:
            return unit.id
    raise ValidationError("pnr", f"{company.name} har ingen P-enhed med P-nummer {pnr}.")


def _contact_ids(company: Company, names: list[str]) -> list[str]:
    by_name = {c.name.casefold(): c.id for c in company.contacts}
    ids = []
    for name in names:
        if name.strip().casefold() not in by_name:
            known = ", ".join(c.name for c in company.contacts) or "ingen"
            raise ValidationError("contact", f"{company.name} har ingen kontaktperson «{name}». "
                                             f"Kendte: {known}.")
        ids.append(by_name[name.strip().casefold()])
    return ids


@_invalid_input_fails
def visit_add(args, store: Store) -> int:
    company = service.company_by_cvr(store, args.cvr)
    logged = service.log_visit(
        store, company.id, date=args.date or service.today_local(), time=args.time,
        kind=args.kind, consultant=service.current_consultant(store, args.consultant),
        notes=args.note, agreed=args.agreed, next_step=args.next_step, next_due=args.due,
        unit_id=unit_id_for(company, args.pnr), contact_ids=_contact_ids(company, args.contact),
        company_asked=args.company_asked)
    print(f"Besøg registreret: {logged.visit.id}")
    if logged.task:
        print(f"Opgave oprettet: {logged.task.id} (frist {field_date(logged.task.due)})")
    for hint in logged.hints:
        print(f"Bemærk: {hint}", file=sys.stderr)
    return EXIT_OK


def _day(iso: str) -> str:
    """The JSON rows hold ISO dates; a person reads them the Danish way, in even columns."""
    return f"{field_date(date.fromisoformat(iso)):<10}"


def _clock(hhmm: str | None) -> str:
    return f"kl. {hhmm.replace(':', '.')}" if hhmm else " " * 8


def _visit_json(v) -> dict:
    return {"id": v.id, "date": v.date.isoformat(),
            "time": v.time.strftime("%H:%M") if v.time else None, "kind": v.kind.value,
            "consultant": v.consultant, "note": v.notes, "next": v.next_step,
            "due": v.next_due.isoformat() if v.next_due else None}


@_invalid_input_fails
def visits_list(args, store: Store) -> int:
    company = service.company_by_cvr(store, args.cvr)
    rows = [_visit_json(v) for v in VisitRepository(store).for_company(company.id)]
    if args.json:
        _json(rows)
        return EXIT_OK
    if not rows:
        print(f"{company.name} har ingen registrerede besøg.")
    for r in rows:
        due = f" (frist {field_date(date.fromisoformat(r['due']))})" if r["due"] else ""
        next_step = f" · næste: {r['next']}{due}" if r["next"] else ""
        print(f"{r['id']}  {_day(r['date'])} {_clock(r['time'])}  {r['kind']:<18} "
              f"{r['consultant']:<16} {r['note']}{next_step}")
    return EXIT_OK


@_invalid_input_fails
def tasks_list(args, store: Store) -> int:
    found = service.tasks(store, args.due, args.consultant)
    rows = [{"id": d.item.id, "due": d.item.due.isoformat(), "text": d.item.text,
             "consultant": d.item.consultant, "done": d.item.done, "cvr": d.company.cvr,
             "company": d.company.name} for d in found]
    if args.json:
        _json(rows)
        return EXIT_OK
    if not rows:
        print("Ingen åbne opgaver.")
    today = service.today_local().isoformat()
    for r in rows:
        late = "  OVERSKREDET" if r["due"] < today else ""
        print(f"{r['id']}  {_day(r['due'])}  {r['company']} ({r['cvr']}): {r['text']}"
              f"  [{r['consultant']}]{late}")
    return EXIT_OK


@_invalid_input_fails
def task_done(args, store: Store) -> int:
    task = service.set_task_done(store, args.id)
    print(f"Udført: {task.text} ({task.id})")
    return EXIT_OK


@_invalid_input_fails
def session_add(args, store: Store) -> int:
    company = service.company_by_cvr(store, args.cvr)
    messengers = [m for value in args.messenger for m in value.split(",") if m.strip()]
    session = motivation.log_session(
        store, company.id, date=args.date or service.today_local(), time=args.time,
        format=args.format, consultant=service.current_consultant(store, args.consultant),
        place=args.place, messengers=messengers, invited=args.invited,
        attended=args.attended, signed_up=args.signed_up, notes=args.note,
        unit_id=unit_id_for(company, args.pnr))
    print(f"Møde registreret: {session.id}")
    return EXIT_OK


@_invalid_input_fails
def sessions_list(args, store: Store) -> int:
    company = service.company_by_cvr(store, args.cvr)
    rows = [{"id": s.id, "date": s.date.isoformat(),
             "time": s.time.strftime("%H:%M") if s.time else None, "format": s.format.value,
             "place": s.place, "messengers": [m.value for m in s.messengers],
             "invited": s.invited, "attended": s.attended, "signed_up": s.signed_up,
             "consultant": s.consultant, "note": s.notes}
            for s in SessionRepository(store).for_company(company.id)]
    if args.json:
        _json(rows)
        return EXIT_OK
    if not rows:
        print(f"{company.name} har ingen registrerede møder.")
    for r in rows:
        counts = "/".join("–" if r[k] is None else str(r[k])
                          for k in ("invited", "attended", "signed_up"))
        print(f"{r['id']}  {_day(r['date'])} {_clock(r['time'])}  {r['format']:<18} "
              f"inviteret/fremmødt/tilmeldt {counts}"
              f"  [{r['consultant']}] {r['note']}")
    return EXIT_OK


@_invalid_input_fails
def phase_command(args, store: Store) -> int:
    company = service.company_by_cvr(store, args.cvr)
    if args.phase is None:
        print(f"{int(company.phase)} {company.phase.label}")
        return EXIT_OK
    change = phases.move_phase(store, company.id, args.phase,
                               service.current_consultant(store, args.consultant),
                               args.reason)
    if change is None:
        print(f"{company.name} er allerede i fase {int(company.phase)} {company.phase.label}.")
    else:
        print(f"{company.name}: {int(change.from_phase)} {change.from_phase.label} → "
              f"{int(change.to_phase)} {change.to_phase.label}")
    return EXIT_OK


@_invalid_input_fails
def ics_export(args, store: Store) -> int:
    if args.course:
        from ..services.course_ics import export_course_ics  # only this option needs it

        data = export_course_ics(store, args.course)
    elif args.company:
        company = service.company_by_cvr(store, args.company)
        data = calendar_export.export_ics(store, company_id=company.id)
    else:
        data = calendar_export.export_ics(
            store, consultant=service.current_consultant(store, args.consultant))
    if not args.output or args.output == "-":
        sys.stdout.write(data.decode("utf-8"))
        return EXIT_OK
    try:
        Path(args.output).write_bytes(data)
    except OSError as exc:
        return _fail(f"Kan ikke skrive {args.output}: {exc.strerror}.")
    print(f"Kalender gemt i {args.output}")
    return EXIT_OK
