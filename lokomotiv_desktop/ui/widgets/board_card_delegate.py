"""Paints one company card of the phase board: the whole name (up to two lines), municipality
and consultant, the next follow-up (red when overdue) and the days in the phase. Painting
instead of widgets keeps a column of 5 000 cards as cheap as a plain list."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...domain.danish_format import field_date
from ...store.phases import BoardCard
from ..models.board_model import CARD_ROLE

NAME_LINES = 2  # a long name wraps once; only beyond that is it elided
_LINES = NAME_LINES + 3  # name, place and consultant, next follow-up, days in phase
_MARGIN = 4
_PAD = 8
_BORDER = QColor("#c9ced6")
_SELECTED = QColor("#2f6fb3")
_CARD = QColor("#ffffff")
_TEXT = "#1b1f24"
_MUTED = "#5f6670"
OVERDUE = "#b3261e"


@dataclass(frozen=True)
class CardText:
    rect: QRect
    text: str
    bold: bool = False
    color: str = _MUTED  # a colour name: a QColor is mutable


def card_height(font: QFont) -> int:
    """Every card is as high as one with a two-line name: the view never measures rows."""
    line = QFontMetrics(font).height()
    return _LINES * line + _LINES + 10 + _MARGIN


def wrap(text: str, metrics: QFontMetrics, width: int, lines: int) -> list[str]:
    """Word-wraps `text` into at most `lines` lines of `width` pixels; only the last line is
    elided, and a word too long for a line is broken rather than hidden."""
    out: list[str] = []
    rest = text.split()
    while rest and len(out) < lines:
        if len(out) == lines - 1:
            out.append(metrics.elidedText(" ".join(rest), Qt.TextElideMode.ElideRight, width))
            break
        line = rest.pop(0)
        if metrics.horizontalAdvance(line) > width:  # one long word: break it
            cut = max(1, len(line))
            while cut > 1 and metrics.horizontalAdvance(line[:cut]) > width:
                cut -= 1
            line, tail = line[:cut], line[cut:]
            if tail:
                rest.insert(0, tail)
        while rest and metrics.horizontalAdvance(f"{line} {rest[0]}") <= width:
            line = f"{line} {rest.pop(0)}"
        out.append(line)
    return out or [""]


class BoardCardDelegate(QStyledItemDelegate):
    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent)
        self.today = today or date.today()
        self._no_follow_up = self.tr("No follow-up")
        self._follow_up = self.tr("Next %s")
        self._days = self.tr("%s days in phase")
        self._one_day = self.tr("1 day in phase")
        self._no_consultant = self.tr("no consultant")

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(option.rect.width() or 200, card_height(option.font))

    def days_text(self, card: BoardCard) -> str:
        if card.days_in_phase is None:
            return ""
        # A phase change stamped ahead of this laptop's clock (another device's clock, an
        # import) would count below zero: the card has been in the phase since today.
        days = max(card.days_in_phase, 0)
        return self._one_day if days == 1 else self._days % days

    def card_lines(self, card: BoardCard) -> tuple[str, str, str, str, bool]:
        """(name, place and consultant, next follow-up, days in phase, overdue?) as painted;
        tests read it too."""
        place = " · ".join(x for x in (card.municipality, card.consultant or self._no_consultant)
                           if x)
        if card.next_due is None:
            follow_up, overdue = self._no_follow_up, False
        else:
            follow_up = self._follow_up % field_date(card.next_due)
            overdue = card.next_due < self.today
        return card.name, place, follow_up, self.days_text(card), overdue

    def layout(self, card: BoardCard, rect: QRect, font: QFont) -> list[CardText]:
        """What is drawn where on a card in `rect`: the name in bold on up to two lines,
        then one line each for place, follow-up and days."""
        name, place, follow_up, days, overdue = self.card_lines(card)
        box = rect.adjusted(_MARGIN, _MARGIN // 2, -_MARGIN, -_MARGIN // 2)
        text = box.adjusted(_PAD, 5, -_PAD, -5)
        bold = QFont(font)
        bold.setBold(True)
        line = QFontMetrics(font).height()
        parts: list[CardText] = []
        top = text.top()
        for piece in wrap(name, QFontMetrics(bold), text.width(), NAME_LINES):
            parts.append(CardText(QRect(text.left(), top, text.width(), line), piece, True,
                                  _TEXT))
            top += line
        top = text.top() + NAME_LINES * line + 2  # the rows below never move with the name
        metrics = QFontMetrics(font)
        for piece, color in ((place, _MUTED), (follow_up, OVERDUE if overdue else _MUTED),
                             (days, _MUTED)):
            if piece:
                elided = metrics.elidedText(piece, Qt.TextElideMode.ElideRight, text.width())
                parts.append(CardText(QRect(text.left(), top, text.width(), line), elided,
                                      False, color))
            top += line + 1
        return parts

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        card: BoardCard | None = index.data(CARD_ROLE)
        if card is None:
            return
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
        bold = QFont(option.font)
        bold.setBold(True)
        for part in self.layout(card, option.rect, option.font):
            painter.setFont(bold if part.bold else option.font)
            painter.setPen(QColor(part.color))
            painter.drawText(part.rect, int(Qt.AlignmentFlag.AlignLeft
                                            | Qt.AlignmentFlag.AlignVCenter), part.text)
        painter.restore()
