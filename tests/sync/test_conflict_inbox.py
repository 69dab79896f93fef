"""The conflict inbox: recording, listing and resolving "behold min" / "behold deres"."""
from __future__ import annotations

import json

import pytest

from lokomotiv_desktop.store import conflict_inbox as inbox
from lokomotiv_desktop.store.sync_apply import apply_remote_rows, erase_local
from lokomotiv_desktop.sync.clocks import field_stamp
from lokomotiv_desktop.sync.hlc import make_stamp, wall_ms

# A remote clock a minute ahead of this one (further ahead, the server refuses its stamps
# and this laptop's clock does not follow them: sync/hlc.py MAX_CLOCK_AHEAD_MS); set per
# test, since a long run would leave an import-time value behind the clock.
FAR = 0


@pytest.fixture(autouse=True)
def _far_ahead(monkeypatch):
    monkeypatch.setitem(globals(), "FAR", wall_ms() + 60_000)


def remote(ms: int) -> str:
    return make_stamp(ms, 0, "other")


@pytest.fixture
def company(store):
    with store.transaction():
        return store.changes.insert("company", {"cvr": "12345674", "name": "Min", "city": "Vejle"})


def field_state(store, row_id, field="name"):
    row = store.db.execute(f"SELECT {field}, clocks FROM company WHERE id = ?",
                           [row_id]).fetchone()
    return row[0], field_stamp(json.loads(row[1]), field)


def outbox_values(store):
    return [json.loads(r[0]) for r in store.db.execute("SELECT fields FROM outbox ORDER BY seq")]


def record(store, row_id, mine, theirs, mine_stamp, theirs_stamp):
    with store.transaction():
        return inbox.record_conflict(store, "company", row_id, "name", mine=mine, theirs=theirs,
                                     mine_stamp=mine_stamp, theirs_stamp=theirs_stamp,
                                     theirs_by="bente")


def test_recording_is_idempotent_and_listing_shows_both_values(store, company):
    mine_stamp = field_state(store, company)[1]
    assert record(store, company, "Min", "Deres", mine_stamp, remote(FAR))
    assert not record(store, company, "Min", "Deres", mine_stamp, remote(FAR))
    [c] = inbox.list_conflicts(store)
    assert (c.mine, c.theirs, c.theirs_by, c.label) == ("Min", "Deres", "bente", "Min")
    assert inbox.open_count(store) == 1


def test_keep_mine_when_theirs_won_writes_mine_again_with_a_newer_stamp(store, company):
    mine_stamp = field_state(store, company)[1]
    apply_remote_rows(store, [{"kind": "row", "table": "company", "row_id": company,
                               "values": {"name": "Deres"}, "clocks": {"name": remote(FAR)}}])
    record(store, company, "Min", "Deres", mine_stamp, remote(FAR))
    assert inbox.resolve(store, inbox.list_conflicts(store)[0].id, "mine")
    value, stamp = field_state(store, company)
    assert value == "Min" and stamp > remote(FAR)
    assert outbox_values(store)[-1] == {"name": "Min"}
    assert inbox.open_count(store) == 0


def test_keep_mine_before_theirs_was_pulled_still_ends_with_mine(store, company):
    mine_stamp = field_state(store, company)[1]
    record(store, company, "Min", "Deres", mine_stamp, remote(FAR))
    assert inbox.resolve(store, inbox.list_conflicts(store)[0].id, "mine")
    value, stamp = field_state(store, company)
    assert value == "Min" and stamp > remote(FAR)
    # The write's base is their stamp: the server sees an ordinary, informed edit.
    base = json.loads(store.db.execute(
        "SELECT base FROM outbox ORDER BY seq DESC LIMIT 1").fetchone()[0])
    assert base == {"name": remote(FAR)}


def test_keep_mine_when_mine_already_wins_writes_nothing(store, company):
    mine_stamp = field_state(store, company)[1]
    pending = store.pending_changes()
    record(store, company, "Min", "Deres", mine_stamp, remote(1))
    assert not inbox.resolve(store, inbox.list_conflicts(store)[0].id, "mine")
    assert store.pending_changes() == pending
    assert inbox.open_count(store) == 0


