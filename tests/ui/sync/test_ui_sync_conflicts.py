"""The "Synkronisering" page: the conflict inbox with "Behold min" / "Behold deres", the
last runs, and the models under both tables (checked with qtmodeltester)."""
from __future__ import annotations

import pytest
from sync_scenarios import COMPANY, make_conflict, phone_of

from lokomotiv_desktop.store import conflict_inbox
from lokomotiv_desktop.ui.models.conflicts_model import (
    COL_FIELD,
    COL_MINE,
    COL_RECORD,
    COL_THEIRS,
    COL_WHO,
    ConflictsModel,
)
from lokomotiv_desktop.ui.models.sync_runs_model import (
    COL_PULLED,
    COL_PUSHED,
    COL_RESULT,
    SyncRunsModel,
)

MINE, THEIRS = "+4511111111", "+4522222222"


@pytest.fixture
def conflict_page(logged_in, server, tmp_path, qtbot):
    other = make_conflict(logged_in, server, tmp_path, qtbot, MINE, THEIRS)
    page = logged_in.show_page("sync")
    qtbot.waitUntil(lambda: page.conflicts.rowCount() == 1)
    yield page
    other.close()


def cell(model, column, row=0):
    return model.index(row, column).data()


def test_the_inbox_shows_record_field_both_values_and_who(conflict_page, logged_in):
    model = conflict_page.conflicts
    assert cell(model, COL_RECORD) == f"Virksomhed: {COMPANY}"
    assert cell(model, COL_FIELD) == "Telefon"
    assert (cell(model, COL_MINE), cell(model, COL_THEIRS)) == (MINE, THEIRS)
    assert cell(model, COL_WHO) == "bo"
    assert conflict_page.conflicts_heading.text() == "Konflikter (1)"
    assert phone_of(logged_in.store) == THEIRS  # bo's later edit won the merge


def test_keep_mine_makes_mine_win_and_queues_a_change(conflict_page, logged_in, qtbot):
    store = logged_in.store
    assert store.pending_changes() == 0
    with qtbot.waitSignal(logged_in.data_changed, timeout=5000):
        conflict_page.keep_mine.click()
    qtbot.waitUntil(lambda: conflict_page.conflicts.rowCount() == 0)
    assert phone_of(store) == MINE
    assert store.pending_changes() == 1  # sent at the next sync, so mine wins everywhere
    assert conflict_inbox.open_count(store) == 0
    assert conflict_page.conflicts_empty.isVisible()


def test_keep_mine_reaches_the_other_laptop(conflict_page, logged_in, server, qtbot, tmp_path):
    with qtbot.waitSignal(logged_in.data_changed, timeout=5000):
        conflict_page.keep_mine.click()
    with qtbot.waitSignal(logged_in.sync.finished, timeout=10000) as round_:
        logged_in.sync.sync_now()
    assert round_.args[0].ok and round_.args[0].pushed == 1
    from sync_scenarios import OtherLaptop

    again = OtherLaptop(server, tmp_path / "bo2.db")
    try:
        again.sync()
        assert phone_of(again.store) == MINE
    finally:
        again.close()


def test_keep_theirs_resolves_without_a_new_change(conflict_page, logged_in, qtbot):
    store = logged_in.store
    with qtbot.waitSignal(logged_in.data_changed, timeout=5000):
        conflict_page.keep_theirs.click()
    qtbot.waitUntil(lambda: conflict_page.conflicts.rowCount() == 0)
    assert phone_of(store) == THEIRS
    assert store.pending_changes() == 0
    assert conflict_inbox.open_count(store) == 0


def test_runs_are_listed_with_counts_and_errors_in_danish(conflict_page):
    runs = conflict_page.runs
    assert runs.rowCount() >= 2  # the first sync after login and the conflicting one
    newest = 0
    assert cell(runs, COL_RESULT, newest) == "OK"
    assert cell(runs, COL_PUSHED, newest) == "1"
    first = runs.rowCount() - 1
    assert int(cell(runs, COL_PUSHED, first)) > 0 and cell(runs, COL_PULLED, first) == "0"
    runs.set_runs([{"started": "2026-01-05T08:00:00+00:00", "finished": None, "pushed": 0,
                    "pulled": 0, "conflicts": 0, "error": "Serverfejl (HTTP 500)."}])
    assert cell(runs, COL_RESULT) == "Serverfejl (HTTP 500)."


def test_a_refused_change_can_only_be_acknowledged(logged_in, qtbot):
    store = logged_in.store
    page = logged_in.show_page("sync")
    with store.transaction():
        conflict_inbox.record_rejection(store, "c1", "company", "row1", {"phone": "1"},
                                        "scope", "Uden for dine kommuner.")
    page.refresh()
    qtbot.waitUntil(lambda: page.conflicts.rowCount() == 1)
    assert cell(page.conflicts, COL_FIELD) == "(hele ændringen)"
    assert cell(page.conflicts, COL_THEIRS) == "Uden for dine kommuner."
    assert cell(page.conflicts, COL_WHO) == "Serveren"
    assert not page.keep_mine.isEnabled() and page.keep_theirs.isEnabled()
    page.keep_theirs.click()
    qtbot.waitUntil(lambda: page.conflicts.rowCount() == 0)


def test_conflicts_model_passes_qtmodeltester(qtmodeltester, conflict_page):
    model = ConflictsModel()
    model.set_conflicts(conflict_page.controller.service.conflicts())
    assert model.rowCount() == 1
    qtmodeltester.check(model)
    qtmodeltester.check(ConflictsModel())  # empty too


def test_runs_model_passes_qtmodeltester(qtmodeltester, conflict_page):
    model = SyncRunsModel()
    model.set_runs(conflict_page.controller.service.recent_runs())
    assert model.rowCount() >= 2
    qtmodeltester.check(model)
    qtmodeltester.check(SyncRunsModel())


