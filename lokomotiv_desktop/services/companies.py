"""Saving a company with its P-units and contacts, as the editor and `company set` do.

Everything is validated first with the same rules as the form (domain.company_rules); one
invalid value raises InvalidInput and nothing is written. Valid input is written in one
transaction, and only the fields whose value changed get a new clock and an outbox row.

A form passes what it loaded (``loaded``): then only the fields whose new value differs from
the loaded one are written, and a field that someone else changed since (another tab, a
sync) while the person changed it too raises ChangedUnderneath instead of silently winning.
The outreach services (visits, sessions, KPI targets) use the same ``three_way``.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from ..domain.company_rules import (
    clean_company_field,
    clean_contact_field,
    clean_fields,
    clean_production_unit_field,
)
from ..domain.entities import COMPANY_FIELDS, Company
from ..domain.validation import ValidationError, validate_cvr
from ..store.changes import plain
from ..store.companies import CompanyRepository
from ..store.database import Store
from ..sync.identity import natural_id
from .company_json import company_to_json, search_to_json

__all__ = [
    "InvalidInput", "UnknownCompany", "save_company", "set_company_fields",
    "company_to_json", "search_to_json", "find_company", "ChangedUnderneath", "Conflict",
    "three_way", "CVR_IS_IDENTITY",
]

CVR_IS_IDENTITY = ("CVR-nummeret er virksomhedens identitet og kan ikke ændres på en gemt "
                   "virksomhed. Opret virksomheden med det rigtige CVR-nummer og slet den forkerte.")
PNR_IS_IDENTITY = ("P-nummeret er P-enhedens identitet og kan ikke ændres på en gemt P-enhed. "
                   "Slet P-enheden, og tilføj den med det rigtige P-nummer.")


class InvalidInput(ValueError):
    """One or more values are not acceptable. ``errors`` maps a field path such as "cvr",
    "units[0].pnr" or "contacts[1].email" to a Danish message for the user."""

    def __init__(self, errors: Mapping[str, str]):
        self.errors = dict(errors)
        super().__init__("\n".join(f"{key}: {message}" for key, message in self.errors.items()))


class UnknownCompany(LookupError):
    """No company has this CVR number; the message is for the user, in Danish."""


@dataclass(frozen=True)
class Conflict:
    """A field the person changed that was changed underneath too. ``key`` is the field, or
    "units[2].name" / "contacts[0].phone" (the index of the item sent, as in InvalidInput)."""

    key: str
    theirs: Any  # the value stored now
    mine: Any    # the person's value, cleaned


class ChangedUnderneath(Exception):
    """Nothing was written: these fields changed since the form loaded them. The form asks
    which value to keep, then saves again with the stored value as its new ``loaded`` one."""

    def __init__(self, conflicts: Iterable[Conflict]):
        self.conflicts = list(conflicts)
        super().__init__("Ændret af en anden imens: " + ", ".join(c.key for c in self.conflicts))


def same(a: Any, b: Any) -> bool:
    """Equal as stored: enums by value, booleans as 0/1, empty text as no value."""
    def norm(value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return tuple(norm(v) for v in value)
        value = plain(value.value if isinstance(value, Enum) else value)
        return None if value == "" else value
    return norm(a) == norm(b)


def three_way(new: Mapping[str, Any], loaded: Mapping[str, Any] | None,
              current: Mapping[str, Any], prefix: str = "") -> tuple[dict[str, Any], list[Conflict]]:
    """Of ``new`` (clean values of the fields the person sent): those to write, and the
    conflicts. Without ``loaded`` (the CLI) every field sent is the person's edit. A field is
    written when it differs from what was loaded; it conflicts when the stored value moved
    away from the loaded one as well (and does not already equal the person's)."""
    write: dict[str, Any] = {}
    conflicts: list[Conflict] = []
    for name, value in new.items():
        seen = loaded.get(name, current.get(name)) if loaded is not None else None
        if loaded is not None and same(value, seen):
            continue  # not changed by the person (or changed and changed back)
        stored = current.get(name)
        if same(value, stored):
            continue
        if loaded is not None and not same(stored, seen):
            conflicts.append(Conflict(prefix + name, stored, value))
        else:
            write[name] = value
    return write, conflicts


def save_company(
    store: Store,
    company_id: str | None,
    values: Mapping[str, Any],
    units: Iterable[Mapping[str, Any]] = (),
    contacts: Iterable[Mapping[str, Any]] = (),
    loaded: Company | None = None,
) -> str:
    """Creates (company_id None) or updates a company; returns its id.

    Unit and contact items are field dicts with an optional "id" (an existing row) and an
    optional "deleted": True (remove that row). ``loaded``: the company as the form loaded
    it (with its P-units and contacts); see the module's note. A saved company's CVR number
    never changes (InvalidInput).
    """
    company_id, _ = _save(store, company_id, values, list(units), list(contacts), loaded)
    return company_id


def set_company_fields(store: Store, cvr: str, assignments: Mapping[str, str]) -> dict[str, Any]:
    """`company set`: the company's fields, validated as the form does. Returns the fields
    that changed with their new values (empty when everything was already so)."""
    company = find_company(store, cvr)
    unknown = [name for name in assignments if name not in COMPANY_FIELDS]
    if unknown:
        known = ", ".join(COMPANY_FIELDS)
        raise InvalidInput({name: f"Ukendt felt «{name}». Brug et af: {known}." for name in unknown})
    _, changed = _save(store, company.id, assignments, [], [])
    return {name: plain(value) for name, value in changed.items()}


def find_company(store: Store, cvr: str) -> Company:
    """The company with this CVR number (validated first, so a typo gets a clear message)."""
    try:
        number = validate_cvr(cvr)
    except ValidationError as exc:
        raise InvalidInput({"cvr": exc.message}) from None
    company = CompanyRepository(store).get_by_cvr(number)
    if company is None:
        raise UnknownCompany(f"Der er ingen virksomhed med CVR-nummer {number} i databasen.")
    return company


# -- validation ------------------------------------------------------------------------------
def _validate(store, company_id, values, units, contacts):
    repo = CompanyRepository(store)
    codes = repo.municipality_codes()
    clean, errors = clean_fields(clean_company_field, values, codes)
    if company_id is None:
        for required, label in (("cvr", "CVR-nummer"), ("name", "Navn")):
            if required not in values:
                errors.setdefault(required, f"{label} mangler.")
    if "cvr" in clean and company_id is not None and clean["cvr"] != _stored_cvr(store,
                                                                                   company_id):
        errors["cvr"] = CVR_IS_IDENTITY  # ids derive from it: changing it breaks identity
    elif "cvr" in clean and _cvr_taken(store, clean["cvr"], company_id):
        errors["cvr"] = (f"Der findes allerede en virksomhed med CVR-nummer {clean['cvr']}. "
                         "Åbn den i stedet for at oprette den igen.")
    clean_units = _validate_children(
        store, "units", "production_unit", company_id, units, errors,
        lambda fields: clean_fields(clean_production_unit_field, fields, codes), required="pnr")
    clean_contacts = _validate_children(
        store, "contacts", "contact", company_id, contacts, errors,
        lambda fields: clean_fields(clean_contact_field, fields), required="name")
    _check_unique_pnr(clean_units, errors)
    _check_unit_identity(store, company_id, clean_units, errors)
    if errors:
        raise InvalidInput(errors)
    return clean, clean_units, clean_contacts


def _validate_children(store, key, table, company_id, items, errors, cleaner, required):
    """Validates unit or contact items; returns (row id or None, deleted, clean fields)."""
    existing = _child_ids(store, table, company_id)
    cleaned = []
    for index, item in enumerate(items):
        row_id = item.get("id")
        if row_id is not None and row_id not in existing:
            errors[f"{key}[{index}].id"] = "Rækken findes ikke længere. Genindlæs virksomheden."
            continue
        if item.get("deleted"):
            if row_id is not None:
                cleaned.append((row_id, True, {}))
            continue
        fields = {k: v for k, v in item.items() if k not in ("id", "deleted")}
        clean, item_errors = cleaner(fields)
        if row_id is None and required not in fields:
            item_errors.setdefault(required, "Feltet skal udfyldes.")
        for field, message in item_errors.items():
            errors[f"{key}[{index}].{field}"] = message
        cleaned.append((row_id, False, clean))
    return cleaned


def _child_ids(store, table, company_id) -> set[str]:
    if company_id is None:
        return set()
    return {r[0] for r in store.db.execute(
        f"SELECT id FROM {table} WHERE company_id = ? AND deleted = 0", [company_id])}


def _check_unique_pnr(units, errors) -> None:
    seen: dict[str, int] = {}
    for index, (_, deleted, fields) in enumerate(units):
        pnr = fields.get("pnr")
        if deleted or not pnr:
            continue
        if pnr in seen:
            errors[f"units[{index}].pnr"] = (
                f"P-nummer {pnr} står allerede på en anden P-enhed i denne virksomhed.")
        seen[pnr] = index


def _check_unit_identity(store, company_id, units, errors) -> None:
    """A P-unit's id derives from its P-nummer (sync/identity.py): a saved one keeps its
    number, and a new one may not take a number another live P-unit has."""
    going = {row_id for row_id, deleted, _ in units if deleted}
    for index, (row_id, deleted, fields) in enumerate(units):
        pnr = fields.get("pnr")
        if deleted or not pnr:
            continue
        key = f"units[{index}].pnr"
        if row_id is not None:
            stored = store.db.execute("SELECT pnr FROM production_unit WHERE id = ?",
                                      [row_id]).fetchone()
            if stored and stored[0] != pnr:
                errors.setdefault(key, PNR_IS_IDENTITY)
            continue
        owner = store.db.execute(
            "SELECT u.id, u.company_id, c.name, c.cvr FROM production_unit u "
            "LEFT JOIN company c ON c.id = u.company_id WHERE u.id = ? AND u.deleted = 0",
            [natural_id("production_unit", pnr)]).fetchone()
        if owner is None or owner[0] in going:
            continue
        if owner[1] == company_id:
            errors.setdefault(key, f"P-nummer {pnr} står allerede på en anden P-enhed i "
                                   "denne virksomhed.")
        else:
            errors.setdefault(key, f"P-nummer {pnr} hører allerede til {owner[2]} (CVR "
                                   f"{owner[3]}). Ret det dér, hvis P-enheden er flyttet.")


def _stored_cvr(store, company_id: str) -> str | None:
    row = store.db.execute("SELECT cvr FROM company WHERE id = ?", [company_id]).fetchone()
    return row[0] if row else None


def _cvr_taken(store, cvr: str, company_id: str | None) -> bool:
    row = store.db.execute(
        "SELECT 1 FROM company WHERE cvr = ? AND deleted = 0 AND id IS NOT ? LIMIT 1",
        [cvr, company_id]).fetchone()
    return row is not None


# -- writing -------------------------------------------------------------------------------
def _save(store, company_id, values, units, contacts, loaded=None) -> tuple[str, dict[str, Any]]:
    clean, clean_units, clean_contacts = _validate(store, company_id, values, units, contacts)
    repo = CompanyRepository(store)
    with store.transaction():  # the comparison and the writes see the same stored rows
        if company_id is None:
            company_id = repo.create(clean)
            changed = dict(clean)
        else:
            current = repo.get(company_id)
            if current is None:
                raise UnknownCompany("Virksomheden findes ikke længere. Genindlæs listen.")
            clean, conflicts = three_way(clean, _fields(loaded), _fields(current))
            for key, items in (("units", clean_units), ("contacts", clean_contacts)):
                conflicts += _child_edits(key, items, loaded, current)
            if conflicts:
                raise ChangedUnderneath(conflicts)
            changed = repo.update(company_id, clean) if clean else {}
        # Removed P-units first: one added again with the same P-nummer is that row.
        for row_id, deleted, fields in sorted(clean_units, key=lambda unit: not unit[1]):
            _write_child(row_id, deleted, fields, company_id, repo.add_unit,
                         repo.update_unit, repo.delete_unit)
        for row_id, deleted, fields in clean_contacts:
            _write_child(row_id, deleted, fields, company_id, repo.add_contact,
                         repo.update_contact, repo.delete_contact)
    return company_id, changed


def _fields(entity) -> dict[str, Any] | None:
    if entity is None:
        return None
    return {name: value for name, value in vars(entity).items()
            if name not in ("id", "company_id", "production_units", "contacts")}


def _child_edits(key, items, loaded, current) -> list[Conflict]:
    """Narrows each stored row's fields to the person's edits, in place; their conflicts."""
    attribute = "production_units" if key == "units" else "contacts"
    stored = {row.id: row for row in getattr(current, attribute)}
    seen = {row.id: row for row in getattr(loaded, attribute)} if loaded is not None else {}
    conflicts: list[Conflict] = []
    for index, (row_id, deleted, fields) in enumerate(items):
        if row_id is None or deleted or row_id not in stored:
            continue
        before = _fields(seen.get(row_id)) if loaded is not None else None
        write, found = three_way(fields, before if before is not None else (
            {} if loaded is not None else None), _fields(stored[row_id]), f"{key}[{index}].")
        items[index] = (row_id, deleted, write)
        conflicts += found
    return conflicts


def _write_child(row_id, deleted, fields, company_id, add, update, delete) -> None:
    if deleted:
        delete(row_id)
    elif row_id is None:
        add(company_id, fields)
    elif fields:
        update(row_id, fields)
