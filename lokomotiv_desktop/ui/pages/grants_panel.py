"""Forening → Tilskud: a year's rate per P-nummer, each member municipality's P-number count
(from the CVR extract, or entered by hand with a reason), its activity lines, the totals in
kroner, and "Gem årsopgørelser …" (services.grants.write_statements)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.grants import kroner
from ...domain.validation import ValidationError
from ...store.database import Store
from ..tasks import TaskRunner
from ..widgets.error_label import ErrorLabel
from .association_parts import Work, fill, iso_text, table_widget


def grant_rows(store: Store, year: int) -> tuple[object, list[dict]]:
    """On the worker: the year's rate and one row per member municipality (its statement,
    or what is missing for one)."""
    from ...services import association, grants
    from ...store.association import GrantRepository

    rows = []
    for member in association.municipality_members_in(store, year):
        code = member["municipality_code"]
        try:
            rows.append({"code": code, **grants.statement(store, code, year), "missing": ""})
        except ValidationError as exc:
            count = GrantRepository(store).pnr_count(code, year) or {}
            rows.append({"code": code, "municipality": {"code": code, "name": member["name"]},
                         "pnr": {"counted": count.get("counted"), "override":
                                 count.get("override"), "reason": count.get("reason") or "",
                                 "counted_on": count.get("counted_on")},
                         "basic": None, "activities": [], "activity_total": None,
                         "total": None, "missing": exc.message})
    return grants.rate(store, year), rows


class GrantsPanel(QWidget):
    changed = Signal()
    loaded = Signal()

    def __init__(self, store: Store, runner: TaskRunner | None, parent=None):
        super().__init__(parent)
        self._store = store
        self.rows: list[dict] = []
        self.year = QSpinBox()
        self.year.setRange(1997, 2200)
        self.year.setValue(date.today().year)
        self.year.setAccessibleName(self.tr("Year"))
        self.rate = QLineEdit()
        self.rate.setMaximumWidth(90)
        self.rate.setAccessibleName(self.tr("Kroner per P-number"))
        self.save_rate_button = QPushButton(self.tr("Save rate"))
        self.table = table_widget([
            self.tr("Municipality"), self.tr("P-numbers"), self.tr("Counted on"),
            self.tr("Reason for the count"), self.tr("Basic grant"), self.tr("Activity grant"),
            self.tr("Total"), self.tr("Missing")])
        self.count = QLineEdit()
        self.count.setPlaceholderText(self.tr("empty: count the CVR extract"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason for a count entered by hand"))
        self.save_count_button = QPushButton(self.tr("Save P-number count"))
        self.task = QLineEdit()
        self.task.setPlaceholderText(self.tr("Task, e.g. Screeningsdag"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("Amount in kroner"))
        self.amount.setMaximumWidth(130)
        self.add_activity_button = QPushButton(self.tr("Add activity line"))
        self.total = QLabel()
        self.total.setStyleSheet("font-weight: 600;")
        self.save_statements_button = QPushButton(self.tr("Save annual statements …"))
        self.error = ErrorLabel()
        self.message = QLabel()
        self._work = Work(runner, self.error)

        top = QHBoxLayout()
        for widget in (QLabel(self.tr("Year")), self.year, QLabel(self.tr("Kroner per P-number")),
                       self.rate, self.save_rate_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.save_statements_button)
        counts = QHBoxLayout()
        for widget, stretch in ((QLabel(self.tr("Selected municipality: P-numbers")), 0),
                                (self.count, 1), (self.reason, 2),
                                (self.save_count_button, 0)):
            counts.addWidget(widget, stretch)
        activity = QHBoxLayout()
        for widget, stretch in ((QLabel(self.tr("Activity")), 0), (self.task, 2),
                                (self.amount, 1), (self.add_activity_button, 0)):
            activity.addWidget(widget, stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addLayout(counts)
        layout.addLayout(activity)
        layout.addWidget(self.error)
        layout.addWidget(self.message)

        self.year.valueChanged.connect(self.reload)
        self.save_rate_button.clicked.connect(self.save_rate)
        self.save_count_button.clicked.connect(self.save_count)
        self.add_activity_button.clicked.connect(self.add_activity)
        self.save_statements_button.clicked.connect(lambda: self.save_statements())

    def reload(self) -> None:
        store, year = self._store, self.year.value()
        self._work.run(lambda: grant_rows(store, year), self._show)

    def _show(self, result) -> None:
        rate, self.rows = result
        self.rate.setText(kroner(rate).removesuffix(" kr.") if rate is not None else "")
        cells = []
        for row in self.rows:
            pnr = row["pnr"]
            used = pnr.get("override") if pnr.get("override") is not None else pnr.get("counted")
            counted_on = pnr.get("counted_on")
            cells.append([
                f"{row['municipality']['name']} ({row['code']})",
                "" if used is None else str(used),
                iso_text(counted_on),
                pnr.get("reason") or "",
                "" if row["basic"] is None else kroner(row["basic"]),
                "" if row["activity_total"] is None else kroner(row["activity_total"]),
                "" if row["total"] is None else kroner(row["total"]), row["missing"]])
        fill(self.table, cells)
        total = sum(row["total"] or 0 for row in self.rows)
        self.total.setText(self.tr("Total %1 for %2 member municipalities")
                           .replace("%1", kroner(total)).replace("%2", str(len(self.rows))))
        self.loaded.emit()

    def _selected_code(self) -> str | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            return self.rows[row]["code"]
        self.error.show_message(self.tr("Choose a municipality in the table first."))
        return None

    def _written(self, _result=None) -> None:
        self.reload()
        self.changed.emit()

    def save_rate(self) -> None:
        store, year, rate = self._store, self.year.value(), self.rate.text()

        def write():
            from ...services import grants

            return grants.set_rate(store, year, rate)

        self._work.run(write, self._written)

    def save_count(self) -> None:
        code = self._selected_code()
        if code is None:
            return
        store, year = self._store, self.year.value()
        count, reason = self.count.text().strip() or None, self.reason.text()

        def write():
            from ...services import grants

            return grants.pnr_count(store, code, year, count=count, reason=reason)

        self._work.run(write, self._written)

    def add_activity(self) -> None:
        code = self._selected_code()
        if code is None:
            return
        store, year, task, amount = (self._store, self.year.value(), self.task.text(),
                                     self.amount.text())

        def write():
            from ...services import grants

            return grants.add_activity(store, code, year, task, amount)

        def done(result) -> None:
            self.task.clear()
            self.amount.clear()
            self._written(result)

        self._work.run(write, done)

    def save_statements(self, folder: str | None = None) -> None:
        folder = folder or QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the annual statements"), str(Path.home()))
        if not folder:
            return
        store, year = self._store, self.year.value()

        def write():
            from ...services import grants

            return grants.write_statements(store, year, Path(folder))

        self._work.run(write, lambda paths: self.message.setText(
            self.tr("%1 statements saved in %2.").replace("%1", str(len(paths)))
            .replace("%2", folder)))
