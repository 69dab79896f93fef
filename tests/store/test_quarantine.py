"""Pulled rows this store cannot hold go to the quarantine; the rest of the page lands."""
from __future__ import annotations

import json
import logging

import pytest

from lokomotiv_desktop.store import quarantine, sync_apply
from lokomotiv_desktop.store.companies import CompanyRepository
from lokomotiv_desktop.store.sync_apply import apply_remote_rows, erase_local, evict_local
from lokomotiv_desktop.sync.hlc import make_stamp, wall_ms
from lokomotiv_desktop.sync.identity import natural_id

GOOD_CVR, BAD_CVR, OTHER_CVR, FOURTH_CVR = "31000009", "31000076", "31000149", "31000211"
GOOD_ID = natural_id("company", GOOD_CVR)


def stamp(ms: int) -> str:
    return make_stamp(1_790_000_000_000 + ms, 0, "remote")


def row(table, row_id, values, ms=1):
    return {"kind": "row", "table": table, "row_id": row_id, "values": values,
            "clocks": {f: stamp(ms) for f in values}}


def company(cvr, ms=1, **values):
    values = {"cvr": cvr, "name": f"Firma {cvr}", "municipality_code": "615", **values}
    return row("company", natural_id("company", cvr), values, ms)


def count(store, table) -> int:
    return store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def entries(store) -> dict[tuple[str, str], dict[str, str]]:
    return {(q.table, q.row_id): q.reasons for q in quarantine.list_rows(store)}


@pytest.fixture
def bad_page():
    """A page as an older server could send it: good rows between bad ones."""
    return [
        company(GOOD_CVR),
        row("company", natural_id("company", BAD_CVR), {"municipality_code": "615"}),
        company(OTHER_CVR, phase=99),
        company(FOURTH_CVR, phase="abc"),
        row("contact", "k-good", {"company_id": GOOD_ID, "name": "Mette Madsen"}),
        row("contact", "k-bad", {"company_id": GOOD_ID, "name": "", "phone": "75123456"}),
    ]


def test_bad_rows_are_quarantined_and_the_good_ones_land(store, bad_page):
    result = apply_remote_rows(store, bad_page)
    assert (result.changed, result.quarantined) == (2, 4)
    repository = CompanyRepository(store)
    good = repository.get(GOOD_ID)
    assert good.name == f"Firma {GOOD_CVR}"
    assert [c.name for c in good.contacts] == ["Mette Madsen"]
    assert [c.id for c in repository.search("firma")] == [GOOD_ID]  # search does not crash
    assert count(store, "company") == 1 and count(store, "contact") == 1
    found = entries(store)
    assert set(found) == {
        ("company", natural_id("company", BAD_CVR)), ("company", natural_id("company", OTHER_CVR)),
        ("company", natural_id("company", FOURTH_CVR)), ("contact", "k-bad")}
    assert {"cvr", "name"} <= set(found[("company", natural_id("company", BAD_CVR))])
    assert "phase" in found[("company", natural_id("company", OTHER_CVR))]
    assert "phase" in found[("company", natural_id("company", FOURTH_CVR))]
    assert "name" in found[("contact", "k-bad")]
    assert all(isinstance(m, str) and m for r in found.values() for m in r.values())
    assert store.pending_changes() == 0  # nothing of this goes back to the server


def test_the_page_and_its_cursor_are_committed_together(store, bad_page):
    with store.transaction():  # as sync/client.py applies a page
        apply_remote_rows(store, bad_page)
        store.set_state("cursor", "42")
    assert store.get_state("cursor") == "42"
    assert count(store, "quarantine") == 4


def test_entry_keeps_the_pulled_values_and_clocks(store, bad_page):
    apply_remote_rows(store, bad_page)
    vals, clocks = store.db.execute(
        "SELECT vals, clocks FROM quarantine WHERE row_id = ?",
        [natural_id("company", OTHER_CVR)]).fetchone()
    assert json.loads(vals)["phase"] == 99
    assert json.loads(clocks)["phase"] == stamp(1)


