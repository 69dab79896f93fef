"""`lokomotiv`: the window when run alone, scripting subcommands otherwise.

A subcommand module has ``register(subparsers)``, which adds its parsers and sets
``handler`` on each; a handler gets ``(args, store)`` and returns the exit status. To add
commands, append the module to COMMAND_MODULES.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import __version__
from ..paths import default_database_path
from ..store.connection import StoreOpenError
from ..store.database import Store
from ..store.migrations import NewerSchemaError
from . import company, demo, importing, outreach, search, sync
from .common import EXIT_BAD_INPUT, EXIT_CODES_HELP, fail

COMMAND_MODULES = [search, company, importing, demo, outreach, sync]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lokomotiv",
        description="Lokomotiv: virksomheder, P-enheder og kontakter for Netværkslokomotivets "
                    "konsulenter. Uden kommando åbnes vinduet.",
        epilog=EXIT_CODES_HELP + "\nJSON-formatet er beskrevet i docs/cli.md.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"lokomotiv {__version__}")
    parser.add_argument("--db", type=Path, metavar="STI",
                        help=f"databasefilen (standard: {default_database_path()})")
    subparsers = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    db_path = args.db or default_database_path()
    handler = getattr(args, "handler", None)
    if handler is None:
        return open_window(db_path)
    try:
        store = Store(db_path)
    except (StoreOpenError, NewerSchemaError) as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    try:
        return handler(args, store)
    except BrokenPipeError:  # `lokomotiv search x | head`: the reader has gone; not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes it at exit
        return 0
    finally:
        store.close()


def open_window(db_path: Path) -> int:
    from ..ui import app  # Qt loads only when the window is wanted, not for scripting

    return app.run(db_path) or 0

