"""Move companies to another phase: asks for an optional reason (and who moves them), then
records each move through services.phases, so the phase history says when, by whom, why."""
from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ...domain.enums import Phase
from ...domain.validation import ValidationError
from ...services.me import my_name
from ...services.phases import move_phase
from ...store.database import Store
from ..tasks import TaskRunner
from ..widgets.error_label import ErrorLabel

log = logging.getLogger(__name__)


class PhaseMoveDialog(QDialog):
    moved = Signal(list, Phase)  # company ids, new phase

    def __init__(self, store: Store, runner: TaskRunner, companies: list[tuple[str, str, Phase]],
                 target: Phase | None, changed_by: str, parent=None):
        """companies: (id, name, current phase); target None lets the user choose it."""
        super().__init__(parent)
        self.setObjectName("phase_move_dialog")
        self.setWindowTitle(self.tr("Change phase"))
        self._store, self._runner = store, runner
        self._companies = companies
        self._busy = False
        names = ", ".join(name for _, name, _ in companies[:3])
        if len(companies) > 3:
            names += self.tr(" and %s more") % (len(companies) - 3)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.phase = QComboBox()
        for phase in Phase:
            self.phase.addItem(f"{phase.value}. {phase.label}", phase)
        current = companies[0][2] if companies else Phase.AFKLARING
        wanted = target or Phase(min(current + 1, Phase.OPFOELGNING))
        self.phase.setCurrentIndex(self.phase.findData(wanted))
        self.phase.setEnabled(target is None)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Optional, e.g. \"The management said yes\""))
        # The board passes the last mover; otherwise it is me (Indstillinger → Mig).
        self.changed_by = QLineEdit(changed_by.strip() or my_name(store) or "")
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Move"))
        form = QFormLayout()
        form.addRow(self.tr("New phase"), self.phase)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Moved by"), self.changed_by)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._names = names
        self.buttons.accepted.connect(self.move)
        self.buttons.rejected.connect(self.reject)
        self.phase.currentIndexChanged.connect(self._update)
        self.changed_by.textChanged.connect(self._update)
        self._update()
        self.resize(460, 0)

    def target(self) -> Phase:
        return self.phase.currentData()

    def _update(self) -> None:
        self.summary.setText(self.tr("Move %1 to %2.").replace("%1", self._names)
                             .replace("%2", self.target().label))
        missing = not self.changed_by.text().strip()
        self.error.show_message(self.tr("Write who moves the company.") if missing else None)
        self.ok_button.setEnabled(not missing and not self._busy)

    def move(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self._busy = True
        self._update()
        store, target = self._store, self.target()
        by, reason = self.changed_by.text().strip(), self.reason.text().strip()
        ids = [company_id for company_id, _, _ in self._companies]

        def work() -> list[str]:
            return [company_id for company_id in ids
                    if move_phase(store, company_id, target, by, reason) is not None]

        self._runner.run(work, on_done=lambda moved: self._done(moved, target),
                         on_error=self._failed)

    def _done(self, moved: list[str], target: Phase) -> None:
        self._busy = False
        self.moved.emit(moved, target)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        if not isinstance(error, ValidationError):
            log.error("moving a company failed", exc_info=(type(error), error,
                                                            error.__traceback__))
        message = error.message if isinstance(error, ValidationError) else str(error)
        self.error.show_message(self.tr("Not moved: %s") % message)
        self.ok_button.setEnabled(True)
