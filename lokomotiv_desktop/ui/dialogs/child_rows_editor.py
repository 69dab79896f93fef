"""A table of P-units or contacts inside the company editor, with add and remove."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..models.child_rows import ChildRowsModel
from ..widgets.choice_delegate import ChoiceDelegate
from ..widgets.error_label import ErrorLabel

_MAX_LISTED_ERRORS = 3


class ChildRowsEditor(QWidget):
    def __init__(self, model: ChildRowsModel, add_text: str, defaults: dict, parent=None):
        super().__init__(parent)
        self.model = model
        self._defaults = defaults
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setItemDelegate(ChoiceDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in range(model.columnCount()):
            if model.column_kind(column) == "bool":  # a check box needs no stretching
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton(add_text)
        self.remove_button = QPushButton(self.tr("Remove row"))
        self.remove_button.setToolTip(self.tr("Remove the selected row (Delete)"))
        self.error_label = ErrorLabel()

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_current)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_current)
        model.edited.connect(self.show_errors)
        model.modelReset.connect(self.show_errors)

    def add_row(self) -> None:
        row = self.model.add_row(self._defaults)
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.setFocus()
        self.table.edit(index)

    def remove_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.model.remove_row(index.row())

    def show_errors(self) -> None:
        errors = self.model.errors()
        lines = [self.tr("Row %1, %2: %3").replace("%1", str(row + 1)).replace("%2", header)
                 .replace("%3", message) for row, header, message in errors[:_MAX_LISTED_ERRORS]]
        if len(errors) > _MAX_LISTED_ERRORS:
            lines.append(self.tr("… and %s more") % (len(errors) - _MAX_LISTED_ERRORS))
        self.error_label.show_message("\n".join(lines))
