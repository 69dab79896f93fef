"""The Store: one open local database with its clock, change writer and transactions."""
from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..sync.hlc import HybridClock
from . import search
from .changes import ChangeWriter, new_id
from .connection import connect
from .migrations import migrate
from .reference import refresh_reference_data


class Store:
    """Open with ``Store(path)``; write only inside ``with store.transaction():``."""

    def __init__(self, path: Path | str, key: str | None = None):
        self.path = Path(path) if str(path) != ":memory:" else path
        self.db = connect(path, key)
        search.register_functions(self.db)
        migrate(self.db)
        refresh_reference_data(self.db)
        self._lock = threading.RLock()
        self._depth = 0
        self._touched: dict[str, set[str]] = defaultdict(set)
        self.device_id = self.get_state("device_id") or self._new_device_id()
        self.clock = HybridClock(self.device_id, last=self.get_state("hlc_last") or "")
        self.changes = ChangeWriter(self)
        if search.needs_rebuild(self.db):  # upgraded from a store without the list index
            with self.transaction():
                search.rebuild(self.db)

    def _new_device_id(self) -> str:
        device = new_id().replace("-", "")[-16:]
        self.db.execute("INSERT INTO sync_state(key, value) VALUES ('device_id', ?)", [device])
        return device

    # -- transactions --------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """BEGIN IMMEDIATE at the outermost level, a SAVEPOINT inside; on commit the search
        index of every touched company is refreshed in the same transaction."""
        with self._lock:
            outer = self._depth == 0
            name = f"sp{self._depth}"
            self.db.execute("BEGIN IMMEDIATE" if outer else f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield self
                if outer:
                    self._before_commit()
            except BaseException:
                self._depth -= 1
                if outer:
                    self.db.execute("ROLLBACK")
                    self._touched.clear()
                else:
                    self.db.execute(f"ROLLBACK TO {name}")
                    self.db.execute(f"RELEASE {name}")
                raise
            self._depth -= 1
            self.db.execute("COMMIT" if outer else f"RELEASE {name}")

    def touched(self, table: str, row_ids: list[str]) -> None:
        self._touched[table].update(row_ids)

    def _before_commit(self) -> None:
        companies: set[str] = set()
        for table, ids in self._touched.items():
            companies.update(search.company_ids_for(self.db, table, list(ids)))
        self._touched.clear()
        if companies:
            search.reindex(self.db, companies)
        self.set_state("hlc_last", self.clock.last)

    # -- small key/value state -------------------------------------------------------------
    def get_state(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM sync_state WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_state(self, key: str, value: str | None) -> None:
        self.db.execute(
            "INSERT INTO sync_state(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    # -- maintenance -------------------------------------------------------------------------
    def vacuum(self) -> None:
        self.db.execute("VACUUM")  # may renumber rowids: the search index follows them
        with self.transaction():
            search.rebuild(self.db)

    def pending_changes(self) -> int:
        return self.db.execute("SELECT count(*) FROM outbox").fetchone()[0]

    def close(self) -> None:
        self.db.conn.close()
