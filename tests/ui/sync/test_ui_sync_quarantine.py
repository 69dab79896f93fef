"""A sync round in the window that pulls a row this computer cannot store still succeeds,
and the Synkronisering page lists the row."""
from __future__ import annotations

from lokomotiv_desktop.sync.identity import natural_id
from lokomotiv_desktop.ui.models.quarantine_model import COL_REASON, COL_RECORD
from lokomotiv_desktop.ui.sync_ui import SyncState
from tests.cvrs import valid_cvr
from tests.sync.test_quarantine_sync import put_on_server

CVR = valid_cvr(6_000_001)


def test_a_round_past_a_row_it_cannot_store_succeeds_and_the_page_lists_it(
        logged_in, server, qtbot, wait_idle):
    page = logged_in.show_page("sync")
    put_on_server(server, "company", natural_id("company", CVR),
                  {"cvr": CVR, "name": "Gammel Server ApS", "municipality_code": "615",
                   "phase": 99})
    with qtbot.waitSignal(logged_in.sync.finished, timeout=10000) as round_:
        assert logged_in.sync.sync_now()
    report = round_.args[0]
    assert report.ok and report.quarantined == 1, report
    assert logged_in.sync.state is SyncState.SYNCED
    panel = page.quarantine_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    wait_idle()
    assert not panel.isHidden()
    assert panel.model.index(0, COL_RECORD).data() == "Gammel Server ApS"
    assert panel.model.index(0, COL_REASON).data() == "Fase: skal ligge mellem 1 og 5."
    # The next round pulls nothing new and still succeeds; the row stays listed.
    with qtbot.waitSignal(logged_in.sync.finished, timeout=10000) as again:
        assert logged_in.sync.sync_now()
    assert again.args[0].ok and again.args[0].quarantined == 0
    wait_idle()
    assert panel.model.rowCount() == 1
