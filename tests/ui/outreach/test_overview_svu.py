"""Oversigt reminds the consultant of courses whose SVU application window is open while
enrolled people have not applied, and opens the course from the reminder."""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from lokomotiv_desktop.services import courses, enrolments
from lokomotiv_desktop.services import participants as people
from lokomotiv_desktop.services.me import my_name

from .conftest import TODAY, company_id


@pytest.fixture
def svu_store(outreach_store, monkeypatch):
    for module in ("course_view", "enrolments"):
        monkeypatch.setattr(f"lokomotiv_desktop.services.{module}.today_local", lambda: TODAY)
    store = outreach_store
    cid = company_id(store, 0)
    course = courses.add_course(
        store, cid, subject="læsning", trin=1, start=TODAY + timedelta(weeks=6),
        weekdays="man", time_span="08:00-11:00", lessons=12,
        consultant=my_name(store) or "Anne Holm").course
    for first in ("Åse", "Bjørn"):
        person = people.add_participant(store, cid, first_name=first, last_name="Ærø")
        people.give_consent(store, person.id, "course", "skriftlig", given_on=TODAY)
        enrolments.enrol(store, course.id, person.id, day=TODAY)
    return store, course


def test_an_open_svu_window_is_on_the_overview_and_opens_its_course(svu_store, qtbot,
                                                                     runner, wait_idle):
    from lokomotiv_desktop.ui.main_window import MainWindow

    store, course = svu_store
    window = MainWindow(store, runner)
    qtbot.addWidget(window)
    window.show()
    page = window.outreach.overview
    with qtbot.waitSignal(page.svu_loaded, timeout=5000):  # a moment after the rest
        window.start()
    wait_idle()
    assert page.svu_header.text() == "SVU-ansøgninger (1)"
    text = page.svu_list.item(0).text()
    assert "FVU-læsning, trin 1" in text and "2 har ikke søgt" in text
    assert "SVU-ansøgning kan sendes nu" in text
    page.svu_list.setCurrentRow(0)
    qtbot.keyClick(page.svu_list, Qt.Key.Key_Return)
    assert window.current_page_key() == "courses"
    dialog = window.built_page("courses").dialog
    assert dialog is not None and dialog.isVisible()
    dialog.done(0)
    window.close()
