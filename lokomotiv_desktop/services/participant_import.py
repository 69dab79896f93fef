"""Import a company's employees as participants from a CSV sheet (the list an HR department
sends before the screening day).

Columns: fornavn;efternavn;stilling;team;sprog;telefon;email (';' or ',' separated, UTF-8
with or without BOM; header names in any case, Danish letters or ae/oe/aa). The whole file
is checked before anything is written and imported in ONE transaction: a CPR-like column
header or a CPR-shaped value in any cell refuses the whole file (Lokomotiv never stores CPR
numbers), and so does any invalid row, each with its line number.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.cpr import cpr_columns, find_cpr
from ..domain.participant_rules import participant_values
from ..domain.screening_catalog import choice_key
from ..domain.validation import ValidationError
from ..store.database import Store
from ..store.participants import ParticipantRepository
from .outreach import company_by_id

# Header key (choice_key) -> participant field.
COLUMNS = {
    "fornavn": "first_name", "efternavn": "last_name", "stilling": "job_title",
    "jobtitel": "job_title", "team": "team", "skift": "team", "holdskift": "team",
    "sprog": "language", "telefon": "phone", "tlf": "phone", "email": "email",
    "mail": "email", "noter": "notes",
}
SHOWN_COLUMNS = "fornavn, efternavn, stilling, team, sprog, telefon, email"
MAX_ERRORS_SHOWN = 5


@dataclass
class ImportResult:
    added: list[str] = field(default_factory=list)  # new participant ids, in file order
    skipped: list[int] = field(default_factory=list)  # lines of people already registered


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError("file", "Filen er ikke gemt som UTF-8. Gem den igen som "
                              "«CSV UTF-8» og prøv igen.") from None


def _delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") >= header_line.count(",") else ","


def read_rows(data: bytes) -> list[tuple[int, dict[str, str]]]:
    """(line number, field -> text) of the sheet's non-empty rows, or ValidationError for
    the whole file (no header, an unknown or CPR-like column, a CPR-shaped cell)."""
    text = _text(data)
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise ValidationError("file", "Filen er tom; første linje skal være kolonnenavnene "
                              f"({SHOWN_COLUMNS}).")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(lines[0]))
    headers = [h.strip() for h in next(reader)]
    refused = cpr_columns(headers)
    if refused:
        raise ValidationError("file", f"Kolonnen «{refused[0]}» ligner CPR-numre. Lokomotiv "
                              "gemmer ikke CPR-numre, så filen er ikke læst; fjern kolonnen "
                              "og prøv igen. Intet er gemt.")
    fields: list[str | None] = []
    for header in headers:
        name = COLUMNS.get(choice_key(header))
        if name is None and header:
            raise ValidationError("file", f"Ukendt kolonne «{header}». Kendte kolonner: "
                                  f"{SHOWN_COLUMNS}. Intet er gemt.")
        if name is not None and name in fields:
            raise ValidationError("file", f"Kolonnen «{header}» står der to gange. Intet er "
                                  "gemt.")
        fields.append(name)
    if "first_name" not in fields:
        raise ValidationError("file", "Filen mangler kolonnen «fornavn». Intet er gemt.")
    rows = []
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        for cell in cells:
            if find_cpr(cell):
                raise ValidationError("file", f"Linje {line} indeholder et tal, der ligner et "
                                      "CPR-nummer (ddmmåå-xxxx). Lokomotiv gemmer ikke "
                                      "CPR-numre; fjern det og prøv igen. Intet er gemt.")
        if len(cells) > len(fields):
            raise ValidationError("file", f"Linje {line} har {len(cells)} felter, men "
                                  f"filen har {len(fields)} kolonner. Intet er gemt.")
        rows.append((line, {name: cell.strip() for name, cell in zip(fields, cells, strict=False)
                            if name is not None}))
    return rows


def import_participants(store: Store, company_id: str, path: Path | str) -> ImportResult:
    """Reads the sheet and registers its people as the company's participants; a person
    already registered with the same name is skipped (importing a file twice doubles
    nobody). All or nothing: on any error ValidationError and nothing written."""
    company = company_by_id(store, company_id)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError("file", f"Kan ikke læse {path}: {exc.strerror}.") from None
    rows = read_rows(data)
    checked, errors = [], []
    for line, values in rows:
        try:
            clean = participant_values({**values, "company_id": company.id,
                                        "consultant": company.consultant or ""})
        except ValidationError as exc:
            errors.append(f"linje {line}: {exc.message}")
            continue
        checked.append((line, clean))
    if errors:
        more = len(errors) - MAX_ERRORS_SHOWN
        shown = "; ".join(errors[:MAX_ERRORS_SHOWN]) + (f" (og {more} til)" if more > 0 else "")
        raise ValidationError("file", f"Filen er ikke importeret: {shown}. Intet er gemt.")
    if not checked:
        raise ValidationError("file", "Filen har ingen deltagere under kolonnenavnene.")
    repo = ParticipantRepository(store)
    result = ImportResult()
    seen: set[tuple[str, str]] = set()
    with store.transaction():
        for line, clean in checked:
            key = (clean["first_name"].casefold(), clean.get("last_name", "").casefold())
            if key in seen or repo.find_by_name(company.id, clean["first_name"],
                                                clean.get("last_name", "")):
                result.skipped.append(line)
                continue
            seen.add(key)
            result.added.append(repo.add(clean))
    return result
