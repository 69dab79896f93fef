"""Indstillinger: the language of the window and where the data lives."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ..i18n import LANGUAGES, save_language, saved_language


class SettingsPage(QWidget):
    def __init__(self, database_path: Path | str, parent=None):
        super().__init__(parent)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(saved_language()), 0))
        self.restart_note = QLabel(self.tr("The new language is used the next time you "
                                           "start Lokomotiv."))
        self.restart_note.hide()
        location = QLabel(str(database_path))
        location.setTextInteractionFlags(location.textInteractionFlags().TextSelectableByMouse)

        heading = QLabel(self.tr("Settings"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.restart_note)
        form.addRow(self.tr("Database"), location)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addStretch(1)
        self.language.currentIndexChanged.connect(self._language_chosen)

    def _language_chosen(self) -> None:
        save_language(self.language.currentData())
        self.restart_note.show()
