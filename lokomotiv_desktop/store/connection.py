"""Opening the local SQLite file with the settings every connection needs."""
from __future__ import annotations

import os
import sqlite3
from functools import lru_cache
from pathlib import Path

import sqlite_utils

from ..domain.danish_format import sort_key
from .serialized import SerializedConnection

# ORDER BY name COLLATE dansk: the same order as sorted(key=sort_key) in the window.
COLLATION = "dansk"
KEY_FUNCTION = "dansk_key"


class StoreOpenError(RuntimeError):
    """The database file cannot be opened; the message is for the user, in Danish."""


def connect(path: Path | str, key: str | None = None) -> sqlite_utils.Database:
    """WAL (readers never block the writer), foreign keys on, and a busy timeout so a
    second process (the CLI while the window is open) waits instead of failing."""
    memory = str(path) == ":memory:"
    if not memory:
        folder = Path(path).parent
        try:
            new_folder = not folder.exists()
            folder.mkdir(parents=True, exist_ok=True)
            if new_folder:
                _owner_only(folder, 0o700)
        except OSError as exc:
            raise StoreOpenError(
                f"Mappen {folder} kan ikke oprettes ({exc.strerror}). "
                "Vælg en anden placering til databasen med --db."
            ) from exc
        _create_private(Path(path))
    try:
        if key:
            from sqlcipher3 import dbapi2  # optional: encryption at rest

            conn = dbapi2.connect(str(path), isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA key = ?", (key,))  # must come before any other statement
        else:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                                   factory=SerializedConnection)  # window + worker thread
        conn.execute("PRAGMA busy_timeout = 5000")
        if not memory:
            if not key:  # a new file only (SQLCipher keeps its cipher_page_size): 16 KiB
                conn.execute("PRAGMA page_size = 16384")  # pages import ~10% faster
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA cache_size = -32000")
        # TEMP tables (the bulk import stages its rows in them) stay in memory instead of
        # a temporary file with a 2 MB cache.
        conn.execute("PRAGMA temp_store = MEMORY")
        register_collation(conn)
    except sqlite3.OperationalError as exc:
        # Not the content but the place: a folder without write access, a locked file.
        raise StoreOpenError(
            f"Databasen {path} kan ikke åbnes eller oprettes ({exc}). Tjek at du har "
            "skriveadgang til mappen, eller vælg en anden placering med --db."
        ) from exc
    except sqlite3.DatabaseError as exc:
        raise StoreOpenError(
            f"Databasen {path} kan ikke åbnes: den er ikke en Lokomotiv-database, "
            f"eller den er beskadiget ({exc})."
        ) from exc
    if not memory:
        for suffix in ("", "-wal", "-shm"):  # SQLite gives new ones the file's mode
            _owner_only(Path(f"{path}{suffix}"), 0o600)
    return sqlite_utils.Database(conn)


def register_collation(conn: sqlite3.Connection) -> None:
    """Registers the Danish order (Æ, Ø, Å after Z, "Aa" as Å) on a raw connection: the
    collation for short lists, and dansk_key(text), the key the companies list stores and
    indexes (a collation calls Python at every comparison; a stored key compares in C)."""
    conn.create_collation(COLLATION, _compare)
    conn.create_function(KEY_FUNCTION, 1, _key, deterministic=True)


# SQLite calls the collation n·log n times while sorting, with the same names again and again.
_key = lru_cache(maxsize=65536)(sort_key)


def _compare(left: str, right: str) -> int:
    a, b = _key(left), _key(right)
    return (a > b) - (a < b)


def _create_private(path: Path) -> None:
    """Creates the file 0600 before SQLite does (with the umask's 0644): it holds contact
    data, and the token file lies beside it."""
    if os.name == "nt":  # Windows: the profile folder's ACL already keeps others out
        return
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError:  # there already, or not creatable: SQLite says why in a moment
        pass


def _owner_only(path: Path, mode: int) -> None:
    """Takes group and other rights away (from a store made by an older version too)."""
    if os.name == "nt":
        return
    try:
        if path.stat().st_mode & 0o077:
            path.chmod(mode)
    except OSError:  # gone (no WAL yet), or not ours to change: leave it
        pass
