"""Synkronisér nu while logged out says how to log in."""
from __future__ import annotations

from PySide6.QtCore import Qt


def test_sync_now_logged_out_says_how_to_log_in(sync_window, qtbot):
    window = sync_window
    assert not window.sync.logged_in
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.statusBar().currentMessage() == (
        "Ikke synkroniseret: du er ikke logget ind. Vælg Synkronisering → Log ind på server … "
        "for at logge ind.")
