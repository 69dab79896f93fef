"""First start: an empty store gets a friendly offer to load demo data."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ...store.database import Store
from ..tasks import TaskRunner

DEMO_COMPANIES = 500


class DemoOffer(QMessageBox):
    """Non-blocking: ``open()`` it; choosing "Load demo data" runs the generator on the
    background runner with a progress dialog, then calls ``on_loaded``."""

    def __init__(self, store: Store, runner: TaskRunner, on_loaded: Callable[[], None],
                 parent: QWidget | None = None,
                 on_import: Callable[[], None] | None = None):
        super().__init__(parent)
        self.setObjectName("demo_offer")
        self._store, self._runner, self._on_loaded = store, runner, on_loaded
        self.progress: QProgressDialog | None = None
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("Welcome to Lokomotiv"))
        self.setText(self.tr("Your database is empty."))
        self.setInformativeText(self.tr(
            "Would you like to load demo data to try the program? You get %s made-up "
            "companies with P-units, contact persons, visits and tasks. Demo data stays on "
            "this computer: a database with demo data is never synchronised. You can also "
            "start empty and create companies or import a CVR extract.") % DEMO_COMPANIES)
        self.load_button = self.addButton(self.tr("Load demo data"),
                                          QMessageBox.ButtonRole.AcceptRole)
        self.import_button = None
        if on_import is not None:  # a real start: the extract the consultant was given
            self.import_button = self.addButton(self.tr("Import CVR extract …"),
                                                QMessageBox.ButtonRole.ActionRole)
            self.import_button.clicked.connect(on_import)
        self.empty_button = self.addButton(self.tr("Start empty"),
                                           QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.load_button)
        self.setEscapeButton(self.empty_button)
        self.buttonClicked.connect(self._answered)

    def _answered(self, button) -> None:
        if button is self.load_button:
            self._start_loading()

    def _start_loading(self) -> None:
        self.progress = QProgressDialog(self.tr("Loading demo data …"), "", 0, 0,
                                        self.parentWidget())
        self.progress.setObjectName("demo_progress")
        self.progress.setWindowTitle(self.tr("Demo data"))
        self.progress.setCancelButton(None)  # the generator runs in one transaction
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.show()
        from ...services.demo import load_demo  # only a first start needs the generator

        self._runner.run(
            lambda progress: load_demo(self._store, companies=DEMO_COMPANIES, progress=progress),
            on_done=self._finished, on_error=self._failed, on_progress=self._progressed)

    def _progressed(self, done: int, total: int | None = None, *_rest) -> None:
        if self.progress is None:
            return
        if total:
            self.progress.setMaximum(int(total))
        self.progress.setValue(int(done))

    def _finished(self, _result) -> None:
        self._close_progress()
        self._on_loaded()

    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        QMessageBox.warning(self.parentWidget(), self.tr("Demo data"),
                            self.tr("The demo data could not be loaded: %s") % error)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
