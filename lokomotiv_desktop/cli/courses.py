"""`lokomotiv provider add`, `providers`, `course add|show|status|from-suggestion` and
`courses`: the schools and the courses (hold) planned with them. Enrolment, single lessons
and printing are in cli/course_print.py. See docs/cli-courses.md.

The rules live in services/courses.py and services/enrolments.py; this module only turns
the command line into their arguments and their answers into text or JSON."""
from __future__ import annotations

import argparse
import sys
from datetime import date, time

from ..domain.course_calendar import lesson_day_text, time_span_text
from ..domain.danish_format import display_phone, field_date
from ..domain.validation import ValidationError
from ..services import courses as service
from ..services import enrolments
from ..services.course_view import course_view, title_of
from ..services.outreach import NotFoundError, company_by_cvr
from ..store.database import Store
from . import course_print
from .common import EXIT_OK, print_json
from .outreach import unit_id_for
from .people import fails_cleanly

KINDS = "VUC, AOF, FOF, AMU, sprogcenter eller anden"


def register(subparsers) -> None:
    provider = subparsers.add_parser("provider", help="udbydere (skoler), der holder kurser")
    psub = provider.add_subparsers(dest="provider_command", metavar="add", required=True)
    padd = psub.add_parser("add", help="opret en udbyder")
    padd.add_argument("--name", required=True, metavar="NAVN", help="udbyderens navn")
    padd.add_argument("--kind", default="anden", metavar="ART", help=KINDS)
    padd.add_argument("--vuc", default="", metavar="NAVN",
                      help="det VUC, udbyderen har driftsoverenskomst med")
    padd.add_argument("--contact", default="", metavar="NAVN", help="kontaktperson")
    padd.add_argument("--phone", metavar="TELEFON", help="telefon")
    padd.add_argument("--email", metavar="E-MAIL", help="e-mail")
    padd.add_argument("--address", default="", metavar="TEKST", help="adresse")
    padd.add_argument("--municipality", metavar="KODE",
                      help="kommunen, hvis konsulenter bruger udbyderen (standard: din)")
    padd.add_argument("--json", action="store_true", help="skriv udbyderen som JSON")
    padd.set_defaults(handler=provider_add)

    listing = subparsers.add_parser("providers", help="alle udbydere")
    listing.add_argument("--json", action="store_true", help="skriv udbyderne som JSON")
    listing.set_defaults(handler=providers_list)

    course = subparsers.add_parser("course", help="et hold: opret, vis, status")
    csub = course.add_subparsers(dest="course_command", required=True,
                                 metavar="add|show|status|from-suggestion")
    add = csub.add_parser(
        "add", parents=[_course_options()], help="opret et hold",
        description="Opretter et hold i virksomheden. Lektionerne lægges efter ugemønsteret "
                    "og springer helligdage og virksomhedens lukkedage og -uger over.")
    add.add_argument("cvr", metavar="CVR", help="virksomhedens CVR-nummer")
    add.add_argument("--subject", required=True, metavar="FAG",
                     help="læsning, matematik, digital, engelsk, start eller obu")
    add.add_argument("--trin", metavar="N", help="trin (ikke for start og obu)")
    add.add_argument("--pnr", metavar="P-NUMMER", help="P-enheden, holdet holdes på")
    add.add_argument("--also", action="append", default=[], metavar="CVR",
                     help="en virksomhed mere på holdet (kan gentages)")
    add.set_defaults(handler=course_add)

    show = csub.add_parser("show", help="vis et hold med lektioner og deltagere")
    show.add_argument("id", metavar="ID", help="holdets id (eller de første tegn)")
    show.add_argument("--json", action="store_true", help="skriv holdet som JSON")
    show.set_defaults(handler=course_show)

    status = csub.add_parser("status", help="sæt holdets status")
    status.add_argument("id", metavar="ID", help="holdets id (eller de første tegn)")
    status.add_argument("status", metavar="STATUS",
                        help="planlagt, bekræftet, i_gang, afsluttet eller aflyst")
    status.set_defaults(handler=course_status)

    suggested = csub.add_parser(
        "from-suggestion", parents=[_course_options()],
        help="opret et foreslået hold og tilmeld deltagerne",
        description="Opretter hold nr. N fra `lokomotiv classes suggest CVR ...` og "
                    "tilmelder dets deltagere; de, der ikke kan tilmeldes, nævnes med "
                    "grunden.")
    suggested.add_argument("cvrs", nargs="+", metavar="CVR")
    suggested.add_argument("--pick", required=True, metavar="N",
                           help="holdets nummer i forslaget (1 = det første)")
    suggested.add_argument("--date", metavar="DATO",
                           help="tilmeldt den (standard: i dag); samtykket skal gælde da")
    suggested.set_defaults(handler=course_from_suggestion)

    courses = subparsers.add_parser("courses", help="alle hold, eller én virksomheds")
    courses.add_argument("--company", metavar="CVR", help="kun denne virksomheds hold")
    courses.add_argument("--json", action="store_true", help="skriv holdene som JSON")
    courses.set_defaults(handler=courses_list)

    course_print.register(subparsers)


