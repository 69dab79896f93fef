"""The login dialog: validation as you type, Danish errors, the token in a private file
(never the user's keyring), and "Log ud" forgetting it."""
from __future__ import annotations

import stat

from PySide6.QtWidgets import QMessageBox

from lokomotiv_desktop.ui.dialogs.login_dialog import LoginDialog, normalised_address
from tests.sync.harness import PASSWORD
from tests.sync.network import BASE_URL, DownTransport


def open_dialog(window, qtbot) -> LoginDialog:
    page = window.show_page("sync")
    page.open_login()
    dialog = page.login_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def fill(qtbot, dialog, address, user, password) -> None:
    for field, text in ((dialog.address, address), (dialog.user, user),
                        (dialog.password, password)):
        field.clear()
        qtbot.keyClicks(field, text)


def test_addresses_are_normalised_or_refused():
    assert normalised_address("sync.example.dk") == "https://sync.example.dk"
    assert normalised_address(" http://localhost:8765/ ") == "http://localhost:8765"
    for bad in ("", "ftp://x.dk", "https://", "sync example.dk", "http://x.dk:port"):
        assert normalised_address(bad) is None, bad


def test_login_button_waits_for_valid_input(sync_window, qtbot):
    dialog = open_dialog(sync_window, qtbot)
    assert not dialog.login_button.isEnabled()
    fill(qtbot, dialog, "https://", "anna", "x")
    assert not dialog.login_button.isEnabled()
    assert dialog.address_error.isVisible()
    assert dialog.address_error.text().startswith("Det er ikke en serveradresse")
    fill(qtbot, dialog, "https://sync.example.dk", "anna", "")
    assert not dialog.address_error.isVisible() and not dialog.login_button.isEnabled()
    qtbot.keyClicks(dialog.password, "x")
    assert dialog.login_button.isEnabled()
    dialog.reject()


def test_http_to_another_machine_is_refused_in_danish(sync_window, qtbot):
    dialog = open_dialog(sync_window, qtbot)
    fill(qtbot, dialog, "http://sync.example.dk", "anna", "x")
    assert not dialog.login_button.isEnabled()
    assert dialog.note.isVisible() and "ikke krypteret" in dialog.note.text()
    dialog.submit()  # Enter in a field: refused as well
    assert not dialog.busy
    for local in ("http://localhost:8765", "http://127.0.0.2:8765", "http://[::1]:8765"):
        fill(qtbot, dialog, local, "anna", "x")
        assert dialog.login_button.isEnabled() and not dialog.note.isVisible(), local
    fill(qtbot, dialog, "https://sync.example.dk", "anna", "x")
    assert dialog.login_button.isEnabled()
    dialog.reject()


def test_wrong_password_says_so_and_stores_nothing(sync_window, qtbot, wait_idle):
    dialog = open_dialog(sync_window, qtbot)
    fill(qtbot, dialog, BASE_URL, "anna", "forkert")
    dialog.login_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10000)
    assert dialog.error.text() == "Forkert brugernavn eller adgangskode."
    assert dialog.isVisible() and dialog.password.hasFocus()
    wait_idle()
    assert not sync_window.sync.logged_in
    assert sync_window.sync.service.tokens.get(BASE_URL) is None
    dialog.reject()


def test_unreachable_server_is_named_in_the_message(sync_window, qtbot):
    sync_window.sync.service.transport = DownTransport()
    dialog = open_dialog(sync_window, qtbot)
    fill(qtbot, dialog, "sync.example.dk", "anna", PASSWORD)
    dialog.login_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10000)
    assert dialog.error.text() == ("Kan ikke få forbindelse til serveren "
                                   "https://sync.example.dk. Tjek adressen, og at du er på "
                                   "nettet.")
    dialog.reject()


def test_login_keeps_the_token_privately_and_logout_forgets_it(sync_window, qtbot, wait_idle):
    controller = sync_window.sync
    dialog = open_dialog(sync_window, qtbot)
    fill(qtbot, dialog, BASE_URL, "anna", PASSWORD)
    with qtbot.waitSignal(controller.finished, timeout=10000):  # a sync follows the login
        dialog.login_button.click()
    assert not dialog.isVisible()
    assert controller.logged_in and controller.status.user == "anna"
    token_file = controller.service.tokens.fallback_file
    assert controller.service.tokens.get(BASE_URL)
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    page = sync_window.show_page("sync")
    assert "Logget ind som <b>anna</b> (konsulent)" in page.account.text()

    page.confirm_logout()
    box = page.logout_box
    qtbot.waitUntil(box.isVisible)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not controller.logged_in, timeout=10000)
    wait_idle()
    assert controller.service.tokens.get(BASE_URL) is None
    assert not token_file.exists()
    assert page.account.text().startswith("Ikke logget ind")
    assert not controller.timer_active
