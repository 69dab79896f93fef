"""`lokomotiv participant add|import`, `participants CVR` and `consent ID`: register the
people who are screened, and their consent. Same validation as the window; exit 1 for an
unknown person or company, 2 for bad input (nothing written). See docs/cli-screenings.md."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from ..domain.consent import PURPOSE_LABELS, ConsentPurpose
from ..domain.validation import validate_municipality_code
from ..services import participant_import, participants
from ..services import person_privacy as privacy
from ..services.outreach import company_by_cvr, today_local
from ..store import participant_queries as queries
from ..store.companies import CompanyRepository
from ..store.database import Store
from .common import EXIT_OK, fail, print_json
from .outreach import unit_id_for
from .people import confirmed, day, fails_cleanly

_CONSENT_STATE = {"none": "intet samtykke", "valid": "samtykke", "withdrawn": "trukket tilbage"}


def register(subparsers) -> None:
    participant = subparsers.add_parser("participant", help="registrer deltagere (medarbejdere "
                                        "eller ledige)")
    commands = participant.add_subparsers(dest="participant_command", metavar="add|import",
                                          required=True)
    add = commands.add_parser(
        "add", help="registrer en deltager",
        description="Registrerer en medarbejder i virksomheden CVR, eller med --unemployed en "
                    "ledig borger henvist af kommunen KODE. Lokomotiv gemmer ikke CPR-numre: "
                    "et felt, der ligner et, afvises.")
    add.add_argument("cvr", nargs="?", metavar="CVR", help="virksomhedens CVR-nummer")
    add.add_argument("--unemployed", action="store_true", help="en ledig borger (uden CVR)")
    add.add_argument("--municipality", metavar="KODE", help="henvisende kommune (ledige), fx 630")
    add.add_argument("--jobcenter", default="", metavar="TEKST", help="henvisende jobcenter")
    add.add_argument("--first", required=True, metavar="NAVN", help="fornavn")
    add.add_argument("--last", default="", metavar="NAVN", help="efternavn")
    add.add_argument("--pnr", metavar="P-NUMMER", help="P-enheden, personen arbejder på")
    add.add_argument("--title", default="", metavar="TEKST", help="stilling")
    add.add_argument("--team", default="", metavar="TEKST", help="hold eller skift")
    add.add_argument("--language", default="dansk", metavar="SPROG",
                     help="dansk eller andetsprog (dansk som andetsprog)")
    add.add_argument("--phone", default="", metavar="TELEFON")
    add.add_argument("--email", default="", metavar="E-MAIL")
    add.add_argument("--notes", default="", metavar="TEKST", help="noter")
    add.add_argument("--json", action="store_true", help='skriv {"id": ...} som JSON')
    add.set_defaults(handler=participant_add)

    imp = commands.add_parser(
        "import", help="importér en virksomheds medarbejdere fra en CSV-fil",
        description="Kolonner: fornavn;efternavn;stilling;team;sprog;telefon;email (adskilt "
                    "med ; eller ,; UTF-8). En kolonne eller et felt med CPR-numre afviser "
                    "hele filen. Alt eller intet: ved en fejl gemmes intet.")
    imp.add_argument("cvr", metavar="CVR", help="virksomhedens CVR-nummer")
    imp.add_argument("file", type=Path, metavar="FIL.csv")
    imp.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    imp.set_defaults(handler=participant_import_command)

    listing = subparsers.add_parser("participants", help="en virksomheds deltagere")
    listing.add_argument("cvr", metavar="CVR", help="virksomhedens CVR-nummer")
    listing.add_argument("--json", action="store_true", help="skriv deltagerne som JSON")
    listing.set_defaults(handler=participants_list)

    consent = subparsers.add_parser(
        "consent", help="registrer eller træk et samtykke tilbage",
        description="Registrerer deltagerens samtykke (mundtligt kræver et vidne), eller med "
                    "--withdraw trækker det tilbage. Uden gyldigt samtykke til screening "
                    "gemmes ingen screening.")
    consent.add_argument("id", metavar="ID", help="deltagerens id (eller de første tegn)")
    consent.add_argument("--purpose", required=True, metavar="FORMÅL",
                         help="screening, course (kursusplanlægning) eller school (deling "
                              "med skolen)")
    consent.add_argument("--how", metavar="FORM", help="skriftlig eller mundtlig")
    consent.add_argument("--witness", metavar="NAVN", help="vidne (kræves ved mundtligt)")
    consent.add_argument("--date", metavar="DATO", help="dato, fx 1.12.2026 (standard: i dag)")
    consent.add_argument("--withdraw", action="store_true", help="træk samtykket tilbage")
    consent.add_argument("--erase", action="store_true",
                         help="slet derefter personen og alt om personen (med --withdraw)")
    consent.add_argument("--yes", action="store_true", help="bekræft sletningen uden at spørge")
    consent.set_defaults(handler=consent_command)


@fails_cleanly
def participant_add(args, store: Store) -> int:
    fields = {"first_name": args.first, "last_name": args.last, "job_title": args.title,
              "team": args.team, "language": args.language, "phone": args.phone,
              "email": args.email, "notes": args.notes, "jobcenter": args.jobcenter}
    if args.unemployed:
        if args.cvr:
            return fail("En ledig deltager hører ikke til en virksomhed: angiv enten CVR "
                        "eller --unemployed.")
        if args.pnr:
            return fail("--pnr kan kun bruges med en virksomhed (CVR).")
        if not args.municipality:
            return fail("En ledig deltager skal have den kommune, der har henvist: "
                        "--municipality KODE (fx 630).")
        known = {m.code for m in CompanyRepository(store).municipalities()}
        code = validate_municipality_code(args.municipality, known)
        person = participants.add_participant(store, None, employment="ledig",
                                              municipality_code=code, **fields)
    else:
        if not args.cvr:
            return fail("Angiv virksomhedens CVR-nummer, eller --unemployed --municipality "
                        "KODE for en ledig borger.")
        if args.municipality:
            return fail("--municipality bruges kun for ledige (--unemployed); en medarbejder "
                        "hører til virksomhedens kommune.")
        company = company_by_cvr(store, args.cvr)
        person = participants.add_participant(store, company.id,
                                              unit_id=unit_id_for(company, args.pnr), **fields)
    if args.json:
        print_json({"id": person.id})
    else:
        print(f"Deltager registreret: {person.name} ({person.id})")
    return EXIT_OK


@fails_cleanly
def participant_import_command(args, store: Store) -> int:
    company = company_by_cvr(store, args.cvr)
    result = participant_import.import_participants(store, company.id, args.file)
    if args.json:
        print_json({"added": result.added, "skipped_lines": result.skipped})
        return EXIT_OK
    print(f"Importeret: {len(result.added)} deltagere til {company.name}"
          + (f" · {len(result.skipped)} fandtes allerede (linje "
             f"{', '.join(map(str, result.skipped))})" if result.skipped else ""))
    return EXIT_OK


@fails_cleanly
def participants_list(args, store: Store) -> int:
    company = company_by_cvr(store, args.cvr)
    rows = queries.participant_rows(store, company_id=company.id)
    if args.json:
        print_json([{"id": r.id, "name": r.name, "team": r.team, "employment": r.employment,
                     "consent": r.consent, "screenings": r.screenings,
                     "last_screened": r.last_screened, "referral": r.referral}
                    for r in rows])
        return EXIT_OK
    if not rows:
        print(f"{company.name} har ingen registrerede deltagere.")
    for r in rows:
        last = f", senest {day(date.fromisoformat(r.last_screened))}" if r.last_screened else ""
        team = f" [{r.team}]" if r.team else ""
        referral = " · henvist til ordblindetest" if r.referral else ""
        print(f"{r.id}  {r.name}{team} · {_CONSENT_STATE.get(r.consent, r.consent)} · "
              f"{r.screenings} {'screening' if r.screenings == 1 else 'screeninger'}{last}"
              f"{referral}")
    return EXIT_OK


@fails_cleanly
def consent_command(args, store: Store) -> int:
    if args.erase and not args.withdraw:
        return fail("--erase bruges sammen med --withdraw.")
    if args.withdraw and (args.how or args.witness):
        return fail("--how og --witness bruges, når et samtykke gives, ikke når det trækkes "
                    "tilbage.")
    person = participants.find_participant(store, args.id)
    if not args.withdraw:
        consent = participants.give_consent(store, person.id, args.purpose, args.how,
                                            args.witness, args.date)
        label = PURPOSE_LABELS[ConsentPurpose(consent.purpose)]
        witness = f", vidne {consent.witness}" if consent.witness else ""
        print(f"Samtykke registreret for {person.name}: {label}, {consent.how}, "
              f"{day(consent.given_on)}{witness}")
        return EXIT_OK
    sure = None
    if args.erase:  # asked before anything is written, so a refusal changes nothing
        sure = confirmed(f"Slet {person.name} og alt om personen for altid?", args.yes)
        if sure is None:
            return fail("Sletning skal bekræftes: tilføj --yes (eller kør uden --erase).")
    withdrawn = participants.withdraw_consent(store, person.id, args.purpose,
                                              args.date or today_local())
    label = PURPOSE_LABELS[ConsentPurpose(withdrawn[0].purpose)]
    print(f"Samtykke trukket tilbage for {person.name}: {label} fra "
          f"{day(withdrawn[0].withdrawn_on)}.")
    if sure:
        erased = privacy.erase_person(store, person.id)
        print(f"Slettet: {person.name} ({len(erased)} rækker). Serveren og de andre "
              "computere får besked ved næste synkronisering.")
    elif args.erase:
        print("Personen er ikke slettet.")
    else:
        print(f"Personen kan slettes helt med: lokomotiv person erase {person.id}")
    return EXIT_OK

