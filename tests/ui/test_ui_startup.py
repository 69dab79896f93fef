"""Start-up: the window shows the home page and the list first; Faser, Møder, Synkronisering
and Indstillinger are built on their first visit, their navigation, shortcuts and "Gå til"
entries there from the start; the sync client and the later pages' code load only when used."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

LATER_PAGES = ("phases", "meetings", "reports", "association", "sync", "settings")


def nav_keys(window) -> list[str]:
    return [window.navigation.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(window.navigation.count())]


def go_menu(window) -> list[str]:
    return [action.text() for action in window._go_menu.actions()]


def nav_titles(window) -> list[str]:
    return [window.navigation.item(i).text() for i in range(window.navigation.count())]


def test_home_page_and_list_are_built_the_later_pages_wait_for_their_visit(window):
    assert window.current_page_key() == "overview"
    assert window.stack.currentWidget() is window.outreach.overview
    assert window.built_page("companies") is window.companies
    assert window.companies.model.rowCount() == 8
    for key in LATER_PAGES:
        assert window.built_page(key) is None, key
    # Their entries exist all the same: navigation, "Gå til" in the same order, shortcuts.
    assert set(LATER_PAGES) <= set(nav_keys(window))
    assert go_menu(window) == nav_titles(window)
    shortcuts = [a.shortcut().toString() for a in window._go_menu.actions()]
    # Only Ctrl+1..9 exist: the pages after the ninth have none.
    assert shortcuts == [f"Ctrl+{n}" if n <= 9 else "" for n in range(1, len(shortcuts) + 1)]


def test_a_shortcut_builds_the_page_and_shows_it(window, qtbot):
    number = nav_keys(window).index("sync") + 1
    with qtbot.waitSignal(window.page_built) as built:
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
    assert built.args == ["sync"]
    page = window.built_page("sync")
    assert page is not None and page.objectName() == "sync_page"
    assert window.stack.currentWidget() is page and page.isVisible()
    assert window.current_page_key() == "sync"
    assert window.show_page("sync") is page  # built once
    # The slot it took in the stack is the one the navigation points at.
    assert window.stack.indexOf(page) == nav_keys(window).index("sync")


def test_clicking_the_navigation_builds_the_page(window, qtbot):
    row = nav_keys(window).index("settings")
    window.navigation.setCurrentRow(row)
    page = window.built_page("settings")
    assert page is window.settings and window.stack.currentWidget() is page
    assert page.language.currentData() == "da"


def test_a_refresh_does_not_build_pages_nobody_visited(window, wait_idle):
    window.data_changed.emit()
    wait_idle()
    assert all(window.built_page(key) is None for key in LATER_PAGES)


def test_a_page_added_after_start_is_in_the_go_menu_and_built_on_its_visit(window, qtbot):
    built = []

    def build_later():
        built.append(True)
        return QLabel("senere")

    window.add_page("later", "Senere", build_later)
    window.add_page("later_too", "Endnu senere", QLabel("endnu senere"))
    assert go_menu(window) == nav_titles(window)
    assert go_menu(window).index("Senere") == nav_keys(window).index("later")
    assert built == [] and window.built_page("later") is None
    action = window._go_menu.actions()[nav_keys(window).index("later")]
    action.trigger()
    assert built == [True]
    assert window.current_page_key() == "later"
    assert window.stack.currentWidget().text() == "senere"
    # The pages after it kept their places.
    window.show_page("later_too")
    assert window.stack.currentWidget().text() == "endnu senere"


def test_sync_reads_its_status_after_the_first_paint(qtbot, filled_store, runner, wait_idle):
    from lokomotiv_desktop.ui.main_window import MainWindow

    main = MainWindow(filled_store, runner)
    qtbot.addWidget(main)
    main.show()
    main.start()
    assert main.sync.status is None and not main.painted  # nothing read before the paint
    with qtbot.waitSignal(main.first_shown, timeout=5000):
        pass
    assert main.painted
    qtbot.waitUntil(lambda: main.sync.status is not None)
    assert not main.sync.status.logged_in
    wait_idle()
    main.close()


# What opening the window must not load: the sync client and keyring, the calendar, the
# command modules, and the code of the pages and dialogs nobody opened yet.
_NOT_AT_START = [
    "httpx", "pydantic", "keyring", "icalendar", "lokomotiv_desktop.sync.client",
    "lokomotiv_desktop.cli.sync", "lokomotiv_desktop.cli.company",
    "lokomotiv_desktop.ui.pages.phase_board", "lokomotiv_desktop.ui.pages.meetings_page",
    "lokomotiv_desktop.ui.pages.sync_page", "lokomotiv_desktop.ui.pages.settings_page",
    "lokomotiv_desktop.ui.dialogs.company_editor", "lokomotiv_desktop.ui.dialogs.visit_form",
    "lokomotiv_desktop.ui.dialogs.session_form", "lokomotiv_desktop.ui.dialogs.demo_offer",
]

_SCRIPT = textwrap.dedent("""
    import sys
    from lokomotiv_desktop import cli

    opened = []
    cli.open_window = opened.append  # the entry point's route, without the window
    assert cli.main(["--db", sys.argv[1]]) is None and len(opened) == 1
    from lokomotiv_desktop.store import Store
    from lokomotiv_desktop.ui import app as ui_app
    from lokomotiv_desktop.ui.tasks import TaskRunner

    qapp = ui_app.create_application(sys.argv[:1])
    store, runner = Store(sys.argv[1]), TaskRunner()
    window = ui_app.build_window(store, runner, offer_demo=False)
    loaded = [name for name in sys.argv[2:] if name in sys.modules]
    window.close()
    runner.shutdown(wait=True)
    store.close()
    print("loaded:", loaded)
""")


def test_opening_the_window_loads_only_what_the_first_look_needs(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(tmp_path / "start.db"), *_NOT_AT_START],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert "loaded: []" in result.stdout, result.stdout
