"""The laptop side of sync (docs/sync-protocol.md): push the outbox, pull from the cursor,
apply with the shared merge rule. The only part of sync/ that touches the local store.

Safe against a bad network: an outbox row leaves only once the server answered for it (a
resent change id gets its stored answer), and a pulled page is applied together with its
cursor in one transaction, so a lost answer just means the same page comes again.
"""
from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from pydantic import ValidationError

from ..store.changes import inserted_fields, utc_now
from ..store.conflict_inbox import record_conflict, record_rejection
from ..store.migrations import LATEST as SCHEMA_VERSION
from ..store.resend import is_whole_row, queue_whole_row, settle_earlier_refusals
from ..store.sync_apply import apply_remote_rows, erase_local, evict_local
from . import errors
from .clocks import EVERY_OTHER_FIELD
from .errors import SyncError
from .messages import (
    API_PREFIX,
    DEFAULT_PULL_LIMIT,
    HEADER_PROTOCOL,
    HEADER_SCHEMA,
    MAX_PUSH_BATCH,
    MAX_PUSH_BYTES,
    PROTOCOL_VERSION,
    AuditResponse,
    ChangeResult,
    EraseResponse,
    LoginResponse,
    PullResponse,
    PushResponse,
    StatusResponse,
)
from .privacy_sync import send_access_log, send_erasures
from .push_batches import OUT_OF_SCOPE, push_outbox

# (phase "push" | "pull", done so far, total or None when unknown)
Progress = Callable[[str, int, int | None], None]
TIMEOUT = httpx.Timeout(30.0, connect=5.0)


@dataclass
class SyncReport:
    pushed: int = 0     # changes the server took (applied or merged with a conflict)
    pulled: int = 0     # rows changed locally by the pull
    conflicts: int = 0  # new entries in the conflict inbox
    rejected: int = 0   # changes the server refused (also in the inbox)
    quarantined: int = 0  # pulled rows this laptop cannot hold (store/quarantine.py)
    error: str | None = None  # for a person, in Danish
    error_kind: str | None = None  # SyncError.kind
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


def _headers(token: str | None) -> dict[str, str]:
    headers = {HEADER_PROTOCOL: str(PROTOCOL_VERSION), HEADER_SCHEMA: str(SCHEMA_VERSION)}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return headers


def _client(server_url: str, token: str | None, transport) -> httpx.Client:
    return httpx.Client(
        base_url=server_url.rstrip("/") + API_PREFIX, headers=_headers(token),
        timeout=TIMEOUT, transport=transport,
    )


def _request(http: httpx.Client, server_url: str, method: str, path: str, **kw) -> Any:
    try:
        response = http.request(method, path, **kw)
    except httpx.TransportError as exc:
        raise errors.offline(server_url, exc) from exc
    if not response.is_success:
        raise errors.from_response(response)
    try:
        return response.json()
    except ValueError as exc:
        raise SyncError("server", "Serveren svarede med noget, der ikke er JSON.") from exc


def _parse(model, data: Any):
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise SyncError(
            "server", f"Serverens svar kunne ikke forstås ({exc.error_count()} fejl)."
        ) from exc


_OUT_OF_SCOPE = OUT_OF_SCOPE


