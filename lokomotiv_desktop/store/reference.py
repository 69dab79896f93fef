"""Reference data shipped in resources/data (versioned, never typed in by users)."""
from __future__ import annotations

import csv
import hashlib

from ..domain.entities import Municipality
from ..paths import data_file


def load_municipalities() -> list[Municipality]:
    with open(data_file("kommuner.csv"), encoding="utf-8", newline="") as handle:
        return [
            Municipality(code=row["kode"].zfill(3), name=row["navn"], region=row["region"])
            for row in csv.DictReader(handle)
        ]


def reference_version() -> str:
    return hashlib.sha256(data_file("kommuner.csv").read_bytes()).hexdigest()[:16]


def refresh_reference_data(db) -> None:
    """Loads the municipalities when the shipped file differs from what the store has."""
    version = reference_version()
    row = db.execute("SELECT value FROM sync_state WHERE key = 'reference_version'").fetchone()
    if row and row[0] == version:
        return
    rows = [(m.code, m.name, m.region) for m in load_municipalities()]
    db.execute("BEGIN IMMEDIATE")
    try:
        db.conn.executemany(
            "INSERT INTO municipality(code, name, region) VALUES (?, ?, ?) "
            "ON CONFLICT(code) DO UPDATE SET name = excluded.name, region = excluded.region",
            rows,
        )
        db.execute(
            "INSERT OR REPLACE INTO sync_state(key, value) VALUES ('reference_version', ?)",
            [version],
        )
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