def test_a_valid_later_version_is_applied_and_leaves_the_quarantine(store, bad_page):
    apply_remote_rows(store, bad_page)
    result = apply_remote_rows(store, [company(OTHER_CVR, ms=5, phase=3),
                                       company(BAD_CVR, ms=5)])
    assert (result.changed, result.quarantined) == (2, 0)
    assert CompanyRepository(store).get(natural_id("company", OTHER_CVR)).phase == 3
    assert ("company", natural_id("company", OTHER_CVR)) not in entries(store)
    assert ("company", natural_id("company", BAD_CVR)) not in entries(store)
    assert len(entries(store)) == 2


def test_a_bad_version_again_replaces_the_entry_without_doubling_it(store, bad_page):
    apply_remote_rows(store, bad_page)
    apply_remote_rows(store, [company(OTHER_CVR, ms=7, phase=98)])
    assert count(store, "quarantine") == 4
    vals = store.db.execute("SELECT vals FROM quarantine WHERE row_id = ?",
                            [natural_id("company", OTHER_CVR)]).fetchone()[0]
    assert json.loads(vals)["phase"] == 98


def test_a_bad_update_brings_its_valid_fields_and_keeps_back_the_refused_one(store):
    apply_remote_rows(store, [company(GOOD_CVR, phase=2)])
    result = apply_remote_rows(store, [company(GOOD_CVR, ms=9, phase=99, city="Vejle")])
    assert (result.changed, result.quarantined) == (1, 1)
    stored = CompanyRepository(store).get(GOOD_ID)
    assert (stored.phase, stored.city) == (2, "Vejle")
    assert set(entries(store)[("company", GOOD_ID)]) == {"phase"}
    apply_remote_rows(store, [])  # a round with nothing new keeps the entry
    assert ("company", GOOD_ID) in entries(store)


def test_a_local_write_of_the_refused_field_retires_the_entry(store):
    apply_remote_rows(store, [company(GOOD_CVR, phase=2)])
    apply_remote_rows(store, [company(GOOD_CVR, ms=9, phase=99)])
    with store.transaction():
        CompanyRepository(store).update(GOOD_ID, {"phase": 3})
    apply_remote_rows(store, [])  # the next round's pull, with nothing new
    assert entries(store) == {}
    assert CompanyRepository(store).get(GOOD_ID).phase == 3


def test_a_value_the_store_had_before_does_not_hold_back_an_update(store):
    apply_remote_rows(store, [company(GOOD_CVR)])
    # A store from before the quarantine may hold a value the rules refuse now.
    store.db.execute("UPDATE company SET phase = 99 WHERE id = ?", [GOOD_ID])
    result = apply_remote_rows(store, [company(GOOD_CVR, ms=9, city="Vejle")])
    assert (result.changed, result.quarantined) == (1, 0)


def test_child_of_a_quarantined_parent_is_kept_and_shows_once_the_parent_is_fixed(store):
    parent = natural_id("company", OTHER_CVR)
    result = apply_remote_rows(store, [
        company(OTHER_CVR, phase=99),
        row("contact", "k1", {"company_id": parent, "name": "Ole Olsen"}),
        row("production_unit", natural_id("production_unit", "1012345678"),
            {"company_id": parent, "pnr": "1012345678"}),
    ])
    # Rows may arrive before their parent in any case: the child itself is fine.
    assert (result.changed, result.quarantined) == (2, 1)
    apply_remote_rows(store, [company(OTHER_CVR, ms=5, phase=2)])
    fixed = CompanyRepository(store).get(parent)
    assert [c.name for c in fixed.contacts] == ["Ole Olsen"]
    assert [u.pnr for u in fixed.production_units] == ["1012345678"]
    assert entries(store) == {}


def test_a_row_the_database_refuses_is_quarantined_even_when_the_rules_miss_it(
        store, monkeypatch):
    monkeypatch.setattr(sync_apply, "_problems", lambda *a, **k: {})
    result = apply_remote_rows(store, [
        company(GOOD_CVR),
        row("company", "no-cvr", {"name": "Uden CVR"}),  # NOT NULL
        company(OTHER_CVR),
        row("production_unit", "huge", {"company_id": GOOD_ID, "pnr": "1012345678",
                                        "employees": 2 ** 64}),  # too big for SQLite
        row("production_unit", "fine", {"company_id": GOOD_ID, "pnr": "1012345679"}),
    ])
    assert (result.changed, result.quarantined) == (3, 2)
    assert {r[0] for r in store.db.execute("SELECT id FROM company")} == {
        GOOD_ID, natural_id("company", OTHER_CVR)}
    assert [r[0] for r in store.db.execute("SELECT id FROM production_unit")] == ["fine"]
    found = entries(store)
    assert "cvr" in found[("company", "no-cvr")]
    assert set(found) == {("company", "no-cvr"), ("production_unit", "huge")}


