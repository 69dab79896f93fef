"""Pieces of the Rapporter page: the monthly bar chart (QtCharts) and the drill-down dialog
that lists the companies or participants behind a number."""
from __future__ import annotations

import math

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.danish_format import MONTHS
from ..models.kpi_model import label_of, number_text

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the drill row (dict) of a list item


def month_label(key: str) -> str:
    """"2027-03" -> "mar. 27": short enough for twelve bars side by side ("maj" is whole)."""
    year, month = key.split("-")
    name = MONTHS[int(month) - 1]
    short = name if len(name) <= 3 else f"{name[:3]}."
    return f"{short} {year[2:]}"


class MonthChart(QChartView):
    """Bars per month of one number; ``categories`` are the month labels shown."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.categories: list[str] = []
        self.values: list[float] = []
        chart = QChart()
        chart.legend().hide()
        chart.setMargins(chart.margins().__class__(4, 4, 4, 4))
        self.setChart(chart)

    def set_months(self, name: str, months: list[tuple[str, int | float]]) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.categories = [month_label(key) for key, _value in months]
        self.values = [float(value or 0) for _key, value in months]
        bars = QBarSet(label_of(name))
        bars.setColor(Qt.GlobalColor.darkCyan)
        bars.append(self.values)
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(len(months) <= 13)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        chart.setTitle(label_of(name))
        months_axis = QBarCategoryAxis()
        months_axis.append(self.categories)
        if len(self.categories) > 6:  # a year's labels side by side would be cut short
            months_axis.setLabelsAngle(-90)
        counts_axis = QValueAxis()
        top = math.ceil(max(self.values, default=0) * 1.15) or 1
        counts_axis.setRange(0, top)
        counts_axis.setLabelFormat("%d")
        if top <= 10:  # whole numbers only: a tick per count
            counts_axis.setTickCount(top + 1)
        else:
            counts_axis.applyNiceNumbers()
        chart.addAxis(months_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(counts_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(months_axis)
        series.attachAxis(counts_axis)


class DrillDialog(QDialog):
    """Who is behind a number: companies (Enter or a double click opens one) or
    participants (shown with their company; never printed or exported)."""

    open_company = Signal(str)

    def __init__(self, name: str, value, rows: list[dict], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Behind the number: %s") % label_of(name))
        self.resize(460, 420)
        people = bool(rows) and rows[0].get("kind") != "company"
        count = (self.tr("%s people") if people else self.tr("%s companies")) % number_text(
            len(rows))
        self.heading = QLabel(f"{label_of(name)} ({number_text(value)}): {count}")
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Rows behind the number"))
        unemployed = self.tr("unemployed")
        for row in rows:
            if row.get("kind") == "company":
                text = f"{row.get('name', '')} (CVR {row.get('cvr', '')})"
            else:
                text = f"{row.get('name', '')} – {row.get('company') or unemployed}"
            item = QListWidgetItem(text)
            item.setData(ROW_ROLE, row)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        if people:
            note = QLabel(self.tr("Names are shown here only; they never leave the window."))
            note.setStyleSheet("color: #5f6670;")
            layout.addWidget(note)
        layout.addWidget(buttons)

    def texts(self) -> list[str]:
        return [self.list.item(n).text() for n in range(self.list.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        row = item.data(ROW_ROLE) or {}
        company_id = row.get("id") if row.get("kind") == "company" else row.get("company_id")
        if company_id:
            self.open_company.emit(company_id)
