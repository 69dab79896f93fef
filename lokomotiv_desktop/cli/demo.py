"""`lokomotiv demo --companies N`: realistic Danish demo data, for trying the app out."""
from __future__ import annotations

import sys

from ..services.demo import DemoRefused, load_demo
from ..store.database import Store
from .common import EXIT_OK, fail


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo", help="fyld databasen med realistiske danske demodata")
    parser.add_argument("--companies", type=int, default=500, metavar="N",
                        help="antal virksomheder (standard: 500)")
    parser.add_argument("--seed", type=int, default=1,
                        help="samme tal giver samme data (standard: 1)")
    parser.set_defaults(handler=run_demo)


def run_demo(args, store: Store) -> int:
    if args.companies < 1:
        return fail(f"--companies skal være mindst 1, ikke {args.companies}.")

    def progress(done: int, total: int) -> None:
        print(f"\r{done:,} af {total:,} virksomheder".replace(",", "."), end="",
              file=sys.stderr, flush=True)

    try:
        added = load_demo(store, companies=args.companies, seed=args.seed,
                          progress=progress if sys.stderr.isatty() else None)
    except DemoRefused as exc:
        return fail(str(exc))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"{added} demovirksomheder tilføjet til {store.path}.")
    return EXIT_OK
