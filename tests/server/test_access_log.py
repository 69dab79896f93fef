"""The access log: views of a person's sensitive fields logged on a laptop reach the server
on the next sync, a resent entry is stored once, and only coordinators (and admins) read
the audit back. Through the sync client and services.sync on both backends."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.services import person_privacy
from lokomotiv_desktop.services.sync import SyncService
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.sync.errors import SyncError
from lokomotiv_desktop.sync.privacy_sync import send_access_log
from tests.cvrs import valid_cvr
from tests.sync.harness import BOTH_BACKENDS, PASSWORD, serve_both
from tests.sync.network import BASE_URL
from tests.sync.people import company, screened_person

USERS = {"anne": ("konsulent", ["630"]), "kim": ("koordinator", [])}


class _Tokens:
    """The token in memory: these tests never touch a keyring or a credentials file."""

    def __init__(self):
        self.tokens: dict[str, str] = {}

    def get(self, url):
        return self.tokens.get(url)

    def set(self, url, token):
        self.tokens[url] = token

    def delete(self, url):
        self.tokens.pop(url, None)


@pytest.fixture(params=BOTH_BACKENDS)
def server(request, tmp_path, monkeypatch):
    yield from serve_both(request, tmp_path, monkeypatch, USERS)


@pytest.fixture
def services(server, tmp_path):
    made = {}
    for name in USERS:
        store = Store(tmp_path / f"{name}.db")
        service = SyncService(store, transport=server.transport, tokens=_Tokens())
        service.login(BASE_URL, name, PASSWORD)
        made[name] = service
    yield made
    for service in made.values():
        service.store.close()


def _views(rows):
    return sorted(r["detail"] for r in rows if r["action"] == "view")


def test_views_reach_the_server_once_and_only_coordinators_read_them(services):
    anne, kim = services["anne"], services["kim"]
    firm = company(anne, valid_cvr(5), "630", "anne")
    person = screened_person(anne, firm)
    person_privacy.log_view(anne.store, person)
    person_privacy.log_view(anne.store, person, person_privacy.EXPORTED_PDF)
    assert anne.sync_now().ok

    audit = kim.audit(person)
    assert _views(audit) == ["eksporterede alt (PDF) (anne)",
                             "så screeninger og ordblindetest (anne)"]
    assert {r["account"] for r in audit if r["action"] == "view"} == {"anne"}
    assert all(r["row_id"] == person for r in audit if r["action"] == "view")
    # The server's own record of her pushes for the person is in it too.
    assert any(r["action"] == "push" and r["row_id"] == person for r in audit)
    assert kim.audit("someone-else") == []

    # The same entries sent again (a lost answer): stored once.
    anne.store.db.execute("UPDATE access_log SET sent = 0")
    with anne.client() as client:
        assert send_access_log(client, anne.store, anne.store.device_id) == 0
    assert anne.sync_now().ok
    assert len(_views(kim.audit(person))) == 2
    assert anne.store.db.execute("SELECT count(*) FROM access_log WHERE sent = 0"
                                 ).fetchone()[0] == 0

    # A konsulent may not read the audit: 403, in Danish.
    with pytest.raises(SyncError) as refused:
        anne.audit(person)
    assert refused.value.kind == "forbidden"
    assert "koordinatorer" in refused.value.message
