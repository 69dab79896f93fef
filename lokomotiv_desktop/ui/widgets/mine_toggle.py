""""Kun mine" | "Alle": two buttons that switch a page between my own companies and tasks
and everyone's. Shown once the consultant has a name (Indstillinger → Mig); the choice is
kept per page, so Oversigt can show only mine while Virksomheder shows all."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

_KEY = "mine_filter/{}"


class MineToggle(QWidget):
    changed = Signal()  # the user chose: the page filters again

    def __init__(self, page_key: str, parent=None):
        super().__init__(parent)
        self._key = _KEY.format(page_key)
        self._name: str | None = None
        self.mine_button = QPushButton(self.tr("Only mine"))
        self.all_button = QPushButton(self.tr("All"))
        group = QButtonGroup(self)
        for button in (self.mine_button, self.all_button):
            button.setCheckable(True)
            button.setAutoDefault(False)
            group.addButton(button)
        group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.mine_button)
        layout.addWidget(self.all_button)
        self.mine_button.setChecked(self._saved())
        self.all_button.setChecked(not self._saved())
        self.setVisible(False)
        self.mine_button.clicked.connect(lambda: self._chosen(True))
        self.all_button.clicked.connect(lambda: self._chosen(False))

    def _saved(self) -> bool:
        # Mine by default: a consultant opens the window on their own work.
        return QSettings().value(self._key, True, type=bool)

    def set_name(self, name: str | None) -> None:
        """The consultant's name (services.me.my_name); None hides the toggle: without a
        name there is nothing to be "mine". Pages call it as they load, so it says nothing."""
        name = (name or "").strip() or None
        self._name = name
        self.setVisible(name is not None)
        if name:
            self.mine_button.setToolTip(self.tr("Only what %s is consultant for") % name)
            self.all_button.setToolTip(self.tr("Everyone's"))

    @property
    def name(self) -> str | None:
        return self._name

    def consultant(self) -> str | None:
        """The name to filter on, or None for everyone's."""
        return self._name if self._name and self.mine_button.isChecked() else None

    def _chosen(self, mine: bool) -> None:
        QSettings().setValue(self._key, mine)
        self.changed.emit()
