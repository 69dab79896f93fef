"""End to end, people's data through a real `lokomotiv-server serve` process on loopback and
laptops driven by the services and the `lokomotiv` CLI: another consultant's pull holds the participant and
the referral, not the dyslexia result; a coordinator's holds it; a person erased on one
laptop (offline) is gone from the others after their sync. Over SQLite and PostgreSQL."""
from __future__ import annotations

import json

import pytest

from .test_sync_cli import PASSWORD, Laptop, ServerProcess, run

CVR = "13748136"
ACCOUNTS = {"anne": ("konsulent", "265", "Anne Holm"), "bo": ("konsulent", "265", "Bo Berg"),
            "kim": ("koordinator", "", "Kim Lund")}


class PeopleServer(ServerProcess):
    def __init__(self, tmp_path, db_url: str):
        """The schema and accounts in-process (each command is a second of start-up), but
        Anne through `lokomotiv-server adduser --full-name`, as an administrator adds her."""
        from argon2 import PasswordHasher

        from lokomotiv_desktop.server import accounts
        from lokomotiv_desktop.server.backend import open_backend

        self.tmp_path, self.db_url = tmp_path, db_url
        backend = open_backend(db_url)
        try:
            backend.init_schema()
            fast = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
            real, accounts._hasher = accounts._hasher, fast
            try:
                for name, (role, municipalities, full_name) in ACCOUNTS.items():
                    if name != "anne":
                        accounts.add_user(backend, name, PASSWORD, role,
                                          [m for m in [municipalities] if m],
                                          full_name=full_name)
            finally:
                accounts._hasher = real
        finally:
            backend.close()
        role, municipalities, full_name = ACCOUNTS["anne"]
        run(tmp_path, "lokomotiv-server", "adduser", "anne", "--db", db_url, "--role", role,
            "--municipalities", municipalities, "--full-name", full_name, "--password-stdin",
            stdin=PASSWORD + "\n")


class _Tokens:
    """The token in memory: no keyring, no credentials file."""

    def __init__(self):
        self.tokens: dict[str, str] = {}

    def get(self, url):
        return self.tokens.get(url)

    def set(self, url, token):
        self.tokens[url] = token

    def delete(self, url):
        self.tokens.pop(url, None)


class ServiceLaptop:
    """A laptop driven in-process through the services (as the window drives them), over
    real HTTP to the server process; `cli` runs the `lokomotiv` command on its store."""

    def __init__(self, tmp_path, name: str, url: str):
        from lokomotiv_desktop.services.sync import SyncService
        from lokomotiv_desktop.store import Store

        self.cli_laptop = Laptop(tmp_path, name)
        self.store = Store(self.cli_laptop.db)
        self.sync_service = SyncService(self.store, tokens=_Tokens())
        self.sync_service.login(url, name, PASSWORD)

    def sync(self):
        report = self.sync_service.sync_now()
        assert report.ok, report.error
        return report

    def count(self, table: str) -> int:
        return self.store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def scenario(tmp_path, db_url: str) -> None:
    from lokomotiv_desktop.services import participants, person_privacy, screenings

    server = PeopleServer(tmp_path, db_url)
    url = server.start()
    laptops = []
    try:
        anne, bo, kim = laptops = [ServiceLaptop(tmp_path, name, url) for name in ACCOUNTS]
        with anne.store.transaction():
            firm = anne.store.changes.insert("company", {
                "cvr": CVR, "name": "Bageriet ApS", "municipality_code": "265",
                "consultant": "Anne Holm"})
        person = participants.add_participant(anne.store, firm, first_name="Ida",
                                              last_name="Holm").id
        participants.give_consent(anne.store, person, "screening", "skriftlig",
                                  given_on="2026-11-01")
        referral = screenings.add_referral(anne.store, person, day="2026-11-20", school="VUC")
        screenings.record_dyslexia_result(anne.store, referral.id, "rød", day="2026-11-27")
        pushed = anne.sync()
        assert pushed.rejected == 0 and anne.store.pending_changes() == 0
        bo.sync()
        kim.sync()
        # Bo sees Ida and that she is referred, not the result; Kim (koordinator) sees it.
        assert (bo.count("participant"), bo.count("referral")) == (1, 1)
        assert bo.count("dyslexia_result") == 0
        assert kim.count("dyslexia_result") == 1
        shown = json.loads(bo.cli_laptop.cli("person", "show", person, "--json").stdout)
        assert shown["referrals"][0]["result"] is None

        # Anne erases Ida before her next sync: gone here at once, the request waits.
        person_privacy.erase_person(anne.store, person)
        assert anne.count("participant") == 0 and anne.count("erasure_request") == 1
        anne.sync()
        assert anne.count("erasure_request") == 0
        for laptop in (bo, kim):
            laptop.sync()
            assert laptop.count("participant") == laptop.count("referral") == 0
            assert laptop.count("dyslexia_result") == 0
        assert bo.cli_laptop.cli("person", "show", person, ok=False).returncode == 1
    finally:
        for laptop in laptops:
            laptop.store.close()
        server.stop()


@pytest.mark.slow
def test_people_through_the_real_server_over_sqlite(tmp_path):
    """`scenario` asserts each step: the restricted result, erasure reaching the others."""
    scenario(tmp_path, f"sqlite:///{tmp_path}/shared.db")


@pytest.mark.slow
@pytest.mark.postgres
def test_people_through_the_real_server_over_postgresql(tmp_path, postgres_url):
    """`scenario` asserts each step, here over the real PostgreSQL."""
    scenario(tmp_path, postgres_url)
