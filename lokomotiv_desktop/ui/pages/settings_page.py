"""Indstillinger: who I am ("Mig": my name, my municipalities, my sync account), the
language of the window and where the data lives.

My name and municipalities live in the store's local state (services/me.py), so the forms,
the board and the "Mine" filters read the same values; they are saved as they are typed.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QProcess, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import me
from ..i18n import LANGUAGES, save_language, saved_language
from ..widgets.course_settings_group import CourseSettingsGroup


def _selectable(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class SettingsPage(QWidget):
    me_changed = Signal()  # my name or municipalities were saved: lists may filter anew

    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.setObjectName("settings_page")
        self._window = window
        store, runner = window.store, window.runner
        self._store, self._runner = store, runner

        heading = QLabel(self.tr("Settings"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self._me_group())
        layout.addWidget(self._window_group())
        self.course_settings = CourseSettingsGroup(store, runner)
        layout.addWidget(self.course_settings)
        layout.addStretch(1)

        self.my_name.setText(store.get_state(me.NAME_KEY) or "")
        self.my_name.setPlaceholderText(me.my_name(store) or self.tr("e.g. Hanne Hansen"))
        mine = set(me.my_municipalities(store))
        # Mine first: ticked ones at the bottom of a list of 98 would be out of sight.
        everyone = window.repository.municipalities()
        for municipality in sorted(everyone, key=lambda m: m.code not in mine):
            item = QListWidgetItem(f"{municipality.name} ({municipality.code})")
            item.setData(Qt.ItemDataRole.UserRole, municipality.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if municipality.code in mine
                               else Qt.CheckState.Unchecked)
            self.municipalities.addItem(item)
        self._update_municipality_summary()
        # Saved shortly after typing stops (and on leaving the field): no Save button to forget.
        self._name_timer = QTimer(self)
        self._name_timer.setSingleShot(True)
        self._name_timer.setInterval(400)
        self._name_timer.timeout.connect(self._save_name)
        self.my_name.textEdited.connect(self._name_timer.start)
        self.my_name.editingFinished.connect(self._save_name)
        self.municipalities.itemChanged.connect(self._save_municipalities)
        sync = getattr(window, "sync", None)
        if sync is not None:
            sync.changed.connect(self._show_account)
        self._show_account()

    # -- layout --------------------------------------------------------------------------
    def _me_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Me"))
        self.my_name = QLineEdit()
        self.my_name.setObjectName("my_name")
        self.my_name.setAccessibleName(self.tr("My name as consultant"))
        self.my_name.setMaximumWidth(360)
        name_help = QLabel(self.tr("Written into new visits, sessions and phase moves, and "
                                   "used by the \"Mine\" filters."))
        name_help.setWordWrap(True)
        name_help.setStyleSheet("color: palette(placeholder-text);")
        self.municipalities = QListWidget()
        self.municipalities.setObjectName("my_municipalities")
        self.municipalities.setAccessibleName(self.tr("My municipalities"))
        self.municipalities.setMaximumSize(360, 150)
        self.municipality_summary = QLabel()
        self.municipality_summary.setWordWrap(True)
        self.server = _selectable()
        self.account = _selectable()
        self.login_button = QPushButton(self.tr("Log in …"))
        self.logout_button = QPushButton(self.tr("Log out"))
        self.login_button.clicked.connect(lambda: self._window.page("sync").open_login())
        self.logout_button.clicked.connect(lambda: self._window.page("sync").confirm_logout())
        buttons = QHBoxLayout()
        buttons.addWidget(self.login_button)
        buttons.addWidget(self.logout_button)
        buttons.addStretch(1)
        form = QFormLayout(group)
        form.addRow(self.tr("My name as consultant"), self.my_name)
        form.addRow("", name_help)
        form.addRow(self.tr("My municipalities"), self.municipalities)
        form.addRow("", self.municipality_summary)
        self.server_label = QLabel(self.tr("Server"))
        form.addRow(self.server_label, self.server)
        form.addRow(self.tr("Account"), self.account)
        form.addRow("", buttons)
        return group

    def _window_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Window"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.setMaximumWidth(360)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(saved_language()), 0))
        self.restart_note = QLabel(self.tr("The whole window changes language when "
                                           "Lokomotiv starts again."))
        self.restart_note.setWordWrap(True)
        self.restart_button = QPushButton(self.tr("Restart now"))
        self.restart_button.clicked.connect(self.restart)
        note = QHBoxLayout()
        note.addWidget(self.restart_note, 1)
        note.addWidget(self.restart_button)
        self.restart_note.hide()
        self.restart_button.hide()
        location = _selectable(str(self._store.path))
        form = QFormLayout(group)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", note)
        form.addRow(self.tr("Database"), location)
        self.language.currentIndexChanged.connect(self._language_chosen)
        return group

    # -- me ------------------------------------------------------------------------------
    def _save_name(self) -> None:
        self._name_timer.stop()
        name, store = self.my_name.text().strip(), self._store
        self._runner.run(lambda: me.set_my_name(store, name),
                         on_done=lambda _: self.me_changed.emit())

    def _checked_codes(self) -> list[str]:
        items = (self.municipalities.item(row) for row in range(self.municipalities.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def _save_municipalities(self) -> None:
        codes, store = self._checked_codes(), self._store
        self._update_municipality_summary()
        self._runner.run(lambda: me.set_my_municipalities(store, codes),
                         on_done=lambda _: self.me_changed.emit())

    def _update_municipality_summary(self) -> None:
        items = (self.municipalities.item(row) for row in range(self.municipalities.count()))
        names = [item.text().rsplit(" (", 1)[0] for item in items
                 if item.checkState() == Qt.CheckState.Checked]
        self.municipality_summary.setText(
            self.tr("None chosen: lists show every municipality.") if not names else
            self.tr("Lists open on %1.").replace("%1", ", ".join(names)))

    def _show_account(self) -> None:
        sync = getattr(self._window, "sync", None)
        status = sync.status if sync is not None else None
        logged_in = bool(status and status.logged_in)
        self.server.setText(status.server_url if logged_in else self.tr("Not logged in"))
        role = f" ({status.role})" if logged_in and status.role else ""
        self.account.setText(f"{status.user}{role}" if logged_in else "–")
        self.login_button.setVisible(not logged_in and sync is not None)
        self.logout_button.setVisible(logged_in)

    # -- language ------------------------------------------------------------------------
    def _language_chosen(self) -> None:
        save_language(self.language.currentData())
        self.restart_note.show()
        self.restart_button.show()

    def restart(self) -> None:
        """Starts Lokomotiv anew (in the chosen language) and closes this one: the window
        builds its texts once, so a fresh start is what switches every one of them."""
        if self._window.close():
            QProcess.startDetached(sys.executable, restart_arguments())
            QCoreApplication.quit()


def restart_arguments() -> list[str]:
    """What to give the interpreter (or the bundle) to start this same Lokomotiv again."""
    if getattr(sys, "frozen", False):  # the PyInstaller bundle: the executable is the app
        return sys.argv[1:]
    if sys.argv and sys.argv[0].endswith("__main__.py"):  # python -m lokomotiv_desktop
        return ["-m", "lokomotiv_desktop", *sys.argv[1:]]
    return list(sys.argv)
