"""`lokomotiv login` and the service behind the window refuse http:// to another machine
(one rule: sync/transport.py); the CLI may override it with --insecure."""
from __future__ import annotations

import io

import pytest

from lokomotiv_desktop.cli import main
from lokomotiv_desktop.services.sync import SyncService
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.sync import credentials
from lokomotiv_desktop.sync.errors import SyncError
from lokomotiv_desktop.sync.transport import unencrypted_remote
from tests.sync.harness import PASSWORD, Server, fast_passwords


@pytest.mark.parametrize("url", [
    "http://sync.example.dk", "http://10.0.0.5:8765", "HTTP://sync.example.dk",
    "http://localhost.example.dk", "http://127.0.0.1.example.dk", "http://[2001:db8::1]",
])
def test_http_off_this_machine_is_unencrypted(url):
    assert unencrypted_remote(url)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8765", "http://127.8.9.10", "http://[::1]:8765", "http://localhost",
    "http://LOCALHOST:1/", "https://sync.example.dk", "https://10.0.0.5",
])
def test_loopback_or_https_is_not(url):
    assert not unencrypted_remote(url)


def _login(tmp_path, monkeypatch, capsys, *extra: str):
    stdin = io.StringIO(PASSWORD + "\n")
    monkeypatch.setattr("sys.stdin", stdin)
    status = main(["--db", str(tmp_path / "laptop.db"), "login", "--user", "anna",
                   "--password-stdin", *extra])
    out, err = capsys.readouterr()
    return status, out, err, stdin


def test_cli_login_over_http_to_another_machine_is_refused(tmp_path, monkeypatch, capsys):
    status, out, err, stdin = _login(tmp_path, monkeypatch, capsys,
                                     "--server", "http://sync.example.dk")
    assert status == 2 and "ukrypteret" in err and "--insecure" in err
    assert stdin.tell() == 0  # refused before the password was read
    store = Store(tmp_path / "laptop.db")
    try:
        assert store.get_state("server_url") is None and store.get_state("user") is None
    finally:
        store.close()


def test_cli_insecure_goes_ahead_to_the_server(tmp_path, monkeypatch, capsys):
    status, _, err, _ = _login(tmp_path, monkeypatch, capsys, "--server",
                               "http://lokomotiv.invalid:8765", "--insecure")
    assert status == 1 and "Kan ikke få forbindelse" in err  # tried: the name does not exist


def test_cli_http_to_loopback_is_allowed(tmp_path, monkeypatch, capsys):
    status, _, err, _ = _login(tmp_path, monkeypatch, capsys, "--server", "http://127.0.0.1:9")
    assert status == 1 and "Kan ikke få forbindelse" in err and "ukrypteret" not in err


@pytest.fixture
def server(tmp_path, monkeypatch):
    fast_passwords(monkeypatch)
    srv = Server(f"sqlite:///{tmp_path}/shared.db").start()
    srv.add_user("anna", "konsulent", ["101"])
    yield srv
    srv.close()


def test_the_window_s_service_refuses_it_too_and_insecure_is_explicit(tmp_path, server,
                                                                     monkeypatch):
    monkeypatch.setattr(credentials, "os_keyring", lambda: None)  # never the user's keyring
    store = Store(tmp_path / "laptop.db")
    try:
        service = SyncService(store, transport=server.transport)
        with pytest.raises(SyncError) as refused:
            service.login("http://sync.example.dk", "anna", PASSWORD)
        assert refused.value.kind == "insecure" and "https" in refused.value.message
        assert not service.status().logged_in
        assert service.login("http://sync.example.dk", "anna", PASSWORD,
                             insecure=True).logged_in
    finally:
        store.close()
