"""The laptop's files hold contact data and a token: only their owner may read them
(POSIX modes; Windows keeps a profile private by its ACL, so nothing to check there)."""
from __future__ import annotations

import os
import stat

import pytest

from lokomotiv_desktop.store import Store
from lokomotiv_desktop.sync.credentials import TokenStore, fallback_file_for

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def usual_umask():
    old = os.umask(0o022)  # what makes new files 0644 unless created otherwise
    yield
    os.umask(old)


def _write_something(store: Store) -> None:
    with store.transaction():
        store.set_state("probe", "1")


def test_a_new_store_its_wal_and_shm_and_its_new_folder_are_the_owner_s_only(tmp_path):
    path = tmp_path / "ny" / "mappe" / "lokomotiv.db"
    store = Store(path)
    try:
        _write_something(store)
        for name in ("lokomotiv.db", "lokomotiv.db-wal", "lokomotiv.db-shm"):
            assert mode(path.parent / name) == 0o600, name
        assert mode(path.parent) == 0o700
    finally:
        store.close()


def test_a_store_made_by_an_older_version_is_tightened_when_opened(tmp_path):
    path = tmp_path / "lokomotiv.db"
    Store(path).close()
    for suffix in ("", "-wal"):
        (tmp_path / f"lokomotiv.db{suffix}").touch()
        os.chmod(tmp_path / f"lokomotiv.db{suffix}", 0o644)
    store = Store(path)
    try:
        _write_something(store)
        assert mode(path) == 0o600 and mode(f"{path}-wal") == 0o600
    finally:
        store.close()


def test_a_folder_that_was_there_before_is_left_as_it_was(tmp_path):
    folder = tmp_path / "dokumenter"
    folder.mkdir(mode=0o755)
    Store(folder / "lokomotiv.db").close()
    assert mode(folder) == 0o755  # the user's own folder, shared with other files
    assert mode(folder / "lokomotiv.db") == 0o600


def test_the_token_file_and_its_new_folder_are_the_owner_s_only(tmp_path, monkeypatch):
    from lokomotiv_desktop.sync import credentials

    monkeypatch.setattr(credentials, "os_keyring", lambda: None)
    tokens = TokenStore("device-1", fallback_file_for(None, tmp_path / "data"))
    assert tokens.set("https://sync.example.dk", "hemmeligt") == "file"
    assert mode(tokens.fallback_file) == 0o600
    assert mode(tokens.fallback_file.parent) == 0o700
