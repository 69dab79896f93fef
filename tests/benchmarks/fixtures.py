"""Large stores for the benchmarks, generated fast and cached under /tmp.

The 300 000-company store is written through the store itself (``changes.insert_many`` in
one transaction), so the search index, the per-field clocks and the outbox are the real
thing. It takes a minute or so once; later runs reuse the file, keyed by schema version and
the version of this generator (bump GENERATOR_VERSION when the data it makes changes).
"""
from __future__ import annotations

import os
import random
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store.migrations import LATEST
from lokomotiv_desktop.store.reference import load_municipalities

GENERATOR_VERSION = 2  # 2: compact insert clocks and 16 KiB pages (what new stores get)
CACHE_DIR = Path(os.environ.get("LOKOMOTIV_BENCH_CACHE", Path(tempfile.gettempdir())))

TRADES = [
    "Tømrerfirmaet", "Murerfirmaet", "Malerfirmaet", "VVS", "Elektrikerfirmaet", "Vognmand",
    "Bageriet", "Slagter", "Auto", "Anlægsgartner", "Rengøring", "Maskinfabrikken",
    "Smedeværkstedet", "Entreprenørfirmaet", "Transport", "Frisør", "Tandlæge", "Revision",
    "Advokatfirmaet", "Købmand", "Blomster", "Isenkræmmer", "Kloakmester", "Glarmester",
    "Plast", "Stål", "Møbelsnedkeriet", "Fiskeeksport", "Landbrug", "Svineproduktion",
]
SURNAMES = [
    "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
    "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Østergaard", "Lund",
    "Ågesen", "Bækgaard", "Kjær", "Dahl", "Holm", "Skov", "Brøndum", "Iversen",
]
FIRST_NAMES = [
    "Anne", "Mette", "Hanne", "Lene", "Søren", "Jens", "Peter", "Michael", "Lars", "Henrik",
    "Thomas", "Rasmus", "Birgitte", "Åse", "Bjørn", "Kirsten", "Jørgen", "Ida", "Freja", "Niels",
]
SUFFIXES = ["ApS", "A/S", "I/S", "& Søn ApS", "Holding ApS", "", ""]
STREETS = [
    "Vestergade", "Østergade", "Nørregade", "Søndergade", "Industrivej", "Håndværkervej",
    "Jernbanegade", "Åboulevarden", "Skovvej", "Kirkevej", "Havnegade", "Fabriksvej",
]
ROLES = ["leder", "hr", "tr", "ambassadør", "andet"]
BANDS = ["1-4", "5-9", "10-19", "20-49", "50-99", "100-199", "200-499"]


def cvr_numbers(start: int = 1_000_000) -> Iterator[str]:
    """Valid CVR numbers in increasing order (modulus 11, weights 2,7,6,5,4,3,2,1)."""
    weights = (2, 7, 6, 5, 4, 3, 2)
    for head in range(start, 10_000_000):
        digits = [int(d) for d in f"{head:07d}"]
        check = -sum(w * d for w, d in zip(weights, digits, strict=True)) % 11
        if check < 10:
            yield f"{head:07d}{check}"


def company_rows(count: int, seed: int = 1) -> Iterator[tuple[dict, dict, dict]]:
    """(company, production unit, contact) values for `count` companies."""
    rng = random.Random(seed)
    municipalities = load_municipalities()
    cvrs = cvr_numbers()
    for index in range(count):
        town = rng.choice(municipalities)
        postcode = str(1000 + rng.randrange(8990))
        name = f"{rng.choice(TRADES)} {rng.choice(SURNAMES)} {rng.choice(SUFFIXES)}".strip()
        street = f"{rng.choice(STREETS)} {rng.randrange(1, 200)}"
        company = {
            "cvr": next(cvrs), "name": name, "address": street, "postcode": postcode,
            "city": town.name, "municipality_code": town.code, "industry_code": "",
            "industry_text": "", "employees": rng.choice(BANDS), "website": "", "notes": "",
            "marketing_protected": int(rng.random() < 0.1), "phase": rng.randint(1, 5),
            "consultant": rng.choice(["", "", "Anne Holm", "Søren Dahl", "Ida Skov"]),
        }
        unit = {
            "pnr": f"{1_000_000_000 + index:010d}", "name": name, "address": street,
            "postcode": postcode, "city": town.name, "municipality_code": town.code,
            "employees": rng.randrange(1, 300),
        }
        contact = {
            "name": f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
            "role": rng.choice(ROLES), "trusted": int(rng.random() < 0.2),
        }
        yield company, unit, contact


def fill_store(store: Store, count: int, batch: int = 20_000) -> None:
    """Writes `count` companies, each with one P-unit and one contact, in one transaction."""
    rows = company_rows(count)
    with store.transaction():
        done = 0
        while done < count:
            chunk = [next(rows) for _ in range(min(batch, count - done))]
            ids = store.changes.insert_many("company", [c for c, _, _ in chunk])
            store.changes.insert_many(
                "production_unit", [{**u, "company_id": i} for (_, u, _), i in zip(chunk, ids, strict=True)])
            store.changes.insert_many(
                "contact", [{**k, "company_id": i} for (_, _, k), i in zip(chunk, ids, strict=True)])
            done += len(chunk)


def cached_store_path(count: int = 300_000, log=print) -> Path:
    """The path of a ready store with `count` companies, building it the first time."""
    path = CACHE_DIR / f"lokomotiv-bench-{count}-s{LATEST}-g{GENERATOR_VERSION}.db"
    if path.exists():
        return path
    log(f"# building a {count:,}-company store at {path} (once; cached for later runs)")
    started = time.perf_counter()
    building = path.with_suffix(".building")
    for leftover in CACHE_DIR.glob(building.name + "*"):
        leftover.unlink()
    store = Store(building)
    try:
        fill_store(store, count)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.db.execute("ANALYZE")
    finally:
        store.close()
    for stale in (Path(f"{path}-wal"), Path(f"{path}-shm")):  # never pair a new file
        stale.unlink(missing_ok=True)                          # with an old journal
    shutil.move(building, path)
    log(f"# built in {time.perf_counter() - started:.1f} s")
    return path


def working_copy(count: int, folder: Path) -> Path:
    """A private copy of the cached store, for benchmarks that write or must start cold."""
    target = folder / f"bench-{count}.db"
    shutil.copyfile(cached_store_path(count), target)
    return target
