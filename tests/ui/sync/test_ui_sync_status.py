"""The sync status at the right of the status bar: offline, syncing with progress, synced at
HH:MM, error, and how many changes wait; the round runs in the background."""
from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressBar
from sync_scenarios import FailingTransport, GatedTransport, set_phone

from lokomotiv_desktop.server.app import create_app
from lokomotiv_desktop.ui.sync_ui import AUTO_SYNC_INTERVAL_MS, SyncState
from tests.sync.network import AppTransport, DownTransport


def _find(window):
    from lokomotiv_desktop.ui.widgets.sync_status import SyncStatusWidget

    return window.statusBar().findChild(SyncStatusWidget, "sync_status")


def test_not_logged_in_shows_offline_and_no_timer(sync_window):
    widget = _find(sync_window)
    assert widget.isVisible()
    assert widget.text.text() == "Offline"
    assert "Ikke logget ind" in widget.toolTip()
    assert not sync_window.sync.timer_active  # nothing to sync automatically
    assert not sync_window.sync.sync_now()  # and "Synkronisér nu" does nothing


def test_synced_at_shows_the_time_and_nothing_waits(logged_in, qtbot):
    widget = _find(logged_in)
    now = datetime.now().strftime("%H:%M")
    assert widget.text.text() in (f"Synkroniseret kl. {now}",  # a minute may turn over
                                  f"Synkroniseret kl. {datetime.now().strftime('%H:%M')}")
    assert logged_in.store.pending_changes() == 0
    assert not widget.pending.isVisible()
    assert logged_in.sync.timer_active  # the next automatic round is planned
    assert logged_in.sync.next_interval_ms == AUTO_SYNC_INTERVAL_MS


def test_pending_count_follows_saves(logged_in, qtbot, wait_idle):
    widget = _find(logged_in)
    set_phone(logged_in.store, "+4533333333")
    logged_in.data_changed.emit()  # what the editor does after a save
    qtbot.waitUntil(lambda: widget.pending.isVisible())
    assert widget.pending.text() == "· 1 venter"
    assert "1 ændring" in widget.pending.toolTip()


def test_syncing_shows_progress_and_the_window_stays_responsive(logged_in, server, qtbot):
    widget = _find(logged_in)
    for n in range(3):
        set_phone(logged_in.store, f"+455555555{n}", name="Vejle Maskinfabrik A/S")
    gate = GatedTransport(server.transport, "/pull")
    logged_in.sync.service.transport = gate
    finished = []
    logged_in.sync.finished.connect(finished.append)
    qtbot.keyClick(logged_in, "S", _ctrl_shift())  # Ctrl+Shift+S
    assert logged_in.sync.state is SyncState.SYNCING
    # While the pull waits on the server the GUI thread keeps running its event loop.
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    qtbot.waitUntil(lambda: gate.waiting.is_set() and "Sender" in widget.text.text())
    qtbot.waitUntil(lambda: len(ticks) >= 5)
    timer.stop()
    assert widget.text.text() == "Sender 3 af 3 …"
    bar = widget.findChild(QProgressBar, "sync_progress")
    assert bar.isVisible() and (bar.value(), bar.maximum()) == (3, 3)
    assert not finished
    gate.release()
    qtbot.waitUntil(lambda: bool(finished), timeout=10000)
    assert finished[0].ok and finished[0].pushed == 3
    assert widget.text.text().startswith("Synkroniseret kl.")
    assert not bar.isVisible()


def test_unreachable_server_is_offline_and_backs_off(logged_in, qtbot):
    widget = _find(logged_in)
    logged_in.sync.service.transport = DownTransport()
    with qtbot.waitSignal(logged_in.sync.finished, timeout=10000):
        logged_in.sync.sync_now()
    assert logged_in.sync.state is SyncState.OFFLINE
    assert widget.text.text() == "Offline"
    assert "Kan ikke få forbindelse til serveren" in widget.toolTip()
    assert logged_in.sync.next_interval_ms == 2 * AUTO_SYNC_INTERVAL_MS
    with qtbot.waitSignal(logged_in.sync.finished, timeout=10000):
        logged_in.sync.sync_now(automatic=True)
    assert logged_in.sync.next_interval_ms == 4 * AUTO_SYNC_INTERVAL_MS
    assert logged_in.sync.timer_active


def test_server_error_shows_fejl_with_the_danish_message(logged_in, server, qtbot):
    widget = _find(logged_in)
    logged_in.sync.service.transport = FailingTransport(server.transport, "/pull", 500,
                                                        "databasen er låst")
    with qtbot.waitSignal(logged_in.sync.finished, timeout=10000) as round_:
        logged_in.sync.sync_now()
    assert not round_.args[0].ok
    assert widget.text.text() == "Synkroniseringsfejl"
    assert "Serverfejl (HTTP 500)" in widget.toolTip()
    assert "databasen er låst" in widget.toolTip()


def test_too_old_client_stops_automatic_sync_and_says_update(logged_in, server, qtbot):
    widget = _find(logged_in)
    strict = AppTransport(create_app(server.backend, min_schema=10_000))
    try:
        logged_in.sync.service.transport = strict
        set_phone(logged_in.store, "+4544444444")
        with qtbot.waitSignal(logged_in.sync.finished, timeout=10000):
            logged_in.sync.sync_now()
    finally:
        strict.close()
    assert widget.text.text() == "Opdater Lokomotiv"
    assert "nyere version af Lokomotiv" in widget.toolTip()
    assert not logged_in.sync.auto_enabled and not logged_in.sync.timer_active
    assert not logged_in.sync.sync_now(automatic=True)
    assert logged_in.store.pending_changes() == 1  # the work stays, offline


def _ctrl_shift():
    from PySide6.QtCore import Qt

    return Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
