"""The registry of synced tables, shared by the local store and the server.

Sync code is generic over this registry: a new entity syncs once it is listed here (and its
columns exist in the local migrations). Every synced row has an ``id`` (UUIDv7, or for a
table with a natural key the UUIDv5 of that key: sync/identity.py), its fields, ``deleted``
(a field with its own clock) and ``clocks`` (field -> stamp of its last write).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SyncedTable:
    name: str
    fields: tuple[str, ...]  # domain fields, without id/deleted/clocks
    # Scope: which municipality a row belongs to, for scoping pulls and checking pushes.
    # Either the row carries the code itself, or it inherits its parent's scope.
    scope_field: str | None = None
    parent: tuple[str, str] | None = None  # (foreign-key field, parent table)
    # Rows about a person (or owned by one) are hard-deleted with it on erasure.
    personal: bool = False
    # The field that identifies a row everywhere (CVR, P-nummer): the row id is derived
    # from it, so it never changes once the row exists.
    natural_key: str | None = None

    @property
    def all_fields(self) -> tuple[str, ...]:
        return (*self.fields, "deleted")


SYNCED_TABLES: dict[str, SyncedTable] = {}


def register(table: SyncedTable) -> SyncedTable:
    if table.scope_field is None and table.parent is None:
        raise ValueError(f"{table.name}: a synced table needs a scope field or a parent")
    SYNCED_TABLES[table.name] = table
    return table


register(SyncedTable(
    name="company",
    fields=(
        "cvr", "name", "address", "postcode", "city", "municipality_code", "industry_code",
        "industry_text", "employees", "phone", "email", "website", "marketing_protected",
        "phase", "consultant", "notes",
    ),
    scope_field="municipality_code",
    natural_key="cvr",
))
register(SyncedTable(
    name="production_unit",
    fields=("company_id", "pnr", "name", "address", "postcode", "city",
            "municipality_code", "employees"),
    parent=("company_id", "company"),
    natural_key="pnr",
))
register(SyncedTable(
    name="contact",
    fields=("company_id", "name", "role", "phone", "email", "trusted"),
    parent=("company_id", "company"),
    personal=True,
))


# Fields that hold a row id of another table without being its parent key: a row whose id
# changes (the natural-key migrations, store/rekey.py and server/rekey.py) is renamed there.
REFERENCES: dict[str, list[tuple[str, str]]] = {
    "production_unit": [("visit", "unit_id"), ("motivation_session", "unit_id")],
}


def children_of(table: str) -> list[SyncedTable]:
    """Tables whose rows hang under a row of `table` (for cascading erasure and scope)."""
    return [t for t in SYNCED_TABLES.values() if t.parent and t.parent[1] == table]


# Outreach work (issue 4): everything hangs under a company and takes its scope.
_UNDER_COMPANY = ("company_id", "company")
register(SyncedTable(
    name="visit",
    fields=("company_id", "unit_id", "date", "time", "kind", "consultant", "contact_ids",
            "notes", "agreed", "next_step", "next_due", "company_asked"),
    parent=_UNDER_COMPANY,
))
register(SyncedTable(
    name="follow_up",
    fields=("company_id", "visit_id", "due", "text", "consultant", "done", "done_at"),
    parent=_UNDER_COMPANY,
))
register(SyncedTable(
    name="motivation_session",
    fields=("company_id", "unit_id", "date", "time", "place", "format", "consultant",
            "messengers", "invited", "attended", "signed_up", "notes"),
    parent=_UNDER_COMPANY,
))
register(SyncedTable(
    name="phase_change",
    fields=("company_id", "from_phase", "to_phase", "changed_at", "changed_by", "reason"),
    parent=_UNDER_COMPANY,
))
register(SyncedTable(
    name="kpi_target",
    fields=("company_id", "description", "measure", "target_percent", "deadline",
            "employees", "manual_value"),
    parent=_UNDER_COMPANY,
))
register(SyncedTable(
    name="participant",
    fields=("company_id", "session_id", "name", "signed_up"),
    parent=_UNDER_COMPANY,
    personal=True,
))
