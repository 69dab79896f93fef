"""The PostgreSQL backend (psycopg 3). Writers take one transaction-scoped advisory lock, so two
concurrent pushes never interleave: seq numbers are committed in the order they are handed out,
and a pull can never skip a seq that commits later."""
from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg

from .backend import Backend, Db

_WRITE_LOCK_KEY = 0x4C4F4B4F  # "LOKO": the one lock every writer takes


def _to_pyformat(sql: str) -> str:
    # Shared SQL uses sqlite's "?"; our statements contain no literal "?" or "%".
    return sql.replace("?", "%s")


class PostgresDb(Db):
    def __init__(self, conn: psycopg.Connection):
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(_to_pyformat(sql), params, prepare=False)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(_to_pyformat(sql), rows)

    def insert_many(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]],
                    on_conflict: str = "") -> None:
        """COPY: one round trip for the whole batch (a pipelined executemany of 10 000 rows
        measured ~4x slower). An upsert is staged in a temporary table first, since COPY
        itself cannot say ON CONFLICT."""
        if not rows:
            return
        names = ", ".join(columns)
        target = table
        if on_conflict:
            target = f"stage_{table}"
            self.conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {target} "
                              f"(LIKE {table}) ON COMMIT DELETE ROWS")
        with self.conn.cursor() as cur:
            with cur.copy(f"COPY {target} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            if on_conflict:
                cur.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {target} "
                            f"{on_conflict}")
                # Emptied now, not only at commit: a second upsert in the same
                # transaction must not see these rows again.
                cur.execute(f"DELETE FROM {target}")


class PostgresBackend(Backend):
    autoincrement_pk = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
    column_exists_sql = (
        "SELECT 1 FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?"
    )
    table_exists_sql = (
        "SELECT 1 FROM information_schema.tables "
        "WHERE table_schema = current_schema() AND table_name = ?"
    )

    def __init__(self, url: str, max_idle: int = 8):
        self.url = url
        self._idle: list[psycopg.Connection] = []
        self._lock = threading.Lock()
        self._max_idle = max_idle
        self._release(self._acquire())  # fail now, with a clear error, if unreachable

    def _acquire(self) -> psycopg.Connection:
        with self._lock:
            while self._idle:
                conn = self._idle.pop()
                if not conn.closed and not conn.broken:
                    return conn
        return psycopg.connect(self.url, autocommit=True, connect_timeout=10)

    def _release(self, conn: psycopg.Connection) -> None:
        with self._lock:
            if len(self._idle) < self._max_idle and not conn.broken:
                self._idle.append(conn)
                return
        conn.close()

    @contextmanager
    def _transaction(self, exclusive: bool) -> Iterator[Db]:
        conn = self._acquire()
        try:
            with conn.transaction():
                if exclusive:
                    conn.execute("SELECT pg_advisory_xact_lock(%s)", [_WRITE_LOCK_KEY])
                else:
                    conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                yield PostgresDb(conn)
        finally:
            if conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                conn.rollback()
            self._release(conn)

    def read(self):
        return self._transaction(exclusive=False)

    def write(self):
        return self._transaction(exclusive=True)

    def close(self) -> None:
        with self._lock:
            for conn in self._idle:
                conn.close()
            self._idle.clear()
