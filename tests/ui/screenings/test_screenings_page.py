"""The Screeninger page: the participants list and its filters, the person view opened from
it, referrals awaiting a result and suggested classes."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from lokomotiv_desktop.services import screenings
from lokomotiv_desktop.ui.models.participants_model import COL_CONSENT, COL_SCREENINGS

from .people import add, company, screened


@pytest.fixture
def people_store(filled_store):
    store = filled_store
    soeren = add(store, "Søren", "Ærø", team="Nathold")
    screened(store, soeren)
    add(store, "Anne", "Berg", seed=1)
    add(store, "Åse", "Holm", seed=3, team="Dagskift")
    return store


@pytest.fixture
def page(qtbot, people_store):
    from lokomotiv_desktop.ui.pages.screenings_page import ScreeningsPage

    widget = ScreeningsPage(people_store, None)
    qtbot.addWidget(widget)
    widget.reload()
    yield widget
    if widget.dialog is not None:
        widget.dialog.close()


def names(page) -> list[str]:
    model = page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_lists_participants_in_danish_order_with_their_state(page):
    assert names(page) == ["Anne Berg", "Søren Ærø", "Åse Holm"]
    assert page.count_label.text() == "3 deltagere"
    model = page.model
    soeren = names(page).index("Søren Ærø")
    assert model.index(soeren, COL_CONSENT).data() == "Givet"
    assert model.index(soeren, COL_SCREENINGS).data().startswith("1 (")
    assert model.index(0, COL_CONSENT).data() == "Mangler"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Navn", "Virksomhed", "Hold/skift", "Samtykke", "Screeninger",
                       "Henvist"]


@pytest.mark.parametrize(("typed", "found"), [("soeren", ["Søren Ærø"]),
                                              ("aase", ["Åse Holm"]),
                                              ("nathold", ["Søren Ærø"]),
                                              ("Herning", ["Åse Holm"]),
                                              ("ingen sådan", [])])
def test_filter_by_text_folds_danish(page, typed, found):
    page.search.setText(typed)
    page.apply_filters()
    assert names(page) == found
    assert page.count_label.text() == f"{len(found)} deltagere"


def test_filter_by_municipality(page):
    page.municipality.setCurrentIndex(page.municipality.findData("615"))
    assert names(page) == ["Anne Berg"]


def test_enter_opens_the_person_view_which_logs_one_view(qtbot, page, people_store):
    from lokomotiv_desktop.store.privacy_queue import access_entries

    page.search.setText("soeren")
    page.apply_filters()
    page.open_current()
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.title.text() == "Søren Ærø"
    assert dialog.logged_note.text() == "Visning logges"
    assert len(access_entries(people_store, dialog.participant_id)) == 1
    dialog.reload()  # a reload after a save is the same viewing
    assert len(access_entries(people_store, dialog.participant_id)) == 1


def test_awaiting_result_lists_referrals_without_a_result(page, people_store):
    soeren_id = page.model.id_at(names(page).index("Søren Ærø"))
    screenings.add_referral(people_store, soeren_id, school="VUC Vejle")
    page.reload()
    assert page.tabs.tabText(1) == "Afventer resultat (1)"
    assert page.awaiting.item(0, 0).text() == "Søren Ærø"
    assert page.awaiting.item(0, 1).text() == "Tømrerfirmaet Hansen ApS"
    screenings.record_dyslexia_result(people_store, soeren_id, "grøn")
    page.reload()
    assert page.awaiting.rowCount() == 0


def test_suggested_classes_on_a_hand_built_set(qtbot, filled_store):
    """10 screened for læsning trin 2 at one company make one class of 10; one on trin 4
    alone is not placed, and says why."""
    from lokomotiv_desktop.ui.widgets.class_suggestions_view import ClassSuggestionsView

    for n in range(10):
        screened(filled_store, add(filled_store, f"Person{n}", team="Dag" if n < 6 else "Nat"))
    screened(filled_store, add(filled_store, "Ene", "Alene"), trin=4)
    view = ClassSuggestionsView(filled_store)
    qtbot.addWidget(view)
    view.choose("630", company(filled_store).id)
    result = view.suggest()
    assert [(c.subject, c.trin, len(c.participant_ids)) for c in result.classes] == \
        [("læsning", 2, 10)]
    top = view.tree.topLevelItem(0)
    assert top.text(0) == "Hold 1: FVU-læsning"
    assert (top.text(1), top.text(2), top.childCount()) == ("2", "10", 10)
    assert "Dag" in top.text(3) and "Nat" in top.text(3)
    unplaced = view.tree.topLevelItem(1)
    assert unplaced.text(0) == "Ikke placeret"
    assert unplaced.child(0).text(0).startswith("Ene Alene")
    assert "mindst" in unplaced.child(0).text(3)
    # The municipality's companies together give the same here (one company has screenings).
    view.choose("630")
    assert len(view.suggest().classes) == 1


def test_new_participant_bad_input_says_why_and_writes_nothing(page, people_store):
    form = page.new_participant()
    form.cvr.setText("12345678")
    form.inputs["first_name"].setText("Bo")
    assert not form.submit()
    assert "CVR" in form.error.text()
    form.cvr.setText(company(people_store).cvr)
    form.inputs["first_name"].setText("")
    assert not form.submit()
    assert form.error.text() == "Skriv deltagerens fornavn."
    form.inputs["first_name"].setText("Bo")
    form.notes.setPlainText("cpr 010203-1234")
    assert not form.submit()
    assert "CPR" in form.error.text() or "cpr" in form.error.text().lower()
    assert names(page) == ["Anne Berg", "Søren Ærø", "Åse Holm"]
    form.notes.setPlainText("")
    assert form.submit()
    assert "Bo" in names(page)


def test_screening_day_needs_a_participant_of_a_company(qtbot, page, monkeypatch):
    from lokomotiv_desktop.ui.widgets import company_participants

    page.table.clearSelection()
    page.table.setCurrentIndex(page.model.index(-1, 0))
    assert page.screening_day() is None
    assert "virksomhed" in page.message.text()
    monkeypatch.setattr(company_participants, "ask_day", lambda parent: "2.12.2026")
    page.table.setCurrentIndex(page.model.index(names(page).index("Søren Ærø"), 0))
    dialog = page.screening_day()
    assert type(dialog).__name__ == "ScreeningDayDialog" and dialog.isVisible()
    dialog.close()


def test_erasing_from_the_person_view_removes_them_from_the_list(page, people_store,
                                                                 monkeypatch):
    from lokomotiv_desktop.store.participants import ParticipantRepository
    from lokomotiv_desktop.ui.dialogs import person_dialog

    monkeypatch.setattr(person_dialog, "ask_erase", lambda parent, name: True)
    soeren_id = page.model.id_at(names(page).index("Søren Ærø"))
    dialog = page.open_person(soeren_id)
    dialog.withdraw_consent()  # Søren's screening consent; then yes to erasing
    assert ParticipantRepository(people_store).get(soeren_id) is None
    assert names(page) == ["Anne Berg", "Åse Holm"]
    assert page.count_label.text() == "2 deltagere"
    assert page.dialog is None


def test_the_page_sits_after_meetings_in_the_window(qtbot, window):
    keys = [window.navigation.item(r).data(256) for r in range(window.navigation.count())]
    assert keys.index("screenings") == keys.index("meetings") + 1
    page = window.show_page("screenings")
    assert window.navigation.currentItem().text() == "Screeninger"
    qtbot.waitUntil(lambda: page.count_label.text() == "0 deltagere", timeout=5000)
