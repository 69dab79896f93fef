"""`lokomotiv kpi`: the KPI funnel for a period, filtered by municipality, consultant,
company or industry, as a Danish table (employed and unemployed apart) or JSON. The
numbers and their names are defined once (domain/kpi.py, docs/kpi.md)."""
from __future__ import annotations

from ..domain.danish_format import field_date
from ..domain.kpi import EMPLOYMENT, EMPLOYMENT_LABELS, FUNNEL, LABELS, PERSON_COUNTS, KpiFilter
from ..domain.outreach_rules import parse_date
from ..domain.validation import ValidationError, is_digits, validate_municipality_code
from ..services import kpi as service
from ..services.kpi import KpiResult
from ..services.outreach import company_by_cvr
from ..store.companies import CompanyRepository
from ..store.database import Store
from .common import EXIT_OK, print_json
from .people import fails_cleanly


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "kpi", help="nøgletal: fra første kontakt til bestået prøve",
        description="Nøgletallene for en periode (standard: fra begyndelsen til i dag), "
                    "beregnet af de lokale data. Hvad hvert tal tæller, står i docs/kpi.md.")
    parser.add_argument("--municipality", metavar="KODE", help="kommunekode, fx 630")
    parser.add_argument("--consultant", metavar="NAVN",
                        help="virksomhedens konsulent (store/små bogstaver er ligegyldige)")
    parser.add_argument("--company", metavar="CVR", help="én virksomheds CVR-nummer")
    parser.add_argument("--industry", metavar="KODE",
                        help="branchekode eller dens begyndelse, fx 10 eller 101100")
    parser.add_argument("--from", dest="first", metavar="DATO", help="periodens første dag")
    parser.add_argument("--to", dest="last", metavar="DATO",
                        help="periodens sidste dag (standard: i dag)")
    parser.add_argument("--json", action="store_true",
                        help="skriv alle tal som JSON med navnene fra docs/kpi.md")
    parser.set_defaults(handler=run_kpi)


@fails_cleanly
def run_kpi(args, store: Store) -> int:
    flt = _filter(args, store)
    result = service.compute(store, flt)
    if args.json:
        print_json(result.as_json())
        return EXIT_OK
    print(_heading(store, result, args.company))
    for line in table(result):
        print(line)
    return EXIT_OK


def _filter(args, store: Store) -> KpiFilter:
    first = parse_date("from", args.first, "Fra-datoen") if args.first else None
    last = parse_date("to", args.last, "Til-datoen") if args.last else None
    municipality = None
    if args.municipality is not None:
        municipality = validate_municipality_code(
            args.municipality, CompanyRepository(store).municipality_codes())
    industry = None
    if args.industry is not None:
        industry = args.industry.strip()
        if not is_digits(industry) or len(industry) > 6:
            raise ValidationError("industry", f"Ugyldig branchekode «{args.industry}»: brug "
                                              "1-6 cifre, fx 10 eller 101100.")
    consultant = args.consultant.strip() if args.consultant is not None else None
    if consultant == "":
        raise ValidationError("consultant", "Konsulentens navn mangler.")
    company_id = company_by_cvr(store, args.company).id if args.company is not None else None
    return KpiFilter(first=first, last=last, municipality=municipality, consultant=consultant,
                     company_id=company_id, industry=industry)


def _heading(store: Store, result: KpiResult, cvr: str | None) -> str:
    f = result.filter
    start = field_date(f.first) if f.first else "begyndelsen"
    parts = [f"Nøgletal {start} – {field_date(f.last)}"]
    if f.municipality:
        names = {m.code: m.name for m in CompanyRepository(store).municipalities()}
        parts.append(f"kommune {f.municipality} {names.get(f.municipality, '')}".rstrip())
    if f.consultant:
        parts.append(f"konsulent {f.consultant}")
    if cvr:
        parts.append(f"CVR {cvr.strip()}")
    if f.industry:
        parts.append(f"branche {f.industry}")
    return ", ".join(parts)


def number(value: int | float | None) -> str:
    """Danish: thousands with a dot, decimals with a comma; a missing value as a dash."""
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.2f}".rstrip("0")
        return text.replace(",", "X").replace(".", ",").replace("X", ".")
    return f"{int(value):,}".replace(",", ".")


def table(result: KpiResult) -> list[str]:
    width = max(len(label) for label in LABELS.values())
    head = f"{'':<{width}}  {'I alt':>8}" + "".join(
        f"  {EMPLOYMENT_LABELS[e]:>12}" for e in EMPLOYMENT)
    lines = [head]
    for name in FUNNEL:
        line = f"{LABELS[name]:<{width}}  {number(result.numbers[name]):>8}"
        if name in PERSON_COUNTS:
            line += "".join(f"  {number(result.employment[name][e]):>12}" for e in EMPLOYMENT)
        lines.append(line.rstrip())
    for title, counts in (("Screenede pr. fag", result.by_subject.get("screened", {})),
                          ("Tilmeldt pr. fag og trin", result.by_subject_trin),
                          ("Gennemført pr. fag", result.by_subject.get("completed", {})),
                          ("Ordblindetestens resultater", result.dyslexia)):
        shown = ", ".join(f"{key} {number(n)}" for key, n in counts.items()) or "ingen"
        lines.append(f"{title}: {shown}")
    return lines
