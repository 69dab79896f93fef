"""Helpers that set up what the sync tests look at: a second laptop on the same server, a
concurrent edit that ends in the window's conflict inbox, and transports that misbehave."""
from __future__ import annotations

import threading
import time

import httpx

from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store.companies import CompanyRepository

COMPANY = "Herning Plast A/S"


def company_id(store, name: str = COMPANY) -> str:
    return CompanyRepository(store).search(name, limit=1)[0].id


def phone_of(store, name: str = COMPANY) -> str | None:
    repository = CompanyRepository(store)
    return repository.get(company_id(store, name)).phone


def set_phone(store, phone: str, name: str = COMPANY) -> None:
    with store.transaction():
        CompanyRepository(store).update(company_id(store, name), {"phone": phone})


class OtherLaptop:
    """bo's laptop: its own store, synced through the harness client."""

    def __init__(self, server, path):
        self.store = Store(path)
        self.client = server.login(self.store, "bo")

    def sync(self):
        report = self.client.sync_once()
        assert report.ok, report.error
        return report

    def close(self) -> None:
        self.client.close()
        self.store.close()


def make_conflict(window, server, tmp_path, qtbot, mine="+4511111111", theirs="+4522222222"):
    """The window edits the phone first, bo edits it later and syncs first: the window's
    value loses the merge and lands in its conflict inbox. Returns bo's laptop."""
    other = OtherLaptop(server, tmp_path / "bo.db")
    other.sync()  # bo gets the companies the window pushed
    set_phone(window.store, mine)
    time.sleep(0.005)  # a later millisecond: within the same one the device ids decide
    set_phone(other.store, theirs)  # later stamp: bo wins
    other.sync()
    with qtbot.waitSignal(window.sync.finished, timeout=10000) as round_:
        assert window.sync.sync_now()
    assert round_.args[0].ok and round_.args[0].conflicts == 1, round_.args[0]
    return other


class GatedTransport(httpx.BaseTransport):
    """Holds requests whose path ends with `gate_path` until `release()` is called."""

    def __init__(self, inner: httpx.BaseTransport, gate_path: str):
        self.inner, self.gate_path = inner, gate_path
        self.opened = threading.Event()
        self.waiting = threading.Event()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith(self.gate_path):
            self.waiting.set()
            assert self.opened.wait(10), "the test never released the gate"
        return self.inner.handle_request(request)

    def release(self) -> None:
        self.opened.set()


class FailingTransport(httpx.BaseTransport):
    """Answers requests to `path` with an HTTP error and the server's JSON error shape."""

    def __init__(self, inner: httpx.BaseTransport, path: str, status: int, message: str):
        self.inner, self.path, self.status, self.message = inner, path, status, message

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith(self.path):
            return httpx.Response(self.status, json={"error": self.message, "code": "test"})
        return self.inner.handle_request(request)
