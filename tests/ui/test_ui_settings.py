"""Indstillinger → Mig: my name and municipalities are saved where the rest of the window
reads them; the language choice offers the restart that switches the whole window."""
from __future__ import annotations

from PySide6.QtCore import QProcess, Qt

from lokomotiv_desktop.services import me
from lokomotiv_desktop.ui.i18n import saved_language


def first_company_id(window) -> str:
    return window.store.db.execute("SELECT id FROM company LIMIT 1").fetchone()[0]


def test_my_name_is_saved_when_typed_and_new_visits_use_it(window, qtbot, wait_idle):
    page = window.show_page("settings")
    qtbot.keyClicks(page.my_name, "Hanne Hansen")
    qtbot.waitUntil(lambda: me.my_name(window.store) == "Hanne Hansen")  # no Save to press
    window.outreach.open_visit(first_company_id(window))
    try:
        assert window.outreach.form.consultant.text() == "Hanne Hansen"
    finally:
        window.outreach.form.done(0)


def test_ticked_municipalities_become_mine(window, qtbot, wait_idle):
    page = window.show_page("settings")
    assert page.municipality_summary.text() == "Ingen valgt: listerne viser alle kommuner."
    rows = {page.municipalities.item(r).data(Qt.ItemDataRole.UserRole): page.municipalities.item(r)
            for r in range(page.municipalities.count())}
    assert {"630", "615"} <= set(rows)
    for code in ("630", "615"):
        rows[code].setCheckState(Qt.CheckState.Checked)
    wait_idle()
    assert sorted(me.my_municipalities(window.store)) == ["615", "630"]
    assert page.municipality_summary.text() == "Listerne åbner på Horsens, Vejle."


def test_not_logged_in_offers_the_login(window):
    page = window.show_page("settings")
    assert page.server.text() == "Ikke logget ind"
    assert page.login_button.isVisibleTo(page) and not page.logout_button.isVisibleTo(page)


def test_choosing_english_offers_a_restart_that_starts_lokomotiv_again(window, qtbot,
                                                                       monkeypatch):
    started = []
    monkeypatch.setattr(QProcess, "startDetached", lambda *args: started.append(args) or True)
    monkeypatch.setattr("lokomotiv_desktop.ui.pages.settings_page.QCoreApplication.quit",
                        lambda: None)
    page = window.show_page("settings")
    page.language.setCurrentIndex(page.language.findData("en"))
    assert saved_language() == "en"
    assert page.restart_button.isVisible() and page.restart_button.text() == "Genstart nu"
    try:
        qtbot.mouseClick(page.restart_button, Qt.MouseButton.LeftButton)
        assert started and not window.isVisible()
    finally:
        page.language.setCurrentIndex(page.language.findData("da"))
    assert saved_language() == "da"


def test_course_settings_are_saved_and_a_wrong_range_is_refused(window, qtbot, wait_idle):
    from lokomotiv_desktop.services.course_settings import course_settings

    group = window.show_page("settings").course_settings
    assert (group.class_min.value(), group.class_max.value(), group.obu_max.value()) == (8, 13, 6)
    group.class_min.setValue(12)
    group.class_max.setValue(10)
    qtbot.mouseClick(group.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert group.message.isVisible() and "mindste" in group.message.text()
    assert course_settings(window.store).class_max == 13  # nothing saved
    group.class_min.setValue(6)
    group.hours_max.setValue(50)
    qtbot.mouseClick(group.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert not group.message.isVisible() and group.saved.text() == "Gemt."
    saved = course_settings(window.store)
    assert (saved.class_min, saved.class_max, saved.hours_max) == (6, 10, 50.0)
