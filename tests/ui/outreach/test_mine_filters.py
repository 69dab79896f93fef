""""Kun mine": once I have a name, Oversigt, Virksomheder, Faser and Møder open on my own
companies and tasks; one click on "Alle" shows everyone's, and each page keeps its choice."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from lokomotiv_desktop.services import me

from ..window_data import COMPANIES

ME = "Anne Holm"  # consultant of companies 0, 2 and 7
MINE = [c[0] for c in COMPANIES if c[4] == ME]


@pytest.fixture
def my_store(outreach_store):
    me.set_my_name(outreach_store, ME)
    return outreach_store


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def company_names(page) -> list[str]:
    model = page.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def board_names(board) -> list[str]:
    return sorted(c.name for column in board.columns.values() for c in column.model.cards())


def test_without_a_name_there_is_no_toggle_and_everything_shows(outreach_window, qtbot):
    page = outreach_window.companies
    assert page.mine.isHidden()
    qtbot.waitUntil(lambda: page.model.rowCount() == len(COMPANIES))


def test_companies_open_on_mine_and_all_shows_everyone(my_store, outreach_window, qtbot):
    page = outreach_window.companies
    assert not page.mine.isHidden() and page.mine.mine_button.isChecked()
    assert page.mine.mine_button.text() == "Kun mine" and page.mine.all_button.text() == "Alle"
    qtbot.waitUntil(lambda: sorted(company_names(page)) == sorted(MINE))
    assert not page.consultant.isEnabled()  # "Kun mine" decides the consultant
    click(qtbot, page.mine.all_button)
    qtbot.waitUntil(lambda: page.model.rowCount() == len(COMPANIES))
    assert page.consultant.isEnabled()


def test_board_opens_on_my_cards(my_store, outreach_window, qtbot):
    board = outreach_window.show_page("phases")
    qtbot.waitUntil(lambda: board_names(board) == sorted(MINE))
    click(qtbot, board.mine.all_button)
    assert len(board_names(board)) == len(COMPANIES)
    click(qtbot, board.mine.mine_button)
    assert board_names(board) == sorted(MINE)


def test_overview_shows_my_tasks_until_all_is_clicked(my_store, outreach_window, qtbot,
                                                       wait_idle):
    overview = outreach_window.outreach.overview
    _header, _view, model = overview.lists["today"]
    assert model.rowCount() == 0  # today's task is Bo Jensen's
    assert overview.lists["overdue"][2].rowCount() == 1  # mine
    with qtbot.waitSignal(overview.loaded):
        click(qtbot, overview.mine.all_button)
    assert model.rowCount() == 1


def test_meetings_open_on_mine(my_store, outreach_window, qtbot):
    page = outreach_window.show_page("meetings")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    consultants = {page.model.index(r, 4).data() for r in range(page.model.rowCount())}
    assert consultants == {ME}
    click(qtbot, page.mine.all_button)
    assert page.model.rowCount() == 5


def test_each_page_keeps_its_own_choice(my_store, runner, qtbot, outreach_window):
    from lokomotiv_desktop.ui.main_window import MainWindow

    click(qtbot, outreach_window.companies.mine.all_button)
    outreach_window.close()
    again = MainWindow(my_store, runner)
    qtbot.addWidget(again)
    assert again.companies.mine.all_button.isChecked()  # as I left it
    assert again.outreach.overview.mine.mine_button.isChecked()  # untouched: mine
    again.close()
