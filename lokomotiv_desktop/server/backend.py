"""One interface over the two databases. Shared SQL is written once with ``?`` placeholders;
a backend only supplies connections, the write lock and the dialect bits of the DDL."""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any


class Db(ABC):
    """A connection inside one transaction."""

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Runs one statement; returns a cursor (fetchone/fetchall)."""

    @abstractmethod
    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    def insert_many(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]],
                    on_conflict: str = "") -> None:
        """INSERT INTO `table` (`columns`) every row, then `on_conflict` (an ON CONFLICT
        clause, may be empty). One executemany here; PostgreSQL overrides it with COPY."""
        if rows:
            self.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"VALUES ({placeholders(len(columns))}) {on_conflict}", rows)

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return [tuple(r) for r in self.execute(sql, params).fetchall()]

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None:
        row = self.execute(sql, params).fetchone()
        return tuple(row) if row is not None else None


class Backend(ABC):
    # DDL fragments that differ between dialects (used by schema.py).
    autoincrement_pk: str
    bigint: str = "BIGINT"
    table_exists_sql: str  # one "?" parameter: the table name
    column_exists_sql: str  # two: the table and the column

    @abstractmethod
    @contextmanager
    def read(self) -> Iterator[Db]:
        """A consistent snapshot for reading (one transaction)."""

    @abstractmethod
    @contextmanager
    def write(self) -> Iterator[Db]:
        """An exclusive write transaction: writers are serialized, so seq numbers are handed
        out and committed in order; commits on success, rolls back on any exception."""

    @abstractmethod
    def close(self) -> None: ...

    def init_schema(self) -> None:
        from .schema import create_schema

        with self.write() as db:
            create_schema(db, self)


def placeholders(n: int) -> str:
    return ", ".join("?" * n)


def open_backend(url: str) -> Backend:
    """`sqlite:///path/shared.db` or `postgresql://user@host:port/db`."""
    if url.startswith("sqlite:///"):
        from .sqlite import SqliteBackend

        return SqliteBackend(url.removeprefix("sqlite:///"))
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresBackend

        return PostgresBackend(url)
    raise ValueError(
        f"Ukendt database-adresse: {url!r}. Brug sqlite:///sti/til/fil.db eller "
        "postgresql://bruger@vært:port/database"
    )
