"""Store step 9 (issue 11): participants with their person fields, consent, screenings,
referrals to Ordblindetesten and their results, and the local access log."""
from __future__ import annotations

import json

from ..domain.text import split_name
from ..sync.clocks import EVERY_OTHER_FIELD
from ..sync.hlc import ZERO

_SYNC_COLUMNS = "deleted INTEGER NOT NULL DEFAULT 0, clocks TEXT NOT NULL DEFAULT '{}'"
# Participants, consent and screenings (issue 11). The participant table of step 3 held a
# name and a sign-up flag under a company; it is rebuilt (SQLite cannot drop NOT NULL) with
# the person's fields, company_id optional for an unemployed person ("ledig"), the name
# split into first and last name (the last word is the last name), and its clocks moved
# with it, so that nothing typed before is lost or sent again.
_STEP_9_TABLES = f"""
    CREATE TABLE IF NOT EXISTS participant_v9 (
        id TEXT PRIMARY KEY,
        company_id TEXT,
        unit_id TEXT,
        session_id TEXT,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL DEFAULT '',
        employment TEXT NOT NULL DEFAULT 'beskæftiget',
        municipality_code TEXT,
        jobcenter TEXT NOT NULL DEFAULT '',
        job_title TEXT NOT NULL DEFAULT '',
        team TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT 'dansk',
        phone TEXT,
        email TEXT,
        notes TEXT NOT NULL DEFAULT '',
        consultant TEXT NOT NULL DEFAULT '',
        signed_up INTEGER NOT NULL DEFAULT 0,
        {_SYNC_COLUMNS}
    );
    CREATE TABLE IF NOT EXISTS consent (
        id TEXT PRIMARY KEY,
        participant_id TEXT NOT NULL,
        purpose TEXT NOT NULL,
        given_on TEXT NOT NULL,
        how TEXT NOT NULL,
        witness TEXT NOT NULL DEFAULT '',
        withdrawn_on TEXT,
        {_SYNC_COLUMNS}
    );
    CREATE INDEX IF NOT EXISTS consent_participant ON consent(participant_id);
    CREATE TABLE IF NOT EXISTS screening (
        id TEXT PRIMARY KEY,
        participant_id TEXT NOT NULL,
        date TEXT NOT NULL,
        subject TEXT NOT NULL,
        tool TEXT NOT NULL,
        outcome TEXT NOT NULL,
        trin INTEGER,
        school TEXT NOT NULL DEFAULT '',
        tester TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        {_SYNC_COLUMNS}
    );
    CREATE INDEX IF NOT EXISTS screening_participant ON screening(participant_id, date);
    CREATE INDEX IF NOT EXISTS screening_date ON screening(date);
    CREATE TABLE IF NOT EXISTS referral (
        id TEXT PRIMARY KEY,
        participant_id TEXT NOT NULL,
        date TEXT NOT NULL,
        school TEXT NOT NULL DEFAULT '',
        {_SYNC_COLUMNS}
    );
    CREATE INDEX IF NOT EXISTS referral_participant ON referral(participant_id);
    CREATE TABLE IF NOT EXISTS dyslexia_result (
        id TEXT PRIMARY KEY,
        referral_id TEXT NOT NULL,
        result TEXT NOT NULL,
        date TEXT NOT NULL,
        school TEXT NOT NULL DEFAULT '',
        {_SYNC_COLUMNS}
    );
    CREATE INDEX IF NOT EXISTS dyslexia_result_referral ON dyslexia_result(referral_id);
    -- Who looked at or exported a person's sensitive fields (local until it reaches the
    -- server, which keeps the audit, and is then marked sent). No names, only the id.
    CREATE TABLE IF NOT EXISTS access_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        participant_id TEXT NOT NULL,
        what TEXT NOT NULL,
        sent INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS access_log_unsent ON access_log(sent, id);
    -- A person erased on this laptop (gone here at once, tombstoned): the server is asked
    -- on the next sync, which erases them there and on every other laptop.
    CREATE TABLE IF NOT EXISTS erasure_request (
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        requested TEXT NOT NULL,
        error TEXT,              -- the server's last refusal, in Danish
        PRIMARY KEY (tbl, row_id)
    );
    CREATE INDEX IF NOT EXISTS access_log_participant ON access_log(participant_id);
"""
_NEW_PARTICIPANT_FIELDS = ("unit_id", "employment", "municipality_code", "jobcenter",
                           "job_title", "team", "language", "phone", "email", "notes",
                           "consultant")


def _participant_clocks(text: str) -> str:
    clocks = json.loads(text or "{}")
    if "name" in clocks:
        clocks["first_name"] = clocks["last_name"] = clocks.pop("name")
    if EVERY_OTHER_FIELD in clocks:  # the new fields were never written
        clocks.update({f: ZERO for f in _NEW_PARTICIPANT_FIELDS})
    return json.dumps(clocks, separators=(",", ":"))


def _outbox_change(fields: str, clocks: str, base: str) -> tuple[str, str, str]:
    """A queued change of the old name field becomes one of first and last name."""
    values = json.loads(fields) if fields else None
    stamps, seen = json.loads(clocks), json.loads(base)
    if isinstance(values, dict) and "name" in values:
        values["first_name"], values["last_name"] = split_name(values.pop("name"))
    for mapping in (stamps, seen):
        if "name" in mapping:
            mapping["first_name"] = mapping["last_name"] = mapping.pop("name")
    out = fields if values is None else json.dumps(values, ensure_ascii=False)
    return out, json.dumps(stamps), json.dumps(seen)


def step_9_participants(conn) -> None:
    for statement in _STEP_9_TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)
    if "name" not in {row[1] for row in conn.execute("PRAGMA table_info(participant)")}:
        conn.execute("DROP TABLE participant_v9")  # a store whose version was set back
        return
    rows = conn.execute("SELECT id, company_id, session_id, name, signed_up, deleted, clocks "
                        "FROM participant").fetchall()
    conn.executemany(
        "INSERT INTO participant_v9 (id, company_id, session_id, first_name, last_name, "
        "signed_up, deleted, clocks) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(r[0], r[1], r[2], *split_name(r[3]), r[4], r[5], _participant_clocks(r[6]))
         for r in rows])
    conn.execute("DROP TABLE participant")
    conn.execute("ALTER TABLE participant_v9 RENAME TO participant")
    conn.execute("CREATE INDEX IF NOT EXISTS participant_company ON participant(company_id)")
    conn.execute("CREATE INDEX IF NOT EXISTS participant_session ON participant(session_id)")
    conn.execute("CREATE INDEX IF NOT EXISTS participant_municipality "
                 "ON participant(municipality_code)")
    queued = conn.execute("SELECT change_id, fields, clocks, base FROM outbox "
                          "WHERE tbl = 'participant'").fetchall()
    conn.executemany("UPDATE outbox SET fields = ?, clocks = ?, base = ? WHERE change_id = ?",
                     [(*_outbox_change(f, c, b), cid) for cid, f, c, b in queued])