class SyncClient:
    def __init__(self, store, server_url: str, token: str, transport=None,
                 pull_limit: int = DEFAULT_PULL_LIMIT, push_batch: int = MAX_PUSH_BATCH,
                 max_push_bytes: int = MAX_PUSH_BYTES):
        self.store = store
        self.server_url = server_url.rstrip("/")
        self.token = token
        self.pull_limit = pull_limit
        self.push_batch = push_batch
        self.max_push_bytes = max_push_bytes  # per request body (sync/push_batches.py)
        self._http = _client(self.server_url, token, transport)

    # -- session -----------------------------------------------------------------------------
    @classmethod
    def login(cls, store, server_url: str, user: str, password: str, transport=None,
              device_name: str | None = None) -> tuple[SyncClient, LoginResponse]:
        """Logs in this store's device; remembers who and where in the store."""
        server_url = server_url.rstrip("/")
        with _client(server_url, None, transport) as http:
            answer = _parse(LoginResponse, _request(http, server_url, "POST", "/login", json={
                "user": user, "password": password, "device_id": store.device_id,
                "device_name": device_name or socket.gethostname(),
            }))
        with store.transaction():
            same = (store.get_state("server_url"), store.get_state("user")) == (
                server_url, answer.user)
            if not same:
                # A cursor belongs to one server and one scope: another one starts over
                # (pulling again is harmless, the merge makes it idempotent).
                store.set_state("cursor", "0")
            store.set_state("server_url", server_url)
            store.set_state("user", answer.user)
            store.set_state("role", answer.role)
            store.set_state("municipalities", json.dumps(answer.municipalities))
        return cls(store, server_url, answer.token, transport=transport), answer

    def logout(self) -> None:
        """Revokes the token on the server when it can be reached; never raises."""
        try:
            _request(self._http, self.server_url, "POST", "/logout")
        except SyncError:
            pass

    def status(self) -> StatusResponse:
        return _parse(StatusResponse, self._call("GET", "/status"))

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _call(self, method: str, path: str, **kw) -> Any:
        return _request(self._http, self.server_url, method, path, **kw)

    # -- a sync round ------------------------------------------------------------------------
    def sync_once(self, progress: Progress | None = None) -> SyncReport:
        """Push, then pull; records the run. Never raises for network or server trouble:
        the report says what went wrong (the local data stays as it is)."""
        started = time.perf_counter()
        report = SyncReport()
        with self.store.transaction():
            run_id = self.store.db.execute(
                "INSERT INTO sync_run (started) VALUES (?)", [utc_now()]
            ).lastrowid
        try:
            send_erasures(self, self.store)  # before the push: nothing of theirs goes first
            self._push(report, progress)
            self._pull(report, progress)
            send_access_log(self, self.store, self.store.device_id)
        except SyncError as exc:
            report.error, report.error_kind = exc.message, exc.kind
        report.seconds = time.perf_counter() - started
        with self.store.transaction():
            self.store.db.execute(
                "UPDATE sync_run SET finished = ?, pushed = ?, pulled = ?, conflicts = ?, "
                "error = ? WHERE id = ?",
                [utc_now(), report.pushed, report.pulled, report.conflicts + report.rejected,
                 report.error, run_id],
            )
            if report.ok:
                self.store.set_state("last_success", utc_now())
        return report

    def _push(self, report: SyncReport, progress: Progress | None) -> None:
        push_outbox(self, report, progress)  # in requests under the size limit

    def _push_request(self, body: bytes) -> list[ChangeResult]:
        """One push request, its body already encoded (and measured) by push_batches."""
        return _parse(PushResponse, self._call(
            "POST", "/push", content=body, headers={"Content-Type": "application/json"},
        )).results

    def _with_inserted_fields(self, changes: list[dict]) -> list[dict]:
        """Fills in the values of bulk inserts queued without them (``FIELDS_IN_ROW``) from
        the rows, one query per table; drops from the outbox those whose row is gone (as
        erasure and eviction drop a row's queued changes)."""
        pending: dict[str, dict[str, str]] = {}
        for change in changes:
            if change["fields"] is None:
                pending.setdefault(change["table"], {})[change["row_id"]] = \
                    change["clocks"][EVERY_OTHER_FIELD]
        if not pending:
            return changes
        found = {table: inserted_fields(self.store.db, table, stamps)
                 for table, stamps in pending.items()}
        gone: list[tuple[str]] = []
        for change in changes:
            if change["fields"] is None:
                derived = found[change["table"]].get(change["row_id"])
                if derived is None:
                    gone.append((change["change_id"],))
                else:
                    change["fields"], change["clocks"] = derived
        if gone:
            with self.store.transaction():
                self.store.db.conn.executemany("DELETE FROM outbox WHERE change_id = ?", gone)
        return [change for change in changes if change["fields"] is not None]

    def _settle(self, changes: list[dict], results: list[ChangeResult], report) -> None:
        """Drops answered changes from the outbox and files conflicts and refusals, in one
        transaction. A change without an answer stays queued and is sent again."""
        sent = {c["change_id"]: c for c in changes}
        settled: list[tuple[str]] = []
        # Changes of this batch that the server took: an eviction below must not file
        # them as refused (they are on the server, under the row it makes this laptop drop).
        taken = {r.change_id for r in results if r.status != "rejected"}
        with self.store.transaction():
            for result in results:
                change = sent.pop(result.change_id, None)
                if change is None:
                    continue  # not ours to settle (a confused server): ignore it
                settled.append((result.change_id,))
                if result.status == "rejected":
                    if result.evict:
                        # The row is outside this user's municipalities now: drop it here
                        # (after filing this change), as a pull's evict item would.
                        report.rejected += record_rejection(
                            self.store, result.change_id, change["table"], change["row_id"],
                            change["fields"], "scope", result.message or _OUT_OF_SCOPE)
                        report.rejected += evict_local(
                            self.store, change["table"], change["row_id"], taken)[1]
                        continue
                    if result.reason == "incomplete" and not is_whole_row(result.change_id):
                        # The server does not have the row yet (its insert was refused,
                        # e.g. it had no municipality then): send all of it, with what is
                        # under it, in this same push; nothing for the inbox.
                        queue_whole_row(self.store, change["table"], change["row_id"])
                        continue
                    if result.reason == "erased":
                        # Erased on the server (maybe before this laptop ever pushed it):
                        # it must go here too, with whatever else is queued for it; each
                        # queued change, this one too, leaves a content-free inbox entry.
                        erase_local(self.store, change["table"], change["row_id"])
                        report.rejected += 1
                        continue
                    report.rejected += record_rejection(
                        self.store, result.change_id, change["table"], change["row_id"],
                        change["fields"], result.reason or "rejected",
                        result.message or "Serveren afviste ændringen.",
                    )
                else:
                    report.pushed += 1
                    if is_whole_row(result.change_id):
                        settle_earlier_refusals(self.store, change["table"], change["row_id"])
                    for c in result.conflicts:
                        mine, theirs = (c.winner_value, c.loser_value) if c.incoming_won \
                            else (c.loser_value, c.winner_value)
                        mine_stamp, theirs_stamp = (c.winner_stamp, c.loser_stamp) \
                            if c.incoming_won else (c.loser_stamp, c.winner_stamp)
                        report.conflicts += record_conflict(
                            self.store, change["table"], change["row_id"], c.field,
                            mine=mine, theirs=theirs, mine_stamp=mine_stamp,
                            theirs_stamp=theirs_stamp, theirs_by=c.other_user,
                        )
            self.store.db.conn.executemany("DELETE FROM outbox WHERE change_id = ?", settled)

    def _pull(self, report: SyncReport, progress: Progress | None) -> None:
        while True:
            cursor = self.cursor()
            page = _parse(PullResponse, self._call(
                "GET", "/pull", params={"since": cursor, "limit": self.pull_limit}))
            with self.store.transaction():
                # A page is applied together with its cursor, or not at all.
                applied = apply_remote_rows(self.store, page.items)
                if page.next > cursor:  # cursors never go backwards
                    self.store.set_state("cursor", str(page.next))
            report.pulled += applied.changed + applied.erased + applied.evicted
            report.rejected += applied.refused
            report.conflicts += applied.notices
            report.quarantined += applied.quarantined
            if progress:
                progress("pull", report.pulled, None)
            if not page.more or page.next <= cursor:
                return  # done, or a server that does not advance: stop rather than loop

    def cursor(self) -> int:
        return int(self.store.get_state("cursor") or 0)

    def audit(self, person: str | None = None) -> list[dict[str, Any]]:
        """The server's audit rows (coordinators and admins), of one person or all."""
        params = {"person": person} if person else {}
        return [row.model_dump() for row in _parse(AuditResponse, self._call(
            "GET", "/audit", params=params)).rows]

    # -- erasure -----------------------------------------------------------------------------
    def erase(self, table: str, row_id: str) -> list[tuple[str, str]]:
        """GDPR erasure: the server erases first (it keeps the tombstone forever), then this
        store hard-deletes the same rows. Raises SyncError when the server cannot be asked."""
        answer = _parse(EraseResponse, self._call(
            "POST", "/erase", json={"table": table, "row_id": row_id}))
        with self.store.transaction():
            erase_local(self.store, table, row_id)
            for erased_table, erased_id in answer.erased:
                erase_local(self.store, erased_table, erased_id)
        return [tuple(pair) for pair in answer.erased]
