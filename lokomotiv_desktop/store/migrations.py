"""Numbered schema steps keyed on PRAGMA user_version (as calibre's schema_upgrades).

A new database runs every step from 1, an old one only the missing steps, so both end in
the same schema. Never edit a released step: add a new one.
"""
from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from .migration_association import STEP_11_ASSOCIATION
from .migration_courses import STEP_10_COURSES
from .migration_participants import step_9_participants
from .rekey import rekey_natural_ids

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


# Outreach work (issue 4). Lists that a consultant writes as a whole (the contacts at a
# visit, the messengers at a session) are JSON lists in one field: they sync as one field
# with its own clock, and a concurrent edit lands in `conflicts` instead of merging silently.
# Dates are ISO text (YYYY-MM-DD), times HH:MM, timestamps ISO UTC, so they sort as text.
_STEP_3_OUTREACH = f"""
    CREATE TABLE visit (
        id TEXT PRIMARY KEY,
        company_id TEXT NOT NULL,
        unit_id TEXT,
        date TEXT NOT NULL,
        time TEXT,
        kind TEXT NOT NULL DEFAULT 'andet',
        consultant TEXT NOT NULL DEFAULT '',
        contact_ids TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '',
        agreed TEXT NOT NULL DEFAULT '',
        next_step TEXT NOT NULL DEFAULT '',
        next_due TEXT,
        company_asked INTEGER NOT NULL DEFAULT 0,
        {_SYNC_COLUMNS}
    );
    CREATE INDEX visit_company ON visit(company_id, date);
    CREATE INDEX visit_consultant ON visit(consultant, date);
    CREATE INDEX visit_date ON visit(date);
    CREATE TABLE follow_up (
        id TEXT PRIMARY KEY,
        company_id TEXT NOT NULL,
        visit_id TEXT,
        due TEXT NOT NULL,
        text TEXT NOT NULL,
        consultant TEXT NOT NULL DEFAULT '',
        done INTEGER NOT NULL DEFAULT 0,
        done_at TEXT,
        {_SYNC_COLUMNS}
    );
    -- (…, deleted, due): the board's "next follow-up" is one seek per company.
    CREATE INDEX follow_up_company ON follow_up(company_id, done, deleted, due);
    CREATE INDEX follow_up_open ON follow_up(done, due);
    CREATE TABLE motivation_session (
        id TEXT PRIMARY KEY,
        company_id TEXT NOT NULL,
        unit_id TEXT,
        date TEXT NOT NULL,
        time TEXT,
        place TEXT NOT NULL DEFAULT '',
        format TEXT NOT NULL DEFAULT 'informationsmøde',
        consultant TEXT NOT NULL DEFAULT '',
        messengers TEXT NOT NULL DEFAULT '[]',
        invited INTEGER,
        attended INTEGER,
        signed_up INTEGER,
        notes TEXT NOT NULL DEFAULT '',
        {_SYNC_COLUMNS}
    );
    CREATE INDEX motivation_session_company ON motivation_session(company_id, date);
    CREATE INDEX motivation_session_consultant ON motivation_session(consultant, date);
    CREATE INDEX motivation_session_date ON motivation_session(date);
    CREATE TABLE phase_change (
        id TEXT PRIMARY KEY,
        company_id TEXT NOT NULL,
        from_phase INTEGER,
        to_phase INTEGER NOT NULL,
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        {_SYNC_COLUMNS}
    );
    CREATE INDEX phase_change_company ON phase_change(company_id, to_phase, deleted, changed_at);
    CREATE TABLE kpi_target (
        id TEXT PRIMARY KEY,
        company_id TEXT NOT NULL,
        description TEXT NOT NULL,
        measure TEXT NOT NULL DEFAULT 'tilmeldt screening',
        target_percent REAL NOT NULL,
        deadline TEXT NOT NULL,
        employees INTEGER,
        manual_value REAL,
        {_SYNC_COLUMNS}
    );
    CREATE INDEX kpi_target_company ON kpi_target(company_id);
    -- The minimal participant (a name and a sign-up flag, registered from a session); the
    -- participants issue adds its columns to this table in a later step.
    CREATE TABLE participant (
        id TEXT PRIMARY KEY,
        company_id TEXT NOT NULL,
        session_id TEXT,
        name TEXT NOT NULL,
        signed_up INTEGER NOT NULL DEFAULT 0,
        {_SYNC_COLUMNS}
    );
    CREATE INDEX participant_company ON participant(company_id);
    CREATE INDEX participant_session ON participant(session_id);
"""


