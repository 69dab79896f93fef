"""Status bar text: where the database is and how much is in it."""
from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ...store.companies import CompanyRepository
from ..tasks import TaskRunner


class StoreStatus(QWidget):
    def __init__(self, repository: CompanyRepository, runner: TaskRunner, parent=None):
        super().__init__(parent)
        self._repository = repository
        self._runner = runner
        self.location = QLabel(str(repository.store.path))
        self.location.setToolTip(self.tr("Database file"))
        self.counts = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.location)
        layout.addWidget(self.counts)
        layout.addStretch(1)

    def refresh(self) -> None:
        """Counting 300 000 rows takes a moment: it runs on the background runner."""
        repository = self._repository
        self._runner.run(lambda: (repository.count(), repository.count_units(),
                                  repository.count_contacts(),
                                  repository.store.pending_changes()),
                         on_done=self._show, cancellable=True)

    def _show(self, counts: tuple[int, int, int, int]) -> None:
        number = QLocale().toString
        companies, units, contacts, pending = counts
        self.counts.setText(
            "·  " + self.tr("Companies: %1 · P-units: %2 · Contacts: %3 · Not synced: %4")
            .replace("%1", number(companies)).replace("%2", number(units))
            .replace("%3", number(contacts)).replace("%4", number(pending)))
