"""Sync in the window: the controller that runs sync rounds in the background, and
``install_sync_ui(window)``, which adds the status bar widget, the "Synkronisering" page,
the menu with "Synkronisér nu" (Ctrl+Shift+S) and the automatic sync timer.

Threads. Every database step runs on the window's ONE serialized DB worker (``tasks.py``),
the sync round included: ``SyncClient.sync_once`` interleaves HTTP calls with store
transactions and plain reads of the outbox, and the Store is one SQLite connection, so
running the round on a second thread would let it read another task's uncommitted writes
(and push a change that is then rolled back). What would block the DB worker for long is a
server that does not answer (connect timeout 5 s, read timeout 30 s). So each round starts
with a probe (``GET /status``, no store access) on a separate network runner; only when the
server answers is the round queued on the DB worker, where it then takes one short exchange.
An unreachable server therefore never holds up saves or list loading.

Start-up. The status widget and the menu are there from the start; the page is built on its
first visit, the controller reads its first status once the window has painted, and the
sync client (httpx, pydantic, keyring) loads with the first round, not with the window.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence

from ..services.sync import NotLoggedIn, SyncService, SyncStatus
from .tasks import TaskRunner

if TYPE_CHECKING:
    from ..sync.client import SyncReport

AUTO_SYNC_INTERVAL_MS = 5 * 60 * 1000  # while the server answers
MAX_BACKOFF_MS = 60 * 60 * 1000  # at most an hour between tries while it does not
FIRST_SYNC_DELAY_MS = 3000  # after start: let the window load its lists first
_RETRY_KINDS = ("offline", "server", "rate_limited")  # worth trying again later
_STOP_KINDS = ("upgrade", "unauthorized")  # trying again cannot help: a person must act


class SyncState(Enum):
    OFFLINE = "offline"  # not logged in, or the server cannot be reached
    SYNCING = "syncing"
    SYNCED = "synced"
    ERROR = "error"


class SyncController(QObject):
    """The sync state of the window and the one place that starts sync work."""

    changed = Signal()  # state, message, status: the status widget and the page redraw
    progressed = Signal(str, int, object)  # phase ("probe" | "push" | "pull"), done, total
    finished = Signal(object)  # the SyncReport of a round (error set when it failed)

    def __init__(self, service: SyncService, runner: TaskRunner,
                 network: TaskRunner | None = None, parent: QObject | None = None,
                 auto_interval_ms: int = AUTO_SYNC_INTERVAL_MS):
        super().__init__(parent)
        self.service = service
        self.runner = runner
        # No Qt parent: a probe still waiting on the network when the window goes away
        # keeps its runner alive (the worker holds it) instead of emitting into a deleted one.
        self.network = network or TaskRunner()
        self.auto_interval_ms = auto_interval_ms
        self.status: SyncStatus | None = None
        self.state = SyncState.OFFLINE
        self.message = ""  # for a person, in Danish: why offline / what failed
        self.error_kind: str | None = None
        self.synced_at: datetime | None = None  # local time of the last success
        self.auto_enabled = True  # off after 426 or 401 until the next login
        self._interval = auto_interval_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self.sync_now(automatic=True))
        self._closed = False

    # -- state ---------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.state is SyncState.SYNCING

    @property
    def logged_in(self) -> bool:
        return bool(self.status and self.status.logged_in)

    @property
    def next_interval_ms(self) -> int:
        return self._interval

    @property
    def timer_active(self) -> bool:
        return self._timer.isActive()

    def refresh(self) -> None:
        """Reads who is logged in, the pending count and the last success (DB worker)."""
        if not self._closed:
            self.runner.run(self.service.status, on_done=self._status_read, cancellable=True)

    def start(self) -> None:
        """The first status read; then a sync shortly after when logged in."""
        if self._closed:
            return
        self.runner.run(self.service.status, on_done=self._first_status, cancellable=True)

    def _first_status(self, status: SyncStatus) -> None:
        self._status_read(status)
        if status.logged_in:
            self._schedule(FIRST_SYNC_DELAY_MS)

    def _status_read(self, status: SyncStatus) -> None:
        if self._closed:
            return
        self.status = status
        if not self.running:
            self._state_from_status()
        self.changed.emit()

    def _state_from_status(self) -> None:
        if not self.logged_in:
            self.state, self.error_kind, self.synced_at = SyncState.OFFLINE, None, None
            self.message = self.tr("Not logged in to a sync server.")
            self._timer.stop()
        elif self.error_kind is None and self.status.last_success:
            self.state, self.message = SyncState.SYNCED, ""
            self.synced_at = _local_time(self.status.last_success)
        elif self.error_kind is None:
            self.state = SyncState.OFFLINE
            self.message = self.tr("Not synchronised yet.")

    # -- a sync round --------------------------------------------------------------------------
    def sync_now(self, automatic: bool = False) -> bool:
        """Starts a round unless one runs or nobody is logged in. Returns whether it started."""
        if self._closed or self.running or not self.logged_in:
            return False
        if automatic and not self.auto_enabled:
            return False
        self._timer.stop()
        self.state, self.message = SyncState.SYNCING, ""
        self.changed.emit()
        self.progressed.emit("probe", 0, None)
        service, url = self.service, self.status.server_url
        self.network.run(lambda: _probe(service, url), on_done=lambda _: self._round(),
                         on_error=self._failed)
        return True

    def _round(self) -> None:
        if self._closed:
            return
        service = self.service
        self.runner.run(lambda progress: (service.sync_now(progress), service.status()),
                        on_done=self._round_done, on_error=self._failed,
                        on_progress=self.progressed.emit)

    def _round_done(self, result: tuple[SyncReport, SyncStatus]) -> None:
        if self._closed:
            return
        report, status = result
        self.status = status
        if report.ok:
            self._succeeded()
        else:
            self._went_wrong(report.error_kind or "server", report.error or "")
        self.finished.emit(report)

    def _failed(self, error: BaseException) -> None:
        """The probe or the round raised (the round itself reports its errors instead)."""
        from ..sync.client import SyncReport
        from ..sync.errors import SyncError

        if self._closed:
            return
        if isinstance(error, NotLoggedIn):
            self.status = None
            self.refresh()
            kind, message = "unauthorized", self.tr("Not logged in to a sync server.")
        elif isinstance(error, SyncError):
            kind, message = error.kind, error.message
        else:
            kind, message = "server", self.tr("Synchronisation failed: %1").replace(
                "%1", str(error))
        self._went_wrong(kind, message)
        self.finished.emit(SyncReport(error=message, error_kind=kind))

    def _succeeded(self) -> None:
        self.state, self.message, self.error_kind = SyncState.SYNCED, "", None
        self.synced_at = datetime.now()
        self.auto_enabled = True  # a manual round that works lifts a stop
        self._interval = self.auto_interval_ms
        self.changed.emit()
        self._schedule(self._interval)

    def _went_wrong(self, kind: str, message: str) -> None:
        self.error_kind, self.message = kind, message
        self.state = SyncState.OFFLINE if kind == "offline" else SyncState.ERROR
        if kind in _STOP_KINDS:
            self.auto_enabled = False
            self._timer.stop()
        elif kind in _RETRY_KINDS:
            self._interval = min(self._interval * 2, MAX_BACKOFF_MS)
            self._schedule(self._interval)
        else:  # refused data etc.: the next round may well work
            self._schedule(self.auto_interval_ms)
        self.changed.emit()

    def _schedule(self, delay_ms: int) -> None:
        if not self._closed and self.auto_enabled and self.logged_in:
            self._timer.start(delay_ms)

    # -- session -------------------------------------------------------------------------------
    def login(self, server_url: str, user: str, password: str,
              on_done: Callable[[SyncStatus], None],
              on_error: Callable[[BaseException], None]) -> None:
        """On the DB worker: the login stores who and where in the store (one short call)."""
        def done(status: SyncStatus) -> None:
            self.auto_enabled, self.error_kind, self._interval = True, None, self.auto_interval_ms
            self._status_read(status)
            on_done(status)
            self.sync_now()

        service = self.service
        self.runner.run(lambda: service.login(server_url, user, password),
                        on_done=done, on_error=on_error)

    def logout(self) -> None:
        self._timer.stop()
        self.error_kind = None
        self.runner.run(self.service.logout, on_done=lambda _: self.refresh(),
                        on_error=lambda error: self._failed(error))

    def shutdown(self) -> None:
        """The window closes: no new rounds; a running one finishes on its runner."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self.network.shutdown(wait=False)


