"""Faser: columns with counts, filters, moving a card by keyboard and by drag and drop,
each move recorded in the phase history with its reason."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from lokomotiv_desktop.domain.enums import Phase
from lokomotiv_desktop.services.phases import phase_history
from lokomotiv_desktop.store.companies import CompanyRepository

from ..window_data import COMPANIES
from .conftest import company_id, name


def counts(board) -> dict[int, int]:
    return {int(phase): column.model.rowCount() for phase, column in board.columns.items()}


def column_names(board, phase: Phase) -> list[str]:
    return [card.name for card in board.columns[phase].model.cards()]


def open_board(window, qtbot):
    board = window.show_page("phases")  # built on this first visit
    assert board is window.outreach.board
    # Loaded: either everyone's cards, or the toggle a known name brings.
    qtbot.waitUntil(lambda: not board.mine.isHidden()
                    or sum(counts(board).values()) == len(COMPANIES))
    if not board.mine.isHidden():  # a consultant named: see everyone's cards
        qtbot.mouseClick(board.mine.all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sum(counts(board).values()) == len(COMPANIES))
    return board


def test_columns_per_phase_with_counts_and_cards(outreach_window, qtbot):
    board = open_board(outreach_window, qtbot)
    assert counts(board) == {1: 2, 2: 3, 3: 1, 4: 1, 5: 1}
    assert board.columns[Phase.MOTIVATION].count.text() == "3 virksomheder"
    assert [c.header.text() for c in board.columns.values()] == [
        "1. Afklaring", "2. Motivation", "3. Engagement", "4. Gennemførelse", "5. Opfølgning"]
    card = board.columns[Phase.AFKLARING].model.cards()[0]
    name_, place, follow_up, _days, overdue = board.delegate.card_lines(card)
    assert (name_, place) == ("Brdr. Smed Horsens", "Horsens · Karin Lund")
    assert follow_up == "Ingen opfølgning" and not overdue
    hansen = next(c for c in board.columns[Phase.AFKLARING].model.cards() if c.name == name(0))
    _n, _p, follow_up, _d, overdue = board.delegate.card_lines(hansen)
    assert follow_up == "Næste 29.11.2026" and overdue  # the overdue task of the fixture


def test_filters_by_municipality_consultant_and_name(outreach_window, qtbot):
    board = open_board(outreach_window, qtbot)
    board.municipality.setCurrentIndex(board.municipality.findText("Vejle"))
    assert counts(board) == {1: 1, 2: 1, 3: 1, 4: 0, 5: 0}
    board.consultant.setCurrentIndex(board.consultant.findText("Anne Holm"))
    assert sum(counts(board).values()) == 3
    board.municipality.setCurrentIndex(0)
    board.consultant.setCurrentIndex(board.consultant.findText("(ingen konsulent)"))
    assert column_names(board, Phase.OPFOELGNING) == ["Fiskeindustrien Nord"]
    assert sum(counts(board).values()) == 1
    board.consultant.setCurrentIndex(0)
    qtbot.keyClicks(board.search, "tømrer")
    qtbot.waitUntil(lambda: sum(counts(board).values()) == 2)
    assert board.count_label.text() == "Virksomheder: 2"


def accept_move(board, qtbot, reason: str) -> None:
    qtbot.waitUntil(lambda: board.move_dialog is not None and board.move_dialog.isVisible())
    dialog = board.move_dialog
    qtbot.keyClicks(dialog.reason, reason)
    with qtbot.waitSignal(board.loaded, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_keyboard_move_with_ctrl_right_is_recorded(outreach_window, qtbot):
    window = outreach_window
    board = open_board(window, qtbot)
    store = window.store
    hansen = company_id(store, 0)
    first = board.columns[Phase.AFKLARING]
    assert first.select_company(hansen)
    qtbot.keyClick(first.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert board.move_dialog.summary.text() == f"Flyt {name(0)} til Motivation."
    board.move_dialog.changed_by.setText("Anne Holm")
    accept_move(board, qtbot, "Ledelsen sagde ja")
    assert name(0) in column_names(board, Phase.MOTIVATION)
    assert name(0) not in column_names(board, Phase.AFKLARING)
    # The card stays selected in its new column, so the next Ctrl+Right moves it on.
    assert board.columns[Phase.MOTIVATION].view.current_company_id() == hansen
    history = phase_history(store, hansen)
    assert [(h.from_phase, h.to_phase, h.changed_by, h.reason) for h in history] == [
        (Phase.AFKLARING, Phase.MOTIVATION, "Anne Holm", "Ledelsen sagde ja")]
    assert CompanyRepository(store).get(hansen).phase == Phase.MOTIVATION


def test_ctrl_left_in_the_first_column_does_nothing(outreach_window, qtbot):
    board = open_board(outreach_window, qtbot)
    first = board.columns[Phase.AFKLARING]
    first.select_company(company_id(outreach_window.store, 0))
    qtbot.keyClick(first.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert board.move_dialog is None


def test_cancelled_move_writes_nothing(outreach_window, qtbot):
    board = open_board(outreach_window, qtbot)
    hansen = company_id(outreach_window.store, 0)
    board.columns[Phase.AFKLARING].select_company(hansen)
    qtbot.keyClick(board.columns[Phase.AFKLARING].view, Qt.Key.Key_Right,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(board.move_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: board.move_dialog is None)
    assert phase_history(outreach_window.store, hansen) == []


def drop_on(view, mime: QMimeData) -> None:
    """What Qt delivers when a dragged card enters the view, moves and is released."""
    point = view.viewport().rect().center()
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, Qt.DropAction.MoveAction, mime, buttons, keys)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()  # the view takes our card's mime type
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(
        point, Qt.DropAction.MoveAction, mime, buttons, keys))
    QApplication.sendEvent(view.viewport(), QDropEvent(
        point.toPointF(), Qt.DropAction.MoveAction, mime, buttons, keys))


def test_drag_and_drop_moves_the_card_and_records_it(outreach_window, qtbot):
    window = outreach_window
    board = open_board(window, qtbot)
    bakery = company_id(window.store, 4)  # Århus Bageri, phase 4
    source = board.columns[Phase.GENNEMFOERELSE]
    mime = source.model.mimeData([source.model.index(source.model.row_of(bakery), 0)])
    drop_on(board.columns[Phase.ENGAGEMENT].view, mime)
    qtbot.waitUntil(lambda: board.move_dialog is not None)
    board.move_dialog.changed_by.setText("Bo Jensen")
    accept_move(board, qtbot, "Holdet er udsat")
    assert column_names(board, Phase.ENGAGEMENT) == sorted(
        ["Vejle Maskinfabrik A/S", "Århus Bageri I/S"])
    assert source.model.rowCount() == 0
    [change] = phase_history(window.store, bakery)
    assert (change.from_phase, change.to_phase, change.reason) == (
        Phase.GENNEMFOERELSE, Phase.ENGAGEMENT, "Holdet er udsat")


def test_dropping_a_card_on_its_own_column_asks_nothing(outreach_window, qtbot):
    board = open_board(outreach_window, qtbot)
    column = board.columns[Phase.MOTIVATION]
    mime = column.model.mimeData([column.model.index(0, 0)])
    assert column.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1,
                                     QModelIndex()) is False
    QApplication.processEvents()
    assert board.move_dialog is None


def test_board_column_model_passes_the_model_tester(outreach_window, qtbot, qtmodeltester):
    board = open_board(outreach_window, qtbot)
    qtmodeltester.check(board.columns[Phase.MOTIVATION].model)
