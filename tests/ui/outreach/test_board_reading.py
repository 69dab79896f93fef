"""Faser as a person reads it: whole names on two lines, the follow-up date whole, what the
day count counts (never below zero), a tooltip with what the card has no room for, and
headers that stay whole at 1024 px."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from lokomotiv_desktop.domain.enums import Phase
from lokomotiv_desktop.services import outreach, phases
from lokomotiv_desktop.store.companies import CompanyRepository

from ..window_data import COMPANIES
from .conftest import TODAY, company_id

LONG_NAME = "Vestjyllands Maskin- og Stålkonstruktioner Holding A/S"


def open_board(window, qtbot):
    board = window.show_page("phases")
    qtbot.waitUntil(lambda: sum(c.model.rowCount() for c in board.columns.values())
                    >= len(COMPANIES))
    return board


def card_of(board, name: str):
    return next(card for column in board.columns.values() for card in column.model.cards()
                if card.name == name)


def drawn(board, column, card, bold: bool | None = None) -> list[str]:
    """The texts the delegate draws for `card` at the column's real width (bold: the name)."""
    view = column.view
    rect = QRect(0, 0, view.viewport().width(), 100)
    return [part.text for part in board.delegate.layout(card, rect, view.font())
            if bold is None or part.bold == bold]


def test_a_long_name_is_drawn_whole_on_two_lines_at_1024(outreach_window, qtbot):
    store = outreach_window.store
    with store.transaction():
        CompanyRepository(store).update(company_id(store, 6), {"name": LONG_NAME})
    outreach_window.resize(1024, 640)
    board = open_board(outreach_window, qtbot)
    qtbot.waitUntil(lambda: any(c.name == LONG_NAME
                                for c in board.columns[Phase.AFKLARING].model.cards()))
    column = board.columns[Phase.AFKLARING]
    name_lines = drawn(board, column, card_of(board, LONG_NAME), bold=True)
    assert len(name_lines) == 2
    assert " ".join(name_lines).count("…") <= 1
    # Two lines hold the start of the name whole; only what is beyond them is elided.
    assert name_lines[0] and LONG_NAME.startswith(name_lines[0])
    assert len(" ".join(name_lines).rstrip("…")) > len(name_lines[0])
    short = drawn(board, column, card_of(board, COMPANIES[0][0]), bold=True)
    assert " ".join(short) == COMPANIES[0][0]  # "Tømrerfirmaet Hansen ApS" whole


def test_next_follow_up_date_whole_and_days_say_what_they_count(outreach_window, qtbot):
    store = outreach_window.store
    hansen = company_id(store, 0)
    phases.move_phase(store, hansen, Phase.MOTIVATION, "Anne Holm", "Ja",
                      at=datetime(2026, 10, 6, 12, tzinfo=UTC))  # 57 days before TODAY
    board = open_board(outreach_window, qtbot)
    qtbot.waitUntil(lambda: any(c.name == COMPANIES[0][0]
                                for c in board.columns[Phase.MOTIVATION].model.cards()))
    card = card_of(board, COMPANIES[0][0])
    texts = drawn(board, board.columns[Phase.MOTIVATION], card)
    assert "Næste 29.11.2026" in texts
    assert "57 dage i fasen" in texts


def test_a_phase_change_dated_in_the_future_never_shows_a_negative_count(
        outreach_window, qtbot):
    store = outreach_window.store
    phases.move_phase(store, company_id(store, 1), Phase.ENGAGEMENT, "Bo Jensen",
                      at=datetime.now(UTC) + timedelta(days=400))
    board = open_board(outreach_window, qtbot)
    qtbot.waitUntil(lambda: any(c.name == COMPANIES[1][0]
                                for c in board.columns[Phase.ENGAGEMENT].model.cards()))
    card = card_of(board, COMPANIES[1][0])
    assert card.days_in_phase < 0  # what the store counts from a clock ahead of ours
    texts = drawn(board, board.columns[Phase.ENGAGEMENT], card)
    assert "0 dage i fasen" in texts
    assert not any("-" in text for text in texts if "dag" in text)


def test_tooltip_tells_last_visit_next_task_and_consultant(outreach_window, qtbot):
    store = outreach_window.store
    board = open_board(outreach_window, qtbot)
    column = board.columns[Phase.AFKLARING]
    row = column.model.row_of(company_id(store, 0))
    tip = column.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    last = TODAY - timedelta(days=10)
    assert f"Sidste besøg: {last.day}.{last.month}.{last.year} (første møde)" in tip
    assert "Næste opgave: 29.11.2026 Ring til Tømrerfirmaet Hansen ApS" in tip
    assert "Konsulent: Anne Holm" in tip
    # A visit booked ahead is not the last visit.
    outreach.log_visit(store, company_id(store, 6), date=TODAY + timedelta(days=3),
                       kind="første møde", consultant="Karin Lund")
    with qtbot.waitSignal(board.loaded, timeout=5000):
        board.reload()
    row = column.model.row_of(company_id(store, 6))
    tip = column.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Sidste besøg: ingen" in tip and "Næste opgave: ingen" in tip


def test_headers_and_counts_stay_whole_at_1024(outreach_window, qtbot):
    outreach_window.resize(1024, 640)
    board = open_board(outreach_window, qtbot)
    qtbot.waitUntil(lambda: outreach_window.width() == 1024)
    for column in board.columns.values():
        for label in (column.header, column.count):
            needed = QFontMetrics(label.font()).horizontalAdvance(label.text())
            assert label.width() >= needed, f"{label.text()!r} is cut at 1024 px"
    assert board.columns[Phase.MOTIVATION].header.text() == "2. Motivation"
    assert board.columns[Phase.MOTIVATION].count.text() == "3 virksomheder"
    assert board.columns[Phase.ENGAGEMENT].count.text() == "1 virksomhed"
