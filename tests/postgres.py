"""A real PostgreSQL for tests: one server per test session, a fresh database per test.

Use it as a pytest plugin (``pytest_plugins = ["tests.postgres"]`` in a conftest.py), then ask
for the ``postgres_url`` fixture (a new empty database, dropped afterwards) or
``postgres_server`` (the session's server, to make databases yourself).

initdb refuses to run as root, so as root the server runs as the ``postgres`` user in a
temporary folder handed to it. When PostgreSQL is missing the tests are skipped, except in CI
(env ``CI`` set), where that is an error: the server backend must always be tested there.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest


def _bin_dir() -> Path | None:
    override = os.environ.get("LOKOMOTIV_PG_BIN")
    candidates = [override] if override else sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    for candidate in reversed(candidates):
        if candidate and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PostgresServer:
    host: str
    port: int
    user: str
    socket_dir: str | None = None  # the session's own server: its Unix socket
    _counter = itertools.count(1)

    def url(self, database: str) -> str:
        if self.socket_dir:
            # A Unix socket: each query's round trip costs less than over TCP, and the
            # sync simulation makes tens of thousands of them.
            return (f"postgresql://{self.user}@/{database}"
                    f"?host={self.socket_dir}&port={self.port}")
        return f"postgresql://{self.user}@{self.host}:{self.port}/{database}"

    def create_database(self) -> str:
        """A new empty database; returns its name."""
        import psycopg

        name = f"t{os.getpid()}_{next(self._counter)}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return name

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class _Cluster:
    """initdb + pg_ctl in a temporary folder, as the postgres user when we are root."""

    def __init__(self, bin_dir: Path):
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="lokomotiv-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        self.user = "postgres" if self.as_root else _current_user()

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            raise RuntimeError(
                f"{args[0]} failed ({result.returncode}): {result.stderr or result.stdout}"
            )

    def start(self) -> PostgresServer:
        if self.as_root:
            shutil.chown(self.root, user="postgres", group="postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync", "-U", self.user)
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "start", "-w", "-t", "30", "-D", str(self.data),
                  "-l", str(self.root / "log"), "-o", options)
        server = PostgresServer("127.0.0.1", self.port, self.user, socket_dir=str(self.root))
        _wait_ready(server)
        return server

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "fast", "-w")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def _current_user() -> str:
    import getpass

    return getpass.getuser()


def _wait_ready(server: PostgresServer, timeout: float = 20.0) -> None:
    import psycopg

    deadline = time.monotonic() + timeout
    while True:
        try:
            psycopg.connect(server.url("postgres"), connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required in CI but unavailable: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL unavailable: {reason}")


@pytest.fixture(scope="session")
def postgres_server():
    """The session's PostgreSQL server (started on first use, stopped at the end)."""
    external = os.environ.get("LOKOMOTIV_TEST_POSTGRES")  # e.g. postgresql://u@host:5432
    if external:
        from urllib.parse import urlsplit

        parts = urlsplit(external)
        yield PostgresServer(parts.hostname or "127.0.0.1", parts.port or 5432,
                             parts.username or "postgres")
        return
    bin_dir = _bin_dir()
    if bin_dir is None:
        _unavailable("no initdb found (apt-get install postgresql)")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        _unavailable("running as root without runuser")
    cluster = _Cluster(bin_dir)
    try:
        server = cluster.start()
    except Exception as exc:  # noqa: BLE001 - report why, then skip/fail
        cluster.stop()
        _unavailable(str(exc))
    try:
        yield server
    finally:
        cluster.stop()


@pytest.fixture
def postgres_url(postgres_server):
    """URL of a fresh, empty database on the session's server; dropped after the test."""
    name = postgres_server.create_database()
    try:
        yield postgres_server.url(name)
    finally:
        postgres_server.drop_database(name)
