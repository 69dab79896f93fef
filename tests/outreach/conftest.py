"""Fixtures for the outreach tests: a store with a company (and a reklamebeskyttet one)."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.store.companies import CompanyRepository

CVR = "13748136"
PROTECTED_CVR = "10000009"  # a valid CVR (modulus 11)


@pytest.fixture
def company_id(store) -> str:
    repo = CompanyRepository(store)
    with store.transaction():
        cid = repo.create({"cvr": CVR, "name": "Vejle Stål A/S", "municipality_code": "630",
                           "address": "Havnegade 4", "postcode": "7100", "city": "Vejle",
                           "consultant": "Anne Holm"})
        repo.add_unit(cid, {"pnr": "1003456789", "name": "Vejle Stål, værksted",
                            "employees": 60})
        repo.add_unit(cid, {"pnr": "1003456790", "name": "Vejle Stål, lager", "employees": 40})
        repo.add_contact(cid, {"name": "Bo Dahl", "role": "tr"})
        repo.add_contact(cid, {"name": "Lis Kjær", "role": "leder"})
    return cid


@pytest.fixture
def protected_id(store) -> str:
    with store.transaction():
        return CompanyRepository(store).create({
            "cvr": PROTECTED_CVR, "name": "Fredet Bageri ApS", "municipality_code": "615",
            "marketing_protected": True})


def outbox_count(store, table: str) -> int:
    return store.db.execute("SELECT count(*) FROM outbox WHERE tbl = ?", [table]).fetchone()[0]


def row_count(store, table: str) -> int:
    return store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
