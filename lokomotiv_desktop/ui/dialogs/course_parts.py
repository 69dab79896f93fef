"""Small dialogs of the course window: move or cancel one lesson, and pick people (by hand
or a suggested class) to enrol."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from ...domain import course_catalog as catalog
from ...domain.class_suggestions import SuggestedClass
from ...domain.courses import Course
from ...domain.validation import ValidationError
from ...store import participant_queries as queries
from ...store.database import Store
from ..widgets.error_label import ErrorLabel


class LessonChange(QDialog):
    """Flyt… (new date, optional time, why) or Aflys… (why). OK runs `apply` with the
    typed values; a Danish refusal stays in the dialog, which then stays open."""

    def __init__(self, title: str, lesson_text: str, move: bool,
                 apply: Callable[[dict[str, str]], Any], parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._apply = apply
        self.new_date, self.time, self.reason = QLineEdit(), QLineEdit(), QLineEdit()
        self.new_date.setPlaceholderText("26.3.2027")
        self.time.setPlaceholderText(self.tr("as before, or 08:00-10:30"))
        form = QFormLayout()
        form.addRow(self.tr("Lesson"), QLabel(lesson_text))
        if move:
            form.addRow(self.tr("New date"), self.new_date)
            form.addRow(self.tr("Time"), self.time)
        form.addRow(self.tr("Reason"), self.reason)
        self.message = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(380, self.sizeHint().height())

    def accept(self) -> None:
        try:
            self._apply({"to": self.new_date.text(), "time": self.time.text(),
                         "reason": self.reason.text()})
        except ValidationError as exc:
            self.message.show_message(exc.message)
            return
        super().accept()


class PickPeople(QDialog):
    """A list to choose from: people (ticked one by one) or suggested classes (one)."""

    def __init__(self, title: str, intro: str, items: list[tuple[str, Any]], *,
                 tickable: bool, on_chosen: Callable[[list[Any]], None], parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._tickable, self._on_chosen = tickable, on_chosen
        self.list = QListWidget()
        for text, data in items:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, data)
            if tickable:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        if items and not tickable:
            self.list.setCurrentRow(0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enrol"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        label = QLabel(intro)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(420, 420)

    def tick(self, text: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.text().startswith(text):
                item.setCheckState(Qt.CheckState.Checked)

    def chosen(self) -> list[Any]:
        items = [self.list.item(r) for r in range(self.list.count())]
        if self._tickable:
            return [i.data(Qt.ItemDataRole.UserRole) for i in items
                    if i.checkState() == Qt.CheckState.Checked]
        current = self.list.currentItem()
        return [current.data(Qt.ItemDataRole.UserRole)] if current else []

    def accept(self) -> None:
        chosen = self.chosen()
        if chosen:
            self._on_chosen(chosen)
        super().accept()


def candidates(store: Store, course: Course, enrolled: set[str]) -> list[tuple[str, str]]:
    """("Name (Company)", id) of the course's companies' people not on it yet."""
    ids = [pid for cid in course.all_company_ids
           for pid in queries.participant_ids(store, company_id=cid) if pid not in enrolled]
    rows = queries.rows_for(store, ids)
    return [(f"{rows[p].name} ({rows[p].company_name})", p) for p in ids if p in rows]


def class_title(suggested: SuggestedClass) -> str:
    if suggested.obu:
        return catalog.subject_label("obu")
    label = catalog.subject_label(suggested.subject)
    return f"{label}, trin {suggested.trin}" if suggested.trin else label
