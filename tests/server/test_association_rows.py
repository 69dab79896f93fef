"""The association's rows on the shared store (issue 13), on both backends: members, the
board and the financing have the scope "forening", which only coordinators and admins
write and pull; a konsulent's push is refused and their pull holds none of it."""
from __future__ import annotations

from lokomotiv_desktop.sync.identity import natural_id
from lokomotiv_desktop.sync.tables import ASSOCIATION_SCOPE

from .conftest import company, count

TABLES = ("member", "board_member", "grant_rate", "pnr_count", "activity_grant")


def _rows(api) -> list[dict]:
    scope = {"scope": ASSOCIATION_SCOPE}
    return [
        api.change("member", natural_id("member", "kommune:615"), kind="kommune",
                   municipality_code="615", name="Horsens", since="2024-01-01", vote=1, **scope),
        api.change("board_member", "b1", name="Mette Holm", role="formand", vote=1,
                   since="2025-04-01", **scope),
        api.change("grant_rate", natural_id("grant_rate", "2027"), year=2027, per_pnr=10.0,
                   **scope),
        api.change("pnr_count", natural_id("pnr_count", "615/2027"), municipality_code="615",
                   year=2027, counted=4210, counted_on="2026-12-03", **scope),
        api.change("activity_grant", "g1", municipality_code="615", year=2027,
                   task="Temamøde", amount=2750.5, **scope),
    ]


def _stored(backend) -> int:
    marks = ", ".join("?" * len(TABLES))
    return count(backend, f"SELECT count(*) FROM row_state WHERE tbl IN ({marks})", TABLES)


def test_a_konsulent_may_not_write_association_rows(login, backend):
    anna = login("anna")
    results = anna.push(*_rows(anna))["results"]
    assert {r["status"] for r in results} == {"rejected"}
    assert {r["reason"] for r in results} == {"forbidden"}
    assert _stored(backend) == 0


def test_a_koordinator_writes_them_and_only_coordinators_pull_them(login, backend):
    kim = login("kim")
    results = kim.push(*_rows(kim))["results"]
    assert [r["status"] for r in results] == ["applied"] * len(TABLES)
    assert _stored(backend) == len(TABLES)
    anna = login("anna")
    anna.push(company(anna, "c1", municipality="615"))
    pulled = {item["table"] for item in anna.pull_all()}
    assert pulled == {"company"}  # her own municipality's company, nothing of the association
    assert {item["table"] for item in login("kim", "kim-desktop").pull_all()} >= set(TABLES)


def test_a_row_rule_refuses_a_bad_association_row(login, backend):
    kim = login("kim")
    [bad] = kim.push(kim.change("member", "m2", kind="forening", name="X",
                                since="2024-01-01", scope=ASSOCIATION_SCOPE))["results"]
    assert bad["status"] == "rejected"
    assert _stored(backend) == 0
