"""The wire messages of the sync protocol (docs/sync-protocol.md), shared by the client and
lokomotiv-server so both sides validate the same shapes. Pure pydantic, no I/O."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

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
]

# Column values are JSON scalars (SQLite column values); ids and device ids are short text.
JsonScalar = str | int | float | bool | None
Ident = Annotated[str, StringConstraints(min_length=1, max_length=64)]
# An insert's change id holds the row id and the stamp with its device id (store/changes.py).
ChangeId = Annotated[str, StringConstraints(min_length=1, max_length=160)]
DeviceId = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[^.]+$")]
Municipality = Annotated[str, StringConstraints(pattern=r"^\d{3,4}$")]


class Message(BaseModel):
    # Unknown keys are an error: a typo must not silently drop a field.
    model_config = ConfigDict(extra="forbid")


class ErrorResponse(Message):
    error: str  # for a person, in Danish
    code: str   # for the program, e.g. "unauthorized", "upgrade_required", "validation"


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
    fields: dict[str, JsonScalar] = Field(min_length=1)
    clocks: dict[str, str]
    base: dict[str, str] = Field(default_factory=dict)


class PushRequest(Message):
    device_id: DeviceId
    changes: list[Change] = Field(max_length=MAX_PUSH_BATCH)
    # The sender's pull cursor: rows it provably holds after this push are left out of its
    # next pull (absent: nothing is left out).
    cursor: int | None = Field(default=None, ge=0)


class FieldConflictOut(Message):
    field: str
    winner_value: JsonScalar
    winner_stamp: str
    loser_value: JsonScalar
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
    erased: list[tuple[str, str]]  # (table, row_id) of every hard-deleted row, parent first