def _course_options() -> argparse.ArgumentParser:
    """What `course add` and `course from-suggestion` both take."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--provider", required=True, metavar="NAVN",
                        help="udbyderens navn (eller id)")
    common.add_argument("--start", required=True, metavar="DATO",
                        help="startdato, fx 22.3.2027 eller 2027-03-22")
    common.add_argument("--weekdays", required=True, metavar="DAGE", help="fx man,tor")
    common.add_argument("--time", required=True, metavar="KL", help="fx 08:00-10:30")
    common.add_argument("--lessons", metavar="N", help="antal lektioner")
    common.add_argument("--hours", metavar="N", help="timer i alt (i stedet for --lessons)")
    common.add_argument("--closed-weeks", default="", metavar="UGER",
                        help="virksomhedens lukkede uger, fx 29-31,42")
    common.add_argument("--closed-days", default="", metavar="DATOER",
                        help="lukkedage, fx 2027-05-14,2027-06-04")
    common.add_argument("--place", default="", metavar="TEKST",
                        help="sted (standard: virksomhedens adresse)")
    common.add_argument("--teacher", default="", metavar="NAVN", help="underviser")
    common.add_argument("--max", metavar="N", help="højst deltagere")
    common.add_argument("--consultant", metavar="NAVN",
                        help="konsulent (standard: brugernavnet sat i Indstillinger)")
    common.add_argument("--json", action="store_true", help="skriv holdets id som JSON")
    return common


def _provider_id(store: Store, name: str) -> str:
    """An unknown --provider is bad input to the command (exit 2), not a missing course."""
    try:
        return service.provider_by_name(store, name).id
    except NotFoundError as exc:
        raise ValidationError("provider", exc.message) from None


def _course_fields(args, store: Store) -> dict:
    return {"provider_id": _provider_id(store, args.provider), "start": args.start,
            "weekdays": args.weekdays, "time_span": args.time, "lessons": args.lessons,
            "hours": args.hours, "closed_weeks": args.closed_weeks,
            "closed_days": args.closed_days, "place": args.place, "teacher": args.teacher,
            "max_participants": args.max, "consultant": args.consultant}


def warn(warnings: list[str]) -> None:
    for text in warnings:
        print(f"Advarsel: {text}", file=sys.stderr)


def provider_json(p) -> dict:
    return {"id": p.id, "name": p.name, "kind": p.kind, "vuc": p.vuc, "contact": p.contact,
            "phone": p.phone, "email": p.email, "address": p.address,
            "municipality_code": p.municipality_code}


@fails_cleanly
def provider_add(args, store: Store) -> int:
    found = service.add_provider(store, name=args.name, kind=args.kind, vuc=args.vuc,
                                 contact=args.contact, phone=args.phone, email=args.email,
                                 address=args.address, municipality_code=args.municipality)
    if args.json:
        print_json(provider_json(found))
    else:
        print(f"Udbyder oprettet: {found.name} [{found.id}]")
    return EXIT_OK


@fails_cleanly
def providers_list(args, store: Store) -> int:
    found = service.providers(store)
    if args.json:
        print_json([provider_json(p) for p in found])
        return EXIT_OK
    if not found:
        print("Ingen udbydere endnu (lokomotiv provider add --name ...).")
    for p in found:
        contact = " · ".join(x for x in (p.contact, display_phone(p.phone), p.email or "") if x)
        print(f"{p.name:<28} {p.kind:<12} {contact}  [{p.id}]")
    return EXIT_OK


@fails_cleanly
def course_add(args, store: Store) -> int:
    company = company_by_cvr(store, args.cvr)
    others = [company_by_cvr(store, cvr).id for cvr in args.also]
    saved = service.add_course(
        store, company.id, subject=args.subject, trin=args.trin,
        unit_id=unit_id_for(company, args.pnr), company_ids=others,
        **_course_fields(args, store))
    if args.json:
        print_json({"id": saved.course.id})
    else:
        view = course_view(store, saved.course)
        print(f"Hold oprettet: {view['title']}, {company.name}, {view['lesson_count']} "
              f"lektioner fra {_day(view['start'])} [{saved.course.id}]")
    warn(saved.warnings)
    return EXIT_OK


@fails_cleanly
def course_from_suggestion(args, store: Store) -> int:
    ids = [company_by_cvr(store, cvr).id for cvr in args.cvrs]
    try:
        pick = int(args.pick)
    except ValueError:
        raise ValidationError("pick", f"--pick skal være et holdnummer, ikke «{args.pick}».") \
            from None
    made = enrolments.enrol_suggested(store, ids, pick, day=args.date,
                                      **_course_fields(args, store))
    course = made.saved.course
    warnings = [*made.saved.warnings, *(w for e in made.enrolled for w in e.warnings)]
    if args.json:
        print_json({"id": course.id,
                    "enrolled": [e.enrolment.participant_id for e in made.enrolled],
                    "refused": [{"participant_id": r.participant_id, "name": r.name,
                                 "reason": r.reason} for r in made.refused],
                    "warnings": warnings})
    else:
        print(f"Hold oprettet: {title_of(course)} [{course.id}]; "
              f"{len(made.enrolled)} tilmeldt")
        for r in made.refused:
            print(f"  Ikke tilmeldt: {r.name}: {r.reason}")
    warn(warnings)
    return EXIT_OK


@fails_cleanly
def course_status(args, store: Store) -> int:
    course = service.set_status(store, args.id, args.status)
    view = course_view(store, course)
    print(f"{view['title']}: {view['status_label']}")
    return EXIT_OK


@fails_cleanly
def course_show(args, store: Store) -> int:
    view = course_view(store, service.find_course(store, args.id))
    if args.json:
        print_json(view)
        return EXIT_OK
    print_view(view)
    return EXIT_OK


@fails_cleanly
def courses_list(args, store: Store) -> int:
    company_id = company_by_cvr(store, args.company).id if args.company else None
    views = [course_view(store, c) for c in service.courses(store, company_id)]
    if args.json:
        print_json([{k: v[k] for k in ("id", "title", "subject", "trin", "status", "start",
                                       "end", "hours", "lesson_count")}
                    | {"companies": [c["cvr"] for c in v["companies"]],
                       "provider": v["provider"]["name"] if v["provider"] else None,
                       "participants": len(v["participants"])} for v in views])
        return EXIT_OK
    if not views:
        print("Ingen hold." if company_id is None else "Virksomheden har ingen hold.")
    for v in views:
        companies = ", ".join(c["name"] for c in v["companies"])
        count = len(v["participants"])
        print(f"{v['id']}  {_day(v['start']):<10} {v['title']:<22} {v['status_label']:<10} "
              f"{companies} ({count} {'deltager' if count == 1 else 'deltagere'})")
    return EXIT_OK


# -- the course as text ---------------------------------------------------------------------

def _day(iso: str | None) -> str:
    return field_date(date.fromisoformat(iso)) if iso else "–"


def _long(iso: str) -> str:
    return lesson_day_text(date.fromisoformat(iso))


def _span(start: str, end: str) -> str:
    return time_span_text(time.fromisoformat(start), time.fromisoformat(end))


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def print_view(v: dict) -> None:
    print(f"{v['title']} ({v['status_label']})  [{v['id']}]")
    for c in v["companies"]:
        print(f"Virksomhed: {c['name']} ({c['cvr']})")
    if v["provider"]:
        print(f"Udbyder:    {v['provider']['name']}")
    for label, key in (("Underviser:", "teacher"), ("Sted:      ", "place")):
        if v[key]:
            print(f"{label} {v[key]}")
    if v["start"]:
        print(f"Periode:    {_long(v['start'])} – {_long(v['end'])}; {v['lesson_count']} "
              f"lektioner, {_number(v['hours'])} timer")
    if v["max"]:
        print(f"Højst:      {v['max']} deltagere")
    if v["svu"]["earliest"]:
        print(f"SVU:        kan søges fra {_day(v['svu']['earliest'])} til "
              f"{_day(v['svu']['latest'])}")
    print("Lektioner:")
    width = max((len(_long(x["date"])) for x in v["lessons"]), default=0)
    for x in v["lessons"]:
        note = f"  {x['note']}" if x["note"] else ""
        print(f"  {_long(x['date']):<{width}}  {_span(x['start'], x['end'])}{note}")
    if v["skipped"]:
        print("Sprunget over:")
        for s in v["skipped"]:
            print(f"  {_long(s['date']):<{width}}  {s['reason']}")
    print(f"Deltagere ({len(v['participants'])}):")
    for p in v["participants"]:
        print(f"  {p['name']:<28} {p['status_label']:<11} [{p['id']}]")
    if v["warnings"]:
        print("Advarsler:")
        for text in v["warnings"]:
            print(f"  {text}")
