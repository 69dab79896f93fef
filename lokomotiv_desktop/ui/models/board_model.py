"""One column of the phase board: the company cards of one phase as a list model.

The view paints the cards with a delegate (widgets/board_card_delegate.py), so a column of
thousands of companies is a list of small frozen dataclasses, not thousands of widgets.
Dragging a card carries its company id; a drop asks the page to move it (through
services.phases, after the user gave a reason) instead of moving rows itself.
"""
from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ...domain.danish_format import field_date
from ...domain.enums import Phase
from ...store.phases import BoardCard

CARD_ROLE = Qt.ItemDataRole.UserRole + 1  # the BoardCard itself, for the delegate
COMPANY_ID_ROLE = Qt.ItemDataRole.UserRole + 2
MIME_TYPE = "application/x-lokomotiv-company-ids"
_Index = QModelIndex | QPersistentModelIndex


class BoardColumnModel(QAbstractListModel):
    # company ids dropped here, the phase of this column
    drop_requested = Signal(list, Phase)

    def __init__(self, phase: Phase, parent=None):
        super().__init__(parent)
        self.phase = phase
        self._cards: list[BoardCard] = []

    def set_cards(self, cards: list[BoardCard]) -> None:
        self.beginResetModel()
        self._cards = list(cards)
        self.endResetModel()

    def cards(self) -> list[BoardCard]:
        return list(self._cards)

    def card_at(self, row: int) -> BoardCard | None:
        return self._cards[row] if 0 <= row < len(self._cards) else None

    def row_of(self, company_id: str) -> int:
        for row, card in enumerate(self._cards):
            if card.company_id == company_id:
                return row
        return -1

    def tooltip(self, card: BoardCard) -> str:
        """What a card has no room for: the last visit, the next task and the consultant."""
        none = self.tr("none")
        visit = none
        if card.last_visit is not None:
            visit = field_date(card.last_visit)
            if card.last_visit_kind:
                visit += f" ({card.last_visit_kind})"
        task = none
        if card.next_due is not None:
            task = " ".join(x for x in (field_date(card.next_due), card.next_task) if x)
        return "\n".join((
            f"{card.name} · CVR {card.cvr}",
            self.tr("Last visit: %s") % visit,
            self.tr("Next task: %s") % task,
            self.tr("Consultant: %s") % (card.consultant or none),
        ))

    # -- Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(card)
        if role == CARD_ROLE:
            return card
        if role == COMPANY_ID_ROLE:
            return card.company_id
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # dropping between or below cards
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:
        ids = [self._cards[i.row()].company_id for i in indexes
               if i.isValid() and 0 <= i.row() < len(self._cards)]
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray("\n".join(ids).encode()))
        return mime

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: _Index) -> bool:
        return data is not None and data.hasFormat(MIME_TYPE)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: _Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = [i for i in bytes(data.data(MIME_TYPE).data()).decode().split("\n") if i]
        own = {card.company_id for card in self._cards}
        moving = [i for i in ids if i not in own]
        if moving:
            self.drop_requested.emit(moving, self.phase)
        # False: the source view must not remove its row; the board reloads after the move.
        return False
