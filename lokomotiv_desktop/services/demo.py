"""Realistic Danish demo data: companies with P-units and contacts, made fast enough to
fill a store with 300 000 companies for the benchmarks.

The same seed gives the same companies. Values are in the form the validators produce
(phone "+45XXXXXXXX", lower-case e-mail), so opening and saving a demo company in the editor
changes nothing.
"""
from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..domain.enums import EmployeeBand
from ..domain.text import fold_danish
from ..store.database import Store
from .demo_data import DemoWords, demo_words

_BATCH = 1_000  # companies per write and progress report: about half a second each
_SUFFIXES = ("ApS", "A/S", "I/S", "")
_SUFFIX_WEIGHTS = (55, 25, 5, 15)
_BANDS = ("1-4", "5-9", "10-19", "20-49", "50-99", "100-199", "200-499", "500-999", "1000+")
_BAND_WEIGHTS = (22, 20, 20, 18, 9, 6, 3, 1, 1)
_PHASE_WEIGHTS = (35, 25, 20, 12, 8)  # most companies are still being won over
_UNIT_WEIGHTS = (60, 28, 12)          # 1, 2 or 3 P-units
_CONTACT_WEIGHTS = (25, 35, 25, 15)   # 1-4 contacts
_ROLES = ("leder", "hr", "tr", "ambassadør")


@dataclass
class DemoCompany:
    company: dict
    units: list[dict]
    contacts: list[dict]


class DemoGenerator:
    """Makes one company after another; CVR and P-numbers are unique (and CVR numbers pass
    the modulus-11 check) and never collide with the numbers given in ``taken_*``."""

    def __init__(self, seed: int = 1, taken_cvrs: set[str] = frozenset(),
                 words: DemoWords | None = None, taken_pnrs: set[str] = frozenset()):
        self.rng = random.Random(seed)
        self.words = words or demo_words()
        self._cvrs = set(taken_cvrs)
        self._pnrs = set(taken_pnrs)

    def companies(self, count: int) -> Iterator[DemoCompany]:
        for _ in range(count):
            yield self.company()

    def company(self) -> DemoCompany:
        rng, words = self.rng, self.words
        place = rng.choice(words.postcodes)
        industry = rng.choice(words.industries)
        name = self._name(place.town, industry)
        slug = "".join(ch for ch in fold_danish(name.rsplit(" ", 1)[0]) if ch.isalnum())[:30]
        band = rng.choices(_BANDS, _BAND_WEIGHTS)[0]
        street = f"{rng.choice(words.streets)} {rng.randint(1, 150)}"
        company = {
            "cvr": self._cvr(), "name": name, "address": street, "postcode": place.postcode,
            "city": place.city, "municipality_code": place.municipality_code,
            "industry_code": industry.code, "industry_text": industry.text, "employees": band,
            "phone": self._phone() if rng.random() < 0.7 else None,
            "email": f"info@{slug}.dk" if rng.random() < 0.6 else None,
            "website": f"www.{slug}.dk" if rng.random() < 0.5 else "",
            "marketing_protected": rng.random() < 0.08,
            "phase": rng.choices((1, 2, 3, 4, 5), _PHASE_WEIGHTS)[0],
            "consultant": rng.choice(words.consultants) if rng.random() < 0.9 else "",
            "notes": "",
        }
        lower = EmployeeBand(band).lower
        units = [self._unit(company, index, lower)
                 for index in range(rng.choices((1, 2, 3), _UNIT_WEIGHTS)[0])]
        contacts = [self._contact(role, slug)
                    for role in _ROLES[:rng.choices((1, 2, 3, 4), _CONTACT_WEIGHTS)[0]]]
        return DemoCompany(company, units, contacts)

    def _name(self, town: str, industry) -> str:
        rng, words = self.rng, self.words
        suffix = rng.choices(_SUFFIXES, _SUFFIX_WEIGHTS)[0]
        pick = rng.random()
        if pick < 0.45:
            base = f"{rng.choice(words.surnames)}s {industry.owner_word}"
        elif pick < 0.75:
            base = f"{town} {industry.town_word}"
        elif pick < 0.9:
            first, second = rng.sample(words.surnames, 2)
            base = f"{first} & {second} {industry.town_word}"
        else:
            base = f"{rng.choice(words.first_names)} {rng.choice(words.surnames)} " \
                   f"{industry.town_word}"
            suffix = ""  # a one-man business has no company form in its name
        return f"{base} {suffix}".strip()

    def _cvr(self) -> str:
        while True:
            digits = str(self.rng.randint(1_000_000, 9_999_999))
            total = sum(int(d) * w for d, w in zip(digits, (2, 7, 6, 5, 4, 3, 2), strict=True))
            check = -total % 11  # the weight of the check digit is 1
            if check == 10:
                continue  # no digit makes this one valid
            cvr = digits + str(check)
            if cvr not in self._cvrs:
                self._cvrs.add(cvr)
                return cvr

    def _pnr(self) -> str:
        while True:
            pnr = str(self.rng.randint(1_000_000_000, 1_039_999_999))
            if pnr not in self._pnrs:
                self._pnrs.add(pnr)
                return pnr

    def _phone(self) -> str:
        return f"+45{self.rng.randint(20_000_000, 99_999_999)}"

    def _unit(self, company: dict, index: int, lower: int) -> dict:
        rng, words = self.rng, self.words
        if index == 0:
            address, postcode, city = company["address"], company["postcode"], company["city"]
            code, name = company["municipality_code"], company["name"]
        else:
            nearby = words.by_municipality[company["municipality_code"]]
            place = rng.choice(nearby if rng.random() < 0.7 else words.postcodes)
            address = f"{rng.choice(words.streets)} {rng.randint(1, 150)}"
            postcode, city, code = place.postcode, place.city, place.municipality_code
            name = f"{company['name']}, afd. {place.town}"
        return {"pnr": self._pnr(), "name": name, "address": address, "postcode": postcode,
                "city": city, "municipality_code": code,
                "employees": max(1, lower + rng.randint(0, max(4, lower)))}

    def _contact(self, role: str, slug: str) -> dict:
        rng, words = self.rng, self.words
        first, last = rng.choice(words.first_names), rng.choice(words.surnames)
        local = fold_danish(first)
        return {"name": f"{first} {last}", "role": role,
                "phone": self._phone() if rng.random() < 0.8 else None,
                "email": f"{local}@{slug}.dk" if rng.random() < 0.7 else None,
                "trusted": role in ("tr", "ambassadør")}


