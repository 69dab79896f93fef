"""Danish postcodes (resources/data/postnumre.csv): the city and municipality a postcode
belongs to, for forms that fill in By and propose the Kommune."""
from __future__ import annotations

import csv
from functools import cache

from ..paths import data_file


@cache
def _table() -> dict[str, tuple[str, str]]:
    with open(data_file("postnumre.csv"), encoding="utf-8", newline="") as handle:
        return {row["postnr"].strip(): (row["by"].strip(), row["kommunekode"].strip().zfill(3))
                for row in csv.DictReader(handle)}


def lookup(postcode: str) -> tuple[str, str] | None:
    """(city, municipality code) of a 4-digit postcode, or None when it is not known."""
    postcode = postcode.strip()
    if len(postcode) != 4 or not postcode.isdigit():
        return None
    return _table().get(postcode)
