"""The Deltagere and Fremmøde tabs of the course window: who is enrolled (status, result,
SVU applied) and who was present at each held lesson."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import course_catalog as catalog
from ...domain.danish_format import WEEKDAYS_SHORT
from ..widgets.error_label import ERROR_COLOUR, ErrorLabel

PERSON_ROLE = Qt.ItemDataRole.UserRole
DAY_ROLE = Qt.ItemDataRole.UserRole + 1
# (participant id, changed values) -> the enrolment is written
EnrolmentChange = Callable[[str, dict], None]


class ParticipantsTab(QWidget):
    def __init__(self, on_change: EnrolmentChange, parent=None):
        super().__init__(parent)
        self._on_change = on_change
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Company"),
                                              self.tr("Status"), self.tr("Result"),
                                              self.tr("SVU applied")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 170), (2, 120), (3, 180), (4, 90)):
            self.table.setColumnWidth(column, width)
        self.enrol_button = QPushButton(self.tr("Enrol …"))
        self.suggestion_button = QPushButton(self.tr("From suggestion …"))
        self.unenrol_button = QPushButton(self.tr("Unenrol"))
        self.message = ErrorLabel()
        buttons = QHBoxLayout()
        for button in (self.enrol_button, self.suggestion_button, self.unenrol_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.table.itemChanged.connect(self._svu_ticked)

    def show_people(self, people: list[dict]) -> None:
        data = catalog.catalog()
        self.table.blockSignals(True)
        self.table.setRowCount(len(people))
        for row, person in enumerate(people):
            for column, text in enumerate((person["name"], person["company"])):
                item = QTableWidgetItem(text)
                item.setData(PERSON_ROLE, person["id"])
                self.table.setItem(row, column, item)
            status = _combo([(c.label, c.code) for c in data.enrolment_statuses.items],
                            person["status"])
            status.currentIndexChanged.connect(
                lambda _i, pid=person["id"], box=status: self._on_change(
                    pid, {"status": box.currentData()}))
            self.table.setCellWidget(row, 2, status)
            result = _combo([("", ""), *((c.label, c.code) for c in data.results.items)],
                            person["result"] or "")
            result.currentIndexChanged.connect(
                lambda _i, pid=person["id"], box=result: self._on_change(
                    pid, {"result": box.currentData()}))
            self.table.setCellWidget(row, 3, result)
            svu = QTableWidgetItem()
            svu.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            svu.setCheckState(Qt.CheckState.Checked if person["svu_applied"]
                              else Qt.CheckState.Unchecked)
            svu.setData(PERSON_ROLE, person["id"])
            self.table.setItem(row, 4, svu)
        self.table.blockSignals(False)
        self.unenrol_button.setEnabled(bool(people))

    def show_result(self, text: str, refused: bool) -> None:
        """After enrolling: red only when someone was refused."""
        self.message.show_message(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};" if refused else "")

    def _svu_ticked(self, item: QTableWidgetItem) -> None:
        if item.column() == 4:
            self._on_change(item.data(PERSON_ROLE),
                            {"svu_applied": item.checkState() == Qt.CheckState.Checked})

    def current_id(self) -> str | None:
        item = self.table.item(self.table.currentRow(), 0)
        return item.data(PERSON_ROLE) if item else None


class AttendanceTab(QWidget):
    """Participants × held lessons; a tick is present, no tick absent (once touched)."""

    def __init__(self, on_mark: Callable[[str, date, bool], None], parent=None):
        super().__init__(parent)
        self._on_mark = on_mark
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setDefaultSectionSize(64)
        self.message = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.table.itemChanged.connect(self._ticked)

    def show_grid(self, people: list[dict], lessons: list[dict]) -> None:
        held = [date.fromisoformat(x["date"]) for x in lessons if x["status"] != "aflyst"]
        self.table.blockSignals(True)
        self.table.clear()
        self.table.setRowCount(len(people))
        self.table.setColumnCount(len(held))
        self.table.setHorizontalHeaderLabels(
            [f"{WEEKDAYS_SHORT[d.weekday()]}\n{d.day}.{d.month}." for d in held])
        self.table.setVerticalHeaderLabels([p["name"] for p in people])
        for row, person in enumerate(people):
            for column, day in enumerate(held):
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if person["attendance"].get(
                    day.isoformat()) else Qt.CheckState.Unchecked)
                item.setData(PERSON_ROLE, person["id"])
                item.setData(DAY_ROLE, day)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)

    def _ticked(self, item: QTableWidgetItem) -> None:
        self._on_mark(item.data(PERSON_ROLE), item.data(DAY_ROLE),
                      item.checkState() == Qt.CheckState.Checked)


def _combo(choices: list[tuple[str, str]], current: str) -> QComboBox:
    box = QComboBox()
    for text, code in choices:
        box.addItem(text, code)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box
