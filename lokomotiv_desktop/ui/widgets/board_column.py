"""One column of the phase board: a header with the phase and its count, and a list view
of cards that takes drops and moves the selected card with Ctrl+Left / Ctrl+Right."""
from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from ...domain.enums import Phase
from ..models.board_model import COMPANY_ID_ROLE, BoardColumnModel
from .board_card_delegate import BoardCardDelegate


class BoardListView(QListView):
    step_requested = Signal(str, int)  # company id, -1 (left) or +1 (right)
    company_activated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        # Every card has the same height: the view never measures 5 000 rows.
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet("QListView { background: #f2f4f7; border: none; }")
        self.activated.connect(self._activated)

    def current_company_id(self) -> str | None:
        index = self.currentIndex()
        return index.data(COMPANY_ID_ROLE) if index.isValid() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        if step and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            company_id = self.current_company_id()
            if company_id:
                self.step_requested.emit(company_id, step)
            event.accept()
            return
        super().keyPressEvent(event)

    def _activated(self, index: QModelIndex) -> None:
        company_id = index.data(COMPANY_ID_ROLE)
        if company_id:
            self.company_activated.emit(company_id)


class BoardColumn(QWidget):
    def __init__(self, phase: Phase, delegate: BoardCardDelegate, parent=None):
        super().__init__(parent)
        self.phase = phase
        self.model = BoardColumnModel(phase, self)
        # The phase on one line and its count on the next: both stay whole in a fifth of a
        # 1024 px window, where "4. Gennemførelse  (36)" on one line would not.
        self.header = QLabel(f"{phase.value}. {phase.label}")
        self.header.setStyleSheet("font-weight: 600; font-size: 11pt; padding: 4px 2px 0 2px;")
        self.header.setAccessibleName(phase.label)
        self.count = QLabel()
        self.count.setStyleSheet("color: #5f6670; padding: 0 2px 2px 2px;")
        self.view = BoardListView()
        self.view.setObjectName(f"board_column_{phase.value}")
        self.view.setModel(self.model)
        self.view.setItemDelegate(delegate)
        self.view.setAccessibleName(phase.label)
        self.view.setMinimumWidth(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.count)
        layout.addSpacing(2)
        layout.addWidget(self.view, 1)
        self.model.modelReset.connect(self._update_header)
        self._update_header()

    def _update_header(self) -> None:
        rows = self.model.rowCount()
        text = self.tr("1 company") if rows == 1 else self.tr("%s companies") % \
            QLocale().toString(rows)
        self.count.setText(text)

    def select_company(self, company_id: str, focus: bool = True) -> bool:
        row = self.model.row_of(company_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        if focus:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
