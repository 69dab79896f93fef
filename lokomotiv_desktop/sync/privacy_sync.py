"""The sync round's part for people: erasures made offline go to the server before the push
(so that no queued change of the person is sent first), and the access log follows the
pull. A refusal of one erasure (a role that may not erase, another municipality) is kept
on that request, in Danish, and does not stop the sync."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..store import privacy_queue
from ..store.database import Store
from .errors import SyncError
from .messages import AccessLogResponse, EraseResponse

if TYPE_CHECKING:
    from .client import SyncClient


def send_erasures(client: SyncClient, store: Store) -> int:
    """Asks the server for every pending erasure; returns how many it confirmed."""
    from .client import _parse

    confirmed = 0
    for table, row_id, _ in privacy_queue.pending_erasures(store):
        try:
            answer = _parse(EraseResponse, client._call(
                "POST", "/erase", json={"table": table, "row_id": row_id}))
        except SyncError as exc:
            if exc.kind not in ("forbidden", "invalid"):
                raise  # offline, logged out, server trouble: the whole round stops
            privacy_queue.erasure_refused(store, table, row_id, exc.message)
            continue
        privacy_queue.erasure_confirmed(store, table, row_id,
                                        [(t, i) for t, i in answer.erased])
        confirmed += 1
    return confirmed


def send_access_log(client: SyncClient, store: Store, device_id: str) -> int:
    """Sends the access log in batches; returns how many entries the server took."""
    from .client import _parse

    sent = 0
    while batch := privacy_queue.unsent_access(store):
        entries = [{"entry_id": f"{device_id}:{local_id}", "at": at, "who": who[:200],
                    "participant_id": pid, "what": what[:200]}
                   for local_id, at, who, pid, what in batch]
        answer = _parse(AccessLogResponse, client._call(
            "POST", "/access-log", json={"entries": entries}))
        privacy_queue.access_sent(store, [row[0] for row in batch])
        sent += answer.stored
    return sent
