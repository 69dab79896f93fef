"""Sync tests never touch the real user keyring: the 'no keyring' backend is in force
(tokens go to the private file beside each test store) unless a test sets its own."""
from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail


@pytest.fixture(autouse=True)
def no_user_keyring(monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
