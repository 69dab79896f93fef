"""Where the sync token lives: in the OS keyring, keyed by the local store's device id and
the server address (two stores on one machine can be logged in as two users).

Where no real keyring exists (a headless Linux has only keyring's "fail" backend, and the
plaintext backends of keyrings.alt are no safer than our own file) the token goes to a
file next to the store that only its owner may read (0600).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import keyring
from keyring.errors import KeyringError

SERVICE = "Lokomotiv synkronisering"
_UNSAFE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


def _usable(backend) -> bool:
    module = type(backend).__module__
    if module.startswith(_UNSAFE_MODULES):
        return False
    inner = getattr(backend, "backends", None)  # the chainer holds the real ones
    if inner is not None:
        return any(_usable(b) for b in inner)
    return True


def os_keyring():
    """The OS keyring, or None where there is no usable one."""
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration must not stop the app
        return None
    return backend if _usable(backend) else None


class TokenStore:
    """get/set/delete the token of one (store, server) pair."""

    def __init__(self, device_id: str, fallback_file: Path):
        self.device_id = device_id
        self.fallback_file = Path(fallback_file)

    def _key(self, server_url: str) -> str:
        return f"{self.device_id}@{server_url.rstrip('/')}"

    def get(self, server_url: str) -> str | None:
        backend = os_keyring()
        if backend is not None:
            try:
                token = backend.get_password(SERVICE, self._key(server_url))
                if token:
                    return token
            except KeyringError:
                pass
        return self._read_file().get(self._key(server_url))

    def set(self, server_url: str, token: str) -> str:
        """Stores the token; returns where ("keyring" or "file")."""
        backend = os_keyring()
        if backend is not None:
            try:
                backend.set_password(SERVICE, self._key(server_url), token)
                self._forget_in_file(server_url)
                return "keyring"
            except KeyringError:
                pass  # locked or refused: fall back to the private file
        tokens = self._read_file()
        tokens[self._key(server_url)] = token
        self._write_file(tokens)
        return "file"

    def delete(self, server_url: str) -> None:
        backend = os_keyring()
        if backend is not None:
            try:
                backend.delete_password(SERVICE, self._key(server_url))
            except KeyringError:
                pass  # not there: nothing to forget
        self._forget_in_file(server_url)

    # -- the 0600 file -----------------------------------------------------------------------
    def _forget_in_file(self, server_url: str) -> None:
        tokens = self._read_file()
        if tokens.pop(self._key(server_url), None) is not None:
            self._write_file(tokens)

    def _read_file(self) -> dict[str, str]:
        try:
            data = json.loads(self.fallback_file.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write_file(self, tokens: dict[str, str]) -> None:
        if not tokens:
            self.fallback_file.unlink(missing_ok=True)
            return
        self.fallback_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = self.fallback_file.with_name(self.fallback_file.name + ".tmp")
        partial.unlink(missing_ok=True)
        # Created 0600 from the start: the token is never readable by others, not even briefly.
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(tokens, handle)
        os.replace(partial, self.fallback_file)


def fallback_file_for(store_path: Path | str | None, user_dir: Path) -> Path:
    """The token file of a store: beside it, or in the user data dir for an in-memory one."""
    if store_path is None or str(store_path) == ":memory:":
        return user_dir / "lokomotiv-credentials.json"
    path = Path(store_path)
    return path.with_name(path.name + ".credentials")
