"""Fixtures for the outreach window tests: a fixed "today" (a Wednesday), and follow-ups,
visits and a session around it for the companies of window_data."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from lokomotiv_desktop.services import motivation, outreach
from lokomotiv_desktop.store.companies import CompanyRepository

from ..window_data import COMPANIES, valid_cvr

TODAY = date(2026, 12, 2)  # a Wednesday: "rest of the week" is Thursday to Sunday
_TODAY_USERS = (
    "lokomotiv_desktop.services.outreach", "lokomotiv_desktop.services.phases",
    "lokomotiv_desktop.ui.pages.phase_board", "lokomotiv_desktop.ui.pages.meetings_page",
    "lokomotiv_desktop.ui.dialogs.visit_form", "lokomotiv_desktop.ui.dialogs.session_form",
)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    for module in _TODAY_USERS:
        monkeypatch.setattr(f"{module}.today_local", lambda: TODAY)
    return TODAY


def company_id(store, seed: int) -> str:
    return CompanyRepository(store).get_by_cvr(valid_cvr(seed)).id


def name(seed: int) -> str:
    return COMPANIES[seed][0]


@pytest.fixture
def outreach_store(filled_store):
    """Company 0: an overdue task; 1: one due today; 3: one due Friday; 4: a visit on
    Monday next week; 7: a session on Thursday."""
    store = filled_store
    for seed, day, due in ((0, -10, -3), (1, -2, 0), (3, -1, 2)):
        outreach.log_visit(store, company_id(store, seed), date=TODAY + timedelta(days=day),
                           kind="første møde", consultant=COMPANIES[seed][4] or "Anne Holm",
                           next_step=f"Ring til {name(seed)}",
                           next_due=TODAY + timedelta(days=due))
    outreach.log_visit(store, company_id(store, 4), date=TODAY + timedelta(days=5),
                       time="09:30", kind="opfølgning", consultant="Bo Jensen")
    motivation.log_session(store, company_id(store, 7), date=TODAY + timedelta(days=1),
                           time="12:00", format="pølsevogn", consultant="Anne Holm",
                           invited=40, attended=31, signed_up=22)
    return store


@pytest.fixture
def outreach_window(qtbot, outreach_store, runner, wait_idle):
    from lokomotiv_desktop.ui.main_window import MainWindow

    main = MainWindow(outreach_store, runner)
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(main.outreach.overview.loaded, timeout=5000):
        main.start()
    wait_idle()
    yield main
    board = main.built_page("phases")  # None unless the test visited Faser
    for dialog in (main.outreach.form, board and board.move_dialog, main.editor):
        if dialog is not None:
            dialog.done(0)
    main.close()