DEMO_STATE_KEY = "demo"
_ACTIVITY_COMPANIES = 120  # companies that get visits, tasks and sessions in the demo


class DemoRefused(ValueError):
    """Demo data would mix with real, shared data; the message says what to do instead."""


def is_demo_store(store: Store) -> bool:
    """A store with demo data never syncs: fake companies must not reach the shared store."""
    return store.get_state(DEMO_STATE_KEY) == "1"


def load_demo(store: Store, companies: int = 500, seed: int = 1,
              progress: Callable[[int, int], None] | None = None,
              activity: bool = True) -> int:
    """Adds `companies` demo companies (and some outreach activity) to the store and marks
    it as a demo store; returns how many companies were added.

    All of it is one transaction: stopped part way (Ctrl+C, an exception raised by
    `progress`), none of it is kept. Demo rows leave no outbox entries: they are local to
    this laptop by design. A store that has been connected to a shared store is refused
    (DemoRefused)."""
    if store.get_state("server_url"):
        raise DemoRefused(
            "Demodata kan kun lægges i en lokal database, der aldrig har været forbundet til "
            "et fælles lager. Brug en ny databasefil, fx: lokomotiv --db demo.db demo")
    taken = {r[0] for r in store.db.execute("SELECT cvr FROM company")}
    taken_pnrs = {r[0] for r in store.db.execute("SELECT pnr FROM production_unit")}
    generator = DemoGenerator(seed, taken, taken_pnrs=taken_pnrs)
    with store.transaction():
        before = store.db.execute("SELECT coalesce(max(seq), 0) FROM outbox").fetchone()[0]
        store.set_state(DEMO_STATE_KEY, "1")
        done = 0
        while done < companies:
            batch = list(generator.companies(min(_BATCH, companies - done)))
            _write_batch(store, batch)
            # Per batch, so that a large demo never holds millions of outbox rows at once.
            store.db.execute("DELETE FROM outbox WHERE seq > ?", [before])
            done += len(batch)
            if progress:
                progress(done, companies)
        if activity:
            from .demo_activity import add_demo_activity
            from .demo_people import add_demo_people

            add_demo_activity(store, min(companies, _ACTIVITY_COMPANIES), seed)
            add_demo_people(store, seed)
            from .demo_association import add_demo_association
            from .demo_courses import add_demo_courses

            add_demo_courses(store, seed)
            add_demo_association(store, seed)
            store.db.execute("DELETE FROM outbox WHERE seq > ?", [before])
    return done


def _write_batch(store: Store, batch: list[DemoCompany]) -> None:
    # The writer makes the ids: a company's and a P-unit's follow from CVR and P-nummer.
    company_ids = store.changes.insert_many("company", [item.company for item in batch])
    units, contacts = [], []
    for company_id, item in zip(company_ids, batch, strict=True):
        units += [{**unit, "company_id": company_id} for unit in item.units]
        contacts += [{**contact, "company_id": company_id} for contact in item.contacts]
    store.changes.insert_many("production_unit", units)
    store.changes.insert_many("contact", contacts)


def demo_cvr_rows(count: int, seed: int = 1) -> Iterator[list[str]]:
    """`count` rows of a CVR extract in the canonical column order (cvr_file.CANONICAL):
    one row per P-unit, the company columns repeated. For tests and the import benchmark."""
    made = 0
    for item in DemoGenerator(seed).companies(count):
        c = item.company
        head = [c["cvr"], c["name"], c["address"], c["postcode"], c["city"],
                c["municipality_code"], c["industry_code"], c["industry_text"], c["employees"],
                "ja" if c["marketing_protected"] else "nej"]
        for unit in item.units:
            yield head + [unit["pnr"], unit["name"], unit["address"], unit["postcode"],
                          unit["city"], unit["municipality_code"], str(unit["employees"])]
            made += 1
            if made == count:
                return
