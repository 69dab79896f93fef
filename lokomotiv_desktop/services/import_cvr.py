"""`import-cvr`: a CVR extract (one row per P-unit, company columns repeated) into the store.

The whole file is read and validated before anything is written, then written in one
transaction: a row is imported completely or rejected with its line number and reason.
Companies are matched on CVR and P-units on (company, P-nummer), so a re-import of the
same file finds every value equal and writes nothing (no outbox rows either).

Counts are per data row and add up to the rows in the file: *imported* when the row made a
new P-unit (and maybe its company), *updated* when it changed a stored value, *unchanged*
when everything was already so, *rejected* when a value was invalid. Of several rows for
one CVR, the first one's company columns count.
"""
from __future__ import annotations

import csv
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from ..domain.company_rules import clean_company_field, clean_production_unit_field
from ..domain.validation import ValidationError
from ..store.bulk import NewCompany, insert_companies
from ..store.changes import plain
from ..store.companies import CompanyRepository
from ..store.database import Store
from .cvr_file import ImportFileError, read_cvr_file

__all__ = ["ImportFileError", "ImportReport", "Rejection", "import_cvr_file"]

COMPANY_FIELD = {"cvr": "cvr", "navn": "name", "adresse": "address", "postnr": "postcode",
                 "by": "city", "kommunekode": "municipality_code", "branchekode": "industry_code",
                 "branchetekst": "industry_text", "ansatte": "employees",
                 "reklamebeskyttet": "marketing_protected"}
UNIT_FIELD = {"pnr": "pnr", "p_navn": "name", "p_adresse": "address", "p_postnr": "postcode",
              "p_by": "city", "p_kommunekode": "municipality_code", "p_ansatte": "employees"}
_CHUNK = 500  # ids per IN (...) query, well under SQLite's parameter limit


@dataclass
class Rejection:
    line: int
    reason: str
    cells: list[str]


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    report_path: Path | None = None  # the rejected rows, next to the input file
    report_error: str | None = None  # why that report could not be written

    def summary_line(self) -> str:
        return (f"imported {self.imported}, updated {self.updated}, "
                f"unchanged {self.unchanged}, rejected {self.rejected}")


@dataclass
class _CompanyIn:
    values: dict[str, Any]
    units: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # (line, values)


