"""The embedded backend: one SQLite file (stdlib sqlite3, not the laptop store), WAL mode so
reads never wait for a push; BEGIN IMMEDIATE serializes writers."""
from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .backend import Backend, Db


class SqliteDb(Db):
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)


class SqliteBackend(Backend):
    autoincrement_pk = "INTEGER PRIMARY KEY AUTOINCREMENT"
    column_exists_sql = "SELECT 1 FROM pragma_table_info(?) WHERE name = ?"
    table_exists_sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if not self.path.parent.exists():
            raise ValueError(f"Mappen {self.path.parent} findes ikke")
        # Idle connections, taken by one transaction at a time. Not one per thread: the
        # server's worker threads come and go, and each would leave an open file behind
        # (a server running for weeks ran out of them).
        self._idle: queue.SimpleQueue[sqlite3.Connection] = queue.SimpleQueue()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("PRAGMA foreign_keys=ON")
        with self._lock:
            self._all.append(conn)
        return conn

    @contextmanager
    def _transaction(self, begin: str) -> Iterator[Db]:
        try:
            conn = self._idle.get_nowait()
        except queue.Empty:
            conn = self._connect()
        try:
            conn.execute(begin)
            try:
                yield SqliteDb(conn)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            self._idle.put(conn)

    def read(self):
        return self._transaction("BEGIN")

    def write(self):
        return self._transaction("BEGIN IMMEDIATE")

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._idle = queue.SimpleQueue()
