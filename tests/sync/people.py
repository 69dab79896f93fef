"""Laptops for the people tests (issue 11): a store logged in to the in-process server,
driven through the services as the window and the CLI drive it."""
from __future__ import annotations

from lokomotiv_desktop.services import participants, person_privacy, screenings
from lokomotiv_desktop.services.me import set_my_name
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store import conflict_inbox as inbox
from lokomotiv_desktop.sync.tables import SYNCED_TABLES

from .harness import Server

DAY = "2026-11-20"
PEOPLE_TABLES = ("participant", "consent", "screening", "referral", "dyslexia_result")


class Laptop:
    def __init__(self, server: Server, name: str, folder, full_name: str | None = None):
        self.name = name
        self.store = Store(folder / f"{name}.db")
        self.client = server.login(self.store, name)
        if full_name:
            set_my_name(self.store, full_name)

    def write(self, action):
        with self.store.transaction():
            return action(self.store.changes)

    def sync(self):
        report = self.client.sync_once()
        assert report.ok, report.error
        return report

    def has(self, table: str, row_id: str) -> bool:
        return self.store.db.execute(
            f"SELECT 1 FROM {table} WHERE id = ?", [row_id]).fetchone() is not None

    def rows(self, table: str) -> set[str]:
        return {r[0] for r in self.store.db.execute(f"SELECT id FROM {table}")}

    def refusals(self) -> list[inbox.Conflict]:
        return [c for c in inbox.list_conflicts(self.store, True) if c.rejected]

    def close(self):
        self.client.close()
        self.store.close()


def company(laptop, cvr: str, municipality: str, consultant: str) -> str:
    """A company on the laptop (anything with a `.store`)."""
    with laptop.store.transaction():
        return laptop.store.changes.insert("company", {
            "cvr": cvr, "name": f"Firma {cvr}", "municipality_code": municipality,
            "consultant": consultant})


def screened_person(laptop, company_id: str | None = None, **fields) -> str:
    """A participant with consent and one screening, through the services."""
    if company_id is None:
        fields.setdefault("municipality_code", "630")
    person = participants.add_participant(laptop.store, company_id, first_name="Ida",
                                          last_name="Holm", **fields)
    participants.give_consent(laptop.store, person.id, "screening", "skriftlig",
                              given_on="2026-11-01")
    screenings.record_screening(laptop.store, person.id, subject="læsning", tool="VLV-2",
                                outcome="ordblindetest", trin=2, day=DAY)
    return person.id


def dyslexia_result(laptop: Laptop, person_id: str) -> tuple[str, str]:
    """(referral id, result id) of a referral and its result for the person."""
    referral = screenings.add_referral(laptop.store, person_id, day=DAY, school="VUC")
    done = screenings.record_dyslexia_result(laptop.store, referral.id, "rød", day="2026-11-27")
    return referral.id, done.result.id


def person_rows(laptop: Laptop, person_id: str) -> set[tuple[str, str]]:
    """(table, id) of the person and every row under them on the laptop."""
    found = {("participant", person_id)} if laptop.has("participant", person_id) else set()
    frontier = [("participant", person_id)]
    while frontier:
        parent_table, parent_id = frontier.pop()
        for table in PEOPLE_TABLES:
            spec = SYNCED_TABLES[table]
            if spec.parent and spec.parent[1] == parent_table:
                for (row_id,) in laptop.store.db.execute(
                        f"SELECT id FROM {table} WHERE {spec.parent[0]} = ?", [parent_id]):
                    found.add((table, row_id))
                    frontier.append((table, row_id))
    return found


__all__ = ["DAY", "Laptop", "company", "dyslexia_result", "person_privacy", "person_rows",
           "screened_person"]
