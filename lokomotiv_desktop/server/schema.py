"""The server's tables, one DDL for both backends (dialect bits come from the backend).

Rows of every synced table live in one generic table (`row_state`), so a table registered in
sync/tables.py syncs with no server change. Values and clocks are JSON text."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..domain.text import split_name
from .rekey import rekey_natural_ids

if TYPE_CHECKING:
    from .backend import Backend, Db

SCHEMA_VERSION = 5

_DDL = """
CREATE TABLE IF NOT EXISTS server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS account (
    name TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('konsulent', 'koordinator', 'admin')),
    municipalities TEXT NOT NULL,            -- JSON list of codes
    disabled INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    full_name TEXT NOT NULL DEFAULT ''       -- matched against company.consultant
);
CREATE TABLE IF NOT EXISTS token (
    token_hash TEXT PRIMARY KEY,             -- sha256 hex of the bearer token
    account TEXT NOT NULL REFERENCES account(name),
    device_id TEXT NOT NULL,
    device_name TEXT NOT NULL,
    created TEXT NOT NULL,
    last_used TEXT NOT NULL,
    revoked TEXT                             -- when it was revoked, NULL while valid
);
CREATE INDEX IF NOT EXISTS token_account ON token(account, device_id);
CREATE INDEX IF NOT EXISTS token_device ON token(device_id);
CREATE TABLE IF NOT EXISTS row_state (
    tbl TEXT NOT NULL,
    id TEXT NOT NULL,
    vals TEXT NOT NULL,                      -- JSON {field: value}
    clocks TEXT NOT NULL,                    -- JSON {field: stamp}
    scope TEXT,                              -- municipality code (own or inherited)
    parent_id TEXT,                          -- the parent fk value, for children and erasure
    seq {bigint} NOT NULL,
    echo TEXT,                               -- device that wrote this state (skips its pull)
    PRIMARY KEY (tbl, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS row_state_seq ON row_state(seq);
CREATE INDEX IF NOT EXISTS row_state_scope_seq ON row_state(scope, seq);
CREATE INDEX IF NOT EXISTS row_state_parent ON row_state(parent_id);
CREATE TABLE IF NOT EXISTS scope_move (       -- a row left a municipality: evict it there
    tbl TEXT NOT NULL,
    id TEXT NOT NULL,
    old_scope TEXT NOT NULL,
    seq {bigint} NOT NULL,                   -- the row's seq when it last left old_scope
    PRIMARY KEY (tbl, id, old_scope)
);
CREATE INDEX IF NOT EXISTS scope_move_scope_seq ON scope_move(old_scope, seq);
{applied_change}
CREATE TABLE IF NOT EXISTS tombstone (        -- kept forever
    tbl TEXT NOT NULL,
    id TEXT NOT NULL,
    seq {bigint} NOT NULL,
    scope TEXT,
    erased_with TEXT NOT NULL,               -- "table/id" of the erasure's root row
    erased_by TEXT NOT NULL,
    erased_at TEXT NOT NULL,
    PRIMARY KEY (tbl, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS tombstone_seq ON tombstone(seq);
CREATE INDEX IF NOT EXISTS tombstone_root ON tombstone(erased_with);
CREATE TABLE IF NOT EXISTS notice (          -- for one device: its value lost a conflict
    seq {bigint} NOT NULL PRIMARY KEY,       -- pulled in seq order with the rows
    device_id TEXT NOT NULL,
    tbl TEXT NOT NULL,
    id TEXT NOT NULL,
    payload TEXT NOT NULL                    -- JSON {field, mine, theirs, stamps, by}
);
CREATE INDEX IF NOT EXISTS notice_device_seq ON notice(device_id, seq);
CREATE TABLE IF NOT EXISTS audit (            -- append-only
    id {autoincrement_pk},
    at TEXT NOT NULL,
    account TEXT NOT NULL,
    device_id TEXT NOT NULL,
    action TEXT NOT NULL,                    -- push | erase | push_refused | login | ...
    tbl TEXT,
    row_id TEXT,
    change_id TEXT,
    detail TEXT NOT NULL DEFAULT ''
);
"""


# A change id is the sender's: the same id from another account is another change, and
# never gets this one's answer (which may hold another municipality's values).
_APPLIED_CHANGE = """CREATE TABLE IF NOT EXISTS applied_change (
    account TEXT NOT NULL,
    change_id TEXT NOT NULL,
    result TEXT NOT NULL,                    -- JSON ChangeResult, returned again on resend
    applied TEXT NOT NULL,
    PRIMARY KEY (account, change_id)
);"""


# Statements that bring a database made by an older server up to SCHEMA_VERSION (tables
# that are new in a version come from the CREATE ... IF NOT EXISTS above).
_UPGRADES = {
    2: ["ALTER TABLE row_state ADD COLUMN echo TEXT"],
    # Version 3 keyed answers by change id alone; the DDL makes the new table after this.
    # (A copy, not a rename: PostgreSQL would keep the old primary key's name taken.)
    4: ["CREATE TABLE applied_change_v3 AS SELECT * FROM applied_change",
        "DROP TABLE applied_change"],
}
# Columns added to a table that exists already (checked first: a test or a half-run upgrade
# may have made them).
_NEW_COLUMNS = {
    5: [("account", "full_name", "TEXT NOT NULL DEFAULT ''")],
}
# Steps in Python, run after the DDL, in the same transaction (backend.init_schema).
def _copy_answers(db: Db) -> None:
    db.execute("INSERT INTO applied_change (account, change_id, result, applied) "
               "SELECT account, change_id, result, applied FROM applied_change_v3")
    db.execute("DROP TABLE applied_change_v3")


def _split_participant_names(db: Db) -> None:
    """Participants held one name; now a first and a last name (as the laptops' step 9)."""
    updates = []
    for row_id, vals, clocks in db.all(
            "SELECT id, vals, clocks FROM row_state WHERE tbl = 'participant'"):
        values, stamps = json.loads(vals), json.loads(clocks)
        if "name" not in values:
            continue
        values["first_name"], values["last_name"] = split_name(values.pop("name") or "")
        if "name" in stamps:
            stamps["first_name"] = stamps["last_name"] = stamps.pop("name")
        updates.append((json.dumps(values, ensure_ascii=False), json.dumps(stamps), row_id))
    db.executemany("UPDATE row_state SET vals = ?, clocks = ? WHERE tbl = 'participant' "
                   "AND id = ?", updates)


_DATA_UPGRADES = {
    3: rekey_natural_ids,  # company and P-unit ids from CVR and P-nummer, doubles merged
    4: _copy_answers,      # answers keyed by (account, change id)
    5: _split_participant_names,
}


def create_schema(db: Db, backend: Backend) -> None:
    stored = db.one("SELECT value FROM server_meta WHERE key = 'schema'") \
        if db.one(backend.table_exists_sql, ["server_meta"]) else None
    if stored is not None:
        for version in range(int(stored[0]) + 1, SCHEMA_VERSION + 1):
            for statement in _UPGRADES.get(version, []):
                db.execute(statement)
            for table, column, kind in _NEW_COLUMNS.get(version, []):
                if db.one(backend.column_exists_sql, [table, column]) is None:
                    db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
    ddl = _DDL.replace("{applied_change}", _APPLIED_CHANGE).replace(
        "{bigint}", backend.bigint).replace(
        "{autoincrement_pk}", backend.autoincrement_pk
    )
    for statement in ddl.split(";"):
        lines = [ln.split("--")[0] for ln in statement.splitlines()]
        sql = "\n".join(lines).strip()
        if sql:
            db.execute(sql)
    if stored is not None:
        for version in range(int(stored[0]) + 1, SCHEMA_VERSION + 1):
            if version in _DATA_UPGRADES:
                _DATA_UPGRADES[version](db)
    db.execute(
        "INSERT INTO server_meta (key, value) VALUES ('schema', ?), ('seq', '0') "
        "ON CONFLICT (key) DO NOTHING",
        [str(SCHEMA_VERSION)],
    )
    db.execute("UPDATE server_meta SET value = ? WHERE key = 'schema'", [str(SCHEMA_VERSION)])


def is_initialized(db: Db, backend: Backend) -> bool:
    if db.one(backend.table_exists_sql, ["server_meta"]) is None:
        return False
    return db.one("SELECT value FROM server_meta WHERE key = 'schema'") is not None
