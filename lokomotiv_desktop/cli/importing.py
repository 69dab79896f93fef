"""`lokomotiv import-cvr FILE`: import a CVR extract (see services/import_cvr.py)."""
from __future__ import annotations

from pathlib import Path

from ..services.import_cvr import ImportFileError, import_cvr_file
from ..store.database import Store
from .common import EXIT_OK, fail

_SHOWN_REJECTIONS = 10


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import-cvr",
        help="importer et CVR-udtræk (CSV, én række pr. P-enhed)",
        description="Importerer et CVR-udtræk: én række pr. P-enhed med virksomhedens kolonner "
                    "gentaget. Kolonner: cvr;navn;adresse;postnr;by;kommunekode;branchekode;"
                    "branchetekst;ansatte;reklamebeskyttet;pnr;p_navn;p_adresse;p_postnr;p_by;"
                    "p_kommunekode;p_ansatte (cvr, navn og pnr skal være der). Skriver én linje "
                    "'imported N, updated N, unchanged N, rejected N'; afviste rækker gemmes i "
                    "<fil>.afviste.csv ved siden af filen. Exit 2 hvis filen ikke kan bruges "
                    "(så er intet ændret).",
    )
    parser.add_argument("file", type=Path, metavar="FIL")
    parser.set_defaults(handler=run_import)


def run_import(args, store: Store) -> int:
    try:
        report = import_cvr_file(store, args.file)
    except ImportFileError as exc:
        return fail(str(exc))
    for rejection in report.rejections[:_SHOWN_REJECTIONS]:
        fail(f"linje {rejection.line} afvist: {rejection.reason}")
    if report.rejected > _SHOWN_REJECTIONS:
        fail(f"... og {report.rejected - _SHOWN_REJECTIONS} afviste rækker mere.")
    if report.report_path:
        fail(f"De afviste rækker står i {report.report_path}.")
    if report.report_error:
        fail(report.report_error)
    print(report.summary_line())
    return EXIT_OK
