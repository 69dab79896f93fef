"""The wire messages of the sync protocol (docs/sync-protocol.md), shared by the client and
lokomotiv-server so both sides validate the same shapes. Pure pydantic, no I/O."""
from __future__ import annotations

import math
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
)

from .tables import SYNCED_TABLES

# 2: company and P-unit ids derive from CVR and P-nummer (sync/identity.py); a client of 1
# would make a second company for a CVR the server holds, so it must update first.
PROTOCOL_VERSION = 2
# The oldest protocol the server still speaks; older clients get 426 "opdater Lokomotiv".
MIN_PROTOCOL_VERSION = 2

HEADER_PROTOCOL = "X-Lokomotiv-Protocol"
HEADER_SCHEMA = "X-Lokomotiv-Schema"
API_PREFIX = "/api/v1"

MAX_PUSH_BATCH = 1000
MAX_PULL_LIMIT = 5000
DEFAULT_PULL_LIMIT = 1000

# Limits (docs/sync-protocol.md "Limits"): what one laptop may send is bounded, so that no
# push can exhaust the server's memory or store a value another laptop cannot hold.
# The largest request body the server reads (413 beyond); the client splits its batches
# to stay under it.
MAX_PUSH_BYTES = 8 * 1024 * 1024
MAX_TEXT_CHARS = 100_000  # one text value (a field's own, smaller maximum is sync/tables.py's)
MAX_STAMP_CHARS = 100     # a stamp: 13 + 1 + 5 + 1 + a device id of at most 64
# The widest table's fields ("deleted" included), and a few to spare for a newer client's
# table: more is no change any table can take.
MAX_FIELDS = max(len(t.all_fields) for t in SYNCED_TABLES.values()) + 8
# Integers are SQLite's: signed 64 bits (a seq, a cursor, a column value).
MIN_INT, MAX_INT = -(2**63), 2**63 - 1

Role = Literal["konsulent", "koordinator", "admin"]
ChangeStatus = Literal["applied", "conflict", "rejected"]
# Why a change was rejected (ChangeResult.reason); `message` says it in Danish.
RejectReason = Literal[
    "erased",         # the row (or its parent) was erased (GDPR): never accepted again
    "scope",          # outside the sender's municipalities
    "orphan",         # its parent row is neither on the server nor earlier in the batch
    "unknown_table",  # table not in sync.tables.SYNCED_TABLES on the server
    "unknown_field",  # a field the table does not have
    "invalid_clock",  # a stamp that hlc.is_valid_stamp refuses, or a field without a stamp
    "forbidden",      # the role may not do this
    "identity",       # a CVR or P-nummer that does not give the row's id (sync/identity.py)
    "invalid_value",  # a value the domain refuses (domain/row_rules.py): no laptop could hold it
    "incomplete",     # a new row without its required fields: the client sends the whole row
    "clock_ahead",    # a stamp further ahead of the server's clock than hlc.MAX_CLOCK_AHEAD_MS
    "no_consent",     # screening data of a participant without a valid consent (tables.NEEDS_CONSENT)
]

# Column values are JSON scalars (SQLite column values); ids and device ids are short text.
JsonScalar = str | int | float | bool | None


def _int_in_range(value: object) -> object:
    # Before the union: a float member would otherwise take an integer out of range.
    if isinstance(value, int) and not isinstance(value, bool) and not MIN_INT <= value <= MAX_INT:
        raise ValueError(f"heltallet skal ligge mellem {MIN_INT} og {MAX_INT}")
    return value


# A pushed value: finite, within SQLite's integers and the text maximum; strict members,
# so that no value changes type on the way in.
WireScalar = Annotated[
    Annotated[str, StringConstraints(max_length=MAX_TEXT_CHARS, strict=True)]
    | Annotated[int, Field(strict=True)]
    | Annotated[float, Field(strict=True, allow_inf_nan=False)]
    | Annotated[bool, Field(strict=True)]
    | None,
    BeforeValidator(_int_in_range),
]


def _finite_or_null(value: JsonScalar) -> JsonScalar:
    return None if isinstance(value, float) and not math.isfinite(value) else value


# A value the server sends back (a conflict's values): a non-finite number stored before
# pushes were checked goes out as null, since JSON has no NaN and the answer must go out.
AnswerScalar = Annotated[
    str | int | Annotated[float, Field(allow_inf_nan=True)] | bool | None,
    PlainSerializer(_finite_or_null, return_type=JsonScalar),
]
FieldName = Annotated[str, StringConstraints(min_length=1, max_length=64)]
Stamp = Annotated[str, StringConstraints(max_length=MAX_STAMP_CHARS)]
Seq = Annotated[int, Field(ge=0, le=MAX_INT)]
Ident = Annotated[str, StringConstraints(min_length=1, max_length=64)]
# An insert's change id holds the row id and the stamp with its device id (store/changes.py).
ChangeId = Annotated[str, StringConstraints(min_length=1, max_length=160)]
DeviceId = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[^.]+$")]
Municipality = Annotated[str, StringConstraints(pattern=r"^\d{3,4}$")]


