"""Convergence under a bad network: 2-5 laptops (real SyncClient, real store files) and the
server app in-process on SQLite and PostgreSQL. Hypothesis picks creates, edits, deletes,
erasures, conflict resolutions and syncs while the network drops requests, loses answers
after the server committed, duplicates and delays (reorders) them. After healing and a full
sync round: every replica equals the server in its scope, every edit either won or sits in
some conflict inbox, no duplicates, nothing erased comes back, no cursor ever went back.

CI runs a fixed, derandomized set of scenarios, so one commit always gives the same result;
`LOKOMOTIV_SOAK=1` (make soak) runs far more and longer ones from a fresh seed, printed
(`LOKOMOTIV_SEED=N` repeats a soak run). A failure found there becomes an explicit example.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, seed, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store import conflict_inbox as inbox
from lokomotiv_desktop.sync.clocks import expand
from lokomotiv_desktop.sync.errors import SyncError

from .harness import (
    Deterministic,
    Server,
    deterministic,
    fast_passwords,
    local_state,
    scope_of,
    server_state,
)
from .network import FaultyNetwork
from .simulation_association import AssociationRules, is_association_creation
from .simulation_courses import CourseRules, is_course_creation
from .simulation_people import PeopleRules, visible

SOAK = os.environ.get("LOKOMOTIV_SOAK") == "1"
# Per backend: CI 120 scenarios (the run must stay well under 10 minutes on a busy 2-core
# machine), soak 2 500 (5 000 in all).
SCENARIOS = int(os.environ.get("LOKOMOTIV_SCENARIOS", 2500 if SOAK else 120))
SETTINGS = settings(
    max_examples=SCENARIOS,
    stateful_step_count=60 if SOAK else 15,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    # A soak run keeps what it found, so running it again replays the failure at once.
    database=DirectoryBasedExampleDatabase(".hypothesis/soak") if SOAK else None,
    print_blob=SOAK,
    derandomize=not SOAK,  # CI: the same scenarios on every run of the same commit
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
)
# What every finished scenario checked, summed per test: the line printed at the end.
STATS = {"scenarios": 0}
# (role, municipalities) of the laptops; a run uses the first n.
LAPTOPS = [
    ("konsulent", ["101", "147"]),
    ("konsulent", ["101"]),
    ("konsulent", ["147"]),
    ("admin", []),  # writes and erases everywhere (a koordinator may not erase)
    ("konsulent", ["101"]),
]
NAMES = ["Bageriet", "Smedjen", "Havnen", "Kroen"]
SHARED_CVRS = ["87654338", "76543216"]  # the companies every laptop starts with
NEW_CVRS = ["12345674", "23456788", "34567891"]
CITIES = ["Aarhus", "Køge", "Ærø"]


class Laptop:
    def __init__(self, index: int, folder: Path, server: Server, rnd):
        role, municipalities = LAPTOPS[index]
        self.name = f"user{index}"
        server.add_user(self.name, role, municipalities)
        self.scope = municipalities or ["101", "147"]
        self.everything = role != "konsulent"
        self.store = Store(folder / f"{self.name}.db")
        self.network = FaultyNetwork(server.transport, rnd)
        self.client = server.login(self.store, self.name, transport=self.network)
        self.cursor = 0
        self.seen_outbox = 0

    def ids(self, table: str, alive_only: bool = False) -> list[str]:
        where = " WHERE deleted = 0" if alive_only else ""
        return [r[0] for r in self.store.db.execute(f"SELECT id FROM {table}{where} ORDER BY id")]

    def new_edits(self) -> list[dict]:
        """Outbox rows written since the last call: every local edit, as the model sees it."""
        rows = self.store.db.execute(
            "SELECT seq, tbl, row_id, fields, clocks, base, change_id FROM outbox "
            "WHERE seq > ? ORDER BY seq", [self.seen_outbox]).fetchall()
        if rows:
            self.seen_outbox = rows[-1][0]
        edits = []
        for _, table, row_id, fields, clocks, base, change_id in rows:
            fields, base = json.loads(fields), json.loads(base)
            clocks = expand(json.loads(clocks), fields)  # an insert's may be compact
            edits += [{"key": (table, row_id), "field": f, "value": v, "stamp": clocks[f],
                       "base": base.get(f, ""), "change_id": change_id}
                      for f, v in fields.items()]
        return edits


def make_machine(empty_server, source: Deterministic):
    """`empty_server()`: the test's server, emptied for a new scenario (Server.reset)."""
    class Simulation(PeopleRules, CourseRules, AssociationRules, RuleBasedStateMachine):
        @initialize(n=st.integers(2, 5), rnd=st.randoms(use_true_random=False))
        def start(self, n, rnd):
            source.reset()  # ids and stamps as in every other run of this scenario
            self.folder = Path(tempfile.mkdtemp(prefix="lokomotiv-sim-"))
            self.server = empty_server()
            self.server.add_user("inspector", "koordinator", [])
            self.rnd = rnd
            self.laptops = [Laptop(i, self.folder, self.server, rnd) for i in range(n)]
            self.edits: list[dict] = []
            self.confirmed_erased: set[tuple[str, str]] = set()
            self.erase_requested: set[tuple[str, str]] = set()  # (laptop, participant)
            # Shared rows from the start (one per municipality, each with a contact), so
            # concurrent edits of the same fields happen within a short run.
            first = self.laptops[0]
            for municipality, cvr in zip(first.scope, SHARED_CVRS, strict=False):
                self._write(first, lambda ch, m=municipality, cvr=cvr: ch.insert("contact", {
                    "company_id": ch.insert("company", {
                        "cvr": cvr, "name": f"Fælles {m}", "municipality_code": m}),
                    "name": "Fælles kontakt"}))
            for laptop in self.laptops:
                assert laptop.client.sync_once().ok
            for laptop in self.laptops:
                laptop.network.faulty = rnd.random() < 0.7

        def _laptop(self, i: int) -> Laptop:
            return self.laptops[i % len(self.laptops)]

        def _write(self, laptop: Laptop, action) -> None:
            with laptop.store.transaction():
                action(laptop.store.changes)
            self.edits += laptop.new_edits()

        @rule(i=st.integers(0, 4), name=st.sampled_from(NAMES), pick=st.integers(0, 9),
              cvr=st.sampled_from(NEW_CVRS))
        def create_company(self, i, name, pick, cvr):
            """A CVR other laptops may create too, offline (the same row: sync/identity.py);
            one this laptop holds already is not created again (the editor refuses it),
            and one it deleted comes back."""
            laptop = self._laptop(i)
            municipality = laptop.scope[pick % len(laptop.scope)]
            alive = laptop.store.db.execute(
                "SELECT 1 FROM company WHERE cvr = ? AND deleted = 0", [cvr]).fetchone()
            if not alive:
                self._write(laptop, lambda ch: ch.insert("company", {
                    "cvr": cvr, "name": name, "municipality_code": municipality}))

        @rule(i=st.integers(0, 4), pick=st.integers(0, 99),
              field=st.sampled_from(["name", "city", "phase"]), value=st.integers(0, 3))
        def edit_company(self, i, pick, field, value):
            laptop = self._laptop(i)
            ids = laptop.ids("company")
            if ids:
                new = {"name": NAMES[value], "city": CITIES[value % 3], "phase": value + 1}
                self._write(laptop, lambda ch: ch.update(
                    "company", ids[pick % len(ids)], {field: new[field]}))

        @rule(i=st.integers(0, 4), pick=st.integers(0, 99))
        def move_company(self, i, pick):
            """To the other municipality: its consultants get it, the old ones evict it."""
            laptop = self._laptop(i)
            ids = laptop.ids("company")
            if ids and len(laptop.scope) > 1:
                row_id = ids[pick % len(ids)]
                [now] = laptop.store.db.execute(
                    "SELECT municipality_code FROM company WHERE id = ?", [row_id]).fetchone()
                target = next(m for m in laptop.scope if m != now)
                self._write(laptop, lambda ch: ch.update(
                    "company", row_id, {"municipality_code": target}))

        @rule(i=st.integers(0, 4), pick=st.integers(0, 99), restore=st.booleans())
        def delete_or_restore_company(self, i, pick, restore):
            laptop = self._laptop(i)
            ids = laptop.ids("company")
            if ids:
                row_id = ids[pick % len(ids)]
                self._write(laptop, lambda ch: (ch.restore if restore else ch.delete)(
                    "company", row_id))

        @rule(i=st.integers(0, 4), pick=st.integers(0, 99), name=st.sampled_from(NAMES))
        def create_contact(self, i, pick, name):
            laptop = self._laptop(i)
            ids = laptop.ids("company")
            if ids:
                self._write(laptop, lambda ch: ch.insert("contact", {
                    "company_id": ids[pick % len(ids)], "name": f"{name} Kontakt"}))

        @rule(i=st.integers(0, 4), pick=st.integers(0, 99),
              phone=st.sampled_from(["+4520202020", "+4530303030"]))
        def edit_contact(self, i, pick, phone):
            laptop = self._laptop(i)
            ids = laptop.ids("contact")
            if ids:
                self._write(laptop, lambda ch: ch.update(
                    "contact", ids[pick % len(ids)], {"phone": phone}))

        @rule(i=st.integers(0, 4), pick=st.integers(0, 99))
        def erase_contact(self, i, pick):
            laptop = self._laptop(i)
            ids = laptop.ids("contact")
            if not ids:
                return
            row_id = ids[pick % len(ids)]
            try:
                erased = laptop.client.erase("contact", row_id)
            except SyncError:
                return  # the network ate it; the server may or may not have erased
            self.confirmed_erased.update(erased)

        @rule(i=st.integers(0, 4), keep=st.sampled_from(["mine", "theirs"]),
              pick=st.integers(0, 99))
        def resolve_conflict(self, i, keep, pick):
            laptop = self._laptop(i)
            open_ = inbox.list_conflicts(laptop.store)
            if open_:
                inbox.resolve(laptop.store, open_[pick % len(open_)].id, keep)
                self.edits += laptop.new_edits()

        @rule(i=st.integers(0, 4))
        def sync(self, i):
            self._sync(self._laptop(i))

        @rule(i=st.integers(0, 4), on=st.booleans())
        def network_trouble(self, i, on):
            laptop = self._laptop(i)
            if on:
                laptop.network.faulty = True
            else:
                laptop.network.heal()

        def _sync(self, laptop: Laptop):
            report = laptop.client.sync_once()
            assert laptop.client.cursor() >= laptop.cursor, "a cursor went backwards"
            laptop.cursor = laptop.client.cursor()
            return report

        @invariant()
        def no_duplicate_outbox_rows(self):
            for laptop in getattr(self, "laptops", []):
                dupes = laptop.store.db.execute(
                    "SELECT count(*) - count(DISTINCT change_id) FROM outbox").fetchone()[0]
                assert dupes == 0

        def teardown(self):
            if not hasattr(self, "laptops"):
                return
            try:
                self._heal_and_check()
                STATS["scenarios"] += 1  # converged: nothing lost, doubled or resurrected
            finally:
                for laptop in self.laptops:
                    laptop.client.close()
                    laptop.store.close()
                shutil.rmtree(self.folder, ignore_errors=True)

        def _heal_and_check(self):
            for laptop in self.laptops:
                laptop.network.heal()
            for _ in range(2):  # everyone pushes, then everyone pulls what the others pushed
                for laptop in self.laptops:
                    report = self._sync(laptop)
                    assert report.ok, report.error
            rows, erased = server_state(self.server, self.server.token("inspector"))
            self._check_replicas(rows, erased)
            self._check_edits(rows, erased)
            self._check_erasures(erased)
            self._check_courses(rows)
            self._check_association(rows)

        def _refused(self, reasons=("scope",)) -> set[str]:
            """Change ids the server refused because the row had left the sender's scope
            (or, with "erased", dropped unsent with a person erased)."""
            return {c.mine_stamp for lap in self.laptops
                    for c in inbox.list_conflicts(lap.store, include_resolved=True)
                    if c.rejected and c.theirs_by in reasons}

        def _conflict_count(self) -> int:
            return sum(len(inbox.list_conflicts(lap.store, True)) for lap in self.laptops)

        def _check_replicas(self, rows, erased):
            assert self.confirmed_erased <= erased, "a confirmed erasure is missing"
            for laptop in self.laptops:
                assert laptop.store.pending_changes() == 0
                local = local_state(laptop.store)
                expected = {key: row for key, row in rows.items()
                            if visible(laptop, rows, key, scope_of)}
                assert local == expected, f"{laptop.name} differs from the server"
                assert not set(local) & erased, "an erased row came back"
            creations = [e for e in self.edits if e["base"] == "" and e["field"] in (
                "cvr", "company_id", "participant_id", "referral_id") or is_course_creation(e)
                or is_association_creation(e)]
            # A row made under a company that had just moved out of the maker's scope is
            # refused (and sits in the maker's inbox, checked in _check_edits); a company
            # that several laptops made exists when one of them was accepted.
            refused = self._refused(("scope", "erased"))
            accepted = {e["key"] for e in creations if e["change_id"] not in refused}
            expected = accepted - erased
            assert expected <= set(rows) and set(rows) - expected <= self._dropped_yet_sent(
                rows), "rows lost or duplicated on the server"

        def _check_edits(self, rows, erased):
            in_inboxes = set()
            for laptop in self.laptops:
                for c in inbox.list_conflicts(laptop.store, include_resolved=True):
                    in_inboxes.update({c.mine_stamp, c.theirs_stamp})
                    # Refused only when erased, or moved out of the sender's scope.
                    assert not c.rejected or c.theirs_by in ("erased", "scope"), c
            by_field: dict[tuple, list[dict]] = {}
            for e in self.edits:
                by_field.setdefault((e["key"], e["field"]), []).append(e)
            for e in self.edits:
                if e["key"] in erased or e["change_id"] in in_inboxes:
                    continue  # gone for good, or refused and filed in the sender's inbox
                others = by_field[(e["key"], e["field"])]
                won = rows[e["key"]][1].get(e["field"]) == e["stamp"]
                # Overwritten by someone who had seen it: an ordinary edit, not a loss.
                seen = any(o["base"] >= e["stamp"] for o in others)
                # Two concurrent writes of the same value: nothing to choose between.
                same = any(o["value"] == e["value"] and o["stamp"] > e["stamp"] > o["base"]
                           for o in others)
                assert won or seen or same or e["stamp"] in in_inboxes, \
                    f"an edit vanished: {e}"

    Simulation.TestCase.settings = SETTINGS
    return Simulation


