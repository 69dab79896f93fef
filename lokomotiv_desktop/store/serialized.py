"""One store connection, used by the window's thread and its database worker, one call at a
time.

SQLite serialises calls on a shared connection with its own mutex, but Python's sqlite3
takes that mutex in some calls (binding parameters, reading a row's columns) while it
holds Python's global lock. A statement that calls back into Python (the Danish order,
``dansk_key``; the search document) needs Python's lock while it holds SQLite's mutex, so
the two threads waited for each other for ever. Here every call that reaches SQLite holds
one re-entrant lock instead; waiting for it lets Python's lock go, so the statement's
callbacks always get to run.
"""
from __future__ import annotations

import sqlite3
import threading
from typing import Any


class SerializedCursor(sqlite3.Cursor):
    def execute(self, *args: Any) -> SerializedCursor:
        with self.connection.call_lock:
            return super().execute(*args)

    def executemany(self, *args: Any) -> SerializedCursor:
        with self.connection.call_lock:
            return super().executemany(*args)

    def executescript(self, *args: Any) -> SerializedCursor:
        with self.connection.call_lock:
            return super().executescript(*args)

    def fetchone(self) -> Any:
        with self.connection.call_lock:
            return super().fetchone()

    def fetchmany(self, *args: Any) -> list[Any]:
        with self.connection.call_lock:
            return super().fetchmany(*args)

    def fetchall(self) -> list[Any]:
        with self.connection.call_lock:
            return super().fetchall()

    def __next__(self) -> Any:
        with self.connection.call_lock:
            return super().__next__()

    def close(self) -> None:
        with self.connection.call_lock:
            super().close()


class SerializedConnection(sqlite3.Connection):
    """A sqlite3 connection whose statements and cursors hold ``call_lock``."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.call_lock = threading.RLock()

    def cursor(self, factory: type = SerializedCursor) -> SerializedCursor:  # type: ignore[override]
        return super().cursor(factory)

    def execute(self, *args: Any) -> SerializedCursor:  # type: ignore[override]
        return self.cursor().execute(*args)

    def executemany(self, *args: Any) -> SerializedCursor:  # type: ignore[override]
        return self.cursor().executemany(*args)

    def executescript(self, *args: Any) -> SerializedCursor:  # type: ignore[override]
        return self.cursor().executescript(*args)

    def commit(self) -> None:
        with self.call_lock:
            super().commit()

    def rollback(self) -> None:
        with self.call_lock:
            super().rollback()

    def close(self) -> None:
        with self.call_lock:
            super().close()
