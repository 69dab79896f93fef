"""The Hjælp menu's dialogs: Om Lokomotiv (version, where the data and the log are) and
Tastaturgenveje, a list built from the window's actions each time it opens, so it names
every shortcut there is and never one that is gone."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ... import __version__
from ...paths import log_file


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


def _plain(text: str) -> str:
    """A menu text as read: without the mnemonic's & (a doubled && is a real &)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class AboutDialog(QDialog):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Lokomotiv"))
        database = window.store.path
        heading = QLabel(self.tr("Lokomotiv %1").replace("%1", __version__))
        heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.version = _selectable(__version__)
        self.data_folder = _selectable(str(database.parent))
        self.database = _selectable(str(database))
        self.log = _selectable(str(log_file()))
        form = QFormLayout()
        form.addRow(self.tr("Version"), self.version)
        form.addRow(self.tr("Data folder"), self.data_folder)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("Log file"), self.log)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("For outreach consultants: companies, visits, "
                                        "meetings and courses, offline first.")))
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, action, shortcut) for every action of the window that has a shortcut: those
    in the menus under their menu, then the rest (added to the window only)."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def add(group: str, action: QAction) -> None:
        if id(action) in seen or action.isSeparator():
            return
        keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
        keys = [k for k in keys if k]
        if keys:
            seen.add(id(action))
            rows.append((group, _plain(action.text()), ", ".join(keys)))

    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        for action in menu.actions():
            add(_plain(menu.title()), action)
    for action in window.findChildren(QAction):
        add(QCoreApplication.translate("ShortcutsDialog", "Other"), action)
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"),
                                              self.tr("Shortcut")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def rows(self) -> list[tuple[str, str, str]]:
        return [tuple(self.table.item(r, c).text() for c in range(3))
                for r in range(self.table.rowCount())]
