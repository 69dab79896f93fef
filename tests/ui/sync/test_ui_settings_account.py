"""Indstillinger → Mig shows the server and account once logged in, and logs out from there."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.sync.network import BASE_URL


def test_my_account_and_log_out(logged_in, qtbot, wait_idle):
    page = logged_in.show_page("settings")
    assert page.server.text() == BASE_URL
    assert page.account.text().startswith("anna")
    assert page.logout_button.isVisible() and not page.login_button.isVisible()
    qtbot.mouseClick(page.logout_button, Qt.MouseButton.LeftButton)
    box = logged_in.page("sync").logout_box
    qtbot.waitUntil(box.isVisible)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.server.text() == "Ikke logget ind")
    assert page.login_button.isVisible() and not page.logout_button.isVisible()