# Search as a list index (issue 2, speed at 300 000 companies): one row per live company
# with the columns the list sorts and filters on, as external content for the FTS index,
# which gains prefix indexes. Store() fills it (search.rebuild) when it is empty.
_STEP_4_SEARCH_LIST = """
    DROP TABLE company_fts;
    CREATE TABLE company_search (
        company_rowid INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        municipality_code TEXT,
        phase INTEGER NOT NULL,
        consultant TEXT NOT NULL,
        doc TEXT NOT NULL
    );
    -- Covering, filters included: type-ahead walks names in order testing each document
    -- without a lookup, and sorts index hits by name without reading the wide rows.
    CREATE INDEX company_search_name ON company_search(
        name COLLATE NOCASE, company_rowid, doc, municipality_code, phase, consultant);
    CREATE INDEX company_search_key ON company_search(
        company_rowid, name COLLATE NOCASE, municipality_code, phase, consultant);
    CREATE INDEX company_search_municipality ON company_search(municipality_code);
    CREATE INDEX company_search_phase ON company_search(phase);
    CREATE INDEX company_search_consultant ON company_search(consultant);
    CREATE VIRTUAL TABLE company_fts USING fts5(
        doc, content = 'company_search', content_rowid = 'company_rowid',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4'
    );
"""


# A lighter full-text tokenizer (issue 2, import speed): the documents are folded words
# separated by spaces already (search.search_doc), and so are the typed words, so the plain
# ascii tokenizer splits them exactly as unicode61 did, with less work per word. Measured at
# 300 000 companies, longer prefixes are found faster too ("aarhus" 3.3 -> 2.1 ms). (Without
# positions, detail=none, they took twice as long; without the one-letter prefix index, a
# query like "søren k" read most of the index: both stay.)
_STEP_5_ASCII_FTS = """
    DROP TABLE company_fts;
    CREATE VIRTUAL TABLE company_fts USING fts5(
        doc, content = 'company_search', content_rowid = 'company_rowid',
        tokenize = 'ascii', prefix = '1 2 3 4'
    );
    INSERT INTO company_fts(company_fts) VALUES ('rebuild');
"""


# Pulled rows this store cannot hold (a value the domain refuses, a required field missing):
# kept aside, one entry per row, instead of failing the whole pull (store/quarantine.py).
# Local only: not a synced table, never in the outbox. The next valid version of the row,
# or its erasure, removes the entry.
_STEP_7_QUARANTINE = """
    CREATE TABLE IF NOT EXISTS quarantine (
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        vals TEXT NOT NULL,      -- JSON: the pulled values
        clocks TEXT NOT NULL,    -- JSON: their stamps
        reasons TEXT NOT NULL,   -- JSON: {field: Danish message}
        received TEXT NOT NULL,  -- ISO UTC of the latest pull of this version
        PRIMARY KEY (tbl, row_id)
    );
"""


# Danish alphabetical order in the companies list (issue 10): Æ, Ø, Å after Z, "Aa" as Å.
# Ordering by COLLATE dansk would call Python at every comparison and could not use the
# NOCASE index that keeps type-ahead fast at 300 000 companies, so the search rows keep the
# name's Danish sort key (dansk_key, registered on every connection by store/connection.py)
# and the two list indexes order by it with plain binary comparison.
def _step_8_danish_order(conn) -> None:
    columns = {row[1] for row in conn.execute("PRAGMA table_info(company_search)")}
    if "sort_name" not in columns:  # (a store whose version was set back has it already)
        conn.execute("ALTER TABLE company_search ADD COLUMN sort_name TEXT NOT NULL DEFAULT ''")
    conn.execute("UPDATE company_search SET sort_name = dansk_key(name)")
    conn.execute("DROP INDEX IF EXISTS company_search_name")
    conn.execute("DROP INDEX IF EXISTS company_search_key")
    conn.execute("CREATE INDEX company_search_name ON company_search("
                 "sort_name, company_rowid, doc, municipality_code, phase, consultant)")
    conn.execute("CREATE INDEX company_search_key ON company_search("
                 "company_rowid, sort_name, municipality_code, phase, consultant)")


# (version, SQL script or a function of the connection). Each runs inside one transaction
# with its version bump.
MIGRATIONS: list[tuple[int, str | Callable]] = [
    (1, _STEP_1_CORE),
    (2, _STEP_2_SEARCH),
    (3, _STEP_3_OUTREACH),
    (4, _STEP_4_SEARCH_LIST),
    (5, _STEP_5_ASCII_FTS),
    # Company and P-unit ids from CVR and P-nummer; doubles merged (store/rekey.py).
    (6, rekey_natural_ids),
    (7, _STEP_7_QUARANTINE),
    (8, _step_8_danish_order),
    (9, step_9_participants),
    (10, STEP_10_COURSES),
    (11, STEP_11_ASSOCIATION),
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
                if callable(script):
                    db.conn.execute("BEGIN IMMEDIATE")
                    script(db.conn)
                    db.conn.execute(f"PRAGMA user_version = {version}")
                    db.conn.execute("COMMIT")
                else:
                    db.conn.executescript(f"BEGIN IMMEDIATE;\n{script}\n"
                                          f"PRAGMA user_version = {version};\nCOMMIT;")
            except BaseException:
                if db.conn.in_transaction:
                    db.conn.execute("ROLLBACK")
                raise
            current = version
    return current
