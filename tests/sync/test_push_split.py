"""The client keeps every push request under the size limit (docs/sync-protocol.md
"Limits"): it splits a big outbox, halves a batch a server with a lower limit refuses (413),
and files a change that can never fit in the inbox instead of blocking the outbox."""
from __future__ import annotations

import httpx
import pytest

from lokomotiv_desktop.server.limits import BodyLimit
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store import conflict_inbox as inbox
from lokomotiv_desktop.sync.client import SyncClient
from lokomotiv_desktop.sync.messages import MAX_PUSH_BYTES, MAX_TEXT_CHARS

from .harness import Server, fast_passwords, server_state
from .network import AppTransport

_WEIGHTS = (2, 7, 6, 5, 4, 3, 2)


def _cvrs(start: int):
    """Valid CVR numbers (modulus 11), one per next()."""
    head = start
    while True:
        head += 1
        check = -sum(int(d) * w for d, w in zip(str(head), _WEIGHTS, strict=True)) % 11
        if check < 10:
            yield f"{head}{check}"


class Recording(httpx.BaseTransport):
    """Remembers each push request's body size and the status it got."""

    def __init__(self, inner: httpx.BaseTransport):
        self.inner, self.pushes = inner, []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.url.path.endswith("/push"):
            self.pushes.append((len(request.read()), response.status_code))
        return response


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request, tmp_path, monkeypatch):
    fast_passwords(monkeypatch)
    url = (f"sqlite:///{tmp_path}/shared.db" if request.param == "sqlite"
           else request.getfixturevalue("postgres_url"))
    srv = Server(url).start()
    srv.add_user("anna", "konsulent", ["101"])
    srv.add_user("chef", "koordinator", [])
    yield srv
    srv.close()


@pytest.fixture
def store(tmp_path):
    opened = Store(tmp_path / "a.db")
    yield opened
    opened.close()


_CVRS = _cvrs(3_000_000)


def _companies(store, n: int, notes: str) -> list[str]:
    cvrs = _CVRS
    with store.transaction():
        return [store.changes.insert("company", {
            "cvr": next(cvrs), "name": f"Firma {i}", "municipality_code": "101",
            "notes": notes}) for i in range(n)]


def _on_server(server: Server) -> set[str]:
    rows, _ = server_state(server, server.token("chef"))
    return {row_id for table, row_id in rows if table == "company"}


def test_an_outbox_larger_than_the_limit_goes_in_requests_under_it(server, store):
    ids = _companies(store, MAX_PUSH_BYTES // 18_000 + 20, "x" * 18_000)
    recording = Recording(server.transport)
    client = server.login(store, "anna", transport=recording)
    report = client.sync_once()
    assert report.ok, report.error
    assert report.pushed == len(ids) and store.pending_changes() == 0
    assert len(recording.pushes) >= 2
    assert all(size <= MAX_PUSH_BYTES and status == 200 for size, status in recording.pushes)
    assert _on_server(server) == set(ids)


def _lower_limit(server: Server, max_bytes: int) -> Recording:
    return Recording(AppTransport(BodyLimit(server.app, max_bytes=max_bytes)))


def test_a_server_with_a_lower_limit_gets_halved_batches_and_everything(server, store):
    ids = _companies(store, 30, "x" * 5_000)
    recording = _lower_limit(server, 40_000)
    client = server.login(store, "anna", transport=recording)
    report = client.sync_once()
    assert report.ok, report.error
    assert report.pushed == 30 and report.rejected == 0 and store.pending_changes() == 0
    assert (recording.pushes[0][1], recording.pushes[-1][1]) == (413, 200)
    assert all(size <= 40_000 for size, status in recording.pushes if status == 200)
    assert _on_server(server) == set(ids)


def test_a_change_that_can_never_fit_is_refused_into_the_inbox_not_blocking(server, store):
    [huge] = _companies(store, 1, "€" * 19_000)  # 57 000 bytes of UTF-8 on its own
    rest = _companies(store, 5, "kort")
    recording = _lower_limit(server, 40_000)
    client = server.login(store, "anna", transport=recording)
    report = client.sync_once()
    assert report.ok, report.error
    assert (report.pushed, report.rejected, store.pending_changes()) == (5, 1, 0)
    [entry] = inbox.list_conflicts(store)
    assert entry.rejected and entry.row_id == huge and entry.theirs_by == "too_large"
    assert "for stor" in entry.theirs and entry.mine["notes"] == "€" * 19_000
    assert _on_server(server) == set(rest)
    assert client.sync_once().ok and store.pending_changes() == 0  # nothing left stuck


def test_a_change_over_the_clients_own_limit_is_never_sent(server, store):
    [huge] = _companies(store, 1, "x" * 19_000)
    rest = _companies(store, 3, "kort")
    recording = Recording(server.transport)
    login = server.login(store, "anna", transport=recording)
    client = SyncClient(store, login.server_url, login.token, transport=recording,
                        max_push_bytes=10_000)
    report = client.sync_once()
    assert (report.ok, report.pushed, report.rejected) == (True, 3, 1)
    assert all(size <= 10_000 for size, _ in recording.pushes)
    assert [e.row_id for e in inbox.list_conflicts(store)] == [huge]
    assert _on_server(server) == set(rest)


def test_a_text_longer_than_the_server_takes_is_refused_here_not_blocking(server, store):
    """The server answers such a request 422 as a whole: sent, it would fail every sync."""
    [long] = _companies(store, 1, "x" * (MAX_TEXT_CHARS + 1))
    rest = _companies(store, 2, "kort")
    recording = Recording(server.transport)
    client = server.login(store, "anna", transport=recording)
    report = client.sync_once()
    assert (report.ok, report.pushed, report.rejected) == (True, 2, 1)
    [entry] = inbox.list_conflicts(store)
    assert entry.row_id == long and entry.theirs_by == "too_large" and "tegn" in entry.theirs
    assert all(status == 200 for _, status in recording.pushes)
    assert _on_server(server) == set(rest)
