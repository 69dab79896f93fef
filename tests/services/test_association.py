"""The association's members and board (issue 13): municipalities are members with a vote,
organisations without; one sitting formand; the voting list has each voting member once."""
from __future__ import annotations

from datetime import date

import pytest

from lokomotiv_desktop.domain.validation import ValidationError
from lokomotiv_desktop.services import association as service
from lokomotiv_desktop.services.outreach import NotFoundError
from lokomotiv_desktop.sync.identity import natural_id

ON = date(2026, 12, 3)


def test_a_municipality_member_has_its_name_a_vote_and_a_derived_id(store):
    m = service.add_municipality_member(store, "615", "1.1.2024")
    assert (m["name"], m["kind"], m["vote"], m["since"]) == ("Horsens", "kommune", 1,
                                                             "2024-01-01")
    assert m["id"] == natural_id("member", "kommune:615")
    assert service.add_municipality_member(store, "Vejle", "2025-02-01")["municipality_code"] \
        == "630"
    with pytest.raises(ValidationError, match="Horsens Kommune er allerede medlem"):
        service.add_municipality_member(store, "615", "1.1.2025")
    with pytest.raises(NotFoundError, match="ingen kommune «999»"):
        service.add_municipality_member(store, "999", "1.1.2025")
    with pytest.raises(ValidationError, match="Medlem siden"):
        service.add_municipality_member(store, "101", "i går")
    assert store.db.execute("SELECT count(*) FROM member").fetchone()[0] == 2


def test_an_organisation_is_a_member_without_a_vote(store):
    m = service.add_organisation_member(store, " DI ", "1.3.2024")
    assert (m["name"], m["kind"], m["vote"]) == ("DI", "organisation", 0)
    with pytest.raises(ValidationError, match="«DI» er allerede medlem"):
        service.add_organisation_member(store, "di", "1.3.2025")
    with pytest.raises(ValidationError, match="skal have et navn"):
        service.add_organisation_member(store, "", "1.3.2025")


def test_a_membership_ends_and_the_municipality_may_join_again(store):
    service.add_municipality_member(store, "615", "1.1.2024")
    with pytest.raises(ValidationError, match="før det begyndte"):
        service.end_membership(store, municipality="615", until="31.12.2023")
    ended = service.end_membership(store, municipality="615", until="31.12.2025")
    assert ended["until"] == "2025-12-31"
    assert [m["active"] for m in service.members(store, ON)] == [False]
    assert service.municipality_members_in(store, 2025)[0]["name"] == "Horsens"
    assert service.municipality_members_in(store, 2026) == []
    again = service.add_municipality_member(store, "615", "1.1.2027")
    assert again["until"] is None and again["id"] == ended["id"]
    with pytest.raises(NotFoundError, match="ikke medlem"):
        service.end_membership(store, organisation="FH", until="1.1.2027")


def test_the_board_has_at_most_one_sitting_formand(store):
    service.add_board_member(store, "Mette Holm", "formand", since="1.4.2025")
    service.add_board_member(store, "Jens Berg", "medlem", since="1.4.2025")
    service.add_board_member(store, "Ali Khan", "medlem", vote=False, since="1.4.2025")
    with pytest.raises(ValidationError, match="allerede en formand: Mette Holm"):
        service.add_board_member(store, "Jens Berg", "formand", since="1.5.2025")
    with pytest.raises(ValidationError, match="formand eller medlem"):
        service.add_board_member(store, "Sara", "kasserer")
    with pytest.raises(ValidationError, match="har stemmeret"):
        service.add_board_member(store, "Sara", "formand", vote=False)
    with pytest.raises(ValidationError, match="sidder allerede"):
        service.add_board_member(store, "jens berg", "medlem", since="1.5.2025")
    # The chair's seat ends the day the assembly elects the next one.
    service.end_board_member(store, "Mette Holm", "20.4.2026")
    new = service.add_board_member(store, "Jens Hansen", "formand", since="20.4.2026")
    sitting = [(b["name"], b["role"], b["vote"]) for b in service.board(store, ON)
               if b["active"]]
    assert sitting == [("Jens Hansen", "formand", True), ("Ali Khan", "medlem", False),
                       ("Jens Berg", "medlem", True)]
    assert new["active"]


def test_the_voting_list_has_each_voting_member_once(store):
    service.add_municipality_member(store, "615", "1.1.2024")
    service.add_municipality_member(store, "630", "1.1.2024")
    service.add_municipality_member(store, "751", "1.1.2024")
    service.end_membership(store, municipality="751", until="1.6.2026")
    service.add_organisation_member(store, "3F", "1.1.2024")
    # A second row for Vejle, as a sync from an older laptop could leave it.
    with store.transaction():
        store.changes.insert("member", {"kind": "kommune", "municipality_code": "630",
                                        "name": "Vejle", "since": "2024-01-01", "vote": 1,
                                        "scope": "forening"})
    found = service.voting_list(store, "3.12.2026")
    assert found["date"] == "2026-12-03"
    assert [(v["name"], v["code"]) for v in found["voters"]] == [("Horsens", "615"),
                                                                 ("Vejle", "630")]
