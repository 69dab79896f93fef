"""People's data in the sync simulation (test_simulation.py): participants screened with
consent, referrals, dyslexia results (restricted to the responsible consultant), consultant
changes and offline person erasure, written through the services as the window writes them.
And the model's view of who must hold which row of them."""
from __future__ import annotations

from datetime import date

from hypothesis import strategies as st
from hypothesis.stateful import rule

from lokomotiv_desktop.services import participants, screenings
from lokomotiv_desktop.store import privacy_queue
from lokomotiv_desktop.sync.tables import SYNCED_TABLES

DAY = "2026-11-20"
FIRST = ["Ida", "Ole", "Åse"]
PHONES = ["+4520202020", "+4540404040"]


def visible(laptop, rows, key, scope_of) -> bool:
    """Whether the laptop must hold the server row `key`: its municipality is the laptop's,
    and a restricted row (a dyslexia result) names the laptop's user as responsible."""
    if laptop.everything:
        return True
    if _municipality(rows, key, scope_of) not in laptop.scope:
        return False
    return not SYNCED_TABLES[key[0]].restricted or _responsible(rows, key) == laptop.name


def _municipality(rows, key, scope_of):
    """The row's municipality: a participant under a company takes the company's."""
    table, _ = key
    spec = SYNCED_TABLES[table]
    values = rows[key][0]
    if spec.parent and values.get(spec.parent[0]):
        parent = (spec.parent[1], values[spec.parent[0]])
        return _municipality(rows, parent, scope_of) if parent in rows else None
    return scope_of(rows, key)


def _responsible(rows, key) -> str | None:
    """The consultant named by the nearest ancestor without a parent link (server/scoping)."""
    while True:
        spec = SYNCED_TABLES[key[0]]
        values = rows[key][0]
        if spec.parent and values.get(spec.parent[0]):
            key = (spec.parent[1], values[spec.parent[0]])
            if key not in rows:
                return None
            continue
        name = values.get(spec.responsible_field) if spec.responsible_field else None
        return " ".join((name or "").split()).casefold() or None


class PeopleRules:
    """Rules mixed into the simulation; `self` has _laptop, _write, edits, laptops."""

    def _people(self, laptop) -> list[str]:
        return laptop.ids("participant", alive_only=True)

    def _noted(self, laptop) -> None:
        self.edits += laptop.new_edits()

    @rule(i=st.integers(0, 4), pick=st.integers(0, 99), first=st.sampled_from(FIRST),
          refer=st.booleans())
    def screen_person(self, i, pick, first, refer):
        """One screening-day row: the person, their consent, their screening (and, as
        its outcome says, a referral to Ordblindetesten)."""
        laptop = self._laptop(i)
        ids = laptop.ids("company", alive_only=True)
        if not ids:
            return
        person = participants.add_participant(laptop.store, ids[pick % len(ids)],
                                              first_name=first, last_name="Holm")
        participants.give_consent(laptop.store, person.id, "screening", "skriftlig",
                                  given_on="2026-11-01")
        screenings.record_screening(laptop.store, person.id, subject="læsning",
                                    tool="VLV-2", outcome="ordblindetest", trin=2, day=DAY)
        if refer:
            referral = screenings.add_referral(laptop.store, person.id, day=DAY, school="VUC")
            if laptop.everything:  # the result, as the admin types it in (see below)
                screenings.record_dyslexia_result(laptop.store, referral.id, "gul",
                                                  day="2026-11-27")
        self._noted(laptop)

    @rule(i=st.integers(0, 4), pick=st.integers(0, 99), refer=st.booleans(),
          phone=st.sampled_from(PHONES))
    def follow_up_person(self, i, pick, refer, phone):
        """A referral to Ordblindetesten, or an edit of the person."""
        laptop = self._laptop(i)
        people = self._people(laptop)
        if not people:
            return
        person = people[pick % len(people)]
        if refer and participants.has_screening_consent(laptop.store, person,
                                                        date.fromisoformat(DAY)):
            screenings.add_referral(laptop.store, person, day=DAY, school="VUC")
        else:
            participants.update_participant(laptop.store, person, {"phone": phone})
        self._noted(laptop)

    @rule(pick=st.integers(0, 99), result=st.sampled_from(["rød", "gul", "grøn"]))
    def dyslexia_result(self, pick, result):
        """Written on the laptop that sees every result (admin): a konsulent writes only
        what they are responsible for, which the model cannot know offline."""
        laptop = next((lap for lap in self.laptops if lap.everything), None)
        referrals = laptop.ids("referral", alive_only=True) if laptop else []
        if referrals:
            screenings.record_dyslexia_result(laptop.store, referrals[pick % len(referrals)],
                                              result, day="2026-11-27")
            self._noted(laptop)

    @rule(i=st.integers(0, 4), pick=st.integers(0, 99), who=st.integers(0, 5))
    def set_consultant(self, i, pick, who):
        """Who is responsible for a company: its dyslexia results move to them."""
        laptop = self._laptop(i)
        ids = laptop.ids("company")
        if ids:
            name = f"user{who}" if who < 5 else ""
            self._write(laptop, lambda ch: ch.update(
                "company", ids[pick % len(ids)], {"consultant": name}))

    @rule(i=st.integers(0, 4), pick=st.integers(0, 99))
    def erase_person(self, i, pick):
        """Offline: gone here at once, the server told on this laptop's next sync."""
        laptop = self._laptop(i)
        people = laptop.ids("participant")
        if people:
            person = people[pick % len(people)]
            privacy_queue.erase_now(laptop.store, "participant", person)
            self.erase_requested.add((laptop.name, person))

    def _check_erasures(self, erased) -> None:
        """After healing: every offline erasure reached the server, or it was refused (the
        person had left the laptop's municipalities) and the refusal is kept, in Danish."""
        pending = {(lap.name, row_id): error for lap in self.laptops
                   for _, row_id, error in privacy_queue.pending_erasures(lap.store)}
        for (name, person), error in pending.items():
            assert error, f"{name}'s erasure of {person} neither sent nor refused"
        for name, person in self.erase_requested - set(pending):
            assert ("participant", person) in erased, f"{name}'s erasure of {person} lost"

    def _dropped_yet_sent(self, rows) -> set:
        """Rows a laptop dropped unsent with an offline erasure (filed "erased") may have
        reached the server after all, by a push whose answer was lost. When that erasure was
        then refused (the person had left the laptop's municipalities), they stay there, as
        the refusal on the request says; they may be on the server, never must."""
        from lokomotiv_desktop.store import conflict_inbox as inbox

        maybe = set()
        for laptop in self.laptops:
            refused = {row_id for table, row_id, error in privacy_queue.pending_erasures(
                laptop.store) if table == "participant" and error}
            if not refused:
                continue
            dropped = {c.mine_stamp for c in inbox.list_conflicts(laptop.store, True)
                       if c.rejected and c.theirs_by == "erased"}
            maybe |= {e["key"] for e in self.edits if e["change_id"] in dropped
                      and _person_of(rows, e["key"]) in refused}
        return maybe


def _person_of(rows, key) -> str | None:
    """The participant a server row is about (itself, or up its parent links)."""
    table, row_id = key
    while table != "participant":
        spec = SYNCED_TABLES[table]
        found = rows.get((table, row_id))
        if spec.parent is None or found is None:
            return None
        row_id, table = found[0].get(spec.parent[0]), spec.parent[1]
    return row_id
