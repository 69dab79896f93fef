"""Accounts, per-device tokens (stored as sha256) and the failed-login limiter."""
from __future__ import annotations

import hashlib
import json
import secrets
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from .backend import Backend, Db
from .storage import append_audit, now_iso

ROLES = ("konsulent", "koordinator", "admin")
_hasher = PasswordHasher()
# Verified against when the user does not exist, so timing does not reveal which names exist.
_DUMMY_HASH = _hasher.hash("lokomotiv-dummy-password")
_LAST_USED_GRANULARITY_S = 300  # refresh token.last_used at most every 5 minutes


class AccountError(ValueError):
    """A user-facing (Danish) refusal from an account operation."""


@dataclass(frozen=True)
class Caller:
    """The authenticated account behind a request."""
    account: str
    device_id: str
    role: str
    municipalities: tuple[str, ...]
    token_hash: str

    @property
    def scopes(self) -> list[str] | None:
        """Municipalities the caller may see; None = all (koordinator, admin)."""
        return list(self.municipalities) if self.role == "konsulent" else None

    def in_scope(self, scope: str | None) -> bool:
        return self.role != "konsulent" or (scope is not None and scope in self.municipalities)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def parse_municipalities(text: str) -> list[str]:
    codes = [c.strip() for c in text.split(",") if c.strip()]
    bad = [c for c in codes if not (c.isdigit() and 3 <= len(c) <= 4)]
    if bad:
        raise AccountError(f"Ugyldig kommunekode: {', '.join(bad)} (brug fx 615,630)")
    return sorted(set(codes))


def add_user(
    backend: Backend, name: str, password: str, role: str, municipalities: list[str],
    update: bool = False,
) -> bool:
    """Creates (or with update=True replaces) an account; returns True if it was new."""
    if role not in ROLES:
        raise AccountError(f"Ukendt rolle {role!r}; vælg konsulent, koordinator eller admin")
    if not name.strip():
        raise AccountError("Brugernavnet må ikke være tomt")
    if len(password) < 8:
        raise AccountError("Adgangskoden skal være mindst 8 tegn")
    if role == "konsulent" and not municipalities:
        raise AccountError("En konsulent skal have mindst én kommune (--municipalities 615,630)")
    password_hash = _hasher.hash(password)
    with backend.write() as db:
        exists = db.one("SELECT 1 FROM account WHERE name = ?", [name]) is not None
        if exists and not update:
            raise AccountError(f"Brugeren {name!r} findes allerede (brug --update for at ændre)")
        db.execute(
            "INSERT INTO account (name, password_hash, role, municipalities, disabled, created) "
            "VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT (name) DO UPDATE SET "
            "password_hash = excluded.password_hash, role = excluded.role, "
            "municipalities = excluded.municipalities, disabled = 0",
            [name, password_hash, role, json.dumps(municipalities), now_iso()],
        )
        append_audit(db, [(now_iso(), "cli", "", "account_update" if exists else "account_add",
                           None, None, None, f"{name} {role} {','.join(municipalities)}")])
    return not exists


def revoke_user(backend: Backend, name: str) -> int:
    """Disables the account and revokes all its tokens; returns how many were revoked."""
    with backend.write() as db:
        if db.one("SELECT 1 FROM account WHERE name = ?", [name]) is None:
            raise AccountError(f"Brugeren {name!r} findes ikke")
        revoked = db.execute(
            "UPDATE token SET revoked = ? WHERE account = ? AND revoked IS NULL",
            [now_iso(), name],
        ).rowcount
        db.execute("UPDATE account SET disabled = 1 WHERE name = ?", [name])
        append_audit(db, [(now_iso(), "cli", "", "account_revoke", None, None, None, name)])
    return revoked


def login(
    backend: Backend, name: str, password: str, device_id: str, device_name: str
) -> tuple[str, str, list[str]] | None:
    """Checks the password; on success issues a new token for this device (revoking the
    device's earlier one) and returns (token, role, municipalities). None: refused."""
    with backend.read() as db:
        row = db.one(
            "SELECT password_hash, role, municipalities, disabled FROM account WHERE name = ?",
            [name],
        )
    try:
        _hasher.verify(row[0] if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None or row[3]:
        return None
    token = secrets.token_urlsafe(32)
    now = now_iso()
    with backend.write() as db:
        db.execute(
            "UPDATE token SET revoked = ? WHERE account = ? AND device_id = ? AND revoked IS NULL",
            [now, name, device_id],
        )
        db.execute(
            "INSERT INTO token (token_hash, account, device_id, device_name, created, last_used) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [hash_token(token), name, device_id, device_name, now, now],
        )
        append_audit(db, [(now, name, device_id, "login", None, None, None, device_name)])
    return token, row[1], json.loads(row[2])


def authenticate(backend: Backend, token: str) -> Caller | None:
    token_hash = hash_token(token)
    with backend.read() as db:
        row = db.one(
            "SELECT t.account, t.device_id, a.role, a.municipalities, t.last_used "
            "FROM token t JOIN account a ON a.name = t.account "
            "WHERE t.token_hash = ? AND t.revoked IS NULL AND a.disabled = 0",
            [token_hash],
        )
    if row is None:
        return None
    _touch(backend, token_hash, row[4])
    return Caller(row[0], row[1], row[2], tuple(json.loads(row[3])), token_hash)


def _touch(backend: Backend, token_hash: str, last_used: str) -> None:
    # A write per request would serialize every pull behind pushes; refresh rarely.
    now = datetime.now(UTC)
    if (now - datetime.fromisoformat(last_used)).total_seconds() >= _LAST_USED_GRANULARITY_S:
        with backend.write() as db:
            db.execute("UPDATE token SET last_used = ? WHERE token_hash = ?",
                       [now_iso(), token_hash])


def revoke_token(db: Db, token_hash: str) -> None:
    db.execute("UPDATE token SET revoked = ? WHERE token_hash = ?", [now_iso(), token_hash])


class LoginLimiter:
    """Counts failed logins in a sliding window, per user name and per client address."""

    def __init__(self, per_user: int = 5, per_address: int = 20, window_s: float = 600,
                 clock: Callable[[], float] = time.monotonic):
        self.per_user, self.per_address, self.window_s = per_user, per_address, window_s
        self._clock = clock
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str) -> deque[float]:
        failures = self._failures[key]
        horizon = self._clock() - self.window_s
        while failures and failures[0] < horizon:
            failures.popleft()
        return failures

    def retry_after(self, user: str, address: str) -> int:
        """Seconds to wait before another attempt is allowed; 0 = allowed now."""
        with self._lock:
            waits = []
            for key, limit in ((f"u:{user}", self.per_user), (f"a:{address}", self.per_address)):
                failures = self._recent(key)
                if len(failures) >= limit:
                    waits.append(failures[0] + self.window_s - self._clock())
            return max(1, int(max(waits)) + 1) if waits else 0

    def failed(self, user: str, address: str) -> None:
        with self._lock:
            now = self._clock()
            self._recent(f"u:{user}").append(now)
            self._recent(f"a:{address}").append(now)

    def succeeded(self, user: str) -> None:
        with self._lock:
            self._failures.pop(f"u:{user}", None)
