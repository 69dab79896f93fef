"""An error never moves the fields below it and is never cut off: the visit and session
forms show messages at their foot in space kept for them, and the field's label turns red."""
from __future__ import annotations

from PySide6.QtCore import Qt

from lokomotiv_desktop.ui.dialogs.session_form import SessionForm
from lokomotiv_desktop.ui.dialogs.visit_form import VisitForm

from ..form_geometry import field_rects, fits
from .conftest import company_id

ATTENDED = "Der kan ikke være flere fremmødte (31) end inviterede (30)."


def open_form(form_class, store, runner):
    form = form_class(store, runner, company_id(store, 0))
    form.resize(form.sizeHint())
    form.show()
    return form


def test_the_session_forms_count_error_moves_nothing_and_shows_whole(filled_store, runner,
                                                                     qtbot):
    form = open_form(SessionForm, filled_store, runner)
    try:
        qtbot.keyClicks(form.invited, "30")
        before = field_rects(form, form.inputs)
        qtbot.keyClicks(form.attended, "31")
        label = form.errors["attended"]
        assert label.text() == ATTENDED
        assert field_rects(form, form.inputs) == before
        assert fits(label), (label.size(), label.sizeHint())
        assert "b3261e" in form.foot.general.styleSheet()  # the foot's colour
        field_label = label.field_label
        assert field_label.text() == "Fremmødte" and "b3261e" in field_label.styleSheet()
        form.attended.clear()
        qtbot.keyClicks(form.attended, "20")
        assert not label.isVisible() and field_label.styleSheet() == ""
        assert field_rects(form, form.inputs) == before
    finally:
        form.done(0)
        form.deleteLater()


def test_the_visit_forms_date_error_moves_nothing(filled_store, runner, qtbot):
    form = open_form(VisitForm, filled_store, runner)
    try:
        before = field_rects(form, form.inputs)
        form.date.setFocus()
        form.date.selectAll()
        qtbot.keyClicks(form.date, "31.2.2026")
        qtbot.keyClick(form.date, Qt.Key.Key_Tab)
        label = form.errors["date"]
        assert label.isVisible() and fits(label), label.text()
        assert field_rects(form, form.inputs) == before
    finally:
        form.done(0)
        form.deleteLater()
