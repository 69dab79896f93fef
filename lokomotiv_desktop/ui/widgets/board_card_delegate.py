"""Paints one company card of the phase board: name, municipality and consultant, the next
follow-up (red when overdue) and the days in the phase. Painting instead of widgets keeps a
column of 5 000 cards as cheap as a plain list."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...store.phases import BoardCard
from ..models.board_model import CARD_ROLE

CARD_HEIGHT = 66
_MARGIN = 4
_PAD = 8
_BORDER = QColor("#c9ced6")
_SELECTED = QColor("#2f6fb3")
_CARD = QColor("#ffffff")
_MUTED = QColor("#5f6670")
_OVERDUE = QColor("#b3261e")


class BoardCardDelegate(QStyledItemDelegate):
    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent)
        self.today = today or date.today()
        self._no_follow_up = self.tr("No follow-up")
        self._follow_up = self.tr("Next %s")
        self._days = self.tr("%s days")
        self._one_day = self.tr("1 day")
        self._no_consultant = self.tr("no consultant")

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(option.rect.width() or 200, CARD_HEIGHT)

    def card_lines(self, card: BoardCard) -> tuple[str, str, str, str, bool]:
        """(name, place and consultant, next follow-up, days in phase, overdue?) as painted;
        tests read it too."""
        place = " · ".join(x for x in (card.municipality, card.consultant or self._no_consultant)
                           if x)
        if card.next_due is None:
            follow_up, overdue = self._no_follow_up, False
        else:
            follow_up = self._follow_up % card.next_due.strftime("%d.%m.%Y")
            overdue = card.next_due < self.today
        days = ""
        if card.days_in_phase is not None:
            days = self._one_day if card.days_in_phase == 1 else self._days % card.days_in_phase
        return card.name, place, follow_up, days, overdue

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        card: BoardCard | None = index.data(CARD_ROLE)
        if card is None:
            return
        name, place, follow_up, days, overdue = self.card_lines(card)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        box = option.rect.adjusted(_MARGIN, _MARGIN // 2, -_MARGIN, -_MARGIN // 2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(_SELECTED if selected else _BORDER, 2 if selected else 1))
        painter.setBrush(QColor("#eaf2fb") if selected else _CARD)
        painter.drawRoundedRect(box, 5, 5)
        if focused and not selected:
            painter.setPen(QPen(_SELECTED, 1, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(box.adjusted(2, 2, -2, -2), 4, 4)

        text = box.adjusted(_PAD, 5, -_PAD, -5)
        bold = QFont(option.font)
        bold.setBold(True)
        line = QFontMetrics(option.font).height()
        painter.setFont(bold)
        painter.setPen(QColor("#1b1f24"))
        self._draw(painter, QRect(text.left(), text.top(), text.width(), line), name, bold)
        painter.setFont(option.font)
        painter.setPen(_MUTED)
        self._draw(painter, QRect(text.left(), text.top() + line + 1, text.width(), line),
                   place, option.font)
        third = QRect(text.left(), text.top() + 2 * line + 2, text.width(), line)
        days_width = QFontMetrics(option.font).horizontalAdvance(days) + 8 if days else 0
        if days:
            painter.drawText(third, int(Qt.AlignmentFlag.AlignRight
                                        | Qt.AlignmentFlag.AlignVCenter), days)
        painter.setPen(_OVERDUE if overdue else _MUTED)
        self._draw(painter, third.adjusted(0, 0, -days_width, 0), follow_up, option.font)
        painter.restore()

    @staticmethod
    def _draw(painter: QPainter, rect: QRect, text: str, font: QFont) -> None:
        elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         elided)
