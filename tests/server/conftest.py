"""Server fixtures: every test runs against both backends (SQLite file, real PostgreSQL)."""
from __future__ import annotations

import itertools
import warnings
import zlib

import pytest
from argon2 import PasswordHasher

HEADERS = {"X-Lokomotiv-Protocol": "2", "X-Lokomotiv-Schema": "1"}
PASSWORD = "hemmelig-kode"


@pytest.fixture(autouse=True)
def _fast_password_hashing(monkeypatch):
    # Production parameters cost ~50 ms per hash; tests hash dozens of passwords.
    from lokomotiv_desktop.server import accounts

    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024,
                                                            parallelism=1))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'shared.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def backend(db_url):
    from lokomotiv_desktop.server.accounts import add_user
    from lokomotiv_desktop.server.backend import open_backend

    b = open_backend(db_url)
    b.init_schema()
    add_user(b, "anna", PASSWORD, "konsulent", ["615"])
    add_user(b, "bo", PASSWORD, "konsulent", ["630"])
    add_user(b, "kim", PASSWORD, "koordinator", [])
    yield b
    b.close()


@pytest.fixture
def app(backend):
    from lokomotiv_desktop.server.app import create_app

    return create_app(backend)


class Api:
    """A logged-in test client: one account on one device, with its own clock."""

    _ids = itertools.count(1)

    def __init__(self, client, user: str, device: str):
        self.client, self.user, self.device = client, user, device
        self._ms = 1_700_000_000_000
        response = client.post("/api/v1/login", headers=HEADERS, json={
            "user": user, "password": PASSWORD, "device_id": device, "device_name": device})
        assert response.status_code == 200, response.text
        self.token = response.json()["token"]
        self.headers = {**HEADERS, "Authorization": f"Bearer {self.token}"}

    def stamp(self) -> str:
        self._ms += 1
        return f"{self._ms:013d}.00000.{self.device}"

    def change(self, table: str, row_id: str, base: dict | None = None, **fields) -> dict:
        stamp = self.stamp()
        return {"change_id": f"{self.device}-c{next(self._ids)}", "table": table,
                "row_id": row_id, "fields": fields, "clocks": {f: stamp for f in fields},
                "base": base or {}}

    def push(self, *changes: dict, expect: int = 200):
        response = self.client.post("/api/v1/push", headers=self.headers,
                                    json={"device_id": self.device, "changes": list(changes)})
        assert response.status_code == expect, response.text
        return response.json()

    def pull(self, since: int = 0, limit: int = 1000) -> dict:
        response = self.client.get("/api/v1/pull", headers=self.headers,
                                   params={"since": since, "limit": limit})
        assert response.status_code == 200, response.text
        return response.json()

    def pull_all(self, limit: int = 1000) -> list[dict]:
        items, since = [], 0
        while True:
            page = self.pull(since, limit)
            items += page["items"]
            assert page["next"] >= since  # the cursor never goes backwards
            since = page["next"]
            if not page["more"]:
                return items


@pytest.fixture
def client(app):
    with warnings.catch_warnings():  # starlette nudges towards httpx2; httpx is what we ship
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


@pytest.fixture
def login(client):
    def _login(user: str, device: str | None = None) -> Api:
        return Api(client, user, device or f"{user}-laptop")
    return _login


_CVR_OF: dict[str, str] = {}  # company id -> the CVR it was derived from
_LABEL_OF: dict[str, str] = {}  # company id -> the test's name for it


def cid(label: str) -> str:
    """The id of the test's company `label` ("c1"): derived from a CVR of its own, as the
    server requires (sync/identity.py)."""
    from lokomotiv_desktop.sync.identity import natural_id
    from tests.cvrs import valid_cvr

    cvr = valid_cvr(zlib.crc32(label.encode()))
    row_id = natural_id("company", cvr)
    _CVR_OF[row_id], _LABEL_OF[row_id] = cvr, label
    return row_id


def company(api: Api, row_id: str, municipality: str = "615", **extra) -> dict:
    """A new company with id `row_id` (from ``cid``, or a label given to it here)."""
    row_id = row_id if row_id in _CVR_OF else cid(row_id)
    return api.change("company", row_id, name=f"Firma {_LABEL_OF[row_id]}", cvr=_CVR_OF[row_id],
                      municipality_code=municipality, **extra)


def count(backend, sql: str, params=()) -> int:
    with backend.read() as db:
        return db.one(sql, params)[0]
