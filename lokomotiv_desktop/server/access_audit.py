"""The audit of who saw a person's sensitive fields: laptops send their access log after
each sync; coordinators (and admins) read it, with the server's own record of pushes and
erasures for that person."""
from __future__ import annotations

from ..sync.messages import AccessEntry, AuditRow
from . import roles
from .accounts import Caller
from .backend import Backend, placeholders
from .storage import append_audit

VIEW_ACTION = "view"


class AuditRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def store_access_log(backend: Backend, caller: Caller, entries: list[AccessEntry]) -> int:
    """Appends the entries not stored before; returns how many were new."""
    if not entries:
        return 0
    with backend.write() as db:
        ids = [e.entry_id for e in entries]
        known = {r[0] for r in db.all(
            f"SELECT change_id FROM audit WHERE action = ? AND change_id IN "
            f"({placeholders(len(ids))})", [VIEW_ACTION, *ids])}
        fresh = [e for e in dict((e.entry_id, e) for e in entries).values()
                 if e.entry_id not in known]
        # `who` is the name the laptop's user goes by; the account is the token's.
        append_audit(db, [(e.at, caller.account, caller.device_id, VIEW_ACTION,
                           "participant", e.participant_id, e.entry_id,
                           f"{e.what} ({e.who})" if e.who else e.what) for e in fresh])
    return len(fresh)


def read_audit(backend: Backend, caller: Caller, person: str | None,
               limit: int = 1000) -> list[AuditRow]:
    if not roles.may_read_audit(caller.role):
        raise AuditRefused("Kun koordinatorer og administratorer kan læse revisionsloggen.")
    where, params = "", []
    if person:
        where = " WHERE (row_id = ? OR detail LIKE ?)"
        params = [person, f"%participant/{person}%"]
    rows = []
    with backend.read() as db:
        rows = db.all(f"SELECT at, account, device_id, action, tbl, row_id, detail FROM audit"
                      f"{where} ORDER BY at DESC, id DESC LIMIT ?", [*params, limit])
    return [AuditRow(at=r[0], account=r[1], device_id=r[2], action=r[3], table=r[4],
                     row_id=r[5], detail=r[6] or "") for r in rows]
