"""Sync in the window against the real server app in-process (SQLite backend), reached
through an httpx transport. Tokens go to a file in the test's temp folder: the user's real
keyring is never touched."""
from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from tests.sync.harness import PASSWORD, Server, fast_passwords
from tests.sync.network import BASE_URL

# Every municipality of the companies in window_data, so the window's user may push them.
ALL_CODES = ["615", "630", "657", "751", "860"]


@pytest.fixture(autouse=True)
def no_user_keyring(monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())


@pytest.fixture
def server(tmp_path, monkeypatch):
    fast_passwords(monkeypatch)
    srv = Server(f"sqlite:///{tmp_path}/shared.db").start()
    srv.add_user("anna", "konsulent", ALL_CODES)
    srv.add_user("bo", "konsulent", ALL_CODES)
    yield srv
    srv.close()


@pytest.fixture
def sync_window(window, server, wait_idle):
    """The main window with its sync service talking to the in-process server."""
    window.sync.service.transport = server.transport
    wait_idle()
    return window


@pytest.fixture
def logged_in(sync_window, qtbot, wait_idle):
    """Logged in as anna; the first sync (which follows a login) has finished."""
    controller = sync_window.sync
    with qtbot.waitSignal(controller.finished, timeout=10000) as first_round:
        controller.login(BASE_URL, "anna", PASSWORD, on_done=lambda _s: None,
                         on_error=pytest.fail)
    assert first_round.args[0].ok, first_round.args[0].error
    wait_idle()
    return sync_window
