"""Sync as use cases for the CLI and the window: log in and out, sync now, show the state,
resolve conflicts. The token is kept per store (keyring or a private file).

The sync client (httpx, pydantic) and the keyring load on the first call that talks to a
server or reads the token, not on import: the window shows its sync status from the store
alone, so start-up does not pay for them."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ..paths import user_data_dir
from ..store import conflict_inbox
from ..store.conflict_inbox import Conflict

if TYPE_CHECKING:
    from ..sync.client import Progress, SyncClient, SyncReport
    from ..sync.credentials import TokenStore


class NotLoggedIn(Exception):
    def __init__(self):
        super().__init__("Du er ikke logget ind på en server. Brug 'lokomotiv login'.")


@dataclass(frozen=True)
class SyncStatus:
    server_url: str | None
    user: str | None  # logged in as whom (None: not logged in)
    role: str | None
    municipalities: list[str] = field(default_factory=list)
    last_success: str | None = None  # ISO time, UTC
    last_error: str | None = None    # of the latest run, if it failed
    pending_changes: int = 0
    open_conflicts: int = 0

    @property
    def logged_in(self) -> bool:
        return self.user is not None


class SyncService:
    def __init__(self, store, transport=None, tokens: TokenStore | None = None):
        self.store = store
        self.transport = transport  # an httpx transport (tests, fault injection)
        self._tokens = tokens

    @property
    def tokens(self) -> TokenStore:
        if self._tokens is None:
            from ..sync.credentials import TokenStore, fallback_file_for

            self._tokens = TokenStore(self.store.device_id, fallback_file_for(
                getattr(self.store, "path", None), user_data_dir()))
        return self._tokens

    @tokens.setter
    def tokens(self, tokens: TokenStore) -> None:
        self._tokens = tokens

    # -- session -----------------------------------------------------------------------------
    def login(self, server_url: str, user: str, password: str,
              insecure: bool = False) -> SyncStatus:
        """Raises SyncError (wrong password: kind "unauthorized") when it fails, (kind
        "demo") for a store with demo data, whose fake companies must stay local, and (kind
        "insecure") for http:// to another machine unless `insecure` (sync/transport.py)."""
        from ..sync import transport
        from ..sync.client import SyncClient
        from ..sync.errors import SyncError
        from .demo import is_demo_store

        if transport.unencrypted_remote(server_url) and not insecure:
            raise SyncError("insecure", transport.refusal(server_url))
        if is_demo_store(self.store):
            raise SyncError("demo", "Denne database indeholder demodata og kan ikke "
                            "synkroniseres. Start Lokomotiv med en ny, tom database "
                            "(--db) for at logge ind på det fælles lager.")

        client, answer = SyncClient.login(
            self.store, server_url, user, password, transport=self.transport)
        client.close()
        self.tokens.set(client.server_url, answer.token)
        return self.status()

    def logout(self) -> None:
        """Forgets the token here, and revokes it on the server when it can be reached."""
        server_url = self.store.get_state("server_url")
        if server_url:
            token = self.tokens.get(server_url)
            if token:
                from ..sync.client import SyncClient

                with SyncClient(self.store, server_url, token, self.transport) as client:
                    client.logout()
            self.tokens.delete(server_url)
        with self.store.transaction():
            self.store.set_state("user", None)

    def client(self) -> SyncClient:
        server_url = self.store.get_state("server_url")
        token = self.tokens.get(server_url) if server_url else None
        if not server_url or not token or not self.store.get_state("user"):
            raise NotLoggedIn()
        from ..sync.client import SyncClient

        return SyncClient(self.store, server_url, token, transport=self.transport)

    # -- use cases ---------------------------------------------------------------------------
    def sync_now(self, progress: Progress | None = None) -> SyncReport:
        with self.client() as client:
            return client.sync_once(progress)

    def erase(self, table: str, row_id: str) -> list[tuple[str, str]]:
        with self.client() as client:
            return client.erase(table, row_id)

    def audit(self, person: str | None = None) -> list[dict]:
        """Who saw or changed whose data, from the server (coordinators and admins)."""
        with self.client() as client:
            return client.audit(person)

    def status(self) -> SyncStatus:
        state = self.store.get_state
        user = state("user")
        last = self.store.db.execute(
            "SELECT error FROM sync_run WHERE finished IS NOT NULL ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return SyncStatus(
            server_url=state("server_url"), user=user or None,
            role=state("role") if user else None,
            municipalities=json.loads(state("municipalities") or "[]") if user else [],
            last_success=state("last_success"), last_error=last[0] if last else None,
            pending_changes=self.store.pending_changes(),
            open_conflicts=conflict_inbox.open_count(self.store),
        )

    def recent_runs(self, limit: int = 20) -> list[dict]:
        rows = self.store.db.execute(
            "SELECT started, finished, pushed, pulled, conflicts, error FROM sync_run "
            "ORDER BY id DESC LIMIT ?", [limit],
        ).fetchall()
        keys = ("started", "finished", "pushed", "pulled", "conflicts", "error")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def conflicts(self, include_resolved: bool = False) -> list[Conflict]:
        return conflict_inbox.list_conflicts(self.store, include_resolved)

    def resolve(self, conflict_id: int, keep: Literal["mine", "theirs"]) -> bool:
        return conflict_inbox.resolve(self.store, conflict_id, keep)
