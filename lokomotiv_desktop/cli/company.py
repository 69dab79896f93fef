"""`lokomotiv company show CVR [--json]` and `lokomotiv company set CVR FIELD=VALUE ...`."""
from __future__ import annotations

from ..domain.danish_format import display_phone
from ..domain.entities import COMPANY_FIELDS, Company
from ..domain.enums import PHASE_NAMES, Phase
from ..services.companies import (
    InvalidInput,
    UnknownCompany,
    company_to_json,
    find_company,
    set_company_fields,
)
from ..store.companies import CompanyRepository
from ..store.database import Store
from .common import EXIT_BAD_INPUT, EXIT_NOT_FOUND, EXIT_OK, fail, print_json


def register(subparsers) -> None:
    parser = subparsers.add_parser("company", help="vis eller ret én virksomhed")
    commands = parser.add_subparsers(dest="company_command", metavar="show|set", required=True)
    show = commands.add_parser("show", help="vis en virksomhed med P-enheder og kontakter")
    show.add_argument("cvr", metavar="CVR")
    show.add_argument("--json", action="store_true", help="skriv virksomheden som JSON")
    show.set_defaults(handler=run_show)
    fields = ", ".join(name for name in COMPANY_FIELDS if name != "cvr")
    change = commands.add_parser(
        "set", help="ret felter, fx: company set 13748136 phone=+4575123456 phase=2",
        description=f"Retter felter på virksomheden, kontrolleret som i vinduet. Et ugyldigt "
                    f"felt ændrer intet (exit 2). Felter: {fields}. CVR-nummeret er "
                    f"virksomhedens identitet og kan ikke ændres.")
    change.add_argument("cvr", metavar="CVR")
    change.add_argument("assignments", nargs="+", metavar="FELT=VÆRDI")
    change.add_argument("--json", action="store_true", help="skriv virksomheden bagefter som JSON")
    change.set_defaults(handler=run_set)


def run_show(args, store: Store) -> int:
    try:
        company = find_company(store, args.cvr)
    except InvalidInput as exc:
        return fail(exc.errors["cvr"], EXIT_BAD_INPUT)
    except UnknownCompany as exc:
        return fail(str(exc), EXIT_NOT_FOUND)
    if args.json:
        print_json(company_to_json(company))
    else:
        print(describe(company, _municipality_names(store)))
    return EXIT_OK


def run_set(args, store: Store) -> int:
    assignments: dict[str, str] = {}
    for item in args.assignments:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            return fail(f"«{item}» skal skrives FELT=VÆRDI, fx phase=2.")
        assignments[name.strip()] = value
    try:
        changed = set_company_fields(store, args.cvr, assignments)
    except InvalidInput as exc:
        for field, message in exc.errors.items():
            fail(f"{field}: {message}")
        return fail("Intet er ændret.", EXIT_BAD_INPUT)
    except UnknownCompany as exc:
        return fail(str(exc), EXIT_NOT_FOUND)
    if args.json:
        print_json(company_to_json(find_company(store, args.cvr)))  # a CVR never changes
    elif changed:
        print("Ændret: " + ", ".join(f"{name}={_shown(value)}" for name, value in changed.items()))
    else:
        print("Ingen ændringer: felterne havde allerede de værdier.")
    return EXIT_OK


def _shown(value) -> str:
    return "" if value is None else str(value)


def _municipality_names(store: Store) -> dict[str, str]:
    return {m.code: m.name for m in CompanyRepository(store).municipalities()}


def describe(company: Company, municipalities: dict[str, str]) -> str:
    """The company as a person reads it in a terminal."""
    lines = [f"{company.name} (CVR {company.cvr})"]
    if company.marketing_protected:
        lines.append("REKLAMEBESKYTTET: må ikke kontaktes med markedsføring.")
    place = " ".join(p for p in (company.postcode or "", company.city) if p)
    code = company.municipality_code
    rows = [
        ("Adresse", ", ".join(p for p in (company.address, place) if p)),
        ("Kommune", f"{code} {municipalities.get(code, '')}".strip() if code else ""),
        ("Branche", f"{company.industry_code} {company.industry_text}".strip()),
        ("Ansatte", company.employees or ""),
        ("Telefon", display_phone(company.phone)),
        ("E-mail", company.email or ""),
        ("Web", company.website),
        ("Fase", f"{int(company.phase)} {PHASE_NAMES[Phase(company.phase)]}"),
        ("Konsulent", company.consultant),
        ("Noter", company.notes),
    ]
    lines += [f"  {label + ':':<11}{value}" for label, value in rows if value]
    lines.append(f"P-enheder ({len(company.production_units)}):")
    for unit in company.production_units:
        where = ", ".join(p for p in (unit.address, f"{unit.postcode or ''} {unit.city}".strip())
                          if p)
        staff = f" ({unit.employees} ansatte)" if unit.employees is not None else ""
        lines.append(f"  {unit.pnr}  {unit.name}{', ' + where if where else ''}{staff}")
    lines.append(f"Kontaktpersoner ({len(company.contacts)}):")
    for contact in company.contacts:
        reach = ", ".join(p for p in (display_phone(contact.phone), contact.email) if p)
        trusted = " (betroet budbringer)" if contact.trusted else ""
        lines.append(f"  {contact.name} - {contact.role.label}{', ' + reach if reach else ''}"
                     f"{trusted}")
    return "\n".join(lines)
