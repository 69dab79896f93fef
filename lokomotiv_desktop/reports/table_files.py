"""Tables as files a Danish office opens in Excel: CSV and XLSX.

CSV: ';'-separated (Danish Excel uses ',' as the decimal sign, so it splits on ';'),
UTF-8 with a byte-order mark (without it Excel reads UTF-8 as cp1252 and "æ" turns into
"Ã¦") and CRLF line ends. XLSX (openpyxl): a bold header row that stays in view (frozen),
column widths from the longest text, whole numbers with a thousands separator and shares
as percentages; a text such as "<5" stays text, right-aligned like the numbers.

Both take plain cells: str, int or float (a float is a share: 0.25 is 25 %). Writing
goes to a temp file beside the target and is renamed over it, so a reader never gets half
a file under the name.
"""
from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from ..files import write_via_temp

Cell = str | int | float | None

INTEGER_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0%"
_MAX_WIDTH = 60


def cell_text(value: Cell) -> str:
    """A cell as Danish text: 1.234 for a count, "25,0 %" for a share, "" for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    if isinstance(value, float):  # a share or a change: "+12,5 %", "-3,0 %", "0,0 %"
        return f"{value * 100:{'+' if value else ''}.1f} %".replace(".", ",")
    return str(value)


def write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    def write(handle) -> None:
        with open(handle, "w", encoding="utf-8-sig", newline="") as file:
            out = csv.writer(file, delimiter=";", lineterminator="\r\n")
            out.writerow(headers)
            for row in rows:
                out.writerow([cell_text(v) for v in row])
    write_via_temp(Path(path), write)


def write_xlsx(path: Path, sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Cell]]]]) -> None:
    """sheets: (name, headers, rows) each; Excel's 31-character name limit is applied."""
    from openpyxl import Workbook  # loaded only when a spreadsheet is written
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for name, headers, rows in sheets:
        sheet = book.create_sheet(_sheet_name(name, used))
        sheet.append(list(headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([v for v in row])
        for line in sheet.iter_rows(min_row=2):
            for cell in line:
                if isinstance(cell.value, bool):
                    continue
                if isinstance(cell.value, int):
                    cell.number_format = INTEGER_FORMAT
                elif isinstance(cell.value, float):
                    cell.number_format = PERCENT_FORMAT
                elif cell.column > 1 and isinstance(cell.value, str) and cell.value.startswith("<"):
                    cell.alignment = Alignment(horizontal="right")
        sheet.freeze_panes = "A2"
        for index, header in enumerate(headers, start=1):
            texts = [str(header)] + [cell_text(row[index - 1]) for row in rows
                                     if index - 1 < len(row)]
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.column_dimensions[letter].width = min(_MAX_WIDTH, max(map(len, texts)) + 2)
    write_via_temp(Path(path), book.save)


def _sheet_name(name: str, used: set[str]) -> str:
    clean = "".join("-" if ch in "[]:*?/\\" else ch for ch in name).strip() or "Ark"
    base, number = clean[:31], 2
    result = base
    while result.casefold() in used:
        suffix = f" {number}"
        result, number = base[:31 - len(suffix)] + suffix, number + 1
    used.add(result.casefold())
    return result
