"""What this laptop owes the server about people: erasures made offline (the person is
gone here at once; the server is told on the next sync) and the access log (who looked at
or exported whose sensitive fields), sent after each sync and kept on the server."""
from __future__ import annotations

from .changes import utc_now
from .database import Store
from .sync_apply import erase_local


def erase_now(store: Store, table: str, row_id: str) -> list[tuple[str, str]]:
    """Erases the row and its personal rows here (tombstoned: a pull never brings them back)
    and queues the erasure for the server. Returns the (table, id) pairs erased here."""
    with store.transaction():
        erased = erase_local(store, table, row_id)
        store.db.execute(
            "INSERT INTO erasure_request (tbl, row_id, requested) VALUES (?, ?, ?) "
            "ON CONFLICT (tbl, row_id) DO NOTHING", [table, row_id, utc_now()])
    return erased


def pending_erasures(store: Store) -> list[tuple[str, str, str | None]]:
    """(table, id, last refusal) of erasures the server has not confirmed."""
    return store.db.execute(
        "SELECT tbl, row_id, error FROM erasure_request ORDER BY requested").fetchall()


def erasure_confirmed(store: Store, table: str, row_id: str,
                      erased: list[tuple[str, str]]) -> None:
    """The server erased the row (and `erased` with it): those go here too, for good."""
    with store.transaction():
        for erased_table, erased_id in erased:
            erase_local(store, erased_table, erased_id)
        store.db.execute("DELETE FROM erasure_request WHERE tbl = ? AND row_id = ?",
                         [table, row_id])


def erasure_refused(store: Store, table: str, row_id: str, message: str) -> None:
    with store.transaction():
        store.db.execute("UPDATE erasure_request SET error = ? WHERE tbl = ? AND row_id = ?",
                         [message, table, row_id])


def log_access(store: Store, participant_id: str, what: str, who: str) -> None:
    """Notes that `who` saw or exported `what` about the participant (runs in the caller's
    transaction, or in its own)."""
    with store.transaction():
        store.db.execute("INSERT INTO access_log (at, who, participant_id, what) "
                         "VALUES (?, ?, ?, ?)", [utc_now(), who, participant_id, what])


def unsent_access(store: Store, limit: int = 1000) -> list[tuple[int, str, str, str, str]]:
    """(local id, at, who, participant id, what) of entries not yet on the server."""
    return store.db.execute(
        "SELECT id, at, who, participant_id, what FROM access_log WHERE sent = 0 "
        "ORDER BY id LIMIT ?", [limit]).fetchall()


def access_sent(store: Store, ids: list[int]) -> None:
    with store.transaction():
        store.db.conn.executemany("UPDATE access_log SET sent = 1 WHERE id = ?",
                                  [(i,) for i in ids])


def access_entries(store: Store, participant_id: str) -> list[tuple[str, str, str]]:
    """(at, who, what) of this laptop's log for one person, newest first."""
    return store.db.execute(
        "SELECT at, who, what FROM access_log WHERE participant_id = ? ORDER BY id DESC",
        [participant_id]).fetchall()
