"""`import-cvr`: a CVR extract (one row per P-unit, company columns repeated) into the store.

The file is read, checked and written a part at a time, all in one transaction: a row is
imported completely or rejected with its line number and reason, and a failure anywhere
(an unreadable line half-way, a full disk) leaves nothing behind. While the store writes
one part, the next is read and checked (``store.bulk``). Companies are matched on CVR and
P-units on P-nummer (one the register moved to another company moves here too), so a
re-import of the same file finds every value equal and writes nothing (no outbox rows). A company or P-unit deleted here is known too:
it is neither inserted again nor brought back (a consultant deleted it on purpose).

The report counts companies and P-units apart: each is *new*, *updated* (a stored value
changed) or *unchanged* (also when deleted here). Of several rows for one CVR, the first
one's company columns count. Rows are *rejected* (a value was invalid) or *repeated* (the
same as an earlier row of the file, skipped).
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
from ..sync.identity import natural_id
from .cvr_file import ImportFileError, read_cvr_file
from .cvr_parts import checked_parts
from .cvr_rows import Rejection

__all__ = ["ImportFileError", "ImportReport", "Rejection", "import_cvr_file"]

_CHUNK = 500  # ids per IN (...) query, well under SQLite's parameter limit
ROWS_PER_PART = 20_000  # a part of the file written while the next one is checked


@dataclass
class Counts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportReport:
    companies: Counts = field(default_factory=Counts)
    production_units: Counts = field(default_factory=Counts)
    units_of_new_companies: int = 0  # of production_units.new
    rejected: int = 0  # rows
    repeated: int = 0  # rows the same as an earlier row of the file, skipped
    rejections: list[Rejection] = field(default_factory=list)
    report_path: Path | None = None  # the rejected rows, next to the input file
    report_error: str | None = None  # why that report could not be written

    def summary_line(self) -> str:
        """What happened, in Danish, e.g. "Importeret: 6 nye virksomheder med 9 P-enheder ·
        0 opdateret · 0 uændret · 2 rækker afvist · 1 gentaget række sprunget over"."""
        companies, units = self.companies, self.production_units
        first = "Importeret: " + _count(companies.new, "ny virksomhed", "nye virksomheder")
        if companies.new:
            first += " med " + _count(self.units_of_new_companies, "P-enhed", "P-enheder")
        parts = [first, f"{_number(companies.updated)} opdateret",
                 f"{_number(companies.unchanged)} uændret"]
        # P-units of companies that were here before: apart, so "med N" stays true.
        older = [_count(count, one, many) for count, one, many in (
            (units.new - self.units_of_new_companies, "ny", "nye"),
            (units.updated, "opdateret", "opdaterede"),
            (units.unchanged, "uændret", "uændrede")) if count]
        if older:
            parts.append("P-enheder i eksisterende virksomheder: " + ", ".join(older))
        parts.append(_count(self.rejected, "række afvist", "rækker afvist"))
        if self.repeated:
            parts.append(_count(self.repeated, "gentaget række sprunget over",
                                "gentagne rækker sprunget over"))
        return " · ".join(parts)

    def as_json(self) -> dict[str, Any]:
        return {"companies": vars(self.companies).copy(),
                "production_units": vars(self.production_units).copy(),
                "rejected_rows": self.rejected, "repeated_rows": self.repeated,
                "report": str(self.report_path) if self.report_path else None}


def _number(count: int) -> str:
    return f"{count:,}".replace(",", ".")  # Danish: 1.200


def _count(count: int, one: str, many: str) -> str:
    return f"{_number(count)} {one if count == 1 else many}"


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
            for rows, repeated in checked_parts(source, codes, report.rejections,
                                                ROWS_PER_PART):
                importer.add(rows)
                report.repeated += repeated
                done += len(rows) + repeated
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
    counted: bool = False  # its first row in the file was compared (and counted)


