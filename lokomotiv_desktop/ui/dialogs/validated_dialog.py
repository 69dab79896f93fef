"""What the outreach forms (visit, session, KPI target) share: a message under each field,
validation as the user types, Save enabled only when valid and changed, saving on the
background runner, and a question before unsaved changes are thrown away.

A subclass lays out its inputs with ``add_field``, returns the raw values in ``values()``,
the Danish messages in ``problems(values)`` (field -> message, from domain rules) and the
work that saves in ``save_work(values)``.

Editing a stored record, ``save_work`` gets only the fields the person changed (compared with
what the form loaded) and passes ``self.base`` (the record's values as loaded,
``loaded_values()``) on to the service; a field that was also changed underneath comes back
as ChangedUnderneath, and the person chooses whose value to keep.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.validation import ValidationError
from ...services.companies import ChangedUnderneath
from ..tasks import TaskRunner
from ..widgets.error_label import ErrorFoot, ErrorLabel
from .prompts import Choice, Keep, ask_keep_mine, ask_save_changes, confirm_delete, shown_value

log = logging.getLogger(__name__)
GENERAL = "_general"  # messages that belong to no single field


class ValidatedDialog(QDialog):
    saved = Signal(object)  # what save_work returned
    deleted = Signal()  # the record was deleted (offer_delete)

    def __init__(self, runner: TaskRunner, parent=None):
        super().__init__(parent)
        self._runner = runner
        self.inputs: dict[str, QWidget] = {}
        self.labels: dict[str, str] = {}
        self.foot = ErrorFoot()
        self.errors: dict[str, ErrorLabel] = {GENERAL: self.foot.general}
        self.messages: dict[str, str] = {}
        self._shown: set[str] = set()
        # Fields checked together (a next step and its due date): touching one shows both.
        self.linked: list[set[str]] = []
        self._clean: Any = None
        self._clean_values: dict[str, Any] = {}  # the raw values as loaded
        self.base: dict[str, Any] | None = None  # the record's values as loaded (None: new)
        self._keep_theirs: set[str] = set()
        self._saving = False
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("Save"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.close_button = self.buttons.addButton(self.tr("Cancel"),
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.body = QVBoxLayout(self)

    # -- building -----------------------------------------------------------------------------
    def add_field(self, form: QFormLayout, name: str, label: str, widget: QWidget) -> QWidget:
        """The field's message shows at the form's foot and turns its label red."""
        form.addRow(label, widget)
        field_label = form.labelForField(widget)
        self.errors[name] = self.foot.add(field_label if isinstance(field_label, QLabel)
                                          else None)
        self.labels[name] = label
        self.watch(name, widget)
        return widget

    def watch(self, name: str, widget: QWidget) -> None:
        self.inputs[name] = widget
        changed: Callable[..., None] = lambda *_a, n=name: self.field_changed(n)  # noqa: E731
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(changed)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(changed)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(changed)
        elif isinstance(widget, QListWidget):
            widget.itemChanged.connect(changed)

    def finish_layout(self) -> None:
        self.body.addWidget(self.foot)
        self.body.addWidget(self.buttons)

    def mark_clean(self) -> None:
        self._clean = self.snapshot()
        self._clean_values = self.values()
        base = self.loaded_values()
        self.base = dict(base) if base is not None else None
        self._keep_theirs = set()
        self.revalidate()

    # -- for subclasses -----------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def problems(self, values: dict[str, Any]) -> dict[str, str]:
        raise NotImplementedError

    def save_work(self, values: dict[str, Any]) -> Callable[[], Any]:
        raise NotImplementedError

    def subject(self) -> str:
        return self.windowTitle()

    def loaded_values(self) -> dict[str, Any] | None:
        """The stored record's values as loaded (domain values), None for a new record."""
        return None

    def describe(self, name: str, value: Any) -> str:
        """A stored value as the person reads it: a choice by its text, else shown_value."""
        widget = self.inputs.get(name)
        data = value.value if isinstance(value, Enum) else value
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                if widget.itemData(index) == data:
                    return widget.itemText(index)
        if isinstance(widget, QListWidget) and isinstance(value, list):
            texts = {widget.item(r).data(Qt.ItemDataRole.UserRole): widget.item(r).text()
                     for r in range(widget.count())}
            return shown_value([texts.get(v, v) for v in value])
        return shown_value(value)

    def field_label(self, name: str) -> str:
        widget = self.inputs.get(name)
        text = self.labels.get(name) or (widget.text() if isinstance(widget, QAbstractButton)
                                         else "")
        return text or name

    def changed_values(self) -> dict[str, Any]:
        """What save_work gets: for a stored record only the fields the person changed
        (stale values would overwrite changes made meanwhile), for a new one everything."""
        values = self.values()
        if self.base is None:
            return values
        return {name: value for name, value in values.items()
                if value != self._clean_values.get(name) and name not in self._keep_theirs}

    # -- validation ---------------------------------------------------------------------------
    def snapshot(self) -> tuple:
        return tuple(sorted((k, repr(v)) for k, v in self.values().items()))

    @property
    def is_dirty(self) -> bool:
        return self.snapshot() != self._clean

    @property
    def is_valid(self) -> bool:
        return not self.messages

    def field_changed(self, name: str) -> None:
        self._shown.add(name)
        for group in self.linked:
            if name in group:
                self._shown.update(group)
        self.revalidate()

    def revalidate(self) -> None:
        self.messages = self.problems(self.values())
        for name, label in self.errors.items():
            if name != GENERAL:
                label.show_message(self.messages.get(name) if name in self._shown else None)
        self.save_button.setEnabled(self.is_valid and self.is_dirty and not self._saving)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grows the dialog when messages appear: Qt does not do it for word-wrapped labels
        (their height depends on the width), so a long message would be cut off."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def show_all_problems(self) -> None:
        self._shown.update(self.inputs)
        self.revalidate()
        for name in self.inputs:
            if name in self.messages:
                self.inputs[name].setFocus(Qt.FocusReason.OtherFocusReason)
                break

    @staticmethod
    def collect(checks: list[Callable[[], Any]]) -> dict[str, str]:
        """Runs each check; a ValidationError's message goes to its field (first one wins)."""
        found: dict[str, str] = {}
        for check in checks:
            try:
                check()
            except ValidationError as exc:
                found.setdefault(exc.field, exc.message)
        return found

    # -- saving -------------------------------------------------------------------------------
    def save(self) -> None:
        if self._saving:
            return
        if not self.is_valid:
            self.show_all_problems()
            self.errors[GENERAL].show_message(self.tr(
                "Not saved: correct what is marked in red, then save."))
            return
        if not self.save_button.isEnabled():
            return
        self._saving = True
        self.revalidate()
        self.errors[GENERAL].show_message(None)
        self._runner.run(self.save_work(self.changed_values()), on_done=self._saved,
                         on_error=self._save_failed)

    def _saved(self, result: Any) -> None:
        self._saving = False
        self.mark_clean()
        self.saved.emit(result)
        self.accept()

    def _save_failed(self, error: BaseException,
                     retry: Callable[[], None] | None = None) -> None:
        self._saving = False
        if isinstance(error, ChangedUnderneath):
            if self.resolve(error):
                self.revalidate()
                (retry or self.save)()
                return
            names = ", ".join(f"«{self.field_label(c.key)}»" for c in error.conflicts)
            self.errors[GENERAL].show_message(self.tr(
                "Not saved: someone else changed %s while you were editing.") % names)
        elif isinstance(error, ValidationError):
            if error.field in self.errors:
                self._shown.add(error.field)
                self.errors[error.field].show_message(error.message)
            else:
                self.errors[GENERAL].show_message(error.message)
        else:
            log.error("saving failed", exc_info=(type(error), error, error.__traceback__))
            self.errors[GENERAL].show_message(self.tr("Not saved: %s") % error)
        self.save_button.setEnabled(self.is_valid and self.is_dirty)

    def resolve(self, error: ChangedUnderneath) -> bool:
        """Asks whose value to keep for each field; False when the person cancels. Either
        way the stored value is now what the form has seen, so the next save compares with
        it (and a field changed once more meanwhile is asked about again)."""
        for conflict in error.conflicts:
            keep = ask_keep_mine(self, self.field_label(conflict.key),
                                 self.describe(conflict.key, conflict.theirs),
                                 self.describe(conflict.key, conflict.mine))
            if keep is Keep.CANCEL:
                return False
            if self.base is not None:
                self.base[conflict.key] = conflict.theirs
            if keep is Keep.THEIRS:
                self._keep_theirs.add(conflict.key)
        return True

    # -- deleting -----------------------------------------------------------------------------
    def offer_delete(self, work: Callable[[], Any], question: str) -> None:
        """A "Delete …" button for a record that exists: after `question` is confirmed,
        `work` runs on the background runner, then ``deleted`` and the dialog closes.
        Call it after ``finish_layout``."""
        self.delete_button = QPushButton(self.tr("Delete …"))
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(lambda: self._delete(work, question))
        # At the far left, away from Save and Cancel (the button box would put it between).
        row = QHBoxLayout()
        row.addWidget(self.delete_button)
        row.addStretch(1)
        index = self.body.indexOf(self.buttons)
        self.body.removeWidget(self.buttons)
        row.addWidget(self.buttons)
        self.body.insertLayout(index, row)

    def _delete(self, work: Callable[[], Any], question: str) -> None:
        if self._saving or not confirm_delete(self, question):
            return
        self._saving = True
        self._runner.run(work, on_done=self._deleted, on_error=self._save_failed)

    def _deleted(self, _result: Any) -> None:
        self._saving = False
        self.mark_clean()  # what was typed went with the record: nothing to ask about
        self.deleted.emit()
        self.accept()

    # -- closing ------------------------------------------------------------------------------
    def reject(self) -> None:
        """Esc, Cancel and the window's X: unsaved work is never lost silently."""
        if self._saving:
            return
        if self.is_dirty:
            problems = [f"{self.field_label(name)}: {message}" if self.labels.get(name)
                        else message for name, message in self.messages.items()]
            choice = ask_save_changes(self, self.subject(), problems)
            if choice is Choice.CANCEL:
                return
            if choice is Choice.SAVE:
                self.save()
                return
        super().reject()
