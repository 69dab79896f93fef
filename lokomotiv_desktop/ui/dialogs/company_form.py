"""The company's master data: one input per field, each validated as the user types with the
same domain rules as the CLI and the importer; the Danish message shows under the field."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.company_rules import clean_company_field
from ...domain.danish_format import display_phone
from ...domain.entities import Company
from ...domain.enums import EmployeeBand, Phase
from ...domain.validation import ValidationError
from ...services.postcodes import lookup as lookup_postcode
from ..widgets.error_label import ErrorFoot, ErrorLabel

_LINE_FIELDS = ("cvr", "name", "address", "postcode", "city", "industry_code",
                "industry_text", "phone", "email", "website", "consultant")


class CompanyForm(QWidget):
    edited = Signal()
    protected_changed = Signal(bool)

    def __init__(self, municipalities: list[tuple[str, str]], consultants: list[str],
                 parent=None):
        """municipalities: (code, name) pairs; consultants: names for the completer."""
        super().__init__(parent)
        self._codes = {code for code, _ in municipalities}
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self._messages: dict[str, str] = {}
        self._shown: set[str] = set()  # fields whose message is visible
        # What the postcode last filled in: replaced by the next postcode, unlike what the
        # person typed or chose.
        self._filled: dict[str, str] = {"city": "", "municipality_code": ""}
        for name in _LINE_FIELDS:
            self.inputs[name] = QLineEdit()
        self.inputs["cvr"].setMaxLength(20)
        self.inputs["cvr"].setPlaceholderText(self.tr("8 digits"))
        self.inputs["phone"].setPlaceholderText(self.tr("8 digits, optionally +45"))
        self.inputs["postcode"].setMaxLength(4)
        self.inputs["consultant"].setCompleter(QCompleter(consultants, self))
        municipality = QComboBox()
        municipality.addItem(self.tr("(not chosen)"), "")
        for code, name in municipalities:
            municipality.addItem(f"{name} ({code})", code)
        self.inputs["municipality_code"] = municipality
        employees = QComboBox()
        employees.addItem(self.tr("(unknown)"), "")
        for band in EmployeeBand:
            employees.addItem(band.value, band.value)
        self.inputs["employees"] = employees
        phase = QComboBox()
        for value in Phase:
            phase.addItem(f"{value.value} {value.label}", value.value)
        self.inputs["phase"] = phase
        self.inputs["marketing_protected"] = QCheckBox(self.tr(
            "Reklamebeskyttet (protected from marketing in the CVR register)"))
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(80)
        self.inputs["notes"] = notes
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        left, right = QFormLayout(), QFormLayout()
        labels = {
            "cvr": self.tr("CVR number"), "name": self.tr("Name"),
            "address": self.tr("Address"), "postcode": self.tr("Postcode"),
            "city": self.tr("City"), "municipality_code": self.tr("Municipality"),
            "industry_code": self.tr("Industry code"), "industry_text": self.tr("Industry"),
            "employees": self.tr("Employees"), "phone": self.tr("Phone"),
            "email": self.tr("E-mail"), "website": self.tr("Website"),
            "phase": self.tr("Phase"), "consultant": self.tr("Consultant"),
            "notes": self.tr("Notes"), "marketing_protected": "",
        }
        columns = {
            left: ("cvr", "name", "address", "postcode", "city", "municipality_code",
                   "industry_code", "industry_text"),
            right: ("employees", "phone", "email", "website", "phase", "consultant",
                    "marketing_protected", "notes"),
        }
        self.labels = labels
        # Messages at the foot, in reading order (left column, then right): nothing moves.
        self.foot = ErrorFoot()
        for form, names in columns.items():
            for name in names:
                form.addRow(labels[name], self.inputs[name])
                field_label = form.labelForField(self.inputs[name])
                self.errors[name] = self.foot.add(field_label if isinstance(field_label, QLabel)
                                                  else None)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        outer.addLayout(row, 1)
        outer.addWidget(self.foot)
        for position, form in enumerate((left, right)):
            column = QVBoxLayout()
            column.addLayout(form)
            column.addStretch(1)  # spare height goes below the fields, not between them
            if position:
                row.addSpacing(16)
            row.addLayout(column, 1)

    def _connect(self) -> None:
        for name, widget in self.inputs.items():
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _text, n=name: self._changed(n))
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(lambda _i, n=name: self._changed(n))
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(lambda _on, n=name: self._changed(n))
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(lambda n=name: self._changed(n))
        self.inputs["marketing_protected"].toggled.connect(self.protected_changed)
        self.inputs["postcode"].textEdited.connect(self._fill_from_postcode)

    def _fill_from_postcode(self, postcode: str) -> None:
        """A known postcode fills in By and proposes the Kommune, where the field is empty or
        still holds what an earlier postcode filled in."""
        found = lookup_postcode(postcode)
        if found is None:
            return
        city_name, code = found
        city: QLineEdit = self.inputs["city"]
        if city.text().strip() in ("", self._filled["city"]) and city.text() != city_name:
            city.setText(city_name)
            self._changed("city")
        self._filled["city"] = city_name
        combo: QComboBox = self.inputs["municipality_code"]
        index = combo.findData(code)
        if index >= 0 and combo.currentData() in ("", self._filled["municipality_code"]):
            combo.setCurrentIndex(index)  # emits currentIndexChanged: validated, edited
            self._filled["municipality_code"] = code

    # -- values ---------------------------------------------------------------------------------
    def load(self, company: Company | None, only: set[str] | None = None) -> None:
        """Shows the company; ``only``: just these fields (the rest keeps what is typed)."""
        names = set(self.inputs) if only is None else only
        for widget in self.inputs.values():
            widget.blockSignals(True)
        saved = company is not None
        company = company or Company(id="", cvr="", name="")
        for name in names & set(_LINE_FIELDS):
            self.inputs[name].setText(str(getattr(company, name) or ""))
        if "phone" in names:  # stored +4553555569, read as Danes write it: 53 55 55 69
            self.inputs["phone"].setText(display_phone(company.phone))
        for name in names & {"municipality_code", "employees", "phase"}:
            combo: QComboBox = self.inputs[name]
            value = getattr(company, name)
            found = combo.findData(int(value) if name == "phase" else (value or ""))
            combo.setCurrentIndex(max(found, 0))
        if "marketing_protected" in names:
            self.inputs["marketing_protected"].setChecked(company.marketing_protected)
        if "notes" in names:
            self.inputs["notes"].setPlainText(company.notes or "")
        if names & {"postcode", "city", "municipality_code"}:
            self._remember_filled()
        for widget in self.inputs.values():
            widget.blockSignals(False)
        if only is not None:
            for name in names:
                self._validate(name)
            self.protected_changed.emit(self.inputs["marketing_protected"].isChecked())
            return
        # Company ids derive from the CVR number: a saved company keeps its number.
        cvr: QLineEdit = self.inputs["cvr"]
        cvr.setReadOnly(saved)
        cvr.setToolTip(self.tr(
            "The CVR number is the company's identity and cannot be changed on a saved "
            "company. Create the company with the right CVR number and delete the wrong one.")
            if saved else "")
        cvr.setStyleSheet("QLineEdit { background: palette(window); }" if saved else "")
        self._messages.clear()
        self._shown.clear()
        for label in self.errors.values():
            label.show_message(None)
        self.protected_changed.emit(company.marketing_protected)

    def _remember_filled(self) -> None:
        """A loaded By or Kommune that matches its postcode counts as filled in by it, so a
        new postcode may replace it."""
        found = lookup_postcode(self.inputs["postcode"].text())
        city_name, code = found or ("", "")
        self._filled = {
            "city": city_name if self.inputs["city"].text() == city_name else "",
            "municipality_code":
                code if self.inputs["municipality_code"].currentData() == code else "",
        }

    def values(self) -> dict[str, Any]:
        """Raw values as typed; services.companies.save_company cleans them."""
        values: dict[str, Any] = {name: self.inputs[name].text() for name in _LINE_FIELDS}
        for name in ("municipality_code", "employees", "phase"):
            values[name] = self.inputs[name].currentData()
        values["marketing_protected"] = self.inputs["marketing_protected"].isChecked()
        values["notes"] = self.inputs["notes"].toPlainText()
        return values

    # -- validation -----------------------------------------------------------------------------
    def validate_all(self, show: bool) -> None:
        """show=False for a new company: an empty form should not greet the user in red,
        but Save stays disabled until the required fields are filled."""
        if show:
            self._shown.update(self.inputs)
        for name in self.inputs:
            self._validate(name)

    def _changed(self, name: str) -> None:
        self._shown.add(name)
        self._validate(name)
        self.edited.emit()

    def _validate(self, name: str) -> None:
        try:
            clean_company_field(name, self.values()[name], self._codes)
        except ValidationError as exc:
            self.set_error(name, exc.message)
        else:
            self.set_error(name, None)

    def set_error(self, name: str, message: str | None) -> None:
        if message:
            self._messages[name] = message
        else:
            self._messages.pop(name, None)
        if name in self.errors:
            self.errors[name].show_message(message if name in self._shown else None)

    def show_error(self, name: str, message: str) -> None:
        """A message only the save could find (a CVR number already in use)."""
        self._shown.add(name)
        self.set_error(name, message)

    @property
    def messages(self) -> dict[str, str]:
        """Every field's message now, shown or not yet (field -> message)."""
        return dict(self._messages)

    @property
    def is_valid(self) -> bool:
        return not self._messages

    def first_invalid(self) -> QWidget | None:
        for name in self.inputs:
            if name in self._messages:
                return self.inputs[name]
        return None
