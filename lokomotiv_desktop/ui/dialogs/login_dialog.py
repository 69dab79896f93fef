"""Log in to lokomotiv-server: server address, user name, password. The login runs in the
background; what went wrong is said in Danish at the dialog's foot, in space kept for it, so
the fields never move or shrink. A store with demo data cannot log in at all: the dialog
says so as it opens, before anything is typed."""
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

from ...services.demo import is_demo_store
from ...services.sync import SyncStatus
from ...sync.transport import unencrypted_remote
from ..widgets.error_label import ErrorFoot


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
        self.foot = ErrorFoot()
        self.error = self.foot.general
        self.error.setObjectName("login_error")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.login_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setText(self.tr("Log in"))
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.address)
        self.address_error = self.foot.add(form.labelForField(self.address))
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.foot)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        for field in (self.address, self.user, self.password):
            field.textChanged.connect(self._validate)
        self.setMinimumWidth(440)
        self.demo = is_demo_store(controller.service.store)
        if self.demo:
            self._refuse_demo(controller.service.store)
            return
        self._validate()
        (self.password if self.address.text() and self.user.text() else self.address).setFocus()

    def _refuse_demo(self, store) -> None:
        """Said before the form is filled: typing a password first would be wasted."""
        path = str(getattr(store, "path", ""))
        self.error.show_message(self.tr(
            "This database holds demo data (invented companies), which must never reach the "
            "shared store, so it cannot log in. To work with real data: close Lokomotiv, "
            "move or rename the file %1, and start Lokomotiv again; it starts with an empty "
            "database, from which you can log in.").replace("%1", path))
        for field in (self.address, self.user, self.password):
            field.setEnabled(False)
        self.login_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    def _validate(self) -> bool:
        if getattr(self, "demo", False):
            return False
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
        if self.isVisible():
            self._fit_height()
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
        self._fit_height()
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

    def _fit_height(self) -> None:
        """A message longer than the space kept for it makes the dialog taller, never the
        fields smaller (Qt does not grow a dialog for a word-wrapped label by itself)."""
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._fit_height()

    def reject(self) -> None:
        if not self.busy:  # a login on its way finishes first (it writes to the store)
            super().reject()
