"""Importing a CVR extract from the window: "Fil > Importér CVR-udtræk …" (Ctrl+I) and the
"Importér …" button on Virksomheder.

The import runs on the window's database worker (tasks.py) with a progress dialog whose
"Stop" ends it at the next part, with nothing of the file saved (the import is one
transaction). A summary follows: the importer's own Danish line (what happened to companies
and to P-units, rejected and repeated rows, as `lokomotiv import-cvr` prints it), and where
the rejected rows were written, with a button that opens that file. A file that cannot be
imported at all gets the importer's own Danish message.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QProgressDialog

if TYPE_CHECKING:
    from ..services.import_cvr import ImportReport

SHOWN_REJECTIONS = 20  # in the summary's details; the report file has them all


class ImportStopped(Exception):
    """The user pressed "Stop": raised from the progress callback, it rolls the import back."""


def install_import_ui(window: QMainWindow) -> CvrImport:
    controller = CvrImport(window)
    window.cvr_import = controller
    return controller


class CvrImport(QObject):
    finished = Signal(object)  # the ImportReport, or the error, once the user has been told

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.progress: QProgressDialog | None = None
        self.message: QMessageBox | None = None  # the summary or the error, while shown
        self._stop = threading.Event()
        self.action = QAction(self.tr("Import CVR extract …"), window)
        self.action.setShortcut(QKeySequence("Ctrl+I"))
        self.action.triggered.connect(self.choose_file)
        menu = window.file_menu
        menu.insertAction(menu.actions()[1], self.action)  # after "New company"
        window.companies.import_requested.connect(self.choose_file)

    @property
    def running(self) -> bool:
        return self.progress is not None

    def choose_file(self) -> None:
        if self.running:
            self.progress.raise_()
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import CVR extract"), str(Path.home()),
            self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.start(Path(path))

    def start(self, path: Path) -> None:
        from ..services.demo import is_demo_store

        if is_demo_store(self.window.store) and QMessageBox.question(
                self.window, self.tr("Import CVR extract"),
                self.tr("This database holds demo data, so it is never synchronised: "
                        "companies imported here stay on this computer. Import anyway?"),
        ) != QMessageBox.StandardButton.Yes:
            return
        self._stop.clear()
        self.progress = QProgressDialog(self.tr("Importing %s …") % path.name,
                                        self.tr("Stop"), 0, 0, self.window)
        self.progress.setObjectName("cvr_import_progress")
        self.progress.setWindowTitle(self.tr("Import CVR extract"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setMinimumDuration(0)
        self.progress.canceled.connect(self._stop_requested)
        self.progress.show()
        from ..services.import_cvr import import_cvr_file  # loaded on the first import

        def stoppable(report_progress):
            def progress(done: int, total: int) -> None:
                if self._stop.is_set():
                    raise ImportStopped
                report_progress(done, total)
            return progress

        self.window.runner.run(
            lambda report_progress: import_cvr_file(
                self.window.store, path, progress=stoppable(report_progress)),
            on_done=lambda report: self._done(path, report), on_error=self._failed,
            on_progress=self._progressed)

    def _stop_requested(self) -> None:
        self._stop.set()
        if self.progress is not None:
            self.progress.setLabelText(self.tr("Stopping …"))
            self.progress.show()  # stays up until the import has stopped

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None and not self._stop.is_set():
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _done(self, path: Path, report: ImportReport) -> None:
        self._close_progress()
        self.window.data_changed.emit()
        box = self._message(QMessageBox.Icon.Warning if report.rejected
                            else QMessageBox.Icon.Information,
                            self.tr("%s is imported.") % path.name)
        lines = [report.summary_line()]  # the command line's words, in the window too
        if report.report_path is not None:
            lines.append("")
            lines.append(self.tr("The rejected rows, with their line and what is wrong, are "
                                 "in %s.") % report.report_path)
            show = box.addButton(self.tr("Show rejected rows"),
                                 QMessageBox.ButtonRole.ActionRole)
            show.clicked.connect(lambda: QDesktopServices.openUrl(
                QUrl.fromLocalFile(str(report.report_path))))
        if report.report_error:
            lines.append(report.report_error)
        box.setInformativeText("\n".join(lines))
        if report.rejections:
            box.setDetailedText("\n".join(
                self.tr("Line %s: %s") % (rejection.line, rejection.reason)
                for rejection in report.rejections[:SHOWN_REJECTIONS]))
        box.addButton(QMessageBox.StandardButton.Ok)
        self._show(box, report)

    def _failed(self, error: BaseException) -> None:
        from ..services.cvr_file import ImportFileError

        self._close_progress()
        if isinstance(error, ImportStopped):
            box = self._message(QMessageBox.Icon.Information,
                                self.tr("The import was stopped. Nothing from the file "
                                        "was saved."))
        elif isinstance(error, ImportFileError):
            box = self._message(QMessageBox.Icon.Warning, str(error))
            box.setInformativeText(self.tr("Nothing from the file was saved."))
        else:
            box = self._message(QMessageBox.Icon.Critical,
                                self.tr("The import failed: %s") % error)
            box.setInformativeText(self.tr("Nothing from the file was saved."))
        box.addButton(QMessageBox.StandardButton.Ok)
        self._show(box, error)

    def _message(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        box = QMessageBox(icon, self.tr("Import CVR extract"), text,
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("cvr_import_message")
        return box

    def _show(self, box: QMessageBox, outcome) -> None:
        self.message = box
        box.finished.connect(lambda _result: self._closed(box))
        box.open()
        self.finished.emit(outcome)

    def _closed(self, box: QMessageBox) -> None:
        if self.message is box:
            self.message = None
        box.deleteLater()

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
