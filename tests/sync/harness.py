"""A shared store in-process for client tests: backend, app, accounts, and an inspector
that reads the server's whole state through the API (as a koordinator)."""
from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest
from argon2 import PasswordHasher

from lokomotiv_desktop.server import accounts
from lokomotiv_desktop.server.app import create_app
from lokomotiv_desktop.server.backend import open_backend
from lokomotiv_desktop.server.login_limits import LoginLimiter
from lokomotiv_desktop.store import changes as store_changes
from lokomotiv_desktop.sync import hlc
from lokomotiv_desktop.sync.client import SyncClient, _headers
from lokomotiv_desktop.sync.messages import API_PREFIX
from lokomotiv_desktop.sync.tables import SYNCED_TABLES

from .network import BASE_URL, AppTransport

PASSWORD = "hemmelig-kode"
# The production argon2 parameters cost ~0.4 s a login here; tests need many logins.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def fast_passwords(monkeypatch) -> None:
    monkeypatch.setattr(accounts, "_hasher", FAST_HASHER)


class Deterministic:
    """Row, change and device ids (UUIDv7) and the clocks' wall time from counters instead
    of the random generator and the real clock, so a scenario's stamps (who wins a merge)
    and id order (which row a rule picks) are the same on every run: the wall clock ticks
    one millisecond per stamp, for every laptop alike. `reset()` starts over."""

    EPOCH_MS = 1_796_000_000_000  # December 2026

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self._ms = itertools.count(self.EPOCH_MS)
        self._ids = itertools.count(1)

    def time_ns(self) -> int:  # stands in for the time module in sync/hlc.py
        return next(self._ms) * 1_000_000

    def uuid7(self) -> uuid.UUID:
        """A well-formed UUIDv7 whose order is the order of creation; its last 16 hex
        digits (a store's device id) are unique too."""
        n = next(self._ids)
        return uuid.UUID(int=((self.EPOCH_MS + n) << 80) | (0x7 << 76) | (0b10 << 62) | n)


def deterministic(monkeypatch) -> Deterministic:
    source = Deterministic()
    monkeypatch.setattr(store_changes, "uuid7", source.uuid7)
    monkeypatch.setattr(hlc, "time", source)
    return source


@dataclass
class Server:
    url: str  # the backend URL
    backend: object = None
    app: object = None
    transport: AppTransport | None = None
    users: dict[str, tuple[str, list[str]]] = field(default_factory=dict)

    def start(self, min_schema: int = 1) -> Server:
        self.backend = open_backend(self.url)
        self.backend.init_schema()
        self.app = create_app(self.backend, min_schema=min_schema)
        self.transport = AppTransport(self.app)
        return self

    def reset(self) -> Server:
        """Empties the shared store: every table, counters (seq, identities) from the start,
        no accounts, no failed logins; as good as a new server on a new database, at a
        fraction of the cost (CREATE DATABASE alone takes longer than a short scenario)."""
        with self.backend.write() as db:
            if self.url.startswith("sqlite:"):
                db.execute("PRAGMA defer_foreign_keys = ON")  # checked at commit: all gone
                names = db.all("SELECT name FROM sqlite_master WHERE type = 'table'")
                for (name,) in names:  # sqlite_sequence too: AUTOINCREMENT from 1 again
                    db.execute(f'DELETE FROM "{name}"')
            else:
                names = db.all("SELECT tablename FROM pg_tables "
                               "WHERE schemaname = current_schema()")
                if names:
                    quoted = ", ".join(f'"{name}"' for (name,) in names)
                    db.execute(f"TRUNCATE {quoted} RESTART IDENTITY")
        self.backend.init_schema()
        self.app.state.limiter = LoginLimiter()
        self.users.clear()
        return self

    def add_user(self, name: str, role: str, municipalities: list[str]) -> None:
        accounts.add_user(self.backend, name, PASSWORD, role, municipalities)
        self.users[name] = (role, municipalities)

    def login(self, store, name: str, transport=None) -> SyncClient:
        client, _ = SyncClient.login(store, BASE_URL, name, PASSWORD,
                                     transport=transport or self.transport)
        return client

    def token(self, name: str) -> str:
        """A token without a store (for the inspector)."""
        with httpx.Client(base_url=BASE_URL + API_PREFIX, transport=self.transport,
                          headers=_headers(None)) as http:
            answer = http.post("/login", json={"user": name, "password": PASSWORD,
                                               "device_id": f"inspector{name}"})
            answer.raise_for_status()
            return answer.json()["token"]

    def close(self) -> None:
        if self.transport:
            self.transport.close()
        if self.backend:
            self.backend.close()


def server_state(server: Server, inspector_token: str):
    """Every row (table, id) -> (values, clocks) and every tombstone, read by pulling from
    0 as a koordinator over a healthy connection."""
    rows: dict[tuple[str, str], tuple[dict, dict]] = {}
    erased: set[tuple[str, str]] = set()
    with httpx.Client(base_url=BASE_URL + API_PREFIX, transport=server.transport,
                      headers=_headers(inspector_token)) as http:
        since, more = 0, True
        while more:
            page = http.get("/pull", params={"since": since, "limit": 5000}).json()
            for item in page["items"]:
                key = (item["table"], item["row_id"])
                if item["kind"] == "erase":
                    erased.add(key)
                    rows.pop(key, None)
                else:
                    rows[key] = (item["values"], item["clocks"])
            since, more = page["next"], page["more"]
    return rows, erased


def local_state(store) -> dict[tuple[str, str], tuple[dict, dict]]:
    """Every synced row of a store, as (values of its stamped fields, clocks)."""
    import json

    from lokomotiv_desktop.sync.clocks import expand

    rows = {}
    for name, spec in SYNCED_TABLES.items():
        columns = spec.all_fields
        for row in store.db.execute(f"SELECT id, clocks, {', '.join(columns)} FROM {name}"):
            clocks = expand(json.loads(row[1]), columns)  # locally it may be compact
            values = dict(zip(columns, row[2:], strict=True))
            rows[(name, row[0])] = ({f: values[f] for f in clocks}, clocks)
    return rows


def scope_of(rows, key) -> str | None:
    """The municipality of a server row: its own, or its parent's."""
    table, _ = key
    spec = SYNCED_TABLES[table]
    values = rows[key][0]
    if spec.scope_field:
        return values.get(spec.scope_field)
    fk, parent_table = spec.parent
    parent = (parent_table, values.get(fk))
    return scope_of(rows, parent) if parent in rows else None


# Parametrize a `server` fixture with these to run a test on both backends.
BOTH_BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def serve_both(request, tmp_path, monkeypatch,
               users: dict[str, tuple[str, list[str]]]) -> Iterator[Server]:
    """The body of such a fixture: a server on the backend of `request.param`, with `users`
    (name -> (role, municipalities)); closed after the test."""
    fast_passwords(monkeypatch)
    url = (f"sqlite:///{tmp_path}/shared.db" if request.param == "sqlite"
           else request.getfixturevalue("postgres_url"))
    srv = Server(url).start()
    for name, (role, municipalities) in users.items():
        srv.add_user(name, role, municipalities)
    yield srv
    srv.close()