def _probe(service: SyncService, server_url: str | None) -> None:
    """Network runner: does the server answer this token? Touches no store data (the
    client only keeps a reference to the store until a round runs)."""
    from ..sync.client import SyncClient

    token = service.tokens.get(server_url) if server_url else None
    if not token:
        raise NotLoggedIn()
    with SyncClient(service.store, server_url, token, transport=service.transport) as client:
        client.status()


def _local_time(iso_utc: str) -> datetime | None:
    try:
        return datetime.fromisoformat(iso_utc.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return None


class _CloseWatcher(QObject):
    """Stops the sync machinery when the main window closes."""

    def __init__(self, controller: SyncController, parent: QObject):
        super().__init__(parent)
        self._controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Close:
            self._controller.shutdown()
        return False


def install_sync_ui(window, service: SyncService | None = None) -> SyncController:
    """Adds sync to the main window; ``window.sync`` is the controller afterwards."""
    from .widgets.sync_status import SyncStatusWidget

    controller = SyncController(service or SyncService(window.store), window.runner,
                                parent=window)
    window.sync = controller
    status_widget = SyncStatusWidget(controller)
    window.add_status_widget(status_widget)

    def build_page():
        from .pages.sync_page import SyncPage

        return SyncPage(controller, window)

    window.add_page("sync", QCoreApplication.translate("SyncMenu", "Synchronisation"),
                    build_page)
    status_widget.clicked.connect(lambda: window.show_page("sync"))

    def sync_now_asked() -> None:
        """Synkronisér nu by hand: logged out, it says how to log in instead of nothing."""
        if not controller.sync_now() and not controller.logged_in:
            window.statusBar().showMessage(QCoreApplication.translate(
                "SyncMenu", "Not synchronised: you are not logged in. Choose %1 → %2 to log "
                "in.").replace("%1", QCoreApplication.translate("SyncMenu", "&Sync")
                               .replace("&", ""))
                .replace("%2", QCoreApplication.translate("SyncMenu", "Log in to server …")),
                15000)

    menu = window.menuBar().addMenu(QCoreApplication.translate("SyncMenu", "&Sync"))
    for text, shortcut, slot in (
        (QCoreApplication.translate("SyncMenu", "Sync now"),
         QKeySequence("Ctrl+Shift+S"), sync_now_asked),
        (QCoreApplication.translate("SyncMenu", "Log in to server …"),
         QKeySequence(), lambda: window.page("sync").open_login()),
        (QCoreApplication.translate("SyncMenu", "Log out"),
         QKeySequence(), lambda: window.page("sync").confirm_logout()),
    ):
        action = QAction(text, window)
        action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False, s=slot: s())
        window.addAction(action)
        menu.addAction(action)
    window.sync_now_action = menu.actions()[0]

    window.data_changed.connect(controller.refresh)  # a save adds to the pending count

    def after_round(report: SyncReport) -> None:
        if report.pulled or report.conflicts:  # lists show what arrived
            window.data_changed.emit()
        elif report.pushed and hasattr(window, "store_status"):
            window.store_status.refresh()  # only its "not synced" count changed

    controller.finished.connect(after_round)
    window.installEventFilter(_CloseWatcher(controller, window))
    window.first_shown.connect(controller.start)
    return controller
