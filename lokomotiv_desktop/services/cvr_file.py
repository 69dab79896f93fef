"""Reading a CVR extract: encoding, delimiter and header names as Danish users send them.

Excel in Danish writes Windows-1252 with `;`; the CVR register's own exports are UTF-8,
sometimes with a BOM. Headers come in any case and with common synonyms.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..domain.text import fold_danish

COMPANY_COLUMNS = ("cvr", "navn", "adresse", "postnr", "by", "kommunekode", "branchekode",
                   "branchetekst", "ansatte", "reklamebeskyttet")
UNIT_COLUMNS = ("pnr", "p_navn", "p_adresse", "p_postnr", "p_by", "p_kommunekode", "p_ansatte")
CANONICAL = COMPANY_COLUMNS + UNIT_COLUMNS
REQUIRED = ("cvr", "navn", "pnr")

# Synonyms seen in CVR extracts and hand-made sheets, compared after folding (lower case,
# æøå folded, everything but letters and digits removed): "CVR-nummer" -> "cvrnummer".
_SYNONYMS = {
    "cvr": ("cvrnummer", "cvrnr", "cvrno"),
    "navn": ("virksomhedsnavn", "firmanavn", "virksomhed", "name"),
    "adresse": ("address", "beliggenhedsadresse", "vejadresse"),
    "postnr": ("postnummer", "postcode", "zip"),
    "by": ("postdistrikt", "bynavn", "city"),
    "kommunekode": ("kommunenr", "kommunenummer"),
    "branchekode": ("hovedbranchekode", "branchenr", "industrycode"),
    "branchetekst": ("hovedbranchetekst", "branchebeskrivelse", "branchenavn"),
    "ansatte": ("antalansatte", "medarbejdere", "antalmedarbejdere", "ansatteinterval",
                "employees"),
    "reklamebeskyttet": ("reklamebeskyttelse", "reklamebeskyttelsesmarkering"),
    "pnr": ("pnummer", "pnr", "pnrnummer", "produktionsenhed", "produktionsenhedsnummer"),
    "p_navn": ("pnavn", "penhedsnavn", "produktionsenhedsnavn", "penhed"),
    "p_adresse": ("padresse", "penhedsadresse"),
    "p_postnr": ("ppostnr", "ppostnummer"),
    "p_by": ("pby", "ppostdistrikt"),
    "p_kommunekode": ("pkommunekode", "pkommunenr"),
    "p_ansatte": ("pansatte", "pantalansatte", "pmedarbejdere"),
}
def _fold_header(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold_danish(text))


_LOOKUP = {_fold_header(canonical): canonical for canonical in CANONICAL}
for _canonical, _names in _SYNONYMS.items():
    _LOOKUP.update({_fold_header(name): _canonical for name in _names})


class ImportFileError(Exception):
    """The file cannot be imported at all; the message is for the user, in Danish."""


@dataclass
class CvrFile:
    header: list[str]            # the header as written in the file
    columns: dict[str, int]      # canonical name -> column index
    delimiter: str
    rows: list[tuple[int, list[str]]]  # (line number in the file, cells)


def read_cvr_file(path: Path) -> CvrFile:
    text = _decode(path)
    end = text.find("\n")
    head = (text if end < 0 else text[:end]).splitlines()  # the first line, not all of them
    first_line = head[0] if head else ""
    if not first_line.strip():
        raise ImportFileError(f"Filen {path.name} er tom eller mangler overskriftslinjen.")
    delimiter = _delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
        columns = _map_header(header, path)
        rows = list(_numbered(reader))
    except csv.Error as exc:
        raise ImportFileError(
            f"Filen {path.name} kan ikke læses som CSV (linje {reader.line_num}): {exc}."
        ) from None
    return CvrFile(header=header, columns=columns, delimiter=delimiter, rows=rows)


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"Filen {path} kan ikke læses: {exc.strerror or exc}.") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")  # what Danish Excel writes
    except UnicodeDecodeError:
        raise ImportFileError(
            f"Filen {path.name} er hverken UTF-8 eller Windows-1252 (er det et regneark? "
            "Gem det som CSV)."
        ) from None


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (";", "\t", ",")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ";"


def _map_header(header: list[str], path: Path) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        canonical = _LOOKUP.get(_fold_header(name))
        if canonical and canonical not in columns:
            columns[canonical] = index
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise ImportFileError(
            f"Filen {path.name} mangler kolonnen/kolonnerne {', '.join(missing)}. "
            f"Overskrifterne er: {'; '.join(header)}. Forventet fx: {';'.join(CANONICAL)}."
        )
    return columns


def _numbered(reader) -> Iterator[tuple[int, list[str]]]:
    line = reader.line_num
    for cells in reader:
        start, line = line + 1, reader.line_num
        # Blank lines and lines of only delimiters are skipped; the first cell (the CVR) is
        # usually there, which settles it without joining the row.
        if cells and (cells[0].strip() or "".join(cells).strip()):
            yield start, cells