def test_a_failed_update_is_quarantined_and_the_other_updates_land(store, monkeypatch):
    apply_remote_rows(store, [company(GOOD_CVR), company(OTHER_CVR)])
    monkeypatch.setattr(sync_apply, "_problems", lambda *a, **k: {})
    result = apply_remote_rows(store, [company(GOOD_CVR, ms=3, name=None),
                                       company(OTHER_CVR, ms=3, city="Vejle")])
    assert (result.changed, result.quarantined) == (1, 1)
    repository = CompanyRepository(store)
    assert repository.get(GOOD_ID).name == f"Firma {GOOD_CVR}"
    assert repository.get(natural_id("company", OTHER_CVR)).city == "Vejle"
    assert set(entries(store)) == {("company", GOOD_ID)}


def test_erasing_a_row_removes_its_entry(store, bad_page):
    apply_remote_rows(store, bad_page)
    apply_remote_rows(store, [{"kind": "erase", "table": "contact", "row_id": "k-bad"}])
    assert ("contact", "k-bad") not in entries(store)
    assert "75123456" not in json.dumps(store.db.execute("SELECT * FROM quarantine").fetchall())


def test_erasing_a_company_removes_entries_of_its_personal_rows(store, bad_page):
    apply_remote_rows(store, bad_page)
    erase_local(store, "company", GOOD_ID)
    assert ("contact", "k-bad") not in entries(store)
    assert len(entries(store)) == 3  # the other companies' entries stay
    # and the erased contact never comes back
    apply_remote_rows(store, [row("contact", "k-bad", {"company_id": GOOD_ID, "name": "X"}, 9)])
    assert count(store, "contact") == 0


def test_evicting_a_company_removes_entries_under_it(store, bad_page):
    apply_remote_rows(store, bad_page)
    evict_local(store, "company", GOOD_ID)
    assert ("contact", "k-bad") not in entries(store)


def test_the_list_names_the_row_and_its_company_but_no_contact_details(store, bad_page):
    apply_remote_rows(store, bad_page)
    apply_remote_rows(store, [row("contact", "k2", {"company_id": GOOD_ID, "name": "Eva",
                                                     "email": "ikke en adresse"}, 3)])
    labels = {(q.table, q.row_id): q.label for q in quarantine.list_rows(store)}
    assert labels[("company", natural_id("company", OTHER_CVR))] == f"Firma {OTHER_CVR}"
    assert labels[("company", natural_id("company", BAD_CVR))] == natural_id("company", BAD_CVR)
    assert labels[("contact", "k-bad")] == f"(uden navn) – Firma {GOOD_CVR}"
    assert quarantine.count(store) == len(labels)
    for entry in quarantine.list_rows(store):
        assert "75123456" not in entry.label


def test_a_stamp_far_in_the_future_is_logged(store, caplog):
    future = make_stamp(wall_ms() + 10 ** 9, 0, "remote")
    item = company(GOOD_CVR)
    item["clocks"] = {f: future for f in item["values"]}
    with caplog.at_level(logging.WARNING, logger="lokomotiv_desktop.store.sync_apply"):
        apply_remote_rows(store, [item])
    assert any(future in r.getMessage() for r in caplog.records)
    assert store.clock.now() < future


def test_the_pull_checks_a_new_row_exactly_as_the_domain_rules_do(bad_page):
    from lokomotiv_desktop.domain.row_rules import row_problems

    for item in [*bad_page, company(GOOD_CVR, phone="1", email="x", phase=2.0, deleted=True)]:
        values = item["values"]
        assert sync_apply._problems(item["table"], values, values, new=True) == \
            row_problems(item["table"], values, complete=True)
