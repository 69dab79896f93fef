"""Entities of the domain as plain dataclasses. Ids are UUIDv7 strings made on the laptop."""
from __future__ import annotations

from dataclasses import dataclass, field

from .enums import ContactRole, Phase


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    region: str


@dataclass
class ProductionUnit:
    id: str
    company_id: str
    pnr: str
    name: str = ""
    address: str = ""
    postcode: str | None = None
    city: str = ""
    municipality_code: str | None = None
    employees: int | None = None


@dataclass
class Contact:
    id: str
    company_id: str
    name: str
    role: ContactRole = ContactRole.ANDET
    phone: str | None = None
    email: str | None = None
    trusted: bool = False  # a trusted messenger towards colleagues (ambassador, TR...)


@dataclass
class Company:
    id: str
    cvr: str
    name: str
    address: str = ""
    postcode: str | None = None
    city: str = ""
    municipality_code: str | None = None
    industry_code: str = ""
    industry_text: str = ""
    employees: str | None = None  # an EmployeeBand value, as the CVR register gives it
    phone: str | None = None
    email: str | None = None
    website: str = ""
    marketing_protected: bool = False  # reklamebeskyttet in the CVR register
    phase: Phase = Phase.AFKLARING
    consultant: str = ""
    notes: str = ""
    production_units: list[ProductionUnit] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)


# The fields a user may edit on a company, in form order; shared by the form, the CLI and
# the JSON scripting interface so they are validated the same way everywhere.
COMPANY_FIELDS = (
    "cvr", "name", "address", "postcode", "city", "municipality_code", "industry_code",
    "industry_text", "employees", "phone", "email", "website", "marketing_protected",
    "phase", "consultant", "notes",
)
PRODUCTION_UNIT_FIELDS = (
    "pnr", "name", "address", "postcode", "city", "municipality_code", "employees",
)
CONTACT_FIELDS = ("name", "role", "phone", "email", "trusted")
