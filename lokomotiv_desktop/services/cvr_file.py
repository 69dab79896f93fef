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
from itertools import islice
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
    name: str                    # the file's name, for messages
    _text: str                   # the whole file, decoded
    _body: int                   # where the rows start in it
    _header_lines: int = 1

    @property
    def size(self) -> int:
        """Characters in the file: a measure of the work ahead."""
        return len(self._text)

    @property
    def line_count(self) -> int:
        """Lines below the header (blank ones too): about the rows to come."""
        unterminated = len(self._text) > self._body and not self._text.endswith("\n")
        return self._text.count("\n", self._body) + unterminated

    def chunks(self, size: int = 10_000) -> Iterator[list[tuple[int, list[str]]]]:
        """The rows with something in them, as (line number in the file, cells), `size`
        lines at a time, with smaller parts at both ends: an eighth of `size` first,
        doubling, and half of what is left towards the end, down to an eighth. A caller
        that works on one part while the next is read then starts soon and has little left
        to do when the file ends. Raises ImportFileError where the CSV cannot be read."""
        handle = io.StringIO(self._text, newline="")
        handle.seek(self._body)
        line = self._header_lines  # the last line read
        smallest = max(size // 8, 1)
        lines = smallest
        while True:
            start = handle.tell()
            reader = csv.reader(handle, delimiter=self.delimiter)
            try:
                records = list(islice(reader, lines))
                if not records:
                    return
                if reader.line_num == len(records):
                    # One line per record: the numbers follow from the positions, with no
                    # Python step per row (a tenth of the import's time at 100 000 rows).
                    numbered = [(number, cells) for number, cells in enumerate(records, line + 1)
                                if cells and (cells[0].strip() or _has_content(cells))]
                else:  # a quoted cell spans lines (rare): number them as the reader goes
                    handle.seek(start)
                    reader = csv.reader(handle, delimiter=self.delimiter)
                    numbered = _numbered_one_by_one(islice(reader, len(records)), reader, line)
            except csv.Error as exc:
                raise ImportFileError(f"Filen {self.name} kan ikke læses som CSV "
                                      f"(linje {line + reader.line_num}): {exc}.") from None
            line += reader.line_num
            left = (len(self._text) - handle.tell()) * reader.line_num // max(
                handle.tell() - start, 1)  # lines, estimated from this part's
            lines = min(size, 2 * lines, max(smallest, left // 2 + 1))
            yield numbered


def read_cvr_file(path: Path) -> CvrFile:
    """The file decoded and its header understood; the rows are read by ``chunks``.
    Raises ImportFileError when the file cannot be read or lacks a required column."""
    text = _decode(path)
    end = text.find("\n")
    head = (text if end < 0 else text[:end]).splitlines()  # the first line, not all of them
    first_line = head[0] if head else ""
    if not first_line.strip():
        raise ImportFileError(f"Filen {path.name} er tom eller mangler overskriftslinjen.")
    delimiter = _delimiter(first_line)
    handle = io.StringIO(text, newline="")
    reader = csv.reader(handle, delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise ImportFileError(
            f"Filen {path.name} kan ikke læses som CSV (linje 1): {exc}.") from None
    columns = _map_header(header, path)
    return CvrFile(header=header, columns=columns, delimiter=delimiter, name=path.name,
                   _text=text, _body=handle.tell(), _header_lines=reader.line_num)


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


def _numbered_one_by_one(records, reader, before: int) -> list[tuple[int, list[str]]]:
    numbered = []
    end = 0
    for cells in records:
        start, end = end + 1, reader.line_num
        if _has_content(cells):
            numbered.append((before + start, cells))
    return numbered


def _has_content(cells: list[str]) -> bool:
    # Blank lines and lines of only delimiters are skipped; the first cell (the CVR) is
    # usually there, which settles it without joining the row.
    return bool(cells) and bool(cells[0].strip() or "".join(cells).strip())