@pytest.fixture(autouse=True)
def _fast_passwords(monkeypatch):
    fast_passwords(monkeypatch)


@pytest.fixture
def ids_and_clock(monkeypatch) -> Deterministic:
    """Nothing outside hypothesis's control decides a scenario: not the wall clock (HLC
    stamps), not the random part of UUIDv7 ids (which row a rule picks)."""
    return deterministic(monkeypatch)


def _run(machine, backend: str, record_property) -> None:
    """Runs the machine (seeded in a soak run, the seed printed first) and records what
    it checked for the closing line (tests/conftest.py)."""
    STATS["scenarios"] = 0
    if SOAK:
        chosen = int(os.environ.get("LOKOMOTIV_SEED") or random.SystemRandom().getrandbits(32))
        print(f"\nsimulation {backend}: seed {chosen} (LOKOMOTIV_SEED={chosen} repeats it)",
              flush=True)
        machine = seed(chosen)(machine)
    run_state_machine_as_test(machine, settings=SETTINGS)
    # Each scenario's own checks run in its teardown; here: the promised number converged.
    assert STATS["scenarios"] >= SCENARIOS, f"only {STATS['scenarios']} scenarios ran"
    record_property("simulation", {"backend": backend, "scenarios": STATS["scenarios"]})


def test_simulation_sqlite(tmp_path, record_property, ids_and_clock):
    """The invariants are checked by the state machine after every healing round."""
    server = Server(f"sqlite:///{tmp_path}/shared.db").start()
    try:
        _run(make_machine(server.reset, ids_and_clock), "sqlite", record_property)
    finally:
        server.close()


@pytest.mark.postgres
def test_simulation_postgres(postgres_url, record_property, ids_and_clock):
    """The same state machine as on SQLite, against the real PostgreSQL (one database,
    emptied for each scenario)."""
    server = Server(postgres_url).start()
    try:
        _run(make_machine(server.reset, ids_and_clock), "postgresql", record_property)
    finally:
        server.close()
