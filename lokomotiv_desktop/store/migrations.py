"""Numbered schema steps keyed on PRAGMA user_version (as calibre's schema_upgrades).

A new database runs every step from 1, an old one only the missing steps, so both end in
the same schema. Never edit a released step: add a new one.
"""
from __future__ import annotations

import sqlite_utils

_SYNC_COLUMNS = "deleted INTEGER NOT NULL DEFAULT 0, clocks TEXT NOT NULL DEFAULT '{}'"


_STEP_1_CORE = f"""
    CREATE TABLE municipality (
        code TEXT PRIMARY KEY, name TEXT NOT NULL, region TEXT NOT NULL
    );
    CREATE TABLE company (
        id TEXT PRIMARY KEY,
        cvr TEXT NOT NULL,
        name TEXT NOT NULL,
        address TEXT NOT NULL DEFAULT '',
        postcode TEXT,
        city TEXT NOT NULL DEFAULT '',
        municipality_code TEXT,
        industry_code TEXT NOT NULL DEFAULT '',
        industry_text TEXT NOT NULL DEFAULT '',
        employees TEXT,
        phone TEXT,
        email TEXT,
        website TEXT NOT NULL DEFAULT '',
        marketing_protected INTEGER NOT NULL DEFAULT 0,
        phase INTEGER NOT NULL DEFAULT 1,
        consultant TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        {_SYNC_COLUMNS}
    );
    -- Not unique: two laptops may create the same CVR offline; sync must accept both.
    CREATE INDEX company_cvr ON company(cvr);
    CREATE INDEX company_name ON company(name COLLATE NOCASE);
    CREATE INDEX company_municipality ON company(municipality_code);
    CREATE INDEX company_phase ON company(phase);
    CREATE INDEX company_consultant ON company(consultant);
    CREATE TABLE production_unit (
        id TEXT PRIMARY KEY,
        company_id TEXT NOT NULL,
        pnr TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        postcode TEXT,
        city TEXT NOT NULL DEFAULT '',
        municipality_code TEXT,
        employees INTEGER,
        {_SYNC_COLUMNS}
    );
    CREATE INDEX production_unit_company ON production_unit(company_id);
    CREATE INDEX production_unit_pnr ON production_unit(pnr);
    CREATE TABLE contact (
        id TEXT PRIMARY KEY,
        company_id TEXT NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT 'andet',
        phone TEXT,
        email TEXT,
        trusted INTEGER NOT NULL DEFAULT 0,
        {_SYNC_COLUMNS}
    );
    CREATE INDEX contact_company ON contact(company_id);
    CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        change_id TEXT NOT NULL UNIQUE,
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        fields TEXT NOT NULL,
        clocks TEXT NOT NULL,
        base TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE INDEX outbox_row ON outbox(tbl, row_id);
    CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT);
    -- Erased (GDPR) rows: only the id survives, so an erased person never comes back.
    CREATE TABLE tombstone (
        tbl TEXT NOT NULL, row_id TEXT NOT NULL, erased TEXT NOT NULL,
        PRIMARY KEY (tbl, row_id)
    );
    CREATE TABLE sync_run (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started TEXT NOT NULL,
        finished TEXT,
        pushed INTEGER NOT NULL DEFAULT 0,
        pulled INTEGER NOT NULL DEFAULT 0,
        conflicts INTEGER NOT NULL DEFAULT 0,
        error TEXT
    );
    CREATE TABLE conflicts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        field TEXT NOT NULL,
        mine TEXT,
        theirs TEXT,
        mine_stamp TEXT,
        theirs_stamp TEXT,
        theirs_by TEXT,
        detected TEXT NOT NULL,
        resolved TEXT
    );
"""
# Foreign keys are declared by the sync registry, not the schema: rows may arrive from
# the server in any order (a contact before its company), so SQLite must not refuse them.


# One document per company (FTS rowid = company rowid): name, CVR, address, city, P-numbers
# and contact names, folded (æ->ae, ø->oe, å->aa) so "aarhus" and "århus" match.
_STEP_2_SEARCH = """
    CREATE VIRTUAL TABLE company_fts USING fts5(
        doc, tokenize = 'unicode61 remove_diacritics 2'
    );
"""


# (version, SQL script). Each runs inside one transaction with its version bump.
MIGRATIONS: list[tuple[int, str]] = [
    (1, _STEP_1_CORE),
    (2, _STEP_2_SEARCH),
]
LATEST = MIGRATIONS[-1][0]


class NewerSchemaError(RuntimeError):
    pass


def migrate(db: sqlite_utils.Database, target: int = LATEST) -> int:
    """Runs the missing steps up to target, each in its own transaction. Returns the version."""
    current = db.execute("PRAGMA user_version").fetchone()[0]
    if current > LATEST:
        raise NewerSchemaError(
            f"Databasen er lavet af en nyere version af Lokomotiv (skema {current}, "
            f"denne version kender {LATEST}). Opdater Lokomotiv."
        )
    for version, script in MIGRATIONS:
        if current < version <= target:
            # executescript commits anything pending first, so the transaction lives in
            # the script itself: a failing step leaves the schema as it was.
            try:
                db.conn.executescript(
                    f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;"
                )
            except BaseException:
                if db.conn.in_transaction:
                    db.conn.execute("ROLLBACK")
                raise
            current = version
    return current
