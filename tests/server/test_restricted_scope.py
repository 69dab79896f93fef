"""Restricted rows on the server (server/scoping.py): a dyslexia result is in the pull of
the consultant responsible for its company (or unemployed person) and of coordinators, not
of another consultant in the municipality; a new responsible consultant pulls it and the
old one's pull evicts it. On both backends."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.server.accounts import add_user

from .conftest import PASSWORD, cid, company

DAY = "2026-11-20"


@pytest.fixture
def people(backend, login):
    add_user(backend, "anne", PASSWORD, "konsulent", ["630"], full_name="Anne Holm")
    add_user(backend, "berit", PASSWORD, "konsulent", ["630"], full_name="Berit Lund")
    return {name: login(name) for name in ("anne", "berit", "bo", "kim")}


def _screened(api, pid, parent: dict, consultant_field: dict | None = None) -> list[dict]:
    return [
        api.change("participant", pid, first_name="Ida", last_name="Holm",
                   **parent, **(consultant_field or {})),
        api.change("consent", f"k-{pid}", participant_id=pid, purpose="screening",
                   given_on="2026-11-01", how="skriftlig", witness="", withdrawn_on=None),
        api.change("referral", f"r-{pid}", participant_id=pid, date=DAY, school="VUC"),
        api.change("dyslexia_result", f"d-{pid}", referral_id=f"r-{pid}", result="rød",
                   date=DAY, school="VUC"),
    ]


def _held(api, since=0) -> dict[tuple[str, str], str]:
    """(table, id) -> kind of every item in the account's pull."""
    return {(i["table"], i["row_id"]): i["kind"] for i in api.pull(since)["items"]}


def login_again(people, api):
    """The account on a fresh device (its own pushes are not echoed back to it)."""
    from .conftest import Api

    return Api(api.client, api.user, api.device + "-2")


def test_only_the_responsible_consultant_and_coordinators_pull_the_result(people):
    anne, berit, bo, kim = (people[n] for n in ("anne", "berit", "bo", "kim"))
    made = company(anne, cid("r1"), municipality="630", consultant="anne  HOLM")
    results = anne.push(made, *_screened(anne, "p1", {"company_id": cid("r1")}))["results"]
    assert {r["status"] for r in results} == {"applied"}

    for other in (berit, bo):
        held = _held(other)
        assert ("participant", "p1") in held and ("referral", "r-p1") in held
        assert ("dyslexia_result", "d-p1") not in held
    assert _held(kim)[("dyslexia_result", "d-p1")] == "row"
    assert ("dyslexia_result", "d-p1") in _held(login_again(people, anne))

    # Berit becomes the consultant: her pull gets it, Anne's evicts it.
    mark = {n: a.pull()["next"] for n, a in people.items()}
    kim.push(kim.change("company", cid("r1"), base=made["clocks"], consultant="Berit Lund"))
    assert _held(berit, mark["berit"]).get(("dyslexia_result", "d-p1")) == "row"
    assert _held(anne, mark["anne"]).get(("dyslexia_result", "d-p1")) == "evict"
    assert ("dyslexia_result", "d-p1") not in _held(bo, mark["bo"])


def test_an_unemployed_persons_result_follows_their_own_consultant(people):
    anne, berit, kim = people["anne"], people["berit"], people["kim"]
    parent = {"employment": "ledig", "municipality_code": "630"}
    results = anne.push(*_screened(anne, "p2", parent, {"consultant": "Anne Holm"}))["results"]
    assert {r["status"] for r in results} == {"applied"}
    assert ("dyslexia_result", "d-p2") not in _held(berit)
    assert ("participant", "p2") in _held(berit)
    assert ("dyslexia_result", "d-p2") in _held(kim)
    assert ("dyslexia_result", "d-p2") in _held(login_again(people, anne))


def test_a_result_with_no_responsible_consultant_is_for_coordinators(people):
    anne, kim = people["anne"], people["kim"]
    answers = anne.push(company(anne, cid("r3"), municipality="630"),
                        *_screened(anne, "p3", {"company_id": cid("r3")}))["results"]
    # Not hers to hold: refused, and her laptop drops its copy (evict).
    assert (answers[-1]["status"], answers[-1]["reason"], answers[-1]["evict"]) == (
        "rejected", "forbidden", True)
    assert "ordblindetesten" in answers[-1]["message"]
    assert ("dyslexia_result", "d-p3") not in _held(login_again(people, anne))
    assert ("dyslexia_result", "d-p3") not in _held(kim)
    kim.push(*_screened(kim, "p3", {"company_id": cid("r3")})[-1:])
    assert ("dyslexia_result", "d-p3") in _held(kim)


def test_a_colleague_may_not_write_a_result_for_a_company_not_theirs(people):
    anne, bo = people["anne"], people["bo"]
    anne.push(company(anne, cid("r4"), municipality="630", consultant="Anne Holm"),
              *_screened(anne, "p4", {"company_id": cid("r4")})[:-1])
    [answer] = bo.push(*_screened(bo, "p4", {"company_id": cid("r4")})[-1:])["results"]
    assert (answer["status"], answer["evict"]) == ("rejected", True)
    assert ("dyslexia_result", "d-p4") not in _held(anne)
