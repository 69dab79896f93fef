"""Store step 11 (issue 13): the association's members, board and financing."""
from __future__ import annotations

_SYNC_COLUMNS = "deleted INTEGER NOT NULL DEFAULT 0, clocks TEXT NOT NULL DEFAULT '{}'"
_SCOPE = "scope TEXT NOT NULL DEFAULT 'forening'"

STEP_11_ASSOCIATION = f"""
    CREATE TABLE IF NOT EXISTS member (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,                 -- kommune | organisation
        municipality_code TEXT,
        name TEXT NOT NULL,
        since TEXT NOT NULL,
        until TEXT,
        vote INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT '',
        {_SCOPE},
        {_SYNC_COLUMNS}
    );
    CREATE INDEX IF NOT EXISTS member_municipality ON member(municipality_code);
    CREATE TABLE IF NOT EXISTS board_member (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL,                 -- formand | medlem
        vote INTEGER NOT NULL DEFAULT 1,
        member_id TEXT,
        since TEXT,
        until TEXT,
        {_SCOPE},
        {_SYNC_COLUMNS}
    );
    CREATE TABLE IF NOT EXISTS grant_rate (
        id TEXT PRIMARY KEY,
        year INTEGER NOT NULL,
        per_pnr REAL NOT NULL,
        {_SCOPE},
        {_SYNC_COLUMNS}
    );
    CREATE TABLE IF NOT EXISTS pnr_count (
        id TEXT PRIMARY KEY,
        municipality_code TEXT NOT NULL,
        year INTEGER NOT NULL,
        counted INTEGER,                    -- from the CVR extract ...
        counted_on TEXT,                    -- ... of this date
        override INTEGER,                   -- a count entered by hand, with its reason
        reason TEXT NOT NULL DEFAULT '',
        {_SCOPE},
        {_SYNC_COLUMNS}
    );
    CREATE TABLE IF NOT EXISTS activity_grant (
        id TEXT PRIMARY KEY,
        municipality_code TEXT NOT NULL,
        year INTEGER NOT NULL,
        task TEXT NOT NULL,
        amount REAL NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        {_SCOPE},
        {_SYNC_COLUMNS}
    );
    CREATE INDEX IF NOT EXISTS activity_grant_year ON activity_grant(year, municipality_code);
"""
