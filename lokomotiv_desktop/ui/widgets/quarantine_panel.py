"""The Synkronisering page's quarantine: rows from the server this computer could not
store (store/quarantine.py), with what to do about them. Hidden while there are none."""
from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...store.quarantine import QuarantinedRow
from ..models.quarantine_model import COL_REASON, QuarantineModel


class QuarantinePanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("quarantine_panel")
        self.model = QuarantineModel(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.explanation = QLabel(self.tr(
            "These rows came from the server but break Lokomotiv's rules, so they were not "
            "saved on this computer. Everything else was synchronised. A row leaves this "
            "list by itself when the server sends a corrected version: ask your coordinator "
            "to correct it."))
        self.explanation.setWordWrap(True)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.view)
        self.set_rows([])

    def set_rows(self, rows: list[QuarantinedRow]) -> None:
        self.model.set_rows(rows)
        self.heading.setText(self.tr("Not saved from the server (%1)").replace(
            "%1", QLocale().toString(len(rows))))
        self.setVisible(bool(rows))
