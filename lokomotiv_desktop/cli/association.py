"""`lokomotiv member add|end`, `members`, `board add|end`, `board` and `grants rate|pnr-count|
activity`: the association's members, board and financing (issue 13). The yearly statements
(`report grants`) are in cli/reports.py; the voting list is `print voting-list`
(cli/course_print.py calls print_voting_list here)."""
from __future__ import annotations

from pathlib import Path

from ..domain.danish_format import field_date
from ..domain.grants import kroner
from ..domain.validation import ValidationError
from ..services import association as members_service
from ..services import grants as grants_service
from ..store.database import Store
from .common import EXIT_OK, print_json
from .people import fails_cleanly


def register(subparsers) -> None:
    member = subparsers.add_parser("member", help="foreningens medlemmer: tilføj eller afslut")
    msub = member.add_subparsers(dest="member_command", metavar="add|end", required=True)
    for name, date_flag, help_text in (("add", "--since", "nyt medlem"),
                                       ("end", "--until", "afslut et medlemskab")):
        cmd = msub.add_parser(name, help=help_text)
        who = cmd.add_mutually_exclusive_group(required=True)
        who.add_argument("--municipality", metavar="KODE",
                         help="en medlemskommune (med stemmeret)")
        who.add_argument("--organisation", metavar="NAVN",
                         help="en organisation eller institution (uden stemmeret)")
        cmd.add_argument(date_flag, required=True, metavar="DATO",
                         help="medlem fra" if name == "add" else "medlem til og med")
        cmd.set_defaults(handler=member_add if name == "add" else member_end)

    listing = subparsers.add_parser("members", help="vis foreningens medlemmer")
    listing.add_argument("--json", action="store_true", help="som JSON")
    listing.set_defaults(handler=members_command)

    board = subparsers.add_parser("board", help="bestyrelsen: vis, tilføj eller afslut")
    board.add_argument("--json", action="store_true", help="som JSON")
    bsub = board.add_subparsers(dest="board_command", metavar="add|end")
    add = bsub.add_parser("add", help="et nyt bestyrelsesmedlem")
    add.add_argument("name", metavar="NAVN")
    add.add_argument("--role", required=True, metavar="formand|medlem")
    add.add_argument("--no-vote", action="store_true", help="tilføjet uden stemmeret")
    add.add_argument("--since", metavar="DATO", help="valgt den (standard: i dag)")
    add.set_defaults(handler=board_add)
    end = bsub.add_parser("end", help="afslut en bestyrelsespost")
    end.add_argument("name", metavar="NAVN")
    end.add_argument("--until", required=True, metavar="DATO")
    end.set_defaults(handler=board_end)
    board.set_defaults(handler=board_command)

    grants = subparsers.add_parser("grants", help="tilskud: takst, P-numre og aktiviteter")
    gsub = grants.add_subparsers(dest="grants_command", metavar="rate|pnr-count|activity",
                                 required=True)
    rate = gsub.add_parser("rate", help="grundtilskud pr. P-nummer for et år")
    rate.add_argument("--year", required=True, metavar="ÅR")
    rate.add_argument("--per-pnr", required=True, metavar="KR")
    rate.set_defaults(handler=grants_rate)
    pnr = gsub.add_parser("pnr-count", help="tæl kommunens P-numre (eller ret antallet)")
    pnr.add_argument("municipality", metavar="KODE")
    pnr.add_argument("--year", required=True, metavar="ÅR")
    pnr.add_argument("--count", metavar="N", help="antal rettet i hånden (kræver --reason)")
    pnr.add_argument("--reason", default="", metavar="TEKST")
    pnr.set_defaults(handler=grants_pnr)
    activity = gsub.add_parser("activity", help="en opgave, kommunen har bestilt")
    activity.add_argument("municipality", metavar="KODE")
    activity.add_argument("--year", required=True, metavar="ÅR")
    activity.add_argument("--task", required=True, metavar="NAVN")
    activity.add_argument("--amount", required=True, metavar="KR")
    activity.set_defaults(handler=grants_activity)


def _day(iso: str | None) -> str:
    from datetime import date

    return field_date(date.fromisoformat(iso)) if iso else "–"


