"""The screening-day grid, keyboard only: Space ticks consent, Tab or Enter moves to the
next cell of the row (and edits it), Ctrl+Enter goes to the next person. Fag, Værktøj and
Udfald complete what is typed from the catalog ("vlv" gives VLV-2 inline; "laes" is
resolved to FVU-læsning when the cell is left, by the model)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
)

from ..models.screening_day_model import (
    CHOICES_ROLE,
    CONSENT,
    FIRST,
    NOTES,
    STATUS,
    ScreeningDayModel,
)

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_WIDTHS = {CONSENT: 80, FIRST: 120, 2: 120, 3: 95, 4: 125, 5: 110, 6: 180, 7: 50, NOTES: 150}


class _CellDelegate(QStyledItemDelegate):
    """Line editors; choice cells get an inline completer over the catalog's labels.
    Enter moves on like Tab; Ctrl+Enter asks the grid for the next person."""

    next_person = Signal()

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        choices = index.data(CHOICES_ROLE)
        if choices:
            completer = QCompleter(choices, editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
            editor.setCompleter(completer)
            editor.setToolTip(", ".join(choices))
        return editor

    def eventFilter(self, editor, event):
        if event.type() == QEvent.Type.KeyPress and event.key() in _ENTER:
            self.commitData.emit(editor)
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                self.next_person.emit()
            else:
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        return super().eventFilter(editor, event)


class ScreeningDayGrid(QTableView):
    person_started = Signal(int)  # the row now being typed

    def __init__(self, model: ScreeningDayModel, parent=None):
        super().__init__(parent)
        self.setObjectName("screening_day_grid")
        self.setModel(model)
        self._delegate = _CellDelegate(self)
        self._delegate.next_person.connect(self.next_person)
        self.setItemDelegate(self._delegate)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        header = self.horizontalHeader()
        for column, width in _WIDTHS.items():
            self.setColumnWidth(column, width)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Stretch)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(26)

    def grid_model(self) -> ScreeningDayModel:
        return self.model()  # type: ignore[return-value]

    def start(self, row: int) -> None:
        """Puts the cursor on the row's consent cell (the first thing to do for a person)."""
        self.setCurrentIndex(self.model().index(row, CONSENT))
        self.setFocus()
        self.scrollTo(self.currentIndex())
        self.person_started.emit(row)

    def next_person(self) -> None:
        current = self.currentIndex().row()
        model = self.grid_model()
        below = next((n for n in range(current + 1, model.rowCount())
                      if not model.rows[n].screening_id), None)
        self.start(below if below is not None else model.add_row())

    def _move_right(self) -> None:
        index = self.currentIndex()
        column = index.column() + 1
        if column > NOTES:
            self.next_person()
            return
        target = self.model().index(index.row(), column)
        self.setCurrentIndex(target)
        self.edit(target)

    def closeEditor(self, editor, hint):
        if hint == QAbstractItemDelegate.EndEditHint.EditNextItem:
            # Tab from the last cell goes to the next person, not to the status column.
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._move_right()
            return
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event):
        index = self.currentIndex()
        if event.key() in _ENTER and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.next_person()
            return
        if index.isValid() and event.key() in (*_ENTER, Qt.Key.Key_Tab) \
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                          Qt.KeyboardModifier.KeypadModifier):
            self._move_right()
            return
        if index.isValid() and index.column() == CONSENT and event.key() == Qt.Key.Key_Space:
            self.grid_model().toggle_consent(index.row())
            return
        super().keyPressEvent(event)

    def focus_cell(self, row: int, column: int) -> QModelIndex:
        index = self.model().index(row, column)
        self.setCurrentIndex(index)
        return index
