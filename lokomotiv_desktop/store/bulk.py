"""Bulk creation of new companies with their P-units (the CVR import's write path).

Change capture is the ordinary one (``ChangeWriter.insert_many``: per-field clocks on every
row, one outbox row each, same transaction; the outbox rows without a copy of the values,
which the push reads from the rows), but the search rows of these new companies are
written here from the values in hand, instead of by ``search.reindex`` at commit, which
re-reads every company's P-units with SQL subqueries and first deletes search rows that new
companies cannot have.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import search

if TYPE_CHECKING:
    from .database import Store


@dataclass
class NewCompany:
    values: Mapping[str, Any]                 # company fields
    units: Sequence[Mapping[str, Any]] = field(default_factory=list)  # P-unit fields


def insert_companies(store: Store, companies: Sequence[NewCompany]) -> list[str]:
    """Inserts the companies and their P-units with change capture and search rows; returns
    the companies' ids. Must run inside ``store.transaction()``."""
    if not companies:
        return []
    # A larger page cache for the transaction was measured too: no faster (PRAGMA
    # cache_size 200 MB vs the usual 32 MB at 100 000 rows), so the connection keeps its own.
    after_rowid = store.db.execute("SELECT coalesce(max(rowid), 0) FROM company").fetchone()[0]
    ids = store.changes.insert_many(
        "company", [company.values for company in companies], reindex=False,
        values_in_outbox=False)
    units = [{**unit, "company_id": company_id}
             for company_id, company in zip(ids, companies, strict=True)
             for unit in company.units]
    store.changes.insert_many("production_unit", units, reindex=False, values_in_outbox=False)
    document = search.DocumentBuilder()
    documents = {company_id: document(_parts(company))
                 for company_id, company in zip(ids, companies, strict=True)}
    search.add_new_companies(store.db, documents, after_rowid)
    return ids


def _parts(company: NewCompany) -> list[str]:
    # The order and the NULL handling of search._SEARCH_ROW_SQL: name, CVR, address,
    # postcode (may be empty), city, then each P-unit's number, name and city.
    values = company.values
    parts = [values["name"], values["cvr"], values.get("address") or "",
             values.get("postcode") or "", values.get("city") or ""]
    for unit in company.units:
        parts += (unit["pnr"], unit.get("name") or "", unit.get("city") or "")
    return parts

