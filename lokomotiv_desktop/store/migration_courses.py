"""Store step 10 (issue 12): providers (schools), courses (hold), the lessons changed by
hand, enrolments and attendance. The generated lesson calendar is not stored: it follows
from the course's pattern (domain/course_calendar.py), so a pattern change reaches every
laptop as one field."""
from __future__ import annotations

_SYNC_COLUMNS = "deleted INTEGER NOT NULL DEFAULT 0, clocks TEXT NOT NULL DEFAULT '{}'"

STEP_10_COURSES = f"""
    CREATE TABLE IF NOT EXISTS provider (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'anden',
        vuc TEXT NOT NULL DEFAULT '',
        contact TEXT NOT NULL DEFAULT '',
        phone TEXT,
        email TEXT,
        address TEXT NOT NULL DEFAULT '',
        municipality_code TEXT,
        {_SYNC_COLUMNS}
    );
    CREATE TABLE IF NOT EXISTS course (
        id TEXT PRIMARY KEY,
        company_id TEXT NOT NULL,
        company_ids TEXT NOT NULL DEFAULT '[]',  -- further companies of a joint course
        subject TEXT NOT NULL,
        trin INTEGER,
        provider_id TEXT,
        teacher TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '',
        unit_id TEXT,
        start_date TEXT NOT NULL,
        pattern TEXT NOT NULL,                   -- JSON: [{{weekday, start, end}}]
        lesson_count INTEGER,                    -- either a number of lessons ...
        total_hours REAL,                        -- ... or the hours to reach
        closed_weeks TEXT NOT NULL DEFAULT '',   -- ISO weeks, "29-31,42"
        closed_days TEXT NOT NULL DEFAULT '[]',  -- JSON list of ISO dates
        max_participants INTEGER,
        status TEXT NOT NULL DEFAULT 'planlagt',
        consultant TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        {_SYNC_COLUMNS}
    );
    CREATE INDEX IF NOT EXISTS course_company ON course(company_id);
    CREATE INDEX IF NOT EXISTS course_provider ON course(provider_id);
    CREATE INDEX IF NOT EXISTS course_start ON course(start_date);
    CREATE TABLE IF NOT EXISTS lesson (
        id TEXT PRIMARY KEY,
        course_id TEXT NOT NULL,
        original_date TEXT NOT NULL,
        date TEXT,
        start_time TEXT,
        end_time TEXT,
        cancelled INTEGER NOT NULL DEFAULT 0,
        reason TEXT NOT NULL DEFAULT '',
        {_SYNC_COLUMNS}
    );
    CREATE INDEX IF NOT EXISTS lesson_course ON lesson(course_id);
    CREATE TABLE IF NOT EXISTS enrolment (
        id TEXT PRIMARY KEY,
        participant_id TEXT NOT NULL,
        course_id TEXT NOT NULL,
        date TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'tilmeldt',
        result TEXT,
        svu_applied INTEGER NOT NULL DEFAULT 0,
        svu_applied_on TEXT,
        notes TEXT NOT NULL DEFAULT '',
        {_SYNC_COLUMNS}
    );
    CREATE INDEX IF NOT EXISTS enrolment_participant ON enrolment(participant_id);
    CREATE INDEX IF NOT EXISTS enrolment_course ON enrolment(course_id);
    CREATE TABLE IF NOT EXISTS attendance (
        id TEXT PRIMARY KEY,
        enrolment_id TEXT NOT NULL,
        date TEXT NOT NULL,
        present INTEGER NOT NULL DEFAULT 0,
        {_SYNC_COLUMNS}
    );
    CREATE INDEX IF NOT EXISTS attendance_enrolment ON attendance(enrolment_id);
"""
