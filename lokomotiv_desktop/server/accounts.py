"""Accounts and per-device tokens (stored as sha256; they end when the account changes or
after an idle time). The failed-login limiter is in login_limits.py, roles in roles.py."""
from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from . import roles
from .backend import Backend, Db
from .roles import ROLES
from .storage import append_audit, now_iso

_hasher = PasswordHasher()
# Verified against when the user does not exist, so timing does not reveal which names exist.
_DUMMY_HASH = _hasher.hash("lokomotiv-dummy-password")
_LAST_USED_GRANULARITY_S = 300  # refresh token.last_used at most every 5 minutes
DEFAULT_TOKEN_IDLE_DAYS = 30


class AccountError(ValueError):
    """A user-facing (Danish) refusal from an account operation."""


class TokenExpired(Exception):
    """The token was valid but has not been used for longer than the idle time."""


@dataclass(frozen=True)
class Caller:
    """The authenticated account behind a request."""
    account: str
    device_id: str
    role: str
    municipalities: tuple[str, ...]
    token_hash: str
    full_name: str = ""

    @property
    def scopes(self) -> list[str] | None:
        """The scopes the caller pulls; None = all (koordinator, admin). A konsulent's are
        their municipalities, and there the restricted rows of the companies (and people)
        they are responsible for, under their account name or full name."""
        if roles.may_read_all(self.role):
            return None
        names = sorted({n for n in (responsible_key(self.account),
                                    responsible_key(self.full_name)) if n})
        return [*self.municipalities,
                *(restricted_scope(m, n) for m in self.municipalities for n in names)]

    def may_read(self, scope: str | None) -> bool:
        """Whether the caller's pulls include rows of this scope."""
        scopes = self.scopes
        return scopes is None or scope in scopes

    def in_scope(self, scope: str | None) -> bool:
        """May write a row of this scope: a restricted scope is its municipality's."""
        return roles.may_read_all(self.role) or (
            scope is not None and municipality_of(scope) in self.municipalities)


_RESTRICTED = "#"


def responsible_key(name: str | None) -> str:
    """How a consultant's name is compared: case and spacing do not matter."""
    return " ".join((name or "").split()).casefold()


def restricted_scope(municipality: str | None, responsible: str | None) -> str | None:
    """The scope of a restricted row (a dyslexia result): pulled in the municipality only by
    the responsible consultant. Without a responsible consultant only coordinators see it."""
    if municipality is None:
        return None
    return f"{municipality}{_RESTRICTED}{responsible_key(responsible)}"


def municipality_of(scope: str | None) -> str | None:
    return None if scope is None else scope.split(_RESTRICTED, 1)[0]


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
    update: bool = False, full_name: str = "",
) -> bool:
    """Creates (or with update=True replaces) an account; returns True if it was new.
    An update that changes the password, role or municipalities revokes every token of
    the account: a device logged in under the old terms must log in again."""
    if _RESTRICTED in name or _RESTRICTED in full_name:
        raise AccountError(f"Navnet må ikke indeholde «{_RESTRICTED}»")
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
        before = db.one("SELECT password_hash, role, municipalities, full_name FROM account "
                        "WHERE name = ?", [name])
        exists = before is not None
        if exists and not update:
            raise AccountError(f"Brugeren {name!r} findes allerede (brug --update for at ændre)")
        changed = exists and _changes_terms(before, password, role, municipalities,
                                                 full_name)
        revoked = revoke_tokens(db, name) if changed else 0
        db.execute(
            "INSERT INTO account (name, password_hash, role, municipalities, disabled, created, "
            "full_name) VALUES (?, ?, ?, ?, 0, ?, ?) ON CONFLICT (name) DO UPDATE SET "
            "password_hash = excluded.password_hash, role = excluded.role, "
            "municipalities = excluded.municipalities, disabled = 0, "
            "full_name = excluded.full_name",
            [name, password_hash, role, json.dumps(municipalities), now_iso(),
             full_name.strip()],
        )
        append_audit(db, [(now_iso(), "cli", "", "account_update" if exists else "account_add",
                           None, None, None, f"{name} {role} {','.join(municipalities)}"
                           + (f" ({revoked} tokens tilbagekaldt)" if revoked else ""))])
    return not exists


def _changes_terms(before, password: str, role: str, municipalities: list[str],
                   full_name: str) -> bool:
    old_hash, old_role, old_municipalities, old_full_name = before
    if old_role != role or sorted(json.loads(old_municipalities)) != sorted(municipalities):
        return True
    if responsible_key(old_full_name) != responsible_key(full_name):
        return True  # the name decides which dyslexia results the devices hold
    try:  # the same password again (a re-run of the same command) changes nothing
        return not _hasher.verify(old_hash, password)
    except (VerificationError, InvalidHashError):
        return True


def revoke_tokens(db: Db, name: str) -> int:
    """Ends every live token of the account; returns how many."""
    return db.execute("UPDATE token SET revoked = ? WHERE account = ? AND revoked IS NULL",
                      [now_iso(), name]).rowcount


def revoke_user(backend: Backend, name: str) -> int:
    """Disables the account and revokes all its tokens; returns how many were revoked."""
    with backend.write() as db:
        if db.one("SELECT 1 FROM account WHERE name = ?", [name]) is None:
            raise AccountError(f"Brugeren {name!r} findes ikke")
        revoked = revoke_tokens(db, name)
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


def authenticate(backend: Backend, token: str,
                 idle_days: float = DEFAULT_TOKEN_IDLE_DAYS) -> Caller | None:
    """The caller behind a token; None for an unknown or revoked one. Raises TokenExpired
    for a token not used for `idle_days` (last_used lags by at most 5 minutes)."""
    token_hash = hash_token(token)
    with backend.read() as db:
        row = db.one(
            "SELECT t.account, t.device_id, a.role, a.municipalities, t.last_used, a.full_name "
            "FROM token t JOIN account a ON a.name = t.account "
            "WHERE t.token_hash = ? AND t.revoked IS NULL AND a.disabled = 0",
            [token_hash],
        )
    if row is None:
        return None
    idle = datetime.now(UTC) - datetime.fromisoformat(row[4])
    if idle > timedelta(days=idle_days):
        raise TokenExpired()
    _touch(backend, token_hash, row[4])
    return Caller(row[0], row[1], row[2], tuple(json.loads(row[3])), token_hash, row[5] or "")


def _touch(backend: Backend, token_hash: str, last_used: str) -> None:
    # A write per request would serialize every pull behind pushes; refresh rarely.
    now = datetime.now(UTC)
    if (now - datetime.fromisoformat(last_used)).total_seconds() >= _LAST_USED_GRANULARITY_S:
        with backend.write() as db:
            db.execute("UPDATE token SET last_used = ? WHERE token_hash = ?",
                       [now_iso(), token_hash])


def revoke_token(db: Db, token_hash: str) -> None:
    db.execute("UPDATE token SET revoked = ? WHERE token_hash = ?", [now_iso(), token_hash])
