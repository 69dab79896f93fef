"""The registry of synced tables, shared by the local store and the server.

Sync code is generic over this registry: a new entity syncs once it is listed here (and its
columns exist in the local migrations). Every synced row has an ``id`` (UUIDv7, or for a
table with a natural key the UUIDv5 of that key: sync/identity.py), its fields, ``deleted``
(a field with its own clock) and ``clocks`` (field -> stamp of its last write).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SyncedTable:
    name: str
    fields: tuple[str, ...]  # domain fields, without id/deleted/clocks
    # Scope: which municipality a row belongs to, for scoping pulls and checking pushes.
    # Either the row carries the code itself, or it inherits its parent's scope.
    scope_field: str | None = None
    parent: tuple[str, str] | None = None  # (foreign-key field, parent table)
    # Rows about a person (or owned by one) are hard-deleted with it on erasure.
    personal: bool = False
    # The field that identifies a row everywhere (CVR, P-nummer): the row id is derived
    # from it, so it never changes once the row exists.
    natural_key: str | None = None
    # Restricted rows (dyslexia results, health data under GDPR art. 9) are pulled only by
    # the consultant responsible for the row's company (or person) and by coordinators.
    restricted: bool = False
    # The field naming the consultant responsible for a row and everything under it; the
    # nearest ancestor that has one and no parent link of its own decides.
    responsible_field: str | None = None

    @property
    def all_fields(self) -> tuple[str, ...]:
        return (*self.fields, "deleted")


SYNCED_TABLES: dict[str, SyncedTable] = {}


def register(table: SyncedTable) -> SyncedTable:
    # A row with both takes its parent's scope, and its own field when it has no parent
    # (an unemployed participant belongs to the referring municipality, not a company).
    if table.scope_field is None and table.parent is None:
        raise ValueError(f"{table.name}: a synced table needs a scope field or a parent")
    SYNCED_TABLES[table.name] = table
    return table


register(SyncedTable(
    name="company",
    fields=(
        "cvr", "name", "address", "postcode", "city", "municipality_code", "industry_code",
        "industry_text", "employees", "phone", "email", "website", "marketing_protected",
        "phase", "consultant", "notes",
    ),
    scope_field="municipality_code",
    natural_key="cvr",
    responsible_field="consultant",
))
register(SyncedTable(
    name="production_unit",
    fields=("company_id", "pnr", "name", "address", "postcode", "city",
            "municipality_code", "employees"),
    parent=("company_id", "company"),
    natural_key="pnr",
))
register(SyncedTable(
    name="contact",
    fields=("company_id", "name", "role", "phone", "email", "trusted"),
    parent=("company_id", "company"),
    personal=True,
))


# Fields that hold a row id of another table without being its parent key: a row whose id
# changes (the natural-key migrations, store/rekey.py and server/rekey.py) is renamed there.
REFERENCES: dict[str, list[tuple[str, str]]] = {
    "production_unit": [("visit", "unit_id"), ("motivation_session", "unit_id"),
                        ("course", "unit_id")],
}


def children_of(table: str) -> list[SyncedTable]:
    """Tables whose rows hang under a row of `table` (for cascading erasure and scope)."""
    return [t for t in SYNCED_TABLES.values() if t.parent and t.parent[1] == table]


# Outreach work (issue 4): everything hangs under a company and takes its scope.
_UNDER_COMPANY = ("company_id", "company")
register(SyncedTable(
    name="visit",
    fields=("company_id", "unit_id", "date", "time", "kind", "consultant", "contact_ids",
            "notes", "agreed", "next_step", "next_due", "company_asked"),
    parent=_UNDER_COMPANY,
))
register(SyncedTable(
    name="follow_up",
    fields=("company_id", "visit_id", "due", "text", "consultant", "done", "done_at"),
    parent=_UNDER_COMPANY,
))
register(SyncedTable(
    name="motivation_session",
    fields=("company_id", "unit_id", "date", "time", "place", "format", "consultant",
            "messengers", "invited", "attended", "signed_up", "notes"),
    parent=_UNDER_COMPANY,
))
register(SyncedTable(
    name="phase_change",
    fields=("company_id", "from_phase", "to_phase", "changed_at", "changed_by", "reason"),
    parent=_UNDER_COMPANY,
))
register(SyncedTable(
    name="kpi_target",
    fields=("company_id", "description", "measure", "target_percent", "deadline",
            "employees", "manual_value"),
    parent=_UNDER_COMPANY,
))
# Participants and their screening data (issue 11): all of it personal, erased with them.
register(SyncedTable(
    name="participant",
    fields=("company_id", "unit_id", "session_id", "first_name", "last_name", "employment",
            "municipality_code", "jobcenter", "job_title", "team", "language", "phone",
            "email", "notes", "consultant", "signed_up"),
    parent=_UNDER_COMPANY,
    scope_field="municipality_code",  # "ledig": the referring municipality
    personal=True,
    responsible_field="consultant",
))
_UNDER_PARTICIPANT = ("participant_id", "participant")
register(SyncedTable(
    name="consent",
    fields=("participant_id", "purpose", "given_on", "how", "witness", "withdrawn_on"),
    parent=_UNDER_PARTICIPANT,
    personal=True,
))
register(SyncedTable(
    name="screening",
    fields=("participant_id", "date", "subject", "tool", "outcome", "trin", "school",
            "tester", "notes"),
    parent=_UNDER_PARTICIPANT,
    personal=True,
))
register(SyncedTable(
    name="referral",  # to Ordblindetesten: that it exists is visible in the municipality
    fields=("participant_id", "date", "school"),
    parent=_UNDER_PARTICIPANT,
    personal=True,
))
register(SyncedTable(
    name="dyslexia_result",
    fields=("referral_id", "result", "date", "school"),
    parent=("referral_id", "referral"),
    personal=True,
    restricted=True,
))

# Rows that may only be written while their participant has a valid consent for the purpose
# on the row's `date` (checked by the laptop's services and by the server): table -> purpose.
NEEDS_CONSENT = {"screening": "screening", "referral": "screening",
                 "dyslexia_result": "screening", "enrolment": "course", "attendance": "course"}


def participant_link(table: str) -> list[tuple[str, str]]:
    """The (fk field, parent table) steps from a row of `table` up to its participant."""
    steps: list[tuple[str, str]] = []
    while table != "participant":
        spec = SYNCED_TABLES[table]
        if spec.parent is None:
            raise ValueError(f"{table} does not hang under a participant")
        steps.append(spec.parent)
        table = spec.parent[1]
    return steps

# Courses (issue 12). A provider (a school) is used by the consultants of the municipality it
# is registered in; a course (hold) hangs under its host company, the lessons a consultant
# moved or cancelled by hand under the course (the rest of the calendar is generated from
# the course's pattern, so it is not stored). Enrolments and attendance are about a person:
# erased with them, and written only with a consent for course planning.
register(SyncedTable(
    name="provider",
    fields=("name", "kind", "vuc", "contact", "phone", "email", "address",
            "municipality_code"),
    scope_field="municipality_code",
))
register(SyncedTable(
    name="course",
    fields=("company_id", "company_ids", "subject", "trin", "provider_id", "teacher", "place",
            "unit_id", "start_date", "pattern", "lesson_count", "total_hours",
            "closed_weeks", "closed_days", "max_participants", "status", "consultant",
            "notes"),
    parent=_UNDER_COMPANY,
))
register(SyncedTable(
    name="lesson",  # a hand-made change of one generated lesson; id from (course, original)
    fields=("course_id", "original_date", "date", "start_time", "end_time", "cancelled",
            "reason"),
    parent=("course_id", "course"),
))
register(SyncedTable(
    name="enrolment",  # id from (course, participant): enrolling twice offline is one row
    fields=("participant_id", "course_id", "date", "status", "result", "svu_applied",
            "svu_applied_on", "notes"),
    parent=_UNDER_PARTICIPANT,
    personal=True,
))
register(SyncedTable(
    name="attendance",  # id from (enrolment, lesson date)
    fields=("enrolment_id", "date", "present"),
    parent=("enrolment_id", "enrolment"),
    personal=True,
))

# The association (issue 13): members, the board, and the financing. Read and written by
# coordinators and admins only (server/roles.py: not field work); every row has the scope
# "forening", which no konsulent's pull includes.
ASSOCIATION_SCOPE = "forening"
register(SyncedTable(
    name="member",  # a municipality (with a vote) or an organisation (without)
    fields=("kind", "municipality_code", "name", "since", "until", "vote", "notes", "scope"),
    scope_field="scope",
))
register(SyncedTable(
    name="board_member",
    fields=("name", "role", "vote", "member_id", "since", "until", "scope"),
    scope_field="scope",
))
register(SyncedTable(
    name="grant_rate",  # the basic grant per P-nummer of one year; id from the year
    fields=("year", "per_pnr", "scope"),
    scope_field="scope",
))
register(SyncedTable(
    name="pnr_count",  # P-numbers of a municipality for a year's grant; id from (code, year)
    fields=("municipality_code", "year", "counted", "counted_on", "override", "reason",
            "scope"),
    scope_field="scope",
))
register(SyncedTable(
    name="activity_grant",  # a task the municipality ordered in a year, with its price
    fields=("municipality_code", "year", "task", "amount", "notes", "scope"),
    scope_field="scope",
))
