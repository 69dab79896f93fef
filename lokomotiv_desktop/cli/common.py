"""What every `lokomotiv` subcommand shares: exit codes and output helpers."""
from __future__ import annotations

import json
import sys
from typing import Any

EXIT_OK = 0
EXIT_NOT_FOUND = 1   # the request was fine, but there is no such company
EXIT_BAD_INPUT = 2   # an invalid value, an unreadable file or database; nothing was changed
EXIT_INTERRUPTED = 130  # Ctrl+C, as shells report it (128 + SIGINT)

EXIT_CODES_HELP = """\
afslutningsstatus:
  0  gennemført
  1  ikke fundet (fx intet firma med det CVR-nummer)
  2  ugyldigt input, ulæselig fil eller database; intet er ændret
  130  afbrudt med Ctrl+C; det, kommandoen var i gang med at skrive, er ikke gemt
"""


def fail(message: str, status: int = EXIT_BAD_INPUT) -> int:
    """Prints a Danish message on stderr and returns the exit status to give."""
    print(f"lokomotiv: {message}", file=sys.stderr)
    return status


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
