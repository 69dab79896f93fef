"""`lokomotiv person show|export|erase`, `retention` and `audit`: the GDPR side of the
participants (access, erasure everywhere, retention, the audit log). Every show and export
is written to the access log. See docs/cli-screenings.md."""
from __future__ import annotations

import sys
from pathlib import Path

from ..domain.consent import PURPOSE_LABELS, ConsentPurpose
from ..domain.danish_format import stored_time
from ..domain.screening_catalog import catalog
from ..services import person_privacy as privacy
from ..services.outreach import NotFoundError, today_local
from ..services.participants import find_participant, person_file
from ..services.sync import NotLoggedIn, SyncService
from ..store.companies import CompanyRepository
from ..store.database import Store
from ..sync.errors import SyncError
from .common import EXIT_OK, fail, print_json
from .people import confirmed, day, fails_cleanly, person_json


def register(subparsers) -> None:
    person = subparsers.add_parser("person", help="vis, eksportér eller slet alt om en deltager")
    commands = person.add_subparsers(dest="person_command", metavar="show|export|erase",
                                     required=True)
    show = commands.add_parser("show", help="vis deltageren med samtykker, screeninger og "
                                            "henvisninger (visningen logges)")
    show.add_argument("id", metavar="ID", help="deltagerens id (eller de første tegn)")
    show.add_argument("--json", action="store_true", help="skriv deltageren som JSON")
    show.set_defaults(handler=person_show)
    export = commands.add_parser("export", help="indsigt: alt om personen som JSON eller PDF "
                                                "(eksporten logges)")
    export.add_argument("id", metavar="ID")
    export.add_argument("--out", required=True, type=Path, metavar="FIL.json|FIL.pdf")
    export.set_defaults(handler=person_export)
    erase = commands.add_parser("erase", help="slet personen og alt om personen, overalt")
    erase.add_argument("id", metavar="ID")
    erase.add_argument("--yes", action="store_true", help="slet uden at spørge")
    erase.set_defaults(handler=person_erase)

    retention = subparsers.add_parser(
        "retention", help="hvem der skal slettes efter opbevaringstiden",
        description="Viser deltagere, hvis sidste aktivitet er mere end opbevaringstiden "
                    "(standard 24 måneder) siden. --erase --yes sletter dem alle.")
    retention.add_argument("--months", type=int, metavar="N",
                           help="sæt opbevaringstiden i måneder (1-240)")
    retention.add_argument("--erase", action="store_true", help="slet dem, der er forfaldne")
    retention.add_argument("--yes", action="store_true", help="bekræft sletningen")
    retention.add_argument("--json", action="store_true", help="skriv listen som JSON")
    retention.set_defaults(handler=retention_command)

    audit = subparsers.add_parser("audit", help="serverens log over visninger og ændringer "
                                                "(koordinatorer)")
    audit.add_argument("--person", metavar="ID", help="kun denne deltager")
    audit.add_argument("--json", action="store_true", help="skriv loggen som JSON")
    audit.set_defaults(handler=audit_command)


def _label(kind: str, code: str, tool: str = "") -> str:
    data = catalog()
    try:
        if kind == "subject":
            return data.subject_label(code)
        if kind == "outcome":
            return data.outcome(tool, code).label
        return next(r.label for r in data.dyslexia_results if r.code == code)
    except (KeyError, StopIteration):
        return code


def _municipality(store: Store, code: str | None) -> str:
    names = {m.code: m.name for m in CompanyRepository(store).municipalities()}
    return f"kommune {code} {names.get(code, '')}".rstrip()


@fails_cleanly
def person_show(args, store: Store) -> int:
    found = person_file(store, args.id)
    p = found.participant
    privacy.log_view(store, p.id)  # the output holds screening and dyslexia fields
    if args.json:
        print_json(person_json(found, today_local()))
        return EXIT_OK
    where = (f"{found.company_name} (CVR {found.cvr})" if p.company_id
             else f"ledig, henvist af {_municipality(store, p.municipality_code)}"
                  + (f", {p.jobcenter}" if p.jobcenter else ""))
    print(f"{p.name} [{p.id}]")
    print("(Visningen logges.)")
    language = "dansk som andetsprog" if p.language == "andetsprog" else p.language
    for label, value in (("Hvor", where), ("Stilling", p.job_title), ("Hold/skift", p.team),
                         ("Sprog", language), ("Telefon", p.phone or ""),
                         ("E-mail", p.email or ""), ("Noter", p.notes)):
        if value:
            print(f"  {label + ':':<12}{value}")
    today = today_local()
    print(f"Samtykker ({len(found.consents)}):")
    for c in found.consents:
        witness = f", vidne {c.witness}" if c.witness else ""
        state = (f"trukket tilbage {day(c.withdrawn_on)}" if c.withdrawn_on else "") \
            if not c.valid_on(today) else "gyldigt"
        print(f"  {PURPOSE_LABELS[ConsentPurpose(c.purpose)]}: {c.how}{witness}, "
              f"{day(c.given_on)} · {state or 'ikke gyldigt endnu'}")
    print(f"Screeninger ({len(found.screenings)}):")
    for s in found.screenings:
        trin = f", trin {s.trin}" if s.trin is not None else ""
        by = ", ".join(x for x in (s.school, s.tester) if x)
        print(f"  {day(s.date)}  {_label('subject', s.subject)}, {s.tool}: "
              f"{_label('outcome', s.outcome, s.tool)}{trin}{f' ({by})' if by else ''}")
    print(f"Henvisninger til Ordblindetesten ({len(found.referrals)}):")
    for r in found.referrals:
        result = (f"{r.result.result} «{_label('result', r.result.result)}» "
                  f"{day(r.result.date)}, gyldigt til {day(r.result.valid_until)}"
                  if r.result else "afventer resultat")
        print(f"  {day(r.date)}  {r.school}: {result}")
    return EXIT_OK


