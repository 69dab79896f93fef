"""`lokomotiv search TEXT [--json]`: the same search as the window's search field."""
from __future__ import annotations

from ..services.companies import search_to_json
from ..store.companies import CompanyRepository
from ..store.database import Store
from .common import EXIT_OK, print_json


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "search", help="søg efter virksomheder (navn, CVR, P-nummer, adresse, by, kontakt)")
    parser.add_argument("text", metavar="TEKST", help="ord eller begyndelsen af ord, fx «tømr»")
    parser.add_argument("--limit", type=int, default=50, metavar="N",
                        help="højst så mange resultater (standard: 50)")
    parser.add_argument("--json", action="store_true",
                        help="skriv en JSON-liste af {cvr, name, city, municipality_code}")
    parser.set_defaults(handler=run_search)


def run_search(args, store: Store) -> int:
    repo = CompanyRepository(store)
    companies = repo.search(args.text, limit=max(args.limit, 0))
    if args.json:
        print_json(search_to_json(companies))
        return EXIT_OK
    if not companies:
        print(f"Ingen virksomheder matcher «{args.text}».")
        return EXIT_OK
    names = {m.code: m.name for m in repo.municipalities()}
    for company in companies:
        place = names.get(company.municipality_code or "", "")
        print(f"{company.cvr}  {company.name}  ({company.city or '-'}, {place or '-'})")
    return EXIT_OK
