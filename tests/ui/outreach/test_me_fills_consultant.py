"""Who I am (Indstillinger → Mig) is the consultant of new visits, sessions and phase moves,
rather than the account name of the login."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from lokomotiv_desktop.domain.enums import Phase
from lokomotiv_desktop.services import me
from lokomotiv_desktop.ui.dialogs.session_form import SessionForm
from lokomotiv_desktop.ui.dialogs.visit_form import VisitForm

from .conftest import company_id
from .test_board import open_board


@pytest.fixture
def me_named(outreach_store):
    with outreach_store.transaction():
        outreach_store.set_state("user", "hhansen")  # the account of the last login
    me.set_my_name(outreach_store, "Hanne Hansen")
    return outreach_store


@pytest.mark.parametrize("form_class", [VisitForm, SessionForm])
def test_a_new_meeting_is_mine(form_class, me_named, runner):
    form = form_class(me_named, runner, company_id(me_named, 0))
    form.show()
    try:
        assert form.consultant.text() == "Hanne Hansen"
    finally:
        form.done(0)
        form.deleteLater()


def test_moving_a_card_is_done_by_me(me_named, outreach_window, qtbot):
    board = open_board(outreach_window, qtbot)
    first = board.columns[Phase.AFKLARING]
    assert first.select_company(company_id(me_named, 0))
    qtbot.keyClick(first.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert board.move_dialog.changed_by.text() == "Hanne Hansen"
    assert board.move_dialog.ok_button.isEnabled()
