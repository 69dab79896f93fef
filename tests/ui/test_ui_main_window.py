"""The main window: navigation and shortcuts, Ctrl+K, the status bar, the first start."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from lokomotiv_desktop.store.companies import CompanyRepository
from lokomotiv_desktop.ui.i18n import saved_language
from lokomotiv_desktop.ui.main_window import PAGE_ORDER


def nav_keys(window) -> list[str]:
    return [window.navigation.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(window.navigation.count())]


def test_navigation_in_danish_in_design_order(window):
    titles = {window.navigation.item(i).data(Qt.ItemDataRole.UserRole):
              window.navigation.item(i).text() for i in range(window.navigation.count())}
    assert titles["companies"] == "Virksomheder" and titles["settings"] == "Indstillinger"
    keys = nav_keys(window)
    assert keys == sorted(keys, key=PAGE_ORDER.index) and keys[-1] == "settings"
    assert window.current_page_key() == keys[0]  # the first page is the home page


def test_ctrl_number_switches_pages_and_new_pages_slot_in_by_design_order(window, qtbot):
    keys = nav_keys(window)  # Rapporter and Forening install themselves (reports_ui.py)
    assert keys == sorted(keys, key=PAGE_ORDER.index)
    for key in ("reports", "association", "settings", "companies"):
        number = keys.index(key) + 1
        if number > 9:
            continue  # with the Hold page there are ten: only Ctrl+1..9 exist
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == key
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + keys.index("reports") + 1),
                   Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget().objectName() == "reports_page"
    go_menu = [a.text() for a in window._go_menu.actions()]
    assert go_menu.index("Rapporter") == keys.index("reports")
    try:
        window.add_page("reports", "Igen", QLabel())
    except ValueError as exc:
        assert "already registered" in str(exc)
    else:
        raise AssertionError("a second page with the same key was accepted")


def test_status_bar_shows_location_and_counts(window, filled_store, wait_idle):
    wait_idle()
    status = window.store_status
    assert status.location.text() == str(filled_store.path)
    assert status.counts.text() == (
        f"·  Virksomheder: 8 · P-enheder: 1 · Kontaktpersoner: 1 · "
        f"Ikke synkroniseret: {filled_store.pending_changes()}")
    extra = QLabel("Synkroniseret")
    window.add_status_widget(extra)
    assert extra.isVisible()


def test_ctrl_k_finds_a_company_and_opens_it(window, qtbot):
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.quick_search is not None and window.quick_search.isVisible())
    popup = window.quick_search
    qtbot.keyClicks(popup.query, "horsens")
    qtbot.waitUntil(lambda: popup.results.count() == 2)
    texts = [popup.results.item(i).text() for i in range(popup.results.count())]
    assert all("Horsens" in text or "horsens" in text.casefold() for text in texts)
    qtbot.keyClick(popup.query, Qt.Key.Key_Down)
    chosen = popup.results.currentItem().text().split("  ·  ")[0]
    qtbot.keyClick(popup.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.isVisible())
    assert window.editor.form.inputs["name"].text() == chosen
    assert not popup.isVisible()
    window.editor.done(0)


def test_language_setting_is_saved(window, qtbot):
    window.show_page("settings")
    combo = window.settings.language
    assert combo.currentData() == saved_language() == "da"
    combo.setCurrentIndex(combo.findData("en"))
    assert saved_language() == "en" and window.settings.restart_note.isVisible()
    combo.setCurrentIndex(combo.findData("da"))
    assert saved_language() == "da"


def test_first_start_offers_demo_data(qtbot, store, runner, wait_idle):
    from lokomotiv_desktop.ui.app import build_window

    main = build_window(store, runner)
    qtbot.addWidget(main)
    offer = main.demo_offer
    qtbot.waitUntil(offer.isVisible)
    assert "tom" in offer.text()
    qtbot.mouseClick(offer.load_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not runner.busy, timeout=60000)
    assert CompanyRepository(store).count() == 500
    qtbot.waitUntil(lambda: main.companies.model.rowCount() == 500)
    assert offer.progress is None  # the progress dialog closed
    main.close()


def test_starting_empty_keeps_the_store_empty(qtbot, store, runner):
    from lokomotiv_desktop.ui.app import build_window

    main = build_window(store, runner)
    qtbot.addWidget(main)
    qtbot.waitUntil(main.demo_offer.isVisible)
    qtbot.mouseClick(main.demo_offer.empty_button, Qt.MouseButton.LeftButton)
    assert not main.demo_offer.isVisible() and main.demo_offer.progress is None
    assert CompanyRepository(store).count() == 0
    main.close()


def test_a_filled_store_gets_no_offer(window):
    assert not hasattr(window, "demo_offer")
