"""A KPI target agreed with a company's management, e.g. "80 % of staff screened by 1 June":
description, target percent, deadline, how the current value is found (counted from the
participants signed up, or typed in), the headcount, and a typed-in value."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit

from ...domain import outreach_rules as rules
from ...domain.outreach import KpiMeasure, KpiTarget
from ...domain.validation import ValidationError
from ...services import phases
from ...store.companies import CompanyRepository
from ...store.database import Store
from ...store.phases import KpiRepository
from ..tasks import TaskRunner
from .outreach_parts import company_header, danish_date
from .validated_dialog import ValidatedDialog


class KpiForm(ValidatedDialog):
    def __init__(self, store: Store, runner: TaskRunner, company_id: str,
                 target_id: str | None = None, parent=None):
        super().__init__(runner, parent)
        self.setObjectName("kpi_form")
        self._store = store
        company = CompanyRepository(store).get(company_id)
        if company is None:
            raise LookupError(f"no company {company_id}")
        self.company = company
        self.target: KpiTarget | None = next(
            (t for t in KpiRepository(store).for_company(company_id) if t.id == target_id), None)
        title = self.tr("Edit KPI target") if self.target else self.tr("New KPI target")
        self.setWindowTitle(f"{title} – {company.name}")

        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("e.g. 80 % of staff screened by 1 June"))
        self.target_percent = QLineEdit()
        self.target_percent.setPlaceholderText(self.tr("e.g. 80"))
        self.deadline = QLineEdit()
        self.deadline.setPlaceholderText(self.tr("e.g. 1.6.2027"))
        self.measure = QComboBox()
        self.measure.addItem(self.tr("Counted: participants signed up for screening"),
                             KpiMeasure.SCREENING_TILMELDT.value)
        self.measure.addItem(self.tr("Typed in by hand"), KpiMeasure.MANUEL.value)
        self.employees = QLineEdit()
        self.employees.setPlaceholderText(self.tr("Empty: the P-units' employees"))
        self.manual_value = QLineEdit()
        self.manual_value.setPlaceholderText(self.tr("Percent reached so far"))

        self.body.addWidget(company_header(company))
        form = QFormLayout()
        self.add_field(form, "description", self.tr("Target"), self.description)
        self.add_field(form, "target_percent", self.tr("Target (%)"), self.target_percent)
        self.add_field(form, "deadline", self.tr("Deadline"), self.deadline)
        self.add_field(form, "measure", self.tr("Current value"), self.measure)
        self.add_field(form, "employees", self.tr("Employees counted"), self.employees)
        self.add_field(form, "manual_value", self.tr("Value now (%)"), self.manual_value)
        self.body.addLayout(form)
        self.finish_layout()
        self.measure.currentIndexChanged.connect(self._measure_changed)
        self._load()
        self.mark_clean()
        self.resize(560, 0)

    def _load(self) -> None:
        target = self.target
        if target is not None:
            self.description.setText(target.description)
            self.target_percent.setText(_number(target.target_percent))
            self.deadline.setText(danish_date(target.deadline))
            self.measure.setCurrentIndex(self.measure.findData(target.measure.value))
            self.employees.setText("" if target.employees is None else str(target.employees))
            self.manual_value.setText(_number(target.manual_value))
        self._measure_changed()

    def _measure_changed(self) -> None:
        manual = self.measure.currentData() == KpiMeasure.MANUEL.value
        self.manual_value.setEnabled(manual)
        self.employees.setEnabled(not manual)

    def values(self) -> dict[str, Any]:
        manual = self.measure.currentData() == KpiMeasure.MANUEL.value
        return {"description": self.description.text(),
                "target_percent": self.target_percent.text(),
                "deadline": self.deadline.text(), "measure": self.measure.currentData(),
                "employees": "" if manual else self.employees.text(),
                "manual_value": self.manual_value.text() if manual else ""}

    def problems(self, values: dict[str, Any]) -> dict[str, str]:
        def employees() -> None:
            if rules.parse_count("employees", "Antal medarbejdere", values["employees"]) == 0:
                # The same refusal as services.phases gives on save.
                raise ValidationError("employees", "Antal medarbejdere skal være mindst 1.")

        def manual() -> None:
            if values["manual_value"].strip():
                rules.parse_percent("manual_value", values["manual_value"], "Nuværende værdi")

        return self.collect([
            lambda: rules.required_text("description", "Beskrivelse af målet",
                                        values["description"]),
            lambda: rules.parse_percent("target_percent", values["target_percent"], "Mål"),
            lambda: rules.parse_date("deadline", values["deadline"], "Frist"),
            employees, manual,
        ])

    def loaded_values(self) -> dict[str, Any] | None:
        return asdict(self.target) if self.target else None

    def save_work(self, values: dict[str, Any]) -> Callable[[], Any]:
        store, company_id = self._store, self.company.id
        if self.target is not None:
            target_id, base = self.target.id, dict(self.base or {})
            return lambda: phases.update_kpi_target(store, target_id, loaded=base, **values)
        return lambda: phases.add_kpi_target(store, company_id, **values)

    def subject(self) -> str:
        return self.tr("the KPI target for %s") % self.company.name


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}".replace(".", ",")
