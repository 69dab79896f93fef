"""`lokomotiv screening add`, `screenings CVR`, `referral add|result` and `classes suggest`:
record what the school's test showed (never without a valid consent for screening), refer
to Ordblindetesten, and suggest classes. See docs/cli-screenings.md."""
from __future__ import annotations

from ..domain.danish_format import field_date
from ..domain.screening_catalog import catalog
from ..domain.validation import ValidationError
from ..services import person_privacy as privacy
from ..services import screenings as service
from ..services.outreach import company_by_cvr
from ..services.participants import find_participant
from ..store.database import Store
from ..store.participants import ParticipantRepository
from .common import EXIT_OK, fail, print_json
from .people import day, fails_cleanly, screening_json


def register(subparsers) -> None:
    data = catalog()
    screening = subparsers.add_parser("screening", help="registrer en screening")
    commands = screening.add_subparsers(dest="screening_command", metavar="add", required=True)
    add = commands.add_parser(
        "add", help="registrer udfaldet af en screening",
        description="Gemmer en screening. Kræver et gyldigt samtykke til screening på "
                    "dagen (lokomotiv consent ID --purpose screening ...). Danske bogstaver "
                    "kan skrives ae/oe/aa.")
    add.add_argument("id", metavar="ID", help="deltagerens id (eller de første tegn)")
    add.add_argument("--subject", required=True, metavar="FAG",
                     help=", ".join(s.code for s in data.subjects))
    add.add_argument("--tool", required=True, metavar="VÆRKTØJ",
                     help=", ".join(t.code for t in data.tools))
    add.add_argument("--outcome", required=True, metavar="UDFALD",
                     help="fra værktøjets liste, fx læsekursus eller egnet")
    add.add_argument("--trin", metavar="N", help="anbefalet trin (læsning 1-4, matematik 1-2, "
                                                 "digital 1-3, engelsk 1-4, start ingen)")
    add.add_argument("--date", metavar="DATO", help="dato, fx 1.12.2026 (standard: i dag)")
    add.add_argument("--school", default="", metavar="TEKST", help="skolen")
    add.add_argument("--tester", default="", metavar="NAVN", help="testvejlederen")
    add.add_argument("--notes", default="", metavar="TEKST", help="noter")
    add.add_argument("--json", action="store_true", help="skriv screeningen som JSON")
    add.set_defaults(handler=screening_add)

    listing = subparsers.add_parser("screenings", help="en virksomheds screeninger (logges)")
    listing.add_argument("cvr", metavar="CVR", help="virksomhedens CVR-nummer")
    listing.add_argument("--json", action="store_true", help="skriv screeningerne som JSON")
    listing.set_defaults(handler=screenings_list)

    referral = subparsers.add_parser("referral", help="henvisning til Ordblindetesten")
    ref = referral.add_subparsers(dest="referral_command", metavar="add|result", required=True)
    radd = ref.add_parser("add", help="registrer en henvisning")
    radd.add_argument("id", metavar="ID", help="deltagerens id (eller de første tegn)")
    radd.add_argument("--date", required=True, metavar="DATO")
    radd.add_argument("--school", required=True, metavar="TEKST", help="skolen, der tester")
    radd.set_defaults(handler=referral_add)
    result = ref.add_parser("result", help="registrer resultatet af Ordblindetesten")
    result.add_argument("id", metavar="ID",
                        help="henvisningens id, eller deltagerens (den nyeste henvisning)")
    result.add_argument("--result", required=True, metavar="RESULTAT",
                        help="rød (Ordblind), gul (Usikker fonologisk kodning) eller grøn "
                             "(Ikke ordblind)")
    result.add_argument("--date", required=True, metavar="DATO")
    result.add_argument("--school", metavar="TEKST", help="standard: henvisningens skole")
    result.set_defaults(handler=referral_result)

    classes = subparsers.add_parser("classes", help="foreslåede hold")
    cls = classes.add_subparsers(dest="classes_command", metavar="suggest", required=True)
    suggest = cls.add_parser(
        "suggest", help="foreslå hold ud fra screeningerne",
        description="Foreslår hold pr. fag og trin ud fra de nyeste screeninger i de valgte "
                    "virksomheder (og/eller alle i en kommune), og siger, hvem der ikke "
                    "kunne placeres og hvorfor. Et team holdes samlet, hvor det kan lade "
                    "sig gøre.")
    suggest.add_argument("cvrs", nargs="*", metavar="CVR")
    suggest.add_argument("--municipality", metavar="KODE",
                         help="også alle virksomheder i kommunen med screenede deltagere")
    suggest.add_argument("--min", type=int, metavar="N", help="mindste holdstørrelse")
    suggest.add_argument("--max", type=int, metavar="N", help="største holdstørrelse")
    suggest.add_argument("--json", action="store_true", help="skriv forslaget som JSON")
    suggest.set_defaults(handler=classes_suggest)


