"""Log in to lokomotiv-server: server address, user name, password. The login runs in the
background; what went wrong is said in Danish under the fields."""
from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ...services.sync import SyncStatus
from ...sync.transport import unencrypted_remote
from ..widgets.error_label import ErrorLabel


def normalised_address(text: str) -> str | None:
    """The server URL for what was typed ("sync.example.dk" means https), or None when it
    cannot be an address."""
    text = text.strip()
    if not text or any(ch.isspace() for ch in text):
        return None
    if "://" not in text:
        text = "https://" + text
    text = text.rstrip("/")
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return text


class LoginDialog(QDialog):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self.setWindowTitle(self.tr("Log in to the sync server"))
        self._controller = controller
        self.busy = False
        status: SyncStatus | None = controller.status
        self.address = QLineEdit(status.server_url if status and status.server_url else "")
        self.address.setPlaceholderText("https://lokomotiv.example.dk")
        self.user = QLineEdit(status.user if status and status.user else "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.address_error = ErrorLabel()
        self.error = ErrorLabel()
        self.error.setObjectName("login_error")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.login_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setText(self.tr("Log in"))
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.address)
        form.addRow("", self.address_error)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        for field in (self.address, self.user, self.password):
            field.textChanged.connect(self._validate)
        self._validate()
        self.setMinimumWidth(440)
        (self.password if self.address.text() and self.user.text() else self.address).setFocus()

    def _validate(self) -> bool:
        address = normalised_address(self.address.text())
        typed = bool(self.address.text().strip())
        self.address_error.show_message(
            self.tr("Not a server address. Write it as https://server.example.dk")
            if typed and address is None else None)
        # Refused, not only warned: the password would cross the network readable.
        unencrypted = address is not None and unencrypted_remote(address)
        self.note.setText(self.tr(
            "The connection is not encrypted (http://), so the password and your data could "
            "be read on the way. Lokomotiv uses http only for a server on this computer: "
            "write the server's https address.") if unencrypted else "")
        self.note.setVisible(unencrypted)
        ok = address is not None and not unencrypted and bool(self.user.text().strip()) \
            and bool(self.password.text())
        self.login_button.setEnabled(ok and not self.busy)
        return ok

    def submit(self) -> None:
        if self.busy or not self._validate():
            return
        self._set_busy(True)
        self.error.show_message(None)
        self._controller.login(normalised_address(self.address.text()),
                               self.user.text().strip(), self.password.text(),
                               on_done=self._logged_in, on_error=self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for field in (self.address, self.user, self.password):
            field.setEnabled(not busy)
        self.login_button.setText(self.tr("Logging in …") if busy else self.tr("Log in"))
        self._validate()

    def _logged_in(self, _status: SyncStatus) -> None:
        self._set_busy(False)
        self.password.clear()  # not kept in memory longer than needed
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.error.show_message(self.error_text(error))
        self.password.setFocus()
        self.password.selectAll()

    def error_text(self, error: BaseException) -> str:
        from ...sync.errors import SyncError  # httpx: loads with a failed login only

        address = normalised_address(self.address.text()) or self.address.text()
        if isinstance(error, SyncError):
            if error.kind == "unauthorized":
                return self.tr("Wrong user name or password.")
            if error.kind == "offline":
                return self.tr("Cannot reach the server %1. Check the address and that you "
                               "are online.").replace("%1", address)
            if error.kind == "rate_limited":
                return self.tr("Too many failed attempts. Wait a few minutes, then try again.")
            return error.message  # already in Danish (update Lokomotiv, server error, ...)
        return self.tr("Login failed: %1").replace("%1", str(error))

    def reject(self) -> None:
        if not self.busy:  # a login on its way finishes first (it writes to the store)
            super().reject()
