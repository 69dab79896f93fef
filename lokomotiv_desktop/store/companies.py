"""Repository for the company aggregate: company, its P-units and its contacts."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..domain.entities import Company, Contact, Municipality, ProductionUnit
from ..domain.enums import ContactRole, Phase
from . import search
from .database import Store
from .quick_search import QuickHit, quick_search

# Columns a companies table can sort by, mapped to SQL (the list view's columns). Danish
# order by the key (store/connection.py): one Python call per row, where COLLATE dansk
# would make one per comparison.
SORTABLE = {
    "name": "dansk_key(c.name)",
    "cvr": "c.cvr",
    "city": "dansk_key(c.city)",
    "municipality": "dansk_key(m.name)",
    "phase": "c.phase",
    "consultant": "dansk_key(c.consultant)",
}
LIST_COLUMNS = "c.rowid, c.cvr, c.name, c.city, coalesce(m.name, ''), c.phase, c.consultant, " \
               "c.marketing_protected"
SEARCH_LIMIT = 2000  # type-ahead shows at most this many; typing more narrows it


@dataclass(frozen=True)
class CompanyFilter:
    text: str = ""
    municipality_code: str | None = None
    phase: int | None = None
    consultant: str | None = None
    sort: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class CompanyListRow:
    rowid: int
    cvr: str
    name: str
    city: str
    municipality: str
    phase: int
    consultant: str
    marketing_protected: bool


class CompanyRepository:
    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    # -- reading -----------------------------------------------------------------------------
    def get(self, company_id: str) -> Company | None:
        row = self.db.execute(
            "SELECT * FROM company WHERE id = ? AND deleted = 0", [company_id]
        ).fetchone()
        return self._company(row) if row else None

    def get_by_cvr(self, cvr: str) -> Company | None:
        row = self.db.execute(
            "SELECT * FROM company WHERE cvr = ? AND deleted = 0 ORDER BY id LIMIT 1", [cvr]
        ).fetchone()
        return self._company(row) if row else None

    def id_for_rowid(self, rowid: int) -> str | None:
        row = self.db.execute("SELECT id FROM company WHERE rowid = ?", [rowid]).fetchone()
        return row[0] if row else None

    def _company(self, row) -> Company:
        columns = [d[0] for d in self.db.execute("SELECT * FROM company LIMIT 0").description]
        data = dict(zip(columns, row, strict=True))
        company = Company(
            id=data["id"], cvr=data["cvr"], name=data["name"], address=data["address"],
            postcode=data["postcode"], city=data["city"],
            municipality_code=data["municipality_code"], industry_code=data["industry_code"],
            industry_text=data["industry_text"], employees=data["employees"],
            phone=data["phone"], email=data["email"], website=data["website"],
            marketing_protected=bool(data["marketing_protected"]), phase=Phase(data["phase"]),
            consultant=data["consultant"], notes=data["notes"],
        )
        company.production_units = [
            ProductionUnit(id=r[0], company_id=company.id, pnr=r[1], name=r[2], address=r[3],
                           postcode=r[4], city=r[5], municipality_code=r[6], employees=r[7])
            for r in self.db.execute(
                "SELECT id, pnr, name, address, postcode, city, municipality_code, employees "
                "FROM production_unit WHERE company_id = ? AND deleted = 0 ORDER BY pnr",
                [company.id])
        ]
        company.contacts = [
            Contact(id=r[0], company_id=company.id, name=r[1], role=ContactRole(r[2]),
                    phone=r[3], email=r[4], trusted=bool(r[5]))
            for r in self.db.execute(
                "SELECT id, name, role, phone, email, trusted FROM contact "
                "WHERE company_id = ? AND deleted = 0 ORDER BY name COLLATE dansk", [company.id])
        ]
        return company

    def list_rowids(self, flt: CompanyFilter, limit: int | None = None) -> list[int]:
        """Row ids of the companies matching the filter, in the requested order (the first
        `limit` only, when given: the window shows a first page before the whole list).
        With search text, at most SEARCH_LIMIT: the first ones in the requested order."""
        text = flt.text.strip()
        if text and search.match_expression(text) is None:
            return []  # only punctuation: nothing can match
        filters = self._filters(flt)
        by_name = SORTABLE.get(flt.sort) in (None, SORTABLE["name"])
        if text:
            limit = SEARCH_LIMIT if limit is None else min(limit, SEARCH_LIMIT)
            if by_name:  # the type-ahead case, tuned for 300 000 companies
                return search.ranked_rowids(self.db, text, filters, flt.descending, limit)
        elif by_name and not filters:  # the whole list, as the window opens
            return search.all_rowids_by_name(self.db, flt.descending, limit)
        where = ["c.deleted = 0", *(f"c.{column} = ?" for column, _ in filters)]
        params: list[Any] = [value for _, value in filters]
        if text:
            where.append("c.rowid IN (SELECT rowid FROM company_fts WHERE company_fts MATCH ?)")
            params.append(search.match_expression(text))
        order = SORTABLE.get(flt.sort, SORTABLE["name"])
        direction = "DESC" if flt.descending else "ASC"
        join_municipality = "LEFT JOIN municipality m ON m.code = c.municipality_code" \
            if flt.sort == "municipality" else ""
        sql = (f"SELECT c.rowid FROM company c {join_municipality} "
               f"WHERE {' AND '.join(where)} ORDER BY {order} {direction}, c.rowid {direction}")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [r[0] for r in self.db.execute(sql, params)]

    @staticmethod
    def _filters(flt: CompanyFilter) -> list[tuple[str, Any]]:
        filters: list[tuple[str, Any]] = []
        if flt.municipality_code:
            filters.append(("municipality_code", flt.municipality_code))
        if flt.phase:
            filters.append(("phase", int(flt.phase)))
        if flt.consultant is not None:
            filters.append(("consultant", flt.consultant))
        return filters

    def list_rows(self, rowids: list[int]) -> dict[int, CompanyListRow]:
        """Display rows for a page of the list (the lazy table model asks page by page)."""
        found: dict[int, CompanyListRow] = {}
        for start in range(0, len(rowids), 500):
            chunk = rowids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            for r in self.db.execute(
                f"SELECT {LIST_COLUMNS} FROM company c "
                f"LEFT JOIN municipality m ON m.code = c.municipality_code "
                f"WHERE c.rowid IN ({marks})", chunk
            ):
                found[r[0]] = CompanyListRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]))
        return found

    def search(self, text: str, limit: int = 50) -> list[Company]:
        rowids = self.list_rowids(CompanyFilter(text=text))[:limit]
        rows = self.list_rows(rowids)
        return [self._summary(rows[r]) for r in rowids if r in rows]

    def quick_search(self, text: str, limit: int = 30) -> list[QuickHit]:
        """Ctrl+K: ranked by relevance, each hit with why it matched (store/quick_search.py)."""
        return quick_search(self.db, text, limit)

    def _summary(self, row: CompanyListRow) -> Company:
        full = self.db.execute(
            "SELECT id, municipality_code FROM company WHERE rowid = ?", [row.rowid]
        ).fetchone()
        return Company(id=full[0], cvr=row.cvr, name=row.name, city=row.city,
                       municipality_code=full[1], phase=Phase(row.phase),
                       consultant=row.consultant)

    def count(self) -> int:
        """Live companies, from the search rows (kept in step at every commit): counting the
        company table itself reads every wide row, ~0.1 s at 300 000."""
        return self.db.execute("SELECT count(*) FROM company_search").fetchone()[0]

    def count_by_phase(self) -> dict[int, int]:
        """Live companies per phase, from the search rows' phase index (milliseconds where
        a list per phase takes half a second at 300 000)."""
        return dict(self.db.execute(
            "SELECT phase, count(*) FROM company_search GROUP BY phase").fetchall())

    def count_units(self) -> int:
        return self.db.execute(
            "SELECT count(*) FROM production_unit WHERE deleted = 0").fetchone()[0]

    def count_contacts(self) -> int:
        return self.db.execute("SELECT count(*) FROM contact WHERE deleted = 0").fetchone()[0]

    def municipalities(self) -> list[Municipality]:
        return [Municipality(*r) for r in self.db.execute(
            "SELECT code, name, region FROM municipality ORDER BY name COLLATE dansk")]

    def municipality_codes(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT code FROM municipality")}

    def consultants(self) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT consultant FROM company_search WHERE consultant != '' "
            "ORDER BY consultant COLLATE dansk")]  # the search rows: live companies only

    # -- writing (call inside store.transaction()) ------------------------------------------
    def create(self, values: Mapping[str, Any]) -> str:
        return self.store.changes.insert("company", values)

    def update(self, company_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return self.store.changes.update("company", company_id, values)

    def delete(self, company_id: str) -> bool:
        return self.store.changes.delete("company", company_id)

    def add_unit(self, company_id: str, values: Mapping[str, Any]) -> str:
        return self.store.changes.insert("production_unit", {**values, "company_id": company_id})

    def update_unit(self, unit_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return self.store.changes.update("production_unit", unit_id, values)

    def delete_unit(self, unit_id: str) -> bool:
        return self.store.changes.delete("production_unit", unit_id)

    def add_contact(self, company_id: str, values: Mapping[str, Any]) -> str:
        return self.store.changes.insert("contact", {**values, "company_id": company_id})

    def update_contact(self, contact_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return self.store.changes.update("contact", contact_id, values)

    def delete_contact(self, contact_id: str) -> bool:
        return self.store.changes.delete("contact", contact_id)
