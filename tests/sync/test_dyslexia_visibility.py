"""Dyslexia results are pulled only by the consultant responsible for the company (or the
unemployed person) and by coordinators; another consultant of the same municipality sees
the participant and the referral, not the result. A new responsible consultant gets it on
their next pull, and it leaves the old one's laptop. Through the real sync machinery, on
both backends."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.server import accounts
from lokomotiv_desktop.services import participants
from tests.cvrs import valid_cvr

from .harness import BOTH_BACKENDS, PASSWORD, serve_both
from .people import Laptop, company, dyslexia_result, screened_person

USERS = {"anne": ("konsulent", ["630"], "Anne Holm"), "bo": ("konsulent", ["630"], "Bo Berg"),
         "kim": ("koordinator", [], "Kim Lund")}


@pytest.fixture(params=BOTH_BACKENDS)
def server(request, tmp_path, monkeypatch):
    srv_iter = serve_both(request, tmp_path, monkeypatch, {})
    srv = next(srv_iter)
    for name, (role, municipalities, full_name) in USERS.items():
        accounts.add_user(srv.backend, name, PASSWORD, role, municipalities,
                          full_name=full_name)
    yield srv
    next(srv_iter, None)


@pytest.fixture
def laptops(server, tmp_path):
    made = {name: Laptop(server, name, tmp_path, full_name=USERS[name][2]) for name in USERS}
    (tmp_path / "second").mkdir()  # anne's second laptop: a fresh store, her own pull
    made["anne2"] = Laptop(server, "anne", tmp_path / "second", full_name="Anne Holm")
    yield made
    for laptop in made.values():
        laptop.close()


def test_only_the_responsible_consultant_and_coordinators_pull_the_result(laptops):
    anne, bo, kim, anne2 = (laptops[n] for n in ("anne", "bo", "kim", "anne2"))
    firm = company(anne, valid_cvr(630), "630", "Anne Holm")
    person = screened_person(anne, firm)
    referral, result = dyslexia_result(anne, person)
    assert anne.sync().rejected == 0
    for laptop in (bo, kim, anne2):
        laptop.sync()
    assert bo.has("participant", person) and bo.has("referral", referral)
    assert bo.rows("screening")  # the screening is the municipality's
    assert not bo.has("dyslexia_result", result)
    assert kim.has("dyslexia_result", result) and anne2.has("dyslexia_result", result)
    assert anne2.store.db.execute("SELECT result FROM dyslexia_result").fetchone() == ("rød",)

    # Bo becomes the company's consultant: the result follows him, and leaves Anne.
    kim.write(lambda ch: ch.update("company", firm, {"consultant": "Bo Berg"}))
    kim.sync()
    bo.sync()
    assert bo.has("dyslexia_result", result)
    for laptop in (anne, anne2):
        laptop.sync()
        assert not laptop.has("dyslexia_result", result)
        assert laptop.has("referral", referral) and laptop.has("participant", person)
    assert kim.has("dyslexia_result", result)
    assert not anne.refusals()  # an eviction of something she may not see is not a refusal


def test_an_unemployed_persons_result_follows_their_own_consultant(laptops):
    anne, bo, kim = laptops["anne"], laptops["bo"], laptops["kim"]
    person = screened_person(anne)  # ledig, referred by 630, consultant: Anne Holm
    assert participants.find_participant(anne.store, person).consultant == "Anne Holm"
    referral, result = dyslexia_result(anne, person)
    anne.sync()
    bo.sync()
    kim.sync()
    assert bo.has("participant", person) and bo.has("referral", referral)
    assert not bo.has("dyslexia_result", result)
    assert kim.has("dyslexia_result", result)

    participants.update_participant(anne.store, person, {"consultant": "Bo Berg"})
    anne.sync()
    bo.sync()
    assert bo.has("dyslexia_result", result)
    anne.sync()
    assert not anne.has("dyslexia_result", result)
