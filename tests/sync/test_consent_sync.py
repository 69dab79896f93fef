"""No screening result without consent on the server too: a laptop that writes one past its
services' check (an old version, a bug, a hand-edited store) is refused, the refusal lands
in its conflict inbox with the reason, and no other laptop ever pulls the row. Both
backends, through the real sync machinery."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.services import participants
from tests.cvrs import valid_cvr

from .harness import BOTH_BACKENDS, serve_both, server_state
from .people import DAY, Laptop, company

USERS = {"a": ("konsulent", ["630"]), "b": ("konsulent", ["630"]),
         "kim": ("koordinator", [])}


@pytest.fixture(params=BOTH_BACKENDS)
def server(request, tmp_path, monkeypatch):
    yield from serve_both(request, tmp_path, monkeypatch, USERS)


@pytest.fixture
def laptops(server, tmp_path):
    made = {name: Laptop(server, name, tmp_path) for name in USERS}
    yield made
    for laptop in made.values():
        laptop.close()


def _raw_screening(laptop: Laptop, person: str, day: str = DAY) -> str:
    return laptop.write(lambda ch: ch.insert("screening", {
        "participant_id": person, "date": day, "subject": "læsning", "tool": "VLV-2",
        "outcome": "læsekursus", "trin": 2, "school": "VUC", "tester": "Lis", "notes": ""}))


def test_a_screening_past_the_consent_check_is_refused_and_stays_with_its_sender(
        server, laptops):
    a, b = laptops["a"], laptops["b"]
    firm = company(a, valid_cvr(21), "630", "a")
    person = participants.add_participant(a.store, firm, first_name="Ida",
                                          last_name="Holm").id
    refused = _raw_screening(a, person)  # no consent at all
    report = a.sync()
    assert report.rejected == 1
    [entry] = a.refusals()
    assert (entry.table, entry.row_id, entry.theirs_by) == ("screening", refused, "no_consent")
    assert "samtykke" in entry.theirs and entry.mine["outcome"] == "læsekursus"
    assert a.store.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0

    # A consent given after the screening day does not make a later push of it valid.
    participants.give_consent(a.store, person, "screening", "skriftlig",
                              given_on="2026-11-25")
    too_early = _raw_screening(a, person, day="2026-11-24")
    assert a.sync().rejected == 1
    assert {r.row_id for r in a.refusals() if r.theirs_by == "no_consent"} == \
        {refused, too_early}

    b.sync()
    assert b.has("participant", person) and len(b.rows("consent")) == 1
    assert not b.rows("screening")
    rows, _ = server_state(server, server.token("kim"))
    assert not [k for k in rows if k[0] == "screening"]
