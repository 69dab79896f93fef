"""Token storage: keyring when there is a real one, else a 0600 file beside the store."""
from __future__ import annotations

import stat

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from lokomotiv_desktop.sync import credentials
from lokomotiv_desktop.sync.credentials import TokenStore, fallback_file_for


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


def test_without_keyring_the_token_goes_to_a_file_only_the_user_can_read(tmp_path):
    tokens = TokenStore("dev1", fallback_file_for(tmp_path / "a.db", tmp_path))
    assert tokens.set("http://srv:8765/", "secret-1") == "file"
    assert tokens.fallback_file == tmp_path / "a.db.credentials"
    assert stat.S_IMODE(tokens.fallback_file.stat().st_mode) == 0o600
    assert tokens.get("http://srv:8765") == "secret-1"
    tokens.delete("http://srv:8765")
    assert tokens.get("http://srv:8765") is None
    assert not tokens.fallback_file.exists()


def test_two_stores_keep_two_tokens(tmp_path):
    a = TokenStore("devA", fallback_file_for(tmp_path / "a.db", tmp_path))
    b = TokenStore("devB", fallback_file_for(tmp_path / "b.db", tmp_path))
    a.set("http://srv", "token-a")
    b.set("http://srv", "token-b")
    assert (a.get("http://srv"), b.get("http://srv")) == ("token-a", "token-b")


def test_a_real_keyring_is_used_and_keyed_by_device_and_server(tmp_path, monkeypatch):
    memory = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: memory)
    tokens = TokenStore("dev1", tmp_path / "x.credentials")
    assert tokens.set("http://srv", "secret") == "keyring"
    assert memory.secrets == {(credentials.SERVICE, "dev1@http://srv"): "secret"}
    assert not tokens.fallback_file.exists()
    assert tokens.get("http://srv") == "secret"
    tokens.delete("http://srv")
    assert tokens.get("http://srv") is None
    tokens.delete("http://srv")  # forgetting twice is fine


def test_plaintext_keyrings_do_not_count_as_a_keyring(monkeypatch):
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.setattr(keyring, "get_keyring", lambda: PlaintextKeyring())
    assert credentials.os_keyring() is None
