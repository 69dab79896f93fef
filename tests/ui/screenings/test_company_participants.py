"""The company view's Deltagere tab: the company's own participants, counts for the
employer with small numbers as "<5", and the person view and forms opened from it."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.services import screenings
from lokomotiv_desktop.ui.models.participants_model import COL_CONSENT
from lokomotiv_desktop.ui.widgets import company_participants as tab_module
from lokomotiv_desktop.ui.widgets.company_participants import CompanyParticipants

from .people import add, company, screened


@pytest.fixture
def tab(qtbot, filled_store):
    widget = CompanyParticipants(filled_store, company(filled_store).id)
    qtbot.addWidget(widget)
    yield widget
    if widget.form is not None:
        widget.form.close()


def test_small_counts_show_as_less_than_five(tab, filled_store):
    assert tab.counts.text() == "Deltagere: 0 · Screenet: 0 · Henvist til ordblindetest: 0"
    people = [add(filled_store, f"Person{n}") for n in range(12)]
    add(filled_store, "Anden", "Virksomhed", seed=1)  # another company's: not counted
    for person in people[:7]:
        screened(filled_store, person)
    screenings.add_referral(filled_store, people[0].id, school="VUC")
    tab.reload()
    assert tab.counts.text() == "Deltagere: 12 · Screenet: 7 · Henvist til ordblindetest: <5"
    assert tab.model.rowCount() == 12
    assert tab.model.index(0, COL_CONSENT).data() == "Givet"


def test_new_participant_and_open_person(qtbot, tab, filled_store):
    tab.new_participant()
    tab.form.inputs["first_name"].setText("Ny")
    tab.form.inputs["last_name"].setText("Medarbejder")
    with qtbot.waitSignal(tab.changed):
        assert tab.form.submit()
    assert tab.model.rowCount() == 1 and tab.counts.text().startswith("Deltagere: <5")
    opened = []
    tab.open_person.connect(opened.append)
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    tab.open_button.click()
    assert opened == [tab.model.id_at(0)]


def test_screening_day_opens_the_grid(tab, monkeypatch):
    monkeypatch.setattr(tab_module, "ask_day", lambda parent: "2.12.2026")
    tab.screening_day()
    assert type(tab.form).__name__ == "ScreeningDayDialog" and tab.form.isVisible()
    tab.form.close()
    tab.form = None


def test_screening_day_with_a_bad_date_opens_nothing(tab, monkeypatch):
    warned = []
    monkeypatch.setattr(tab_module, "ask_day", lambda parent: "32.13.2026")
    monkeypatch.setattr(tab_module.QMessageBox, "warning",
                        lambda parent, title, text: warned.append(text))
    assert tab_module.open_screening_day(tab, tab._store, tab.company_id) is None
    assert warned and "dato" in warned[0].lower()


def test_the_company_editor_has_the_tab(window, filled_store):
    window.open_company(company(filled_store).id)
    editor = window.editor
    titles = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert titles[-1] == "Deltagere"
    assert isinstance(editor.participants, CompanyParticipants)