class _Importer:
    """Sorts the checked rows of each part: new companies (to the bulk writer), new P-units
    of companies met before, and changes to companies already in the store."""

    def __init__(self, store: Store, writer: BulkCompanyWriter, report: ImportReport):
        self.store, self.writer, self.report = store, writer, report
        # Deleted ones too: known, never inserted again (their ids derive from the CVR).
        self.stored_cvrs = {r[0] for r in store.db.execute("SELECT cvr FROM company")}
        # Every stored P-nummer -> its company: a P-unit of the file that the store holds
        # under another company has moved there (its id comes from the P-nummer).
        self.stored_units = dict(store.db.execute("SELECT pnr, company_id FROM production_unit"))
        # Companies erased here (GDPR) stay erased: the server refuses them for ever.
        self.erased = {r[0] for r in store.db.execute(
            "SELECT row_id FROM tombstone WHERE tbl = 'company'")}
        self.erased_met: set[str] = set()
        self.stored: dict[str, _Stored] = {}
        self.created: dict[str, str] = {}  # CVR -> id of a company made by this import

    def add(self, rows: list[tuple[int, dict[str, Any], dict[str, Any]]]) -> None:
        new: dict[str, NewCompany] = {}
        later_units: list[dict[str, Any]] = []  # of companies made from an earlier part
        known: list[tuple[dict[str, Any], dict[str, Any]]] = []  # of stored companies
        moved: list[dict[str, Any]] = []  # stored P-units that belong to a new company now
        for _, company, unit in rows:
            cvr = company["cvr"]
            if cvr in self.stored_cvrs:
                known.append((company, unit))
                continue
            if self.erased and natural_id("company", cvr) in self.erased:
                self._count_erased(cvr)
                continue
            if cvr not in new and cvr not in self.created:
                new[cvr] = NewCompany(company, [])
            if unit["pnr"] in self.stored_units:
                moved.append({**unit, "company_id": natural_id("company", cvr)})
                continue
            if cvr in new:
                new[cvr].units.append(unit)
            else:
                later_units.append({**unit, "company_id": self.created[cvr]})
            self.report.units_of_new_companies += 1
            self.report.production_units.new += 1
        self.report.companies.new += len(new)
        batch = self.writer.prepare(list(new.values()))  # overlaps the previous part's SQL
        self.writer.wait()
        changes = self.store.changes
        if later_units:  # search rows refreshed at commit, like any other write
            changes.insert_many("production_unit", later_units, values_in_outbox=False)
        if known:
            self._compare(known)
        for unit in moved:
            self._move(unit)
        self.writer.write(batch)
        self.created.update(zip(new, batch.ids, strict=True))

    def _compare(self, rows: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
        first_company, first_unit = rows[0]
        self._load([company["cvr"] for company, _ in rows if company["cvr"] not in self.stored],
                   list(first_company), list(first_unit))
        companies, units = self.report.companies, self.report.production_units
        new_units: list[dict[str, Any]] = []
        updates: list[tuple[str, str, dict[str, Any]]] = []
        for company, unit in rows:
            stored = self.stored[company["cvr"]]
            deleted = stored.values["deleted"]
            if not stored.counted:  # its first row in the file: those values count
                stored.counted = True
                change = {} if deleted else _diff(company, stored.values)
                if change:
                    updates.append(("company", stored.values["id"], change))
                    companies.updated += 1
                else:
                    companies.unchanged += 1
            existing = stored.units.get(unit["pnr"])
            if deleted or (existing is not None and existing["deleted"]):
                units.unchanged += 1  # deleted here on purpose: left so
            elif existing is None and unit["pnr"] in self.stored_units:
                self._move({**unit, "company_id": stored.values["id"]})
            elif existing is None:
                new_units.append({**unit, "company_id": stored.values["id"]})
                units.new += 1
            elif unit_changed := _diff(unit, existing):
                updates.append(("production_unit", existing["id"], unit_changed))
                units.updated += 1
            else:
                units.unchanged += 1
        self.store.changes.insert_many("production_unit", new_units, values_in_outbox=False)
        for table, row_id, values in updates:
            self.store.changes.update(table, row_id, values)

    def _move(self, unit: dict[str, Any]) -> None:
        """A stored P-unit that the file puts under another company moves there, as in
        the CVR register (a business sold); one deleted here stays deleted."""
        units = self.report.production_units
        row_id = natural_id("production_unit", unit["pnr"])
        [deleted] = self.store.db.execute(
            "SELECT deleted FROM production_unit WHERE id = ?", [row_id]).fetchone()
        if deleted:
            units.unchanged += 1
            return
        self.store.touched("company", [self.stored_units[unit["pnr"]]])  # its old document
        if self.store.changes.update("production_unit", row_id, unit):
            units.updated += 1
        else:
            units.unchanged += 1

    def _count_erased(self, cvr: str) -> None:
        self.report.production_units.unchanged += 1
        if cvr not in self.erased_met:
            self.erased_met.add(cvr)
            self.report.companies.unchanged += 1

    def _load(self, cvrs: list[str], company_fields: list[str], unit_fields: list[str]) -> None:
        """The stored companies with these CVRs (a live one before a deleted one, then the
        oldest, should sync have brought in two) and their P-units."""
        cvrs = list(dict.fromkeys(cvrs))
        found = _select(self.store, "company", ["id", "deleted", *company_fields], "cvr", cvrs)
        companies = {row["cvr"]: _Stored(row, {}) for row in found}
        by_id = {stored.values["id"]: stored for stored in companies.values()}
        for unit in _select(self.store, "production_unit",
                            ["id", "deleted", "company_id", *unit_fields],
                            "company_id", list(by_id)):
            by_id[unit["company_id"]].units[unit["pnr"]] = unit
        self.stored.update(companies)


def _select(store: Store, table: str, names: list[str], key: str, values: list[str]):
    """The rows, deleted ones too, whose `key` is one of `values`: deleted ones first, then
    newest first (so where two share a key, a live one is kept, and of those the oldest)."""
    for start in range(0, len(values), _CHUNK):
        chunk = values[start:start + _CHUNK]
        cursor = store.db.execute(
            f"SELECT {', '.join(names)} FROM {table} WHERE {key} IN "
            f"({', '.join('?' * len(chunk))}) ORDER BY deleted DESC, id DESC", chunk)
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
