"""The JSON form of companies: a stable scripting interface, documented in docs/cli.md.

Add keys only at the end of a version and never rename one: scripts depend on them.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..domain.entities import Company, Contact, ProductionUnit


def company_to_json(company: Company) -> dict[str, Any]:
    return {
        "cvr": company.cvr,
        "name": company.name,
        "address": company.address,
        "postcode": company.postcode,
        "city": company.city,
        "municipality_code": company.municipality_code,
        "industry_code": company.industry_code,
        "industry_text": company.industry_text,
        "employees": company.employees,
        "phone": company.phone,
        "email": company.email,
        "website": company.website,
        "marketing_protected": bool(company.marketing_protected),
        "phase": int(company.phase),
        "consultant": company.consultant,
        "notes": company.notes,
        "production_units": [_unit_to_json(unit) for unit in company.production_units],
        "contacts": [_contact_to_json(contact) for contact in company.contacts],
    }


def _unit_to_json(unit: ProductionUnit) -> dict[str, Any]:
    return {
        "pnr": unit.pnr,
        "name": unit.name,
        "address": unit.address,
        "postcode": unit.postcode,
        "city": unit.city,
        "municipality_code": unit.municipality_code,
        "employees": unit.employees,
    }


def _contact_to_json(contact: Contact) -> dict[str, Any]:
    return {
        "name": contact.name,
        "role": contact.role.value,
        "phone": contact.phone,
        "email": contact.email,
        "trusted": bool(contact.trusted),
    }


def search_to_json(companies: Iterable[Company]) -> list[dict[str, Any]]:
    return [
        {"cvr": c.cvr, "name": c.name, "city": c.city, "municipality_code": c.municipality_code}
        for c in companies
    ]