def test_keep_theirs_when_mine_wins_writes_theirs(store, company):
    mine_stamp = field_state(store, company)[1]
    record(store, company, "Min", "Deres", mine_stamp, remote(1))
    assert inbox.resolve(store, inbox.list_conflicts(store)[0].id, "theirs")
    assert field_state(store, company)[0] == "Deres"
    assert outbox_values(store)[-1] == {"name": "Deres"}


def test_keep_theirs_when_theirs_wins_only_marks_resolved(store, company):
    mine_stamp = field_state(store, company)[1]
    pending = store.pending_changes()
    record(store, company, "Min", "Deres", mine_stamp, remote(FAR))
    assert not inbox.resolve(store, inbox.list_conflicts(store)[0].id, "theirs")
    assert store.pending_changes() == pending
    assert inbox.list_conflicts(store) == []
    assert inbox.list_conflicts(store, include_resolved=True)[0].resolved


def test_rejected_change_is_kept_and_an_erased_ones_data_is_not(store, company):
    with store.transaction():
        inbox.record_rejection(store, "ch1", "company", company, {"name": "X"}, "scope",
                               "Uden for dine kommuner")
        inbox.record_rejection(store, "ch2", "contact", "k1", {"name": "Hanne"}, "erased",
                               "Slettet efter GDPR")
    scope, erased = inbox.list_conflicts(store)
    assert scope.rejected and scope.mine == {"name": "X"} and scope.theirs_by == "scope"
    assert erased.mine is None and "Hanne" not in json.dumps(erased.theirs)
    assert not inbox.resolve(store, scope.id, "mine")  # nothing to write: just dismissed
    assert inbox.open_count(store) == 1


def test_erasure_removes_the_rows_conflicts_and_says_what_was_dropped(store, company):
    record(store, company, "Min", "Deres", "a", "b")
    erase_local(store, "company", company)  # its insert had not been sent yet
    [left] = inbox.list_conflicts(store, include_resolved=True)
    # Only that a change was dropped, content-free, and it can be dismissed.
    assert (left.rejected, left.mine, left.label) == (True, None, "slettet efter GDPR")
    assert "Min" not in json.dumps([left.theirs, left.label])
    inbox.resolve(store, left.id, "theirs")
    assert inbox.open_count(store) == 0


def test_unknown_conflict_and_bad_choice_are_refused(store, company):
    with pytest.raises(LookupError):
        inbox.resolve(store, 999, "mine")
    record(store, company, "Min", "Deres", "a", "b")
    with pytest.raises(ValueError):
        inbox.resolve(store, inbox.list_conflicts(store)[0].id, "both")
    assert inbox.open_count(store) == 1


def test_a_conflict_on_a_companys_row_names_the_row_and_the_company(store, company):
    with store.transaction():
        contact = store.changes.insert("contact", {"company_id": company, "name": "Søren Kjær"})
        visit = store.changes.insert("visit", {"company_id": company, "date": "2026-12-01",
                                               "kind": "besøg", "consultant": "Anne"})
    labels = {}
    for table, row_id in (("contact", contact), ("visit", visit)):
        with store.transaction():
            inbox.record_conflict(store, table, row_id, "notes" if table == "visit" else "name",
                                  mine="a", theirs="b", mine_stamp=remote(1),
                                  theirs_stamp=remote(FAR), theirs_by="bente")
    for conflict in inbox.list_conflicts(store):
        labels[conflict.table] = conflict.label
    assert labels == {"contact": "Søren Kjær – Min", "visit": "01.12.2026 – Min"}
    erase_local(store, "contact", contact)
    # An erased person leaves no name behind: only that something was dropped.
    assert {c.label for c in inbox.list_conflicts(store) if c.table == "contact"} == {
        "slettet efter GDPR"}
