"""Starting the window: the application, its language, the store and the main window."""
from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ..paths import APP_AUTHOR, APP_NAME, log_file
from ..store import Store
from .i18n import install_translators, saved_language
from .icons import icon
from .main_window import MainWindow
from .tasks import TaskRunner

# The start-up benchmark sets this: print "ready" once the window is painted and the list
# has its first rows, then quit.
EXIT_WHEN_READY = "LOKOMOTIV_EXIT_WHEN_READY"


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    QCoreApplication.setOrganizationName(APP_AUTHOR)
    QCoreApplication.setApplicationName(APP_NAME)
    app.setStyle("Fusion")
    app.setWindowIcon(icon("lokomotiv"))
    app._lokomotiv_translators = install_translators(app, saved_language())  # keep alive
    return app


def open_store(path: Path) -> Store | None:
    """The store, or None after telling the user (in Danish) why it cannot be opened."""
    try:
        return Store(path)
    except Exception as exc:  # noqa: BLE001 - any failure to open ends in a clear message
        QMessageBox.critical(None, QCoreApplication.translate("App", "Lokomotiv"),
                             QCoreApplication.translate(
                                 "App", "The database cannot be opened:\n%s") % exc)
        return None


def build_window(store: Store, runner: TaskRunner, offer_demo: bool = True) -> MainWindow:
    window = MainWindow(store, runner)
    window.show()
    window.start()
    if offer_demo and window.repository.count() == 0:
        from .dialogs.demo_offer import DemoOffer  # the first start only

        window.demo_offer = DemoOffer(store, runner, window.data_changed.emit, window,
                                      on_import=window.cvr_import.choose_file)
        window.demo_offer.open()
    return window


def log_to_file() -> None:
    """Warnings and errors go to the log file that Hjælp → Om Lokomotiv names."""
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=2, encoding="utf-8")
    except OSError:
        return  # a read-only home: the window still works, it only keeps no log
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)


def run(db_path: Path) -> int:
    log_to_file()
    app = create_application()
    store = open_store(db_path)
    if store is None:
        return 1
    runner = TaskRunner()
    exit_when_ready = os.environ.get(EXIT_WHEN_READY) == "1"
    window = build_window(store, runner, offer_demo=not exit_when_ready)
    if exit_when_ready:
        _exit_when_ready(app, window)
    try:
        return app.exec()
    finally:
        window.close()
        runner.shutdown(wait=True)
        store.close()


def _exit_when_ready(app: QApplication, window: MainWindow) -> None:
    """Ready = the window is visible and has been painted, and the companies list has its
    first page (rows, unless the store is empty): checked at the paint's ``first_shown``
    and at the list's ``rows_shown``, whichever comes last."""
    seen = {"rows": False, "printed": False}

    def check() -> None:
        if seen["rows"] and window.isVisible() and window.painted and not seen["printed"]:
            seen["printed"] = True
            QTimer.singleShot(0, ready)  # once this event's own handling is through

    def rows_in() -> None:
        seen["rows"] = True
        check()

    def ready() -> None:
        print("ready", flush=True)
        QTimer.singleShot(0, app.quit)

    window.first_shown.connect(check)
    window.companies.model.rows_shown.connect(rows_in)
