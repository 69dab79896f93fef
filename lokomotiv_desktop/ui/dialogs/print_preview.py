"""A printed document before it is printed: the PDF pages (QtPdf), "Side 1 af N", and
Udskriv (each page rendered at the printer's resolution) or Gem som PDF."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from ..widgets import file_dialog
from ..widgets.error_label import ErrorLabel

POINTS_PER_INCH = 72


class PrintPreview(QDialog):
    def __init__(self, pdf: bytes, title: str, file_name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.pdf, self.file_name = pdf, file_name
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.page_label = QLabel()
        self.message = ErrorLabel()
        self.print_button = QPushButton(self.tr("Print …"))
        self.save_button = QPushButton(self.tr("Save as PDF …"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.page_label)
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        self._show_page(0)
        self.resize(760, 900)

    def page_count(self) -> int:
        return self.document.pageCount()

    def _show_page(self, page: int) -> None:
        self.page_label.setText(self.tr("Page %s of %s") % (page + 1, max(1, self.page_count())))

    def save_as(self) -> str:
        path = file_dialog.save_file_name(self, self.tr("Save as PDF"), self.file_name,
                                          self.tr("PDF (*.pdf)"))
        if path:
            self.save_to(path)
        return path

    def save_to(self, path: str) -> None:
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            target.write_bytes(self.pdf)
        except OSError as error:
            self.message.show_message(self.tr("Not saved: %s") % error.strerror)
            return
        self.message.show_message(None)

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Each page as an image at the printer's resolution, scaled into its page;
        returns the number of pages printed."""
        painter = QPainter()
        if not painter.begin(printer):
            self.message.show_message(self.tr("The printer could not be started."))
            return 0
        printed = 0
        try:
            first, last = printer.fromPage(), printer.toPage()
            pages = range(self.page_count())
            if first > 0:
                pages = range(first - 1, min(last, self.page_count()))
            for page in pages:
                if printed:
                    printer.newPage()
                self._paint_page(painter, printer, page)
                printed += 1
        finally:
            painter.end()
        return printed

    def _paint_page(self, painter: QPainter, printer: QPrinter, page: int) -> None:
        points = self.document.pagePointSize(page)
        dpi = printer.resolution()
        size = QSize(round(points.width() * dpi / POINTS_PER_INCH),
                     round(points.height() * dpi / POINTS_PER_INCH))
        image = self.document.render(page, size)
        area = painter.viewport()
        scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QRect(area.topLeft(), scaled), image)
