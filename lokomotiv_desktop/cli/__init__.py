"""`lokomotiv`: the window when run alone, scripting subcommands otherwise.

A subcommand module has ``register(subparsers)``, which adds its parsers and sets
``handler`` on each; a handler gets ``(args, store)`` and returns the exit status. To add
commands, add the module to ``command_modules()``.

The command modules pull in the services they call (validation, sync, calendars): they are
imported only when the line names a command or asks for help, so opening the window does
not pay for them.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import __version__
from ..paths import default_database_path
from . import argparse_da
from .common import EXIT_BAD_INPUT, EXIT_CODES_HELP, EXIT_INTERRUPTED, fail


def command_modules() -> list:
    """In the order of the help text. Imported here, not at the top: see the docstring."""
    from . import (
        association,
        company,
        courses,
        demo,
        importing,
        kpi,
        outreach,
        participants,
        privacy,
        reports,
        screenings,
        search,
        sync,
    )

    return [search, company, importing, demo, outreach, participants, screenings, courses, kpi, privacy, sync, association, reports]


def _base_parser(window_only: bool = False) -> argparse.ArgumentParser:
    """The options before any command. ``window_only``: no -h, and errors are raised for
    the full parser to report (with its complete usage line)."""
    argparse_da.install()  # before the parser: argparse reads its headings as it is built
    parser = argparse.ArgumentParser(
        prog="lokomotiv",
        description="Lokomotiv: virksomheder, P-enheder og kontakter for Netværkslokomotivets "
                    "konsulenter. Uden kommando åbnes vinduet.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=not window_only, exit_on_error=not window_only,
    )
    parser.add_argument("--version", action="version", version=f"lokomotiv {__version__}",
                        help="vis programmets version og afslut")
    parser.add_argument("--db", type=Path, metavar="STI",
                        help=f"databasefilen (standard: {default_database_path()})")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _base_parser()
    parser.epilog = (EXIT_CODES_HELP + "\nJSON-formatet er beskrevet i docs/cli.md; for "
                     "screeninger i docs/cli-screenings.md; for hold i docs/cli-courses.md.")
    subparsers = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    for module in command_modules():
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(sys.argv[1:] if argv is None else argv)
    except KeyboardInterrupt:
        # Ctrl+C while the command starts (imports, opening the store): nothing written.
        return fail("Afbrudt, før kommandoen gik i gang; intet er ændret.", EXIT_INTERRUPTED)


def _main(argv: list[str]) -> int:
    # Only --db/--version on the line: the window. Anything else (a command, -h, a typo)
    # goes to the full parser, which says what is wrong as before.
    try:
        window_args, rest = _base_parser(window_only=True).parse_known_args(argv)
    except argparse.ArgumentError:
        rest = argv
    if not rest:
        return open_window(window_args.db or default_database_path())
    args = build_parser().parse_args(argv)
    db_path = args.db or default_database_path()
    handler = getattr(args, "handler", None)
    if handler is None:
        return open_window(db_path)
    return run_command(handler, args, db_path)


def run_command(handler, args: argparse.Namespace, db_path: Path) -> int:
    from ..store.connection import StoreOpenError
    from ..store.database import Store
    from ..store.migrations import NewerSchemaError

    try:
        store = Store(db_path)
    except (StoreOpenError, NewerSchemaError) as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    try:
        return handler(args, store)
    except KeyboardInterrupt:
        # The transaction in progress was rolled back as the interruption left it; what
        # a command committed before (a sync's earlier batches) stays, complete.
        return fail("Afbrudt. Det, kommandoen var i gang med at skrive, er ikke gemt; "
                    "intet er gemt halvt.", EXIT_INTERRUPTED)
    except BrokenPipeError:  # `lokomotiv search x | head`: the reader has gone; not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes it at exit
        return 0
    finally:
        store.close()


def open_window(db_path: Path) -> int:
    from ..ui import app  # Qt loads only when the window is wanted, not for scripting

    return app.run(db_path) or 0