@fails_cleanly
def person_export(args, store: Store) -> int:
    person = find_participant(store, args.id)
    try:
        out = privacy.export_person(store, person.id, args.out)
    except ValueError as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(f"Kan ikke skrive {args.out}: {exc.strerror}.")
    print(f"Alt om {person.name} er gemt i {out} (eksporten er logget).")
    return EXIT_OK


@fails_cleanly
def person_erase(args, store: Store) -> int:
    person = find_participant(store, args.id)
    sure = confirmed(f"Slet {person.name} og alt om personen for altid?", args.yes)
    if sure is None:
        return fail("Sletning skal bekræftes: tilføj --yes (uden en terminal kan der ikke "
                    "spørges). Intet er slettet.")
    if not sure:
        print("Intet er slettet.")
        return EXIT_OK
    erased = privacy.erase_person(store, person.id)
    print(f"Slettet: {person.name} ({len(erased)} rækker). Serveren og de andre computere "
          "får besked ved næste synkronisering.")
    return EXIT_OK


@fails_cleanly
def retention_command(args, store: Store) -> int:
    if args.yes and not args.erase:
        return fail("--yes bruges sammen med --erase.")
    if args.months is not None and not 1 <= args.months <= 240:
        return fail("Opbevaringstiden skal være mellem 1 og 240 måneder.")
    if args.erase and not args.yes and not sys.stdin.isatty():
        return fail("Sletning skal bekræftes: tilføj --yes. Intet er ændret.")
    if args.months is not None:
        privacy.set_retention_months(store, args.months)
    due = privacy.retention_due(store, today_local())
    sure = False
    if args.erase and due:
        sure = bool(confirmed(f"Slet {len(due)} personer og alt om dem for altid?", args.yes))
    months = privacy.retention_months(store)
    erased = []
    if sure:
        with store.transaction():  # all or none
            for d in due:
                privacy.erase_person(store, d.participant_id)
                erased.append(d.participant_id)
    if args.json:
        print_json({"months": months, "erased": erased,
                    "due": [{"participant_id": d.participant_id, "name": d.name,
                             "company": d.company, "last_activity": d.last_activity.isoformat(),
                             "due": d.due.isoformat()} for d in due]})
        return EXIT_OK
    if not due:
        print(f"Ingen skal slettes (opbevaringstid {months} måneder efter sidste aktivitet).")
        return EXIT_OK
    print(f"Opbevaringstiden ({months} måneder efter sidste aktivitet) er udløbet for "
          f"{len(due)}:")
    for d in due:
        print(f"  {d.name:<24} {d.company or 'ledig':<28} sidste aktivitet "
              f"{day(d.last_activity)} · slettes {day(d.due)}  [{d.participant_id}]")
    if erased:
        print(f"Slettet: {len(erased)}. Serveren får besked ved næste synkronisering.")
    elif args.erase:
        print("Intet er slettet.")
    else:
        print("Slet dem med: lokomotiv retention --erase --yes")
    return EXIT_OK


@fails_cleanly
def audit_command(args, store: Store) -> int:
    person_id = None
    if args.person:
        try:
            person_id = find_participant(store, args.person).id
        except NotFoundError:
            person_id = args.person.strip()  # an erased person's log stays on the server
    try:
        rows = SyncService(store).audit(person_id)
    except NotLoggedIn as exc:
        return fail(f"{exc} Loggen ligger på serveren og kan kun ses af koordinatorer.")
    except SyncError as exc:
        return fail(exc.message)
    if args.json:
        print_json(rows)
        return EXIT_OK
    if not rows:
        print("Loggen er tom.")
    for r in rows:
        what = f"{r.get('table') or ''} {r.get('row_id') or ''}".strip()
        print(f"{stored_time(r.get('at')):<20} {r.get('account', ''):<14} "
              f"{r.get('action', ''):<8} {what} {r.get('detail') or ''}".rstrip())
    return EXIT_OK
