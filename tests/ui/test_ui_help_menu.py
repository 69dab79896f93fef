"""Hjælp: Om Lokomotiv names the version, the data folder and the log file; Tastaturgenveje
lists every shortcut of the window's actions, built when it opens."""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from lokomotiv_desktop import __version__
from lokomotiv_desktop.paths import log_file


def help_menu_actions(window) -> dict[str, QAction]:
    [menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Hjælp"]
    return {a.text(): a for a in menu.actions()}


def test_about_names_version_data_folder_and_log(window, qtbot):
    help_menu_actions(window)["Om Lokomotiv"].trigger()
    dialog = window.help_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.version.text() == __version__
    assert dialog.data_folder.text() == str(window.store.path.parent)
    assert dialog.log.text() == str(log_file())
    dialog.reject()
    qtbot.waitUntil(lambda: window.help_dialog is None)


def test_shortcuts_list_every_action_with_a_shortcut(window, qtbot):
    late = QAction("Noget nyt", window)  # added after the window was built: still listed
    late.setShortcut(QKeySequence("Ctrl+Alt+J"))
    window.addAction(late)
    actions = help_menu_actions(window)
    assert actions["Tastaturgenveje"].shortcut().toString() == "Ctrl+/"
    actions["Tastaturgenveje"].trigger()
    dialog = window.help_dialog
    qtbot.waitUntil(dialog.isVisible)
    rows = dialog.rows()
    listed = {(action, keys) for _, action, keys in rows}
    native = QKeySequence.SequenceFormat.NativeText
    for action in window.findChildren(QAction):
        if not action.shortcut().isEmpty():
            text = action.text().replace("&", "")
            assert (text, action.shortcut().toString(native)) in {
                (a, k.split(", ")[0]) for a, k in listed}, text
    assert ("Find virksomhed …", "Ctrl+K") in listed
    assert ("Andet", "Noget nyt", "Ctrl+Alt+J") in rows
    assert ("Gå til", "Virksomheder", "Ctrl+2") in rows
    dialog.reject()