class Message(BaseModel):
    # Unknown keys are an error: a typo must not silently drop a field. NaN and Infinity
    # are no JSON and no value a laptop can store.
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class ErrorResponse(Message):
    error: str  # for a person, in Danish
    code: str   # for the program, e.g. "unauthorized", "upgrade_required", "validation"
    details: list[str] | None = None  # 422: what was wrong, one entry per error


class LoginRequest(Message):
    user: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=1000)]
    device_id: DeviceId
    device_name: Annotated[str, StringConstraints(max_length=200)] = ""


class LoginResponse(Message):
    token: str
    user: str
    role: Role
    municipalities: list[str]


class StatusResponse(Message):
    protocol: int
    schema_version: int
    server_time: str  # ISO 8601, UTC
    user: str
    role: Role
    municipalities: list[str]


class Change(Message):
    """One outbox row, exactly as the client stored it."""
    change_id: ChangeId
    table: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    row_id: Ident
    fields: dict[FieldName, WireScalar] = Field(min_length=1, max_length=MAX_FIELDS)
    clocks: dict[FieldName, Stamp] = Field(max_length=MAX_FIELDS)
    base: dict[FieldName, Stamp] = Field(default_factory=dict, max_length=MAX_FIELDS)


class PushRequest(Message):
    device_id: DeviceId
    changes: list[Change] = Field(max_length=MAX_PUSH_BATCH)
    # The sender's pull cursor: rows it provably holds after this push are left out of its
    # next pull (absent: nothing is left out).
    cursor: Seq | None = None


class FieldConflictOut(Message):
    field: str
    winner_value: AnswerScalar
    winner_stamp: str
    loser_value: AnswerScalar
    loser_stamp: str
    incoming_won: bool  # True: the pushed value won, the stored one lost
    other_user: str | None = None  # who wrote the stored value (None: unknown device)


class ChangeResult(Message):
    change_id: str
    status: ChangeStatus
    reason: RejectReason | None = None
    message: str | None = None  # Danish explanation when rejected
    seq: int | None = None      # server seq of the row after this change (None if unchanged)
    conflicts: list[FieldConflictOut] = Field(default_factory=list)
    # Rejected "scope" because the row (or a new row's parent) now lies outside the sender's
    # municipalities: drop the local copy, as a pull's "evict" item would.
    evict: bool = False


class PushResponse(Message):
    results: list[ChangeResult]


class PullItem(Message):
    seq: int
    # row: merge it; erase: GDPR, delete for good; evict: left your scope, delete locally;
    # notice: your value of `values["field"]` lost a conflict (values: field, mine, theirs,
    # mine_stamp, theirs_stamp, theirs_by), for your inbox.
    kind: Literal["row", "erase", "evict", "notice"]
    table: str
    row_id: str
    # kind "row": the full current state; "erase" and "evict": both empty.
    values: dict[str, JsonScalar] = Field(default_factory=dict)
    clocks: dict[str, str] = Field(default_factory=dict)


class PullResponse(Message):
    items: list[PullItem]
    next: int   # the cursor to store once the page is applied
    more: bool  # another page is waiting


class EraseRequest(Message):
    table: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    row_id: Ident


class EraseResponse(Message):
    # [table, row_id] of every hard-deleted row, parent first (pairs as lists: a tuple's
    # schema is not valid OpenAPI 3.1 for the schema checks)
    erased: list[Annotated[list[str], Field(min_length=2, max_length=2)]]


class AccessEntry(Message):
    """Someone looked at or exported a person's sensitive fields on a laptop."""
    entry_id: ChangeId  # "<device id>:<local id>": a resent entry is stored once
    at: Annotated[str, StringConstraints(min_length=10, max_length=40)]  # ISO 8601, UTC
    who: Annotated[str, StringConstraints(max_length=200)]
    participant_id: Ident
    what: Annotated[str, StringConstraints(min_length=1, max_length=200)]


class AccessLogRequest(Message):
    entries: list[AccessEntry] = Field(max_length=MAX_PUSH_BATCH)


class AccessLogResponse(Message):
    stored: int  # new entries (a resent one counts once, the first time)


class AuditRow(Message):
    at: str
    account: str
    device_id: str
    action: str  # view | push | erase | ...
    table: str | None
    row_id: str | None
    detail: str


class AuditResponse(Message):
    rows: list[AuditRow]
