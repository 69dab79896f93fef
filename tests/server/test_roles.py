"""The role matrix (server/roles.py, docs/sync-protocol.md "Roles"): one test per action,
each over konsulent, koordinator and admin. The expectations are written out here, not
read from roles.py, so a change of the matrix has to change them on purpose."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.server import roles
from lokomotiv_desktop.server.accounts import add_user

from .conftest import PASSWORD, cid, company, count

ROLES = {"konsulent": "anna", "koordinator": "kim", "admin": "ada"}  # anna: 615 only


@pytest.fixture
def as_role(backend, login):
    add_user(backend, "ada", PASSWORD, "admin", [])
    return lambda role: login(ROLES[role])


@pytest.fixture
def two_companies(as_role):
    """A company with a contact in 615 (anna's) and one in 630 (not anna's)."""
    kim = as_role("koordinator")
    kim.push(company(kim, cid("r615"), "615"), company(kim, cid("r630"), "630"),
             kim.change("contact", "k615", company_id=cid("r615"), name="Ida"),
             kim.change("contact", "k630", company_id=cid("r630"), name="Ole"))


@pytest.mark.parametrize(("role", "sees"), [
    ("konsulent", {"r615", "k615"}),
    ("koordinator", {"r615", "k615", "r630", "k630"}),
    ("admin", {"r615", "k615", "r630", "k630"}),
])
def test_pull(as_role, two_companies, role, sees):
    names = {cid("r615"): "r615", cid("r630"): "r630", "k615": "k615", "k630": "k630"}
    assert {names[i["row_id"]] for i in as_role(role).pull_all()} == sees


@pytest.mark.parametrize(("role", "in_615", "in_630"), [
    ("konsulent", "applied", "rejected:scope"),
    ("koordinator", "applied", "applied"),
    ("admin", "applied", "applied"),
])
def test_push_of_field_work(as_role, two_companies, role, in_615, in_630):
    api = as_role(role)
    results = api.push(api.change("contact", "k615", phone="11223344"),
                       api.change("contact", "k630", phone="11223344"))["results"]
    assert [r["status"] + (f":{r['reason']}" if r["reason"] else "") for r in results] == [
        in_615, in_630]


@pytest.mark.parametrize(("role", "outcome"), [
    ("konsulent", "rejected:forbidden"),
    ("koordinator", "applied"),
    ("admin", "applied"),
])
def test_push_of_a_table_that_is_not_field_work(as_role, two_companies, monkeypatch, role,
                                               outcome):
    """A table outside the consultants' set (as association data will be) is written by
    koordinator and admin only; a konsulent's change is refused per change, in Danish."""
    monkeypatch.setattr(roles, "FIELD_WORK", roles.FIELD_WORK - {"kpi_target"})
    api = as_role(role)
    [result] = api.push(api.change("kpi_target", f"kpi-{role}", company_id=cid("r615"),
                                   description="80 % screenet", target_percent=80,
                                   deadline="2027-06-30"))["results"]
    assert result["status"] + (f":{result['reason']}" if result["reason"] else "") == outcome
    if result["reason"] == "forbidden":
        assert result["message"].startswith("Din rolle må ikke ændre")
    stored = count(api.client.app.state.backend,
                   "SELECT count(*) FROM row_state WHERE tbl = 'kpi_target'")
    assert stored == (0 if outcome.startswith("rejected") else 1)


@pytest.mark.parametrize(("role", "in_615", "in_630"), [
    ("konsulent", 200, 403),
    ("koordinator", 403, 403),
    ("admin", 200, 200),
])
def test_erase(as_role, two_companies, backend, role, in_615, in_630):
    api = as_role(role)
    answers = [api.client.post("/api/v1/erase", headers=api.headers,
                               json={"table": "contact", "row_id": row_id})
               for row_id in ("k615", "k630")]
    assert [a.status_code for a in answers] == [in_615, in_630]
    for answer in answers:
        if answer.status_code == 403:
            assert answer.json()["code"] == ("forbidden" if role == "koordinator" else "scope")
    assert count(backend, "SELECT count(*) FROM tombstone") == [in_615, in_630].count(200)


def test_a_koordinator_may_not_erase_even_an_id_the_server_never_saw(as_role, backend):
    kim = as_role("koordinator")
    answer = kim.client.post("/api/v1/erase", headers=kim.headers,
                             json={"table": "contact", "row_id": "ukendt"})
    assert answer.status_code == 403 and "GDPR" in answer.json()["error"]
    assert count(backend, "SELECT count(*) FROM tombstone") == 0


@pytest.mark.parametrize("role", ["konsulent", "koordinator", "admin"])
def test_status(as_role, role):
    api = as_role(role)
    body = api.client.get("/api/v1/status", headers=api.headers).json()
    assert (body["user"], body["role"]) == (ROLES[role], role)


@pytest.mark.parametrize("role", ["konsulent", "koordinator", "admin"])
def test_logout(as_role, role):
    api = as_role(role)
    assert api.client.post("/api/v1/logout", headers=api.headers).status_code == 204
    assert api.client.get("/api/v1/status", headers=api.headers).status_code == 401
