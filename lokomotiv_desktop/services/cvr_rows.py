"""Checking the rows of a CVR extract with the form's own field cleaners, fast.

A row is valid when every company and P-unit value is; the first row of a P-nummer wins
and a later one is rejected with a reference to it. The checker keeps what it has seen, so
the file can be checked a part at a time while earlier parts are written.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import repeat
from operator import itemgetter
from typing import Any

from ..domain.company_rules import clean_company_field, clean_production_unit_field
from ..domain.validation import ValidationError

COMPANY_FIELD = {"cvr": "cvr", "navn": "name", "adresse": "address", "postnr": "postcode",
                 "by": "city", "kommunekode": "municipality_code", "branchekode": "industry_code",
                 "branchetekst": "industry_text", "ansatte": "employees",
                 "reklamebeskyttet": "marketing_protected"}
UNIT_FIELD = {"pnr": "pnr", "p_navn": "name", "p_adresse": "address", "p_postnr": "postcode",
              "p_by": "city", "p_kommunekode": "municipality_code", "p_ansatte": "employees"}


@dataclass
class Rejection:
    line: int
    reason: str
    cells: list[str]


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


def _plain_name(raw: str) -> str | None:
    return raw.strip() or None  # a name is required: the cleaner says so


# str.strip is called straight from C; the cleaner's answer for a plain text is the same.
_FAST = {
    "company": {"cvr": plain_cvr, "name": _plain_name, **dict.fromkeys(_TEXT_FIELDS, str.strip)},
    "unit": {"pnr": plain_pnr, "name": str.strip, "address": str.strip, "city": str.strip},
}


@dataclass
class _Column:
    index: int
    name: str
    label: str                                # the file's header, for messages
    fast: Callable[[str], Any] | None         # the value, or None: ask the cleaner
    clean: Callable[[str], tuple[bool, Any]]  # (True, value) or (False, message)
    seen: dict[str, tuple[bool, Any]]         # cleaned cells, where there is no fast test


def _column(kind: str, index: int, name: str, label: str, codes: set[str]) -> _Column:
    cleaner = clean_company_field if kind == "company" else clean_production_unit_field

    def clean(raw: str) -> tuple[bool, Any]:
        value = raw.strip()
        if name == "municipality_code" and len(value) == 4 and value.startswith("0"):
            value = value[1:]  # some extracts pad the code to four digits: 0630
        try:
            return True, cleaner(name, value, codes)
        except ValidationError as exc:
            return False, exc.message
    return _Column(index, name, label, _FAST[kind].get(name), clean, _Cleaned(clean))


class RowChecker:
    """(line, company values, P-unit values) of the valid rows; a Rejection for each other.

    A part of the file is first checked column by column, each test mapped over a whole
    column in C, which settles a clean part at a fraction of the cost of a row at a time.
    A part with anything else in it (a value for a cleaner, an error, a P-nummer seen
    before) is checked row by row instead, for the same answers and the messages."""

    def __init__(self, source, codes: set[str]):
        def columns(kind: str, fields: dict[str, str]) -> list[_Column]:
            return [_column(kind, source.columns[column], name,
                            source.header[source.columns[column]].strip(), codes)
                    for column, name in fields.items() if column in source.columns]

        self._company_columns = columns("company", COMPANY_FIELD)
        self._unit_columns = columns("unit", UNIT_FIELD)
        self._width = len(source.header)
        self._company_key = itemgetter(*(column.index for column in self._company_columns))
        # The company columns repeat on each of its P-units' rows: cleaned once per company.
        # The cleaner reads the key itself: position i holds company column i.
        in_key = [replace(column, index=i) for i, column in enumerate(self._company_columns)]
        self._companies = _Cleaned(lambda key: _clean(in_key, key))
        self._pnr_lines: dict[str, int] = {}

    def check(self, rows, rejections: list[Rejection]
              ) -> list[tuple[int, dict[str, Any], dict[str, Any]]]:
        if not rows:
            return []
        valid = self._check_columns(rows)
        return valid if valid is not None else self._check_rows(rows, rejections)

    def _check_columns(self, rows) -> list[tuple[int, dict[str, Any], dict[str, Any]]] | None:
        lines, cells = zip(*rows, strict=True)
        if min(map(len, cells)) < self._width:
            return None
        columns = list(zip(*cells, strict=False))  # longer rows: the extra cells go
        companies = list(map(self._companies.__getitem__, zip(
            *(columns[column.index] for column in self._company_columns), strict=True)))
        if any(map(itemgetter(1), companies)):
            return None  # a company column with an error
        values = []
        for column in self._unit_columns:
            found = _column_values(column, columns[column.index])
            if found is None:
                return None
            values.append(found)
        pnrs = values[0]  # UNIT_FIELD starts with the (required) P-nummer
        if len(set(pnrs)) != len(pnrs) or not self._pnr_lines.keys().isdisjoint(pnrs):
            return None
        self._pnr_lines.update(zip(pnrs, lines, strict=True))
        names = [column.name for column in self._unit_columns]
        units = map(dict, map(zip, repeat(names), zip(*values, strict=True)))
        return list(zip(lines, map(itemgetter(0), companies), units, strict=True))

    def _check_rows(self, rows, rejections: list[Rejection]
                    ) -> list[tuple[int, dict[str, Any], dict[str, Any]]]:
        width, company_key, companies = self._width, self._company_key, self._companies
        pnr_lines = self._pnr_lines
        valid = []
        for line, cells in rows:
            if len(cells) < width:
                cells = cells + [""] * (width - len(cells))
            company, company_errors = companies[company_key(cells)]
            unit, errors = _clean(self._unit_columns, cells)
            pnr = unit.get("pnr")
            if pnr in pnr_lines:
                errors.append(f"P-nummer {pnr} står også i linje {pnr_lines[pnr]}.")
            if errors or company_errors:
                rejections.append(Rejection(line, " ".join(company_errors + errors),
                                            cells[:width]))
                continue
            pnr_lines[pnr] = line
            valid.append((line, company, unit))
        return valid


class _Cleaned(dict):
    """raw -> its cleaned result, made on first use."""

    def __init__(self, clean: Callable[[Any], Any]):
        super().__init__()
        self._clean = clean

    def __missing__(self, raw):
        found = self[raw] = self._clean(raw)
        return found


# The fast tests as C-level tests of a whole column (same answers as _FAST's).
_PNR_DIGITS = re.compile(r"[0-9]{10}").fullmatch  # [0-9] is ASCII only, as plain_pnr


def _column_values(column: _Column, cells: tuple[str, ...]) -> list[Any] | None:
    """The column's clean values, or None when some cell needs the row-by-row path."""
    if column.fast is str.strip:
        return list(map(str.strip, cells))
    if column.fast is plain_pnr:
        return list(cells) if None not in map(_PNR_DIGITS, cells) else None
    if column.fast is None:
        found = list(map(column.seen.__getitem__, cells))
        return list(map(itemgetter(1), found)) if all(map(itemgetter(0), found)) else None
    values = list(map(column.fast, cells))
    return values if None not in values else None


def _clean(columns: list[_Column], cells: list[str]) -> tuple[dict[str, Any], list[str]]:
    # Called for every row: no call per cell beyond the test or the dictionary lookup.
    values: dict[str, Any] = {}
    errors: list[str] = []
    for column in columns:
        raw = cells[column.index]
        fast = column.fast
        if fast is not None:
            value = fast(raw)
            if value is not None:
                values[column.name] = value
                continue
            ok, value = column.clean(raw)
        else:
            ok, value = column.seen[raw]
        if ok:
            values[column.name] = value
        else:
            errors.append(f"{column.label}: {value}")
    return values, errors
