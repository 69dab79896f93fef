"""The SVU window: from 13 weeks to 3 weeks before the start, both days included."""
from __future__ import annotations

from datetime import date, timedelta

from lokomotiv_desktop.domain.svu import svu_window

START = date(2027, 3, 22)
EARLIEST = date(2026, 12, 21)  # 91 days before
LATEST = date(2027, 3, 1)  # 21 days before
DAY = timedelta(days=1)


def test_window_is_13_to_3_weeks_before_the_start():
    window = svu_window(START)
    assert (window.earliest, window.latest) == (EARLIEST, LATEST)
    assert svu_window(START, earliest_weeks=10, latest_weeks=2).earliest == date(2027, 1, 11)


def test_state_on_the_boundary_days():
    window = svu_window(START)
    assert window.state(EARLIEST - DAY) == "not_yet"
    assert window.state(EARLIEST) == "open"
    assert window.state(LATEST - 8 * DAY) == "open"
    assert window.state(LATEST - 7 * DAY) == "closing"
    assert window.state(LATEST) == "closing"
    assert window.state(LATEST + DAY) == "closed"
    assert window.state(START) == "closed"


def test_reminders_in_danish():
    window = svu_window(START)
    assert window.reminder(EARLIEST - DAY) is None
    assert window.reminder(EARLIEST) == "SVU-ansøgning kan sendes nu (senest 1.3.2027)."
    assert window.reminder(LATEST - 5 * DAY) == "SVU: fristen er om 5 dage (1.3.2027)."
    assert window.reminder(LATEST - DAY) == "SVU: fristen er i morgen (1.3.2027)."
    assert window.reminder(LATEST) == "SVU: fristen er i dag (1.3.2027)."
    assert window.reminder(LATEST + DAY) is None


def test_remind_days_can_be_set():
    window = svu_window(START, remind_days=3)
    assert window.state(LATEST - 4 * DAY) == "open"
    assert window.state(LATEST - 3 * DAY) == "closing"
