"""`lokomotiv import-cvr FILE`: import a CVR extract (see services/import_cvr.py)."""
from __future__ import annotations

import sys
from pathlib import Path

from ..services.import_cvr import ImportFileError, import_cvr_file
from ..store.database import Store
from .common import EXIT_OK, fail, print_json

_SHOWN_REJECTIONS = 10


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import-cvr",
        help="importer et CVR-udtræk (CSV, én række pr. P-enhed)",
        description="Importerer et CVR-udtræk: én række pr. P-enhed med virksomhedens kolonner "
                    "gentaget. Kolonner: cvr;navn;adresse;postnr;by;kommunekode;branchekode;"
                    "branchetekst;ansatte;reklamebeskyttet;pnr;p_navn;p_adresse;p_postnr;p_by;"
                    "p_kommunekode;p_ansatte (cvr, navn og pnr skal være der). Skriver én linje "
                    "om virksomheder og P-enheder, fx 'Importeret: 6 nye virksomheder med 9 "
                    "P-enheder · 0 opdateret · 0 uændret · 2 rækker afvist · 1 gentaget række "
                    "sprunget over'. En række magen til en tidligere række springes over; "
                    "afviste rækker gemmes i <fil>.afviste.csv ved siden af filen. Exit 2 hvis "
                    "filen ikke kan bruges (så er intet ændret).",
    )
    parser.add_argument("file", type=Path, metavar="FIL")
    parser.add_argument("--json", action="store_true",
                        help="skriv optællingen som JSON i stedet for linjen")
    parser.set_defaults(handler=run_import)


def run_import(args, store: Store) -> int:
    progress = _TerminalProgress() if sys.stderr.isatty() else None
    try:
        report = import_cvr_file(store, args.file, progress=progress)
    except ImportFileError as exc:
        return fail(str(exc))
    finally:
        if progress is not None:
            progress.clear()
    for rejection in report.rejections[:_SHOWN_REJECTIONS]:
        fail(f"linje {rejection.line} afvist: {rejection.reason}")
    if report.rejected > _SHOWN_REJECTIONS:
        fail(f"... og {report.rejected - _SHOWN_REJECTIONS} afviste rækker mere.")
    if report.report_path:
        fail(f"De afviste rækker står i {report.report_path}.")
    if report.report_error:
        fail(report.report_error)
    if args.json:
        print_json(report.as_json())
    else:
        print(report.summary_line())
    return EXIT_OK


class _TerminalProgress:
    """How far the import is, on one line of a terminal's stderr, rewritten after each part
    and wiped at the end: stdout keeps its summary (line or JSON) for scripts."""

    def __init__(self) -> None:
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        sys.stderr.write(f"\rImporterer … {done:,} af {total:,} rækker ({percent} %)"
                         .replace(",", "."))
        sys.stderr.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
