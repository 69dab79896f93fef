"""Bulk creation of new companies with their P-units (the CVR import's write path).

Change capture is the ordinary one (``ChangeWriter.stage`` and ``insert_staged``: per-field
clocks on every row, one outbox row each, same transaction; the outbox rows without a copy
of the values, which the push reads from the rows), but the search rows of these new
companies are written here from the values in hand, instead of by ``search.reindex`` at
commit, which re-reads every company's P-units with SQL subqueries and first deletes search
rows that new companies cannot have.

``BulkCompanyWriter`` takes the companies in batches. The Python half of a batch (ids,
values, search documents, binding the rows into TEMP tables) runs on the caller's thread;
the SQL half (copying into the tables with their indexes, outbox rows, search rows, the
full-text index) is a few statements with no Python per row, and runs on a helper thread
while the caller prepares the next part of the file. SQLite releases Python's lock while a
statement runs, so the two overlap (a quarter off an import's time, measured at 100 000
rows). The connection is used by one thread at a time: ``wait`` before any other statement.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.danish_format import sort_key
from ..sync.identity import natural_ids
from ..sync.tables import SYNCED_TABLES
from . import search
from .changes import NewRows, row_values

if TYPE_CHECKING:
    from .database import Store


THREAD_FROM = 1000  # companies in a batch from which its statements go to the helper thread


@dataclass
class NewCompany:
    """Plain values only (str, int, float, bool, None), as the domain cleaners give them."""
    values: Mapping[str, Any]                 # company fields
    units: Sequence[Mapping[str, Any]] = field(default_factory=list)  # P-unit fields


def insert_companies(store: Store, companies: Sequence[NewCompany]) -> list[str]:
    """Inserts the companies and their P-units with change capture and search rows; returns
    the companies' ids. Must run inside ``store.transaction()``."""
    with BulkCompanyWriter(store) as writer:
        return writer.add(companies)


@dataclass
class PreparedCompanies:
    """A batch of new companies made ready for ``BulkCompanyWriter.write``."""
    companies: list[Mapping[str, Any]]
    ids: list[str]
    unit_columns: list[str]            # of the P-units, company_id last
    unit_rows: list[tuple]             # (id, *values) of each P-unit
    unit_ids: list[str]                # their ids, as derived (sync/identity.py)
    documents: list[tuple[str, str, str]]  # (company id, search document, Danish sort key)


class BulkCompanyWriter:
    """New companies in batches, inside the caller's ``store.transaction()``. Leaving the
    ``with`` block waits for the last batch; an error in it is raised there (or by the
    next ``add`` or ``wait``), so the transaction rolls back."""

    def __init__(self, store: Store):
        self._store = store
        self._documents = search.DocumentBuilder()
        self._executor: ThreadPoolExecutor | None = None
        self._pending: Future | None = None
        self._switch_interval = 0.0

    def __enter__(self) -> BulkCompanyWriter:
        return self

    def __exit__(self, kind, error, trace) -> None:
        try:
            if kind is None:
                self.wait()
            elif self._pending is not None:
                self._pending.exception()  # let it finish; the caller's error comes first
        finally:
            self._pending = None
            if self._executor is not None:
                self._executor.shutdown()
                self._executor = None
                sys.setswitchinterval(self._switch_interval)

    def add(self, companies: Sequence[NewCompany]) -> list[str]:
        """Queues these companies and returns their ids; they are written by the time
        ``wait`` returns."""
        batch = self.prepare(companies)
        self.write(batch)
        return batch.ids

    def prepare(self, companies: Sequence[NewCompany]) -> PreparedCompanies:
        """The Python work of a batch, without the connection: it may overlap the
        statements of the batch before."""
        # Ids from the CVR and P-nummer (sync/identity.py): the same rows on every laptop.
        ids = natural_ids("company", [c.values["cvr"] for c in companies])
        units = [unit for company in companies for unit in company.units]
        unit_columns: list[str] = []
        unit_rows: list[tuple] = []
        unit_ids: list[str] = []
        if units:
            fields = SYNCED_TABLES["production_unit"].fields
            unit_columns = [name for name in units[0] if name in fields and name != "company_id"]
            owners = [company_id for company_id, company in zip(ids, companies, strict=True)
                      for _ in company.units]
            # Transposed and zipped back in C: no Python step per P-unit.
            unit_ids = natural_ids("production_unit", [u["pnr"] for u in units])
            unit_rows = list(zip(unit_ids,
                                 *zip(*row_values(units, unit_columns), strict=True),
                                 owners, strict=True))
            unit_columns.append("company_id")
        document = self._documents
        documents = [(company_id, document(_parts(company)), sort_key(company.values["name"]))
                     for company_id, company in zip(ids, companies, strict=True)]
        return PreparedCompanies([c.values for c in companies], ids, unit_columns, unit_rows,
                                 unit_ids, documents)

    def write(self, batch: PreparedCompanies) -> None:
        """Binds the batch into TEMP tables, then starts its statements (on the helper
        thread when the batch is large)."""
        if not batch.ids:
            return
        if self._pending is not None:
            _sync_log(self._store)  # while the helper thread still writes: it costs no time
        self.wait()  # the previous batch's statements are done: the connection is free
        changes = self._store.changes
        staged = [changes.stage("company", batch.companies, batch.ids, staging="bulk_company",
                                plain_values=True)]
        if batch.unit_rows:
            staged.append(changes.stage_rows(
                "production_unit", batch.unit_columns, batch.unit_ids,
                batch.unit_rows, staging="bulk_unit", plain_values=True))
        search.stage_documents(self._store.db, batch.documents)
        if len(batch.ids) < THREAD_FROM and self._executor is None:
            self._write(staged)  # a small import: a thread would cost more than it saves
            return
        if self._executor is None:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="lokomotiv-bulk")
            # Each statement ends with the helper thread asking for Python's lock back,
            # and by default it waits up to 5 ms for the busy caller to let go of it.
            self._switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(self._switch_interval, 0.0005))
        self._pending = self._executor.submit(self._write, staged)

    def wait(self) -> None:
        """Until the last batch is written; raises its error, if any."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def _write(self, staged: list[NewRows]) -> None:
        db = self._store.db
        after_rowid = db.execute("SELECT coalesce(max(rowid), 0) FROM company").fetchone()[0]
        for new in staged:
            self._store.changes.insert_staged(new, values_in_outbox=False)
        search.add_new_companies(db, after_rowid)


def _sync_log(store: Store) -> None:
    """Makes the disk catch up with the write-ahead log so far, while the helper thread
    writes more: the checkpoint at commit must sync the log before copying it into the
    database, and an import's 100 MB left to the end would be written out then, with
    nothing else to do."""
    if not isinstance(store.path, Path):
        return  # in memory
    try:
        with open(store.path.with_name(store.path.name + "-wal"), "rb") as log:
            os.fsync(log.fileno())
    except OSError:
        pass  # no log (another journal mode) or no sync here: the commit still syncs


def _parts(company: NewCompany) -> list[str]:
    # The order and the NULL handling of search._SEARCH_ROW_SQL: name, CVR, address,
    # postcode (may be empty), city, then each P-unit's number, name and city.
    values = company.values
    parts = [values["name"], values["cvr"], values.get("address") or "",
             values.get("postcode") or "", values.get("city") or ""]
    for unit in company.units:
        parts += (unit["pnr"], unit.get("name") or "", unit.get("city") or "")
    return parts