@fails_cleanly
def screening_add(args, store: Store) -> int:
    person = find_participant(store, args.id)
    record = service.record_screening(
        store, person.id, subject=args.subject, tool=args.tool, outcome=args.outcome,
        trin=args.trin, day=args.date, school=args.school, tester=args.tester,
        notes=args.notes)
    if args.json:
        print_json({**screening_json(record), "participant_id": person.id})
        return EXIT_OK
    trin = f", trin {record.trin}" if record.trin is not None else ""
    print(f"Screening registreret for {person.name}: "
          f"{catalog().subject_label(record.subject)}, {record.tool}: "
          f"{_outcome_label(record.tool, record.outcome)}{trin} ({day(record.date)}) "
          f"[{record.id}]")
    return EXIT_OK


def _outcome_label(tool: str, outcome: str) -> str:
    try:
        return catalog().outcome(tool, outcome).label
    except KeyError:
        return outcome


@fails_cleanly
def screenings_list(args, store: Store) -> int:
    company = company_by_cvr(store, args.cvr)
    repo = ParticipantRepository(store)
    rows = []
    for person in repo.of_company(company.id):
        found = repo.screenings(person.id)
        if found:
            privacy.log_view(store, person.id)  # screening outcomes are sensitive: logged
        rows += [(person, s) for s in found]
    rows.sort(key=lambda ps: (ps[1].date, ps[0].name, ps[1].id))
    if args.json:
        print_json([{**screening_json(s), "participant_id": p.id, "name": p.name}
                    for p, s in rows])
        return EXIT_OK
    if not rows:
        print(f"{company.name} har ingen registrerede screeninger.")
    for p, s in rows:
        trin = f" trin {s.trin}" if s.trin is not None else ""
        print(f"{field_date(s.date):<10}  {p.name:<24} {catalog().subject_label(s.subject):<14} "
              f"{s.tool:<12} {_outcome_label(s.tool, s.outcome)}{trin}  [{p.id}]")
    return EXIT_OK


@fails_cleanly
def referral_add(args, store: Store) -> int:
    person = find_participant(store, args.id)
    referral = service.add_referral(store, person.id, args.date, args.school)
    print(f"Henvist til Ordblindetesten: {person.name}, {day(referral.date)}, "
          f"{referral.school} [{referral.id}]")
    return EXIT_OK


@fails_cleanly
def referral_result(args, store: Store) -> int:
    referral = service.record_dyslexia_result(store, args.id, args.result, args.date,
                                              args.school)
    person = find_participant(store, referral.participant_id)
    result = referral.result
    assert result is not None
    label = next(r.label for r in catalog().dyslexia_results if r.code == result.result)
    print(f"Resultat registreret for {person.name}: {result.result} «{label}», "
          f"{day(result.date)}, gyldigt til {day(result.valid_until)}")
    return EXIT_OK


@fails_cleanly
def classes_suggest(args, store: Store) -> int:
    if not args.cvrs and not args.municipality:
        return fail("Angiv mindst ét CVR-nummer eller --municipality KODE.")
    low, high, _ = service.class_sizes(store)
    low = low if args.min is None else args.min
    high = high if args.max is None else args.max
    if not 1 <= low <= high:
        raise ValidationError("min", f"Holdstørrelsen skal være mindst 1 og --min højst "
                                     f"--max (fik {low} og {high}).")
    companies = [company_by_cvr(store, cvr) for cvr in args.cvrs]
    ids = [c.id for c in companies]
    if args.municipality:
        ids += [i for i in service.companies_near(store, args.municipality.strip().zfill(3))
                if i not in ids]
    found = service.suggest_for(store, ids, low, high)
    if args.json:
        print_json({
            "classes": [{"subject": c.subject, "trin": c.trin, "size": len(c.participant_ids),
                         "participant_ids": list(c.participant_ids),
                         "company_ids": list(c.company_ids), "teams": list(c.teams),
                         "obu": c.obu, "note": c.note} for c in found.classes],
            "unplaced": [{"participant_id": u.participant_id, "subject": u.subject,
                          "trin": u.trin, "reason": u.reason} for u in found.unplaced]})
        return EXIT_OK
    repo = ParticipantRepository(store)

    def name(pid: str) -> str:
        person = repo.get(pid)
        return person.name if person else pid

    if not found.classes and not found.unplaced:
        print("Ingen screenede deltagere i de valgte virksomheder.")
    for n, c in enumerate(found.classes, 1):
        title = catalog().subject_label(c.subject) + (f" trin {c.trin}" if c.trin else "")
        obu = " (OBU)" if c.obu else ""
        teams = f" · teams: {', '.join(c.teams)}" if c.teams else ""
        size = len(c.participant_ids)
        print(f"Hold {n}: {title}{obu}, {size} {'deltager' if size == 1 else 'deltagere'}"
              f"{teams}")
        print("  " + ", ".join(name(pid) for pid in c.participant_ids))
        if c.note:
            print(f"  Bemærk: {c.note}")
    if found.unplaced:
        print("Ikke placeret:")
        for u in found.unplaced:
            print(f"  {name(u.participant_id)}: {u.reason}")
    return EXIT_OK
