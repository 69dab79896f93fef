"""Rapporter: the KPI funnel for a period and a filter (municipality, consultant, industry),
bars per month of a chosen number, a table per municipality, and a drill-down from any
number to the companies or participants behind it. Every read runs on the worker."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import kpi as kpi_names
from ...domain.danish_format import field_date
from ...domain.kpi import KpiFilter
from ...domain.outreach_rules import parse_optional_date
from ...domain.validation import ValidationError
from ...store.companies import CompanyRepository
from ...store.database import Store
from ..models.kpi_model import (
    CODE_ROLE,
    NAME_ROLE,
    FunnelModel,
    MunicipalityModel,
    ReportData,
    label_of,
    report_data,
)
from ..tasks import TaskRunner
from ..widgets.error_label import ErrorLabel
from .report_parts import DrillDialog, MonthChart

CHART_DEFAULT = "screened"


def _table(model) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class ReportsPage(QWidget):
    open_company = Signal(str)
    loaded = Signal()  # the numbers of the current filter are shown
    drilled = Signal(object)  # a drill-down dialog opened (tests and the window keep it)

    def __init__(self, store: Store, runner: TaskRunner | None, parent=None):
        super().__init__(parent)
        self.setObjectName("reports_page")
        self._store, self._runner = store, runner
        self._generation = 0
        self.filter: KpiFilter | None = None
        self.dialog: DrillDialog | None = None
        this_year = date.today().year
        self.first = QLineEdit(field_date(date(this_year, 1, 1)))
        self.last = QLineEdit(field_date(date(this_year, 12, 31)))
        for edit in (self.first, self.last):
            edit.setPlaceholderText("1.1.2027")
            edit.setMaximumWidth(110)
        self.municipality = QComboBox()
        self.municipality.setAccessibleName(self.tr("Municipality"))
        self.consultant = QComboBox()
        self.consultant.setAccessibleName(self.tr("Consultant"))
        for combo in (self.municipality, self.consultant):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumWidth(170)
        self.industry = QLineEdit()
        self.industry.setPlaceholderText(self.tr("Industry code, e.g. 10"))
        self.industry.setMaximumWidth(150)
        self.chart_number = QComboBox()
        self.chart_number.setAccessibleName(self.tr("Number in the chart"))
        for name in kpi_names.FUNNEL:
            if name != "median_days_to_course":
                self.chart_number.addItem(label_of(name), name)
        self.chart_number.setCurrentIndex(self.chart_number.findData(CHART_DEFAULT))
        self.error = ErrorLabel()
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #5f6670;")
        self.export_buttons: dict[str, QPushButton] = {}

        self.funnel = FunnelModel(self)
        self.funnel_table = _table(self.funnel)
        self.funnel_table.setObjectName("reports_funnel")
        self.funnel_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.chart = MonthChart()
        self.municipalities = MunicipalityModel(self)
        self.municipality_table = _table(self.municipalities)
        self.municipality_table.setObjectName("reports_municipalities")

        filters = QGridLayout()
        row = [(self.tr("From"), self.first), (self.tr("To"), self.last),
               (self.tr("Municipality"), self.municipality),
               (self.tr("Consultant"), self.consultant), (self.tr("Industry"), self.industry)]
        for column, (caption, widget) in enumerate(row):
            filters.addWidget(QLabel(caption), 0, column)
            filters.addWidget(widget, 1, column)
        filters.setColumnStretch(len(row), 1)
        top = QHBoxLayout()
        top.addLayout(filters, 1)
        chart_box = QVBoxLayout()
        chart_row = QHBoxLayout()
        chart_row.addWidget(QLabel(self.tr("Bars per month of")))
        chart_row.addWidget(self.chart_number, 1)
        chart_box.addLayout(chart_row)
        chart_box.addWidget(self.chart, 1)
        chart_widget = QWidget()
        chart_widget.setLayout(chart_box)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self.funnel_table)
        upper.addWidget(chart_widget)
        upper.setSizes([420, 560])
        lower = QSplitter(Qt.Orientation.Vertical)
        lower.addWidget(upper)
        lower.addWidget(self.municipality_table)
        lower.setSizes([430, 220])
        self.exports = QHBoxLayout()
        self.exports.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(lower, 1)
        layout.addLayout(self.exports)
        self._add_export_buttons()

        for edit in (self.first, self.last, self.industry):
            edit.editingFinished.connect(self.reload)
        for combo in (self.municipality, self.consultant, self.chart_number):
            combo.currentIndexChanged.connect(self.reload)
        self.funnel_table.activated.connect(self._funnel_drill)
        self.municipality_table.activated.connect(self._municipality_drill)
        self._fill_choices()

    # -- filters ------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        store = self._store

        def read():
            repo = CompanyRepository(store)
            return repo.municipalities(), repo.consultants()

        def show(result) -> None:
            municipalities, consultants = result
            for combo, items, everyone in (
                    (self.municipality, [(m.name, m.code) for m in municipalities],
                     self.tr("All municipalities")),
                    (self.consultant, [(c, c) for c in consultants],
                     self.tr("All consultants"))):
                combo.blockSignals(True)
                combo.clear()
                combo.addItem(everyone, None)
                for text, data in items:
                    combo.addItem(text, data)
                combo.blockSignals(False)

        self._read(read, show)

    def current_filter(self) -> KpiFilter:
        """The filter as typed; a ValidationError (Danish) when a date is not one."""
        first = parse_optional_date("first", self.first.text(), self.tr("From date"))
        last = parse_optional_date("last", self.last.text(), self.tr("To date"))
        if first and last and first > last:
            raise ValidationError("first", self.tr(
                "The from date lies after the to date. Choose a from date before %s.")
                % field_date(last))
        return KpiFilter(first=first, last=last, municipality=self.municipality.currentData(),
                         consultant=self.consultant.currentData(),
                         industry=self.industry.text().strip() or None)

    def select_municipality(self, code: str | None) -> None:
        self.municipality.setCurrentIndex(max(0, self.municipality.findData(code)))

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        try:
            flt = self.current_filter()
        except ValidationError as exc:
            self.error.show_message(exc.message)
            return
        self.error.show_message(None)
        self.filter = flt
        self._generation += 1
        generation, store, name = self._generation, self._store, self.chart_name()
        self._read(lambda: report_data(store, flt, name),
                   lambda data: self._show(generation, name, data))

    def chart_name(self) -> str:
        return self.chart_number.currentData() or CHART_DEFAULT

    def _read(self, fn, on_done) -> None:
        if self._runner is None:
            on_done(fn())
        else:
            self._runner.run(fn, on_done=on_done, on_error=self._failed, cancellable=True)

    def _failed(self, error: BaseException) -> None:
        self.error.show_message(str(error) or self.tr("The numbers could not be computed."))

    def _show(self, generation: int, name: str, data: ReportData) -> None:
        if generation != self._generation:
            return  # a newer filter is on its way
        self.funnel.set_result(data.result)
        self.chart.set_months(name, data.months)
        self.municipalities.set_results(data.per_municipality, data.names)
        period = self.tr("%1 – %2").replace(
            "%1", field_date(self.filter.first) if self.filter.first else self.tr("start")
        ).replace("%2", field_date(self.filter.last) if self.filter.last else self.tr("today"))
        self.summary.setText(self.tr("Period %s. Double-click a number to see who is behind "
                                     "it.") % period)
        self.loaded.emit()

    # -- drill-down ---------------------------------------------------------------------------
    def _funnel_drill(self, index: QModelIndex) -> None:
        name = index.data(NAME_ROLE) or self.funnel.name_at(index.row())
        if name and self.filter is not None:
            self.drill(name, self.filter)

    def _municipality_drill(self, index: QModelIndex) -> None:
        code = self.municipalities.index(index.row(), 0).data(CODE_ROLE)
        name = self.municipalities.name_of_column(index.column())
        if self.filter is None or code is None:
            return
        flt = KpiFilter(self.filter.first, self.filter.last, code, self.filter.consultant,
                        self.filter.company_id, self.filter.industry)
        if name is None:  # the municipality's name: its funnel instead
            self.select_municipality(code)
            return
        self.drill(name, flt, self.municipalities.value_at(index.row(), name))

    def drill(self, name: str, flt: KpiFilter, value=None) -> None:
        store = self._store
        shown = self.funnel.value(name) if value is None else value

        def read():
            from ...services import kpi

            return kpi.drill(store, flt, name)

        self._read(read, lambda rows: self._show_drill(name, shown, rows))

    def _show_drill(self, name: str, value, rows: list[dict]) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = DrillDialog(name, value, rows, self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open_company.connect(self.open_company)
        self.dialog.finished.connect(lambda _r, d=self.dialog: self._forget(d))
        self.dialog.open()
        self.drilled.emit(self.dialog)

    def _forget(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    # -- the municipality report --------------------------------------------------------------
    def _add_export_buttons(self) -> None:
        self.exports.addWidget(QLabel(self.tr("Save the municipality report as")))
        for suffix in ("pdf", "csv", "xlsx"):
            button = QPushButton(f"{suffix.upper()} …")
            button.setToolTip(self.tr("Save municipality report as %s …") % suffix.upper())
            button.clicked.connect(lambda _c=False, s=suffix: self.save_report(s))
            self.export_buttons[suffix] = button
            self.exports.addWidget(button)

    def save_report(self, suffix: str, path: str | None = None) -> None:
        from ..widgets.file_dialog import save_file_name

        code = self.municipality.currentData()
        if code is None or self.filter is None or not (self.filter.first and self.filter.last):
            self.error.show_message(self.tr(
                "Choose a municipality and a period with both dates first."))
            return
        name = f"kommunerapport-{code}-{self.filter.first.isoformat()}.{suffix}"
        path = path or save_file_name(self, self.tr("Save municipality report"), name,
                                      f"{suffix.upper()} (*.{suffix})")
        if not path:
            return
        if not path.lower().endswith(f".{suffix}"):
            path = f"{path}.{suffix}"
        store, flt = self._store, self.filter
        def saved(_result=None) -> None:
            self.error.show_message(None)
            self.summary.setText(self.tr("Municipality report saved in %s.") % path)

        self._runner.run(lambda: write_report(store, code, flt, Path(path)),
                         on_done=saved, on_error=self._failed)


def write_report(store: Store, code: str, flt: KpiFilter, out: Path) -> None:
    """On the worker: the report's data (small counts already suppressed by the service),
    then the file by its suffix."""
    from ...services import municipality_report as report

    report.write_report(out, report.municipality_report(store, code, flt.first, flt.last))
