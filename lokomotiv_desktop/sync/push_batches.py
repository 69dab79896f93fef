"""Pushing the outbox in requests the server will take (docs/sync-protocol.md "Limits").

Each request body stays under the client's byte limit (MAX_PUSH_BYTES, the server's
default), measured on the JSON exactly as it is sent. A server with a lower limit answers
413: the request is halved and sent again, and later requests of the round are cut to
that size. A change that cannot fit in any request on its own is filed in the conflict
inbox as refused instead of blocking the outbox forever.
"""
from __future__ import annotations

import json
from collections import deque
from typing import TYPE_CHECKING

from ..store.changes import FIELDS_IN_ROW
from ..store.conflict_inbox import record_rejection
from .clocks import expand
from .errors import SyncError
from .messages import MAX_PUSH_BYTES, MAX_TEXT_CHARS, ChangeResult

if TYPE_CHECKING:
    from .client import Progress, SyncClient, SyncReport

OUT_OF_SCOPE = "Rækken hører til en kommune, du ikke har adgang til."
TOO_LARGE = "too_large"  # the inbox's reason for a change too large to send


def too_large_message(max_bytes: int) -> str:
    size = f"{max_bytes / 2**20:.1f} MB" if max_bytes >= 2**20 else f"{max_bytes // 1024} KB"
    return (f"Ændringen er for stor til at blive sendt til serveren (over {size}) og er ikke "
            "gemt der. Gør teksten kortere, og gem igen.")


TEXT_TOO_LONG = (f"Ændringen har en tekst på mere end {MAX_TEXT_CHARS:,} tegn".replace(",", ".")
                 + " og kan ikke sendes til serveren. Gør teksten kortere, og gem igen.")


def _text_too_long(change: dict) -> bool:
    # The server refuses the whole request for it (422): it must not leave this laptop.
    return any(isinstance(v, str) and len(v) > MAX_TEXT_CHARS
               for v in change["fields"].values())


def encode(payload: dict) -> bytes:
    """The body as it goes on the wire (the size the server counts)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def split(envelope: dict, changes: list[dict], max_bytes: int
          ) -> tuple[list[list[dict]], list[dict]]:
    """(parts whose request body stays within `max_bytes`, changes too large alone or
    with a text longer than the server takes)."""
    # Slack for a cursor that grows between the cut and the send (a pull after a 403).
    room = max_bytes - len(encode({**envelope, "changes": []})) - 24
    parts: list[list[dict]] = []
    alone: list[dict] = []
    part: list[dict] = []
    used = 0
    for change in changes:
        size = len(encode(change))
        if size > room or _text_too_long(change):
            alone.append(change)
            continue
        if part and used + 1 + size > room:  # 1: the comma between two changes
            parts.append(part)
            part, used = [], 0
        used += size + (1 if part else 0)
        part.append(change)
    if part:
        parts.append(part)
    return parts, alone


def all_out_of_scope(changes: list[dict]) -> list[ChangeResult]:
    """A push answered 403: every change lies outside this user's municipalities (e.g. rows
    that moved away before this laptop heard of it) and the server wrote nothing. Each is
    refused as in a mixed batch, so it lands in the conflict inbox instead of blocking the
    outbox forever."""
    return [ChangeResult(change_id=c["change_id"], status="rejected", reason="scope",
                         message=OUT_OF_SCOPE) for c in changes]


class _Round:
    """One push round: where it is in the outbox and what it learned on the way."""

    def __init__(self, client: SyncClient, report: SyncReport, progress: Progress | None):
        self.client, self.report, self.progress = client, report, progress
        self.max_bytes = min(getattr(client, "max_push_bytes", MAX_PUSH_BYTES),
                             MAX_PUSH_BYTES)
        self.retried = False  # one pull and resend after a 403, then refuse

    def refuse_too_large(self, changes: list[dict]) -> None:
        store = self.client.store
        with store.transaction():
            for c in changes:
                message = TEXT_TOO_LONG if _text_too_long(c) else too_large_message(
                    self.max_bytes)
                self.report.rejected += record_rejection(
                    store, c["change_id"], c["table"], c["row_id"], c["fields"], TOO_LARGE,
                    message)
            store.db.conn.executemany("DELETE FROM outbox WHERE change_id = ?",
                                      [(c["change_id"],) for c in changes])

    def send(self, changes: list[dict]) -> bool:
        """Sends one outbox batch in parts; False: answered 403 the first time, so the
        caller pulls and reads the rest of the batch again."""
        client = self.client
        parts, alone = split(self._envelope(), changes, self.max_bytes)
        self.refuse_too_large(alone)
        pending = deque(parts)
        while pending:
            part = pending.popleft()
            body = encode({**self._envelope(), "changes": part})
            try:
                results = client._push_request(body)
            except SyncError as exc:
                if exc.status == 413:  # the server's limit is lower than ours
                    self.max_bytes = min(self.max_bytes, len(body) // 2)
                    if len(part) == 1:
                        self.refuse_too_large(part)
                    else:
                        half = len(part) // 2
                        pending.extendleft([part[half:], part[:half]])
                    continue
                if exc.status != 403:
                    raise
                if not self.retried:
                    # Rows may have moved out of this user's municipalities: a pull evicts
                    # them (filing their queued changes in the inbox), then try again.
                    self.retried = True
                    client._pull(self.report, self.progress)
                    return False
                results = all_out_of_scope(part)
            client._settle(part, results, self.report)
        return True

    def _envelope(self) -> dict:
        # The cursor, so that the next pull skips what this push settles.
        return {"device_id": self.client.store.device_id, "cursor": self.client.cursor()}


def push_outbox(client: SyncClient, report: SyncReport, progress: Progress | None) -> None:
    """Sends the outbox oldest first, `client.push_batch` rows at a time."""
    db = client.store.db
    total = client.store.pending_changes()
    if not total:
        return  # nothing to send: a sync with nothing to do is one pull request
    round_ = _Round(client, report, progress)
    after, done = 0, 0
    while True:
        batch_start = after
        rows = db.execute(
            "SELECT seq, change_id, tbl, row_id, fields, clocks, base FROM outbox "
            "WHERE seq > ? ORDER BY seq LIMIT ?", [after, client.push_batch],
        ).fetchall()
        if not rows:
            return
        after = rows[-1][0]
        changes = [{
            "change_id": r[1], "table": r[2], "row_id": r[3],
            "fields": None if r[4] == FIELDS_IN_ROW else json.loads(r[4]),
            "clocks": json.loads(r[5]), "base": json.loads(r[6]),
        } for r in rows]
        changes = client._with_inserted_fields(changes)
        if not changes:
            done += len(rows)
            continue
        for change in changes:  # locally compact, explicit on the wire (sync/clocks.py)
            change["clocks"] = expand(change["clocks"], change["fields"])
        if not round_.send(changes):
            after = batch_start  # what was settled is gone from the outbox
            continue
        done += len(rows)
        if progress:
            progress("push", done, total)