@fails_cleanly
def member_add(args, store: Store) -> int:
    if args.municipality is not None:
        m = members_service.add_municipality_member(store, args.municipality, args.since)
        print(f"Medlem: {m['name']} Kommune ({m['municipality_code']}), med stemmeret, "
              f"fra {_day(m['since'])}")
    else:
        m = members_service.add_organisation_member(store, args.organisation, args.since)
        print(f"Medlem: {m['name']}, uden stemmeret, fra {_day(m['since'])}")
    return EXIT_OK


@fails_cleanly
def member_end(args, store: Store) -> int:
    m = members_service.end_membership(store, until=args.until, municipality=args.municipality,
                                       organisation=args.organisation)
    print(f"{m['name']}: medlem til og med {_day(m['until'])}")
    return EXIT_OK


@fails_cleanly
def members_command(args, store: Store) -> int:
    found = members_service.members(store)
    if args.json:
        print_json(found)
        return EXIT_OK
    if not found:
        print("Ingen medlemmer endnu (lokomotiv member add --municipality KODE --since DATO).")
    for m in found:
        who = f"{m['name']} Kommune ({m['municipality_code']})" if m["kind"] == "kommune" \
            else m["name"]
        vote = "stemmeret" if m["vote"] else "uden stemmeret"
        period = f"{_day(m['since'])} – {_day(m['until']) if m['until'] else ''}"
        print(f"{who:<34} {vote:<15} {period}{'' if m['active'] else '  (ikke medlem nu)'}")
    return EXIT_OK


@fails_cleanly
def board_add(args, store: Store) -> int:
    b = members_service.add_board_member(store, args.name, args.role, vote=not args.no_vote,
                                         since=args.since)
    print(f"Bestyrelsen: {b['name']}, {b['role']}"
          f"{'' if b['vote'] else ', uden stemmeret'}, fra {_day(b['since'])}")
    return EXIT_OK


@fails_cleanly
def board_end(args, store: Store) -> int:
    b = members_service.end_board_member(store, args.name, args.until)
    print(f"Bestyrelsen: {b['name']} til {_day(b['until'])}")
    return EXIT_OK


@fails_cleanly
def board_command(args, store: Store) -> int:
    found = [b for b in members_service.board(store) if b["active"]]
    if args.json:
        print_json(found)
        return EXIT_OK
    if not found:
        print("Ingen i bestyrelsen endnu (lokomotiv board add NAVN --role formand).")
    for b in found:
        print(f"{b['name']:<28} {b['role']:<8} "
              f"{'stemmeret' if b['vote'] else 'uden stemmeret':<15} fra {_day(b['since'])}")
    return EXIT_OK


@fails_cleanly
def grants_rate(args, store: Store) -> int:
    rate = grants_service.set_rate(store, args.year, args.per_pnr)
    print(f"Grundtilskud {args.year}: {kroner(rate)} pr. P-nummer")
    return EXIT_OK


@fails_cleanly
def grants_pnr(args, store: Store) -> int:
    row = grants_service.pnr_count(store, args.municipality, args.year, args.count,
                                   args.reason)
    if row["override"] is not None and args.count is not None:
        print(f"P-numre {row['year']}, kommune {row['municipality_code']}: {row['override']} "
              f"(rettet: {row['reason']})")
    else:
        print(f"P-numre {row['year']}, kommune {row['municipality_code']}: {row['counted']} "
              f"i CVR-data pr. {_day(row['counted_on'])}")
    return EXIT_OK


@fails_cleanly
def grants_activity(args, store: Store) -> int:
    line = grants_service.add_activity(store, args.municipality, args.year, args.task,
                                       args.amount)
    print(f"Aktivitet {line['year']}, kommune {line['municipality_code']}: {line['task']}, "
          f"{kroner(line['amount'])}")
    return EXIT_OK


def print_voting_list(store: Store, out: Path, write) -> int:
    """`print voting-list --out FIL.pdf`; write is course_print's atomic writer."""
    from ..reports.voting_list import build_voting_list

    data = members_service.voting_list(store)
    if not data["voters"]:
        raise ValidationError("members", "Ingen medlemmer har stemmeret endnu.")
    try:
        write(out, build_voting_list(data))
    except OSError as exc:
        raise ValidationError("out", f"Kan ikke skrive {out}: {exc.strerror}.") from None
    print(f"Stemmeliste med {len(data['voters'])} medlemmer: gemt i {out}")
    return EXIT_OK