def import_cvr_file(store: Store, path: Path | str) -> ImportReport:
    path = Path(path)
    with _no_cycle_collection():
        source = read_cvr_file(path)
        report = ImportReport()
        codes = CompanyRepository(store).municipality_codes()
        companies = _validate_rows(source, codes, report)
        with store.transaction():
            _write(store, companies, report)
    if report.rejections:
        _write_rejections(path, source, report)
    return report


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """A large file makes millions of objects that live until the import ends (cells, rows,
    values) and no reference cycles: the cycle collector would walk them again and again
    (a fifth of the import's time at 100 000 rows). Reference counting still frees memory."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# -- validation ------------------------------------------------------------------------------
# The form's field cleaners (domain.company_rules) decide every value. Two shortcuts keep the
# 100 000-row file fast without changing any answer: values a quick test proves valid as they
# stand (an 8-digit CVR whose check digit fits, a 10-digit P-number, plain text) are taken as
# they are, and the few distinct values of the other columns (postcodes, municipality codes,
# employee bands) are cleaned once each. Everything else goes to the cleaner, for its message.
_TEXT_FIELDS = {"address", "city", "industry_code", "industry_text"}
_CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)
_CVR_DIGIT_OFFSET = ord("0") * sum(_CVR_WEIGHTS)


def plain_cvr(raw: str) -> str | None:
    """`raw` when it is a valid CVR number exactly as written (what validate_cvr returns
    unchanged), else None: then only the validator can tell."""
    if len(raw) == 8 and raw.isdigit() and raw.isascii() and raw[0] != "0":
        weighted = sum(map(int.__mul__, _CVR_WEIGHTS, raw.encode())) - _CVR_DIGIT_OFFSET
        if weighted % 11 == 0:
            return raw
    return None


def plain_pnr(raw: str) -> str | None:
    """`raw` when it is a P-number exactly as written, else None (see plain_cvr)."""
    return raw if len(raw) == 10 and raw.isdigit() and raw.isascii() else None


def _plain_text(raw: str) -> str:
    return raw.strip()


def _plain_name(raw: str) -> str | None:
    return raw.strip() or None  # a name is required: the cleaner says so


_FAST = {
    "company": {"cvr": plain_cvr, "name": _plain_name, **dict.fromkeys(_TEXT_FIELDS, _plain_text)},
    "unit": {"pnr": plain_pnr, "name": _plain_text, "address": _plain_text, "city": _plain_text},
}


def _column_check(kind: str, name: str, codes: set[str]) -> Callable[[str], tuple[bool, Any]]:
    """raw cell -> (True, clean value) or (False, the cleaner's message)."""
    cleaner = clean_company_field if kind == "company" else clean_production_unit_field

    def clean(raw: str) -> tuple[bool, Any]:
        value = raw.strip()
        if name == "municipality_code" and len(value) == 4 and value.startswith("0"):
            value = value[1:]  # some extracts pad the code to four digits: 0630
        try:
            return True, cleaner(name, value, codes)
        except ValidationError as exc:
            return False, exc.message

    fast = _FAST[kind].get(name)
    if fast is not None:
        def check(raw: str) -> tuple[bool, Any]:
            value = fast(raw)
            return (True, value) if value is not None else clean(raw)
        return check
    seen: dict[str, tuple[bool, Any]] = {}

    def cached(raw: str) -> tuple[bool, Any]:
        found = seen.get(raw)
        if found is None:
            found = seen[raw] = clean(raw)
        return found
    return cached


def _validate_rows(source, codes, report: ImportReport) -> dict[str, _CompanyIn]:
    def columns(kind: str, fields: dict[str, str]) -> list[tuple[int, str, str, Callable]]:
        return [(source.columns[column], name, source.header[source.columns[column]].strip(),
                 _column_check(kind, name, codes))
                for column, name in fields.items() if column in source.columns]

    company_columns = columns("company", COMPANY_FIELD)
    unit_columns = columns("unit", UNIT_FIELD)
    width = len(source.header)
    company_key = itemgetter(*(index for index, *_ in company_columns))
    seen_companies: dict[Any, tuple[dict[str, Any], list[str]]] = {}
    companies: dict[str, _CompanyIn] = {}
    pnr_lines: dict[str, int] = {}
    for line, cells in source.rows:
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        key = company_key(cells)  # the company columns repeat on each of its P-units' rows
        company_part = seen_companies.get(key)
        if company_part is None:
            company_part = seen_companies[key] = _clean(company_columns, cells)
        company, company_errors = company_part
        unit, errors = _clean(unit_columns, cells)
        pnr = unit.get("pnr")
        if pnr in pnr_lines:
            errors.append(f"P-nummer {pnr} står også i linje {pnr_lines[pnr]}.")
        if errors or company_errors:
            report.rejected += 1
            report.rejections.append(
                Rejection(line, " ".join(company_errors + errors), cells[:width]))
            continue
        pnr_lines[pnr] = line
        entry = companies.get(company["cvr"])
        if entry is None:
            entry = companies[company["cvr"]] = _CompanyIn(company)
        entry.units.append((line, unit))
    return companies


def _clean(columns, cells) -> tuple[dict[str, Any], list[str]]:
    values: dict[str, Any] = {}
    errors: list[str] = []
    for index, name, label, check in columns:
        ok, result = check(cells[index])
        if ok:
            values[name] = result
        else:
            errors.append(f"{label}: {result}")
    return values, errors


# -- writing ---------------------------------------------------------------------------------
def _write(store: Store, companies: dict[str, _CompanyIn], report: ImportReport) -> None:
    if not companies:
        return
    first = next(iter(companies.values()))
    company_fields = list(first.values)
    unit_fields = list(first.units[0][1])
    stored = _stored_companies(store, list(companies), company_fields)
    stored_units = _stored_units(store, [row["id"] for row in stored.values()], unit_fields)
    new_companies: list[NewCompany] = []
    new_units: list[dict[str, Any]] = []  # of companies already in the store
    updates: list[tuple[str, str, dict[str, Any]]] = []
    for cvr, entry in companies.items():
        row = stored.get(cvr)
        if row is None:
            new_companies.append(NewCompany(entry.values, [unit for _, unit in entry.units]))
            report.imported += len(entry.units)
            continue
        company_id = row["id"]
        company_changed = _diff(entry.values, row)
        if company_changed:
            updates.append(("company", company_id, company_changed))
        units = stored_units.get(company_id, {})
        for _, unit in entry.units:
            existing = units.get(unit["pnr"])
            if existing is None:
                new_units.append({**unit, "company_id": company_id})
                report.imported += 1
                continue
            unit_changed = _diff(unit, existing)
            if unit_changed:
                updates.append(("production_unit", existing["id"], unit_changed))
            if unit_changed or company_changed:
                report.updated += 1
            else:
                report.unchanged += 1
            company_changed = {}  # the company's change is counted on its first row only
    insert_companies(store, new_companies)
    store.changes.insert_many("production_unit", new_units, values_in_outbox=False)
    for table, row_id, values in updates:
        store.changes.update(table, row_id, values)


def _diff(values: dict[str, Any], stored: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if plain(value) != stored[name]}


def _stored_companies(store, cvrs: list[str], fields: list[str]) -> dict[str, dict[str, Any]]:
    """CVR -> the stored company (the oldest, should sync have brought in two)."""
    found: dict[str, dict[str, Any]] = {}
    columns = ", ".join(["id", *fields])
    for start in range(0, len(cvrs), _CHUNK):
        chunk = cvrs[start:start + _CHUNK]
        cursor = store.db.execute(
            f"SELECT {columns} FROM company WHERE deleted = 0 AND cvr IN "
            f"({', '.join('?' * len(chunk))}) ORDER BY id DESC", chunk)
        for values in cursor:
            row = dict(zip(["id", *fields], values, strict=True))
            found[row["cvr"]] = row
    return found


def _stored_units(store, company_ids: list[str], fields: list[str]):
    """company id -> {P-nummer: stored unit}."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    names = ["id", "company_id", *fields]
    for start in range(0, len(company_ids), _CHUNK):
        chunk = company_ids[start:start + _CHUNK]
        cursor = store.db.execute(
            f"SELECT {', '.join(names)} FROM production_unit WHERE deleted = 0 AND "
            f"company_id IN ({', '.join('?' * len(chunk))}) ORDER BY id DESC", chunk)
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            found.setdefault(row["company_id"], {})[row["pnr"]] = row
    return found


def _write_rejections(path: Path, source, report: ImportReport) -> None:
    target = path.with_name(f"{path.stem}.afviste.csv")
    try:
        with open(target, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=source.delimiter)
            writer.writerow(["linje", "fejl", *source.header])
            for rejection in report.rejections:
                writer.writerow([rejection.line, rejection.reason, *rejection.cells])
    except OSError as exc:
        report.report_error = f"De afviste rækker kunne ikke gemmes i {target}: {exc.strerror}."
        return
    report.report_path = target
