"""The word lists behind the demo data, shipped in resources/data (real Danish postcodes,
names, streets and industries)."""
from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from ..paths import data_file


@dataclass(frozen=True)
class Postcode:
    postcode: str
    city: str
    municipality_code: str
    town: str  # the city without its district letters, for names: "Odense C" -> "Odense"


@dataclass(frozen=True)
class Industry:
    code: str
    text: str
    owner_word: str  # "Hansens Tømrerfirma"
    town_word: str   # "Vejle Metal"


@dataclass(frozen=True)
class DemoWords:
    postcodes: tuple[Postcode, ...]
    by_municipality: dict[str, tuple[Postcode, ...]]
    industries: tuple[Industry, ...]
    first_names: tuple[str, ...]
    surnames: tuple[str, ...]
    streets: tuple[str, ...]
    consultants: tuple[str, ...]


_DISTRICTS = {"C", "K", "V", "Ø", "N", "S", "NV", "SV", "SØ", "M", "J", "F", "Sj", "Øst",
              "Strand"}


def _town(city: str) -> str:
    words = city.split()
    while len(words) > 1 and words[-1] in _DISTRICTS:
        words.pop()
    return " ".join(words)


def _rows(name: str) -> list[dict[str, str]]:
    with open(data_file(name), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def demo_words() -> DemoWords:
    postcodes = tuple(
        Postcode(r["postnr"], r["by"], r["kommunekode"].zfill(3), _town(r["by"]))
        for r in _rows("postnumre.csv"))
    grouped: dict[str, list[Postcode]] = defaultdict(list)
    for postcode in postcodes:
        grouped[postcode.municipality_code].append(postcode)
    industries = tuple(
        Industry(r["branchekode"], r["branchetekst"], r["firmaord"], r["byord"])
        for r in _rows("demo_brancher.csv"))
    names: dict[str, list[str]] = defaultdict(list)
    for row in _rows("demo_navne.csv"):
        names[row["slags"]].append(row["navn"])
    return DemoWords(
        postcodes=postcodes,
        by_municipality={code: tuple(items) for code, items in grouped.items()},
        industries=industries,
        first_names=tuple(names["fornavn"]),
        surnames=tuple(names["efternavn"]),
        streets=tuple(names["gade"]),
        consultants=tuple(names["konsulent"]),
    )
