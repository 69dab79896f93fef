"""The visit and session forms send only what the person changed, and ask whose value to
keep when that field was changed underneath since the form loaded it."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.services import motivation, outreach
from lokomotiv_desktop.store.outreach import SessionRepository, VisitRepository
from lokomotiv_desktop.ui.dialogs.session_form import SessionForm
from lokomotiv_desktop.ui.dialogs.visit_form import VisitForm

from ..test_ui_changed_underneath import answer_conflict
from .conftest import company_id


def from_elsewhere(store, table: str, row_id: str, values: dict) -> None:
    with store.transaction():
        store.changes.update(table, row_id, values)


@pytest.fixture
def shown(runner):
    forms = []

    def show(form):
        form.show()
        forms.append(form)
        return form

    yield show
    for form in forms:
        form.done(0)
        form.deleteLater()


def replace(qtbot, widget, text: str) -> None:
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_visit_form_keeps_a_change_underneath_and_asks_about_its_own_field(
        shown, qtbot, filled_store, runner, wait_idle):
    store = filled_store
    visit = outreach.log_visit(store, company_id(store, 0), date="2026-12-01",
                               kind="første møde", consultant="Anne Holm").visit
    form = shown(VisitForm(store, runner, company_id(store, 0), visit.id))
    from_elsewhere(store, "visit", visit.id, {"agreed": "Møde med HR", "notes": "Deres note"})
    replace(qtbot, form.notes, "Min note")
    seen: list[tuple[str, str]] = []
    answer_conflict(qtbot, "Behold min", seen)
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save()
    wait_idle()
    assert seen == [("Feltet «Noter» er ændret af en anden, mens du redigerede.",
                     "Deres værdi: Deres note\nDin værdi: Min note")]
    stored = VisitRepository(store).get(visit.id)
    assert (stored.notes, stored.agreed) == ("Min note", "Møde med HR")


def test_session_form_keeps_theirs_when_asked(shown, qtbot, filled_store, runner, wait_idle):
    store = filled_store
    session = motivation.log_session(store, company_id(store, 0), date="2026-12-01",
                                     format="pølsevogn", consultant="Anne Holm",
                                     invited=40, attended=30)
    form = shown(SessionForm(store, runner, company_id(store, 0), session.id))
    from_elsewhere(store, "motivation_session", session.id, {"attended": 32, "place": "Hallen"})
    replace(qtbot, form.attended, "31")
    replace(qtbot, form.signed_up, "20")
    seen: list[tuple[str, str]] = []
    answer_conflict(qtbot, "Behold deres", seen)
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save()
    wait_idle()
    assert seen == [("Feltet «Fremmødte» er ændret af en anden, mens du redigerede.",
                     "Deres værdi: 32\nDin værdi: 31")]
    stored = SessionRepository(store).get(session.id)
    assert (stored.attended, stored.signed_up, stored.place) == (32, 20, "Hallen")
