"""`import-cvr`: a CVR extract (one row per P-unit, company columns repeated) into the store.

The file is read, checked and written a part at a time, all in one transaction: a row is
imported completely or rejected with its line number and reason, and a failure anywhere
(an unreadable line half-way, a full disk) leaves nothing behind. While the store writes
one part, the next is read and checked (``store.bulk``). Companies are matched on CVR and
P-units on (company, P-nummer), so a re-import of the same file finds every value equal
and writes nothing (no outbox rows either).

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
from pathlib import Path
from typing import Any

from ..store.bulk import BulkCompanyWriter, NewCompany
from ..store.changes import plain
from ..store.companies import CompanyRepository
from ..store.database import Store
from .cvr_file import ImportFileError, read_cvr_file
from .cvr_parts import checked_parts
from .cvr_rows import Rejection

__all__ = ["ImportFileError", "ImportReport", "Rejection", "import_cvr_file"]

_CHUNK = 500  # ids per IN (...) query, well under SQLite's parameter limit
ROWS_PER_PART = 20_000  # a part of the file written while the next one is checked


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


Progress = Callable[[int, int], None]  # (rows done, rows in the file, about)


def import_cvr_file(store: Store, path: Path | str,
                    progress: Progress | None = None) -> ImportReport:
    """Raises ImportFileError for a file that cannot be imported at all. `progress` is
    called after each part; an exception raised by it (the user stopped the import) stops
    the import with nothing of it written."""
    path = Path(path)
    with _no_cycle_collection():
        source = read_cvr_file(path)
        report = ImportReport()
        codes = CompanyRepository(store).municipality_codes()
        total = source.line_count
        with store.transaction(), BulkCompanyWriter(store) as writer:
            importer = _Importer(store, writer, report)
            done = 0
            for rows in checked_parts(source, codes, report.rejections, ROWS_PER_PART):
                importer.add(rows)
                done += len(rows)
                if progress is not None:
                    progress(done + len(report.rejections), max(total, done))
        report.rejected = len(report.rejections)
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


@dataclass
class _Stored:
    """A company that was in the store before this import, with its P-units by number."""
    values: dict[str, Any]
    units: dict[str, dict[str, Any]]
    change: dict[str, Any] | None = None  # its first row's company values that differ
    change_counted: bool = False  # counted (as "updated") on its first known P-unit's row


class _Importer:
    """Sorts the checked rows of each part: new companies (to the bulk writer), new P-units
    of companies met before, and changes to companies already in the store."""

    def __init__(self, store: Store, writer: BulkCompanyWriter, report: ImportReport):
        self.store, self.writer, self.report = store, writer, report
        self.stored_cvrs = {r[0] for r in store.db.execute(
            "SELECT cvr FROM company WHERE deleted = 0")}
        self.stored: dict[str, _Stored] = {}
        self.created: dict[str, str] = {}  # CVR -> id of a company made by this import

    def add(self, rows: list[tuple[int, dict[str, Any], dict[str, Any]]]) -> None:
        new: dict[str, NewCompany] = {}
        later_units: list[dict[str, Any]] = []  # of companies made from an earlier part
        known: list[tuple[dict[str, Any], dict[str, Any]]] = []  # of stored companies
        for _, company, unit in rows:
            cvr = company["cvr"]
            if cvr in new:
                new[cvr].units.append(unit)
            elif cvr in self.created:
                later_units.append({**unit, "company_id": self.created[cvr]})
            elif cvr in self.stored_cvrs:
                known.append((company, unit))
                continue
            else:
                new[cvr] = NewCompany(company, [unit])
            self.report.imported += 1
        batch = self.writer.prepare(list(new.values()))  # overlaps the previous part's SQL
        self.writer.wait()
        changes = self.store.changes
        if later_units:  # search rows refreshed at commit, like any other write
            changes.insert_many("production_unit", later_units, values_in_outbox=False)
        if known:
            self._compare(known)
        self.writer.write(batch)
        self.created.update(zip(new, batch.ids, strict=True))

    def _compare(self, rows: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
        first_company, first_unit = rows[0]
        self._load([company["cvr"] for company, _ in rows if company["cvr"] not in self.stored],
                   list(first_company), list(first_unit))
        new_units: list[dict[str, Any]] = []
        updates: list[tuple[str, str, dict[str, Any]]] = []
        for company, unit in rows:
            stored = self.stored[company["cvr"]]
            if stored.change is None:  # its first row in the file: those values count
                stored.change = _diff(company, stored.values)
                if stored.change:
                    updates.append(("company", stored.values["id"], stored.change))
            existing = stored.units.get(unit["pnr"])
            if existing is None:
                new_units.append({**unit, "company_id": stored.values["id"]})
                self.report.imported += 1
                continue
            company_changed = {} if stored.change_counted else stored.change
            stored.change_counted = True
            unit_changed = _diff(unit, existing)
            if unit_changed:
                updates.append(("production_unit", existing["id"], unit_changed))
            if unit_changed or company_changed:
                self.report.updated += 1
            else:
                self.report.unchanged += 1
        self.store.changes.insert_many("production_unit", new_units, values_in_outbox=False)
        for table, row_id, values in updates:
            self.store.changes.update(table, row_id, values)

    def _load(self, cvrs: list[str], company_fields: list[str], unit_fields: list[str]) -> None:
        """The stored companies with these CVRs (the oldest, should sync have brought in
        two) and their P-units."""
        cvrs = list(dict.fromkeys(cvrs))
        found = _select(self.store, "company", ["id", *company_fields], "cvr", cvrs)
        companies = {row["cvr"]: _Stored(row, {}) for row in found}
        by_id = {stored.values["id"]: stored for stored in companies.values()}
        for unit in _select(self.store, "production_unit", ["id", "company_id", *unit_fields],
                            "company_id", list(by_id)):
            by_id[unit["company_id"]].units[unit["pnr"]] = unit
        self.stored.update(companies)


def _select(store: Store, table: str, names: list[str], key: str, values: list[str]):
    """The live rows whose `key` is one of `values`, newest first (so the oldest is kept
    where two share a key)."""
    for start in range(0, len(values), _CHUNK):
        chunk = values[start:start + _CHUNK]
        cursor = store.db.execute(
            f"SELECT {', '.join(names)} FROM {table} WHERE deleted = 0 AND {key} IN "
            f"({', '.join('?' * len(chunk))}) ORDER BY id DESC", chunk)
        for values_ in cursor:
            yield dict(zip(names, values_, strict=True))


def _diff(values: dict[str, Any], stored: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if plain(value) != stored[name]}


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
