"""Checking the rows of a CVR extract with the form's own field cleaners, fast.

A row is valid when every company and P-unit value is; the first row of a P-nummer wins.
A later row of that P-nummer that repeats it exactly (every column the import reads) is
skipped and counted; one with other values is rejected with a reference to the first. The
checker keeps what it has seen, so the file can be checked a part at a time while earlier
parts are written.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
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
_PNR_AS_WRITTEN = re.compile(r"[0-9]{10}").fullmatch  # [0-9]: ASCII digits only


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
    return raw if _PNR_AS_WRITTEN(raw) else None


def _plain_name(raw: str) -> str | None:
    return raw.strip() or None  # a name is required: the cleaner says so


# str.strip is called straight from C, no Python frame per cell; the cleaner's answer for
# a plain text is the same.
_FAST = {
    "company": {"cvr": plain_cvr, "name": _plain_name, **dict.fromkeys(_TEXT_FIELDS, str.strip)},
    "unit": {"pnr": plain_pnr, "name": str.strip, "address": str.strip, "city": str.strip},
}


@dataclass(slots=True)
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
    """(line, company values, P-unit values) of the valid rows; a Rejection for each other
    but exact repeats, which are only counted."""

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
        self._unit_key = itemgetter(*(column.index for column in self._unit_columns))
        # P-nummer -> (line, cached company result, raw P-unit cells) of its first row. The
        # cached result is one object per distinct raw company cells: `is` compares them.
        self._pnr_rows: dict[str, tuple[int, Any, Any]] = {}
        self._quick_unit = _QuickUnit(self._unit_columns)

    def check(self, rows, rejections: list[Rejection]
              ) -> tuple[list[tuple[int, dict[str, Any], dict[str, Any]]], int]:
        """The valid rows and how many rows repeated an earlier one exactly."""
        width, company_key, companies = self._width, self._company_key, self._companies
        unit_key, pnr_rows, quick = self._unit_key, self._pnr_rows, self._quick_unit
        valid, repeated = [], 0
        for line, cells in rows:
            if len(cells) < width:
                cells = cells + [""] * (width - len(cells))
            cleaned = companies[company_key(cells)]
            company, company_errors = cleaned
            unit, errors = quick(cells), []
            if unit is None:
                unit, errors = _clean(self._unit_columns, cells)
            pnr = unit.get("pnr")
            first = pnr_rows.get(pnr)
            if first is not None:
                if first[1] is cleaned and first[2] == unit_key(cells):
                    repeated += 1
                    continue
                errors.append(f"P-nummer {pnr} står også i linje {first[0]}.")
            if errors or company_errors:
                rejections.append(Rejection(line, " ".join(company_errors + errors),
                                            cells[:width]))
                continue
            pnr_rows[pnr] = (line, cleaned, unit_key(cells))
            valid.append((line, company, unit))
        return valid, repeated


class _Cleaned(dict):
    """raw -> its cleaned result, made on first use."""

    def __init__(self, clean: Callable[[Any], Any]):
        super().__init__()
        self._clean = clean

    def __missing__(self, raw):
        found = self[raw] = self._clean(raw)
        return found


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


class _QuickUnit:
    """A P-unit's values when every cell passes its fast test or was cleaned before without
    error (nearly every row), else None: then ``_clean`` says why. A third of the time of
    ``_clean``, which must also collect messages."""

    def __init__(self, columns: list[_Column]):
        # The P-nummer is tested with plain_pnr's regular expression, called from C.
        pnr = [column for column in columns if column.fast is plain_pnr]
        self._pnr = pnr[0].index if pnr else None
        self._stripped = [(c.index, c.name) for c in columns if c.fast is str.strip]
        self._cached = [(c.index, c.name, c.seen) for c in columns if c.fast is None]
        if len(self._stripped) + len(self._cached) + len(pnr) != len(columns):
            raise ValueError("a P-unit column with a fast test _QuickUnit does not know")

    def __call__(self, cells: list[str]) -> dict[str, Any] | None:
        values = {}
        if self._pnr is not None:
            raw = cells[self._pnr]
            if _PNR_AS_WRITTEN(raw) is None:
                return None
            values["pnr"] = raw
        for index, name in self._stripped:
            values[name] = cells[index].strip()
        for index, name, seen in self._cached:
            ok, value = seen[cells[index]]
            if not ok:
                return None
            values[name] = value
        return values
