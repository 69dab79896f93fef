"""`lokomotiv report municipality|company-kpi|grants`: the documents that leave the
association. Their numbers are suppressed by the services ("<5"); this module only checks
the line, builds the document and writes it atomically (a temp file, then a rename), so a
bad date, an unknown suffix or a missing folder writes nothing."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from ..domain.outreach_rules import parse_date
from ..domain.validation import ValidationError, is_digits
from ..files import write_atomically
from ..store.database import Store
from .common import EXIT_OK
from .people import fails_cleanly

MUNICIPALITY_SUFFIXES = (".pdf", ".csv", ".xlsx")


def register(subparsers) -> None:
    report = subparsers.add_parser(
        "report", help="rapporter til kommuner og virksomheder (PDF, CSV, XLSX)",
        description="municipality: kommunerapport for en periode; company-kpi: "
                    "nøgletalsark for én virksomhed; grants: tilskudsopgørelser for et år. "
                    "Tal under 5 personer vises som <5.")
    sub = report.add_subparsers(dest="report_command", metavar="municipality|company-kpi|grants",
                                required=True)
    municipality = sub.add_parser("municipality", help="kommunerapport som PDF, CSV eller XLSX")
    municipality.add_argument("code", metavar="KODE", help="kommunekode, fx 615")
    municipality.add_argument("--from", dest="first", required=True, metavar="DATO",
                              help="periodens første dag")
    municipality.add_argument("--to", dest="last", required=True, metavar="DATO",
                              help="periodens sidste dag")
    municipality.add_argument("--out", required=True, metavar="FIL",
                              help="FIL.pdf, FIL.csv eller FIL.xlsx")
    municipality.set_defaults(handler=municipality_command)

    company = sub.add_parser("company-kpi", help="virksomhedens nøgletalsark som PDF")
    company.add_argument("cvr", metavar="CVR", help="virksomhedens CVR-nummer")
    company.add_argument("--from", dest="first", metavar="DATO",
                         help="periodens første dag (standard: fra begyndelsen)")
    company.add_argument("--to", dest="last", metavar="DATO",
                         help="periodens sidste dag (standard: i dag)")
    company.add_argument("--out", required=True, metavar="FIL.pdf", help="PDF-filen")
    company.set_defaults(handler=company_command)

    grants = sub.add_parser("grants", help="en tilskudsopgørelse pr. medlemskommune og en oversigt")
    grants.add_argument("--year", required=True, metavar="ÅR", help="året, fx 2027")
    grants.add_argument("--out", required=True, metavar="MAPPE", help="mappen, filerne lægges i")
    grants.set_defaults(handler=grants_command)


def target_file(text: str, suffixes: tuple[str, ...]) -> Path:
    out = Path(text).expanduser()
    names = " eller ".join(suffixes)
    if out.is_dir():
        raise ValidationError("out", f"{text} er en mappe; angiv en fil ({names}).")
    if out.suffix.lower() not in suffixes:
        raise ValidationError("out", f"Filen skal hedde {names}, ikke «{out.name}».")
    if not out.parent.is_dir():
        raise ValidationError("out", f"Mappen {out.parent} findes ikke.")
    return out


def _period(first_text: str | None, last_text: str | None) -> tuple[date | None, date | None]:
    first = parse_date("from", first_text, "Fra-datoen") if first_text else None
    last = parse_date("to", last_text, "Til-datoen") if last_text else None
    if first and last and first > last:
        raise ValidationError("from", "Fra-datoen ligger efter til-datoen.")
    return first, last


def _write(out: Path, payload: bytes) -> None:
    try:
        write_atomically(out, payload)
    except OSError as exc:
        raise ValidationError("out", f"Kan ikke skrive {out}: {exc.strerror}.") from None


@fails_cleanly
def municipality_command(args, store: Store) -> int:
    from ..services.municipality_report import municipality_report

    out = target_file(args.out, MUNICIPALITY_SUFFIXES)
    first, last = _period(args.first, args.last)
    code = args.code.strip()
    if not is_digits(code) or not 1 <= len(code) <= 3:
        raise ValidationError("code", f"Kommunekoden skal være tre cifre, fx 615, ikke «{args.code}».")
    data = municipality_report(store, code, first, last)
    _write_municipality(out, data)
    print(f"Kommunerapport for {data['municipality']['name']}: gemt i {out}")
    return EXIT_OK


def _write_municipality(out: Path, data: dict) -> None:
    from ..services.municipality_report import write_report

    try:
        write_report(out, data)
    except OSError as exc:
        raise ValidationError("out", f"Kan ikke skrive {out}: {exc.strerror}.") from None


@fails_cleanly
def company_command(args, store: Store) -> int:
    from ..reports.company_kpi import build_company_kpi
    from ..services.company_report import company_kpi

    out = target_file(args.out, (".pdf",))
    first, last = _period(args.first, args.last)
    data = company_kpi(store, args.cvr, first, last)
    _write(out, build_company_kpi(data))
    print(f"Nøgletal for {data['company']['name']}: gemt i {out}")
    return EXIT_OK


@fails_cleanly
def grants_command(args, store: Store) -> int:
    from ..services.grants import write_statements

    written = write_statements(store, args.year, Path(args.out))
    for path in written:
        print(f"Gemt: {path}")
    return EXIT_OK
