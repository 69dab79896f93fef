"""Small forms of the person view: add or edit a participant, give or withdraw a consent,
refer to Ordblindetesten and record the result. Each calls one service; a refused value
shows the service's Danish message at the form's foot and nothing is written."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.consent import PURPOSE_LABELS
from ...domain.danish_format import field_date
from ...domain.screening_catalog import catalog
from ...domain.validation import ValidationError
from ...services import participants as people
from ...services import screenings
from ...services.outreach import today_local
from ...store.companies import CompanyRepository
from ...store.database import Store
from ..widgets.error_label import ErrorLabel


class SimpleForm(QDialog):
    """Fields in a form layout, Gem/Annullér, and the message of a refused save."""

    saved = Signal(object)  # what the service returned

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = ErrorLabel()
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def add(self, label: str, widget: QWidget) -> QWidget:
        self.form.addRow(label, widget)
        return widget

    def work(self) -> Any:  # the service call; raises ValidationError
        raise NotImplementedError

    def submit(self) -> bool:
        try:
            result = self.work()
        except ValidationError as error:
            self.error.show_message(error.message)
            return False
        self.error.show_message(None)
        self.saved.emit(result)
        self.accept()
        return True


def _combo(items: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    for code, label in items:
        combo.addItem(label, code)
    return combo


class ParticipantForm(SimpleForm):
    """A new participant (of `company_id`, of a company found by CVR, or "ledig" with the
    referring municipality), or the fields of a stored one."""

    TEXT = ("first_name", "last_name", "job_title", "team", "phone", "email", "jobcenter")

    def __init__(self, store: Store, participant_id: str | None = None,
                 company_id: str | None = None, parent=None):
        super().__init__("", parent)
        self._store, self.participant_id, self.company_id = store, participant_id, company_id
        self.setWindowTitle(self.tr("New participant") if participant_id is None
                            else self.tr("Edit participant"))
        labels = {"first_name": self.tr("First name"), "last_name": self.tr("Last name"),
                  "job_title": self.tr("Job title"), "team": self.tr("Team/shift"),
                  "phone": self.tr("Phone"), "email": self.tr("E-mail"),
                  "jobcenter": self.tr("Jobcenter")}
        self.inputs: dict[str, QLineEdit] = {}
        self.cvr = QLineEdit()
        self.unemployed = QCheckBox(self.tr("Unemployed (referred by a municipality)"))
        self.municipality = QLineEdit()
        self.municipality.setPlaceholderText(self.tr("e.g. 630"))
        if participant_id is None and company_id is None:
            self.add(self.tr("Company (CVR)"), self.cvr)
            self.add("", self.unemployed)
            self.add(self.tr("Municipality code"), self.municipality)
        for name in self.TEXT:
            self.inputs[name] = self.add(labels[name], QLineEdit())
        self.language = self.add(self.tr("Language"), _combo(
            [("dansk", self.tr("Danish")), ("andetsprog", self.tr("Danish as a second language"))]))
        self.notes = self.add(self.tr("Notes"), QPlainTextEdit())
        self.notes.setFixedHeight(70)
        if participant_id:
            self._load(people.find_participant(store, participant_id))

    def _load(self, person) -> None:
        for name, widget in self.inputs.items():
            widget.setText(getattr(person, name) or "")
        self.language.setCurrentIndex(max(0, self.language.findData(person.language)))
        self.notes.setPlainText(person.notes)

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {k: w.text() for k, w in self.inputs.items()}
        values["language"] = self.language.currentData()
        values["notes"] = self.notes.toPlainText()
        return values

    def work(self):
        values = self.values()
        if self.participant_id:
            return people.update_participant(self._store, self.participant_id, values)
        company_id = self.company_id
        if company_id is None and self.unemployed.isChecked():
            return people.add_participant(self._store, None, employment="ledig",
                                          municipality_code=self.municipality.text().strip(),
                                          **values)
        if company_id is None:
            cvr = self.cvr.text().replace(" ", "")
            company = CompanyRepository(self._store).get_by_cvr(cvr) if cvr else None
            if company is None:
                raise ValidationError("company_id", self.tr(
                    "Write the CVR number of a company in the list, or tick «Unemployed»."))
            company_id = company.id
        return people.add_participant(self._store, company_id, **values)


class ConsentForm(SimpleForm):
    """Give a consent: purpose, how (skriftlig / mundtlig with a witness), date."""

    def __init__(self, store: Store, participant_id: str, parent=None):
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Give consent"))
        self._store, self._id = store, participant_id
        self.purpose = self.add(self.tr("Purpose"), _combo(
            [(str(p.value), label) for p, label in PURPOSE_LABELS.items()]))
        self.how = self.add(self.tr("How"), _combo(
            [("skriftlig", self.tr("In writing")), ("mundtlig", self.tr("Orally, with a witness"))]))
        self.witness = self.add(self.tr("Witness"), QLineEdit())
        self.day = self.add(self.tr("Date"), QLineEdit(field_date(today_local())))
        self.how.currentIndexChanged.connect(self._how_changed)
        self._how_changed()

    def _how_changed(self) -> None:
        self.witness.setEnabled(self.how.currentData() == "mundtlig")

    def work(self):
        witness = self.witness.text() if self.how.currentData() == "mundtlig" else None
        return people.give_consent(self._store, self._id, self.purpose.currentData(),
                                   self.how.currentData(), witness, self.day.text())


class ReferralForm(SimpleForm):
    """Refer to Ordblindetesten: date and school."""

    def __init__(self, store: Store, participant_id: str, parent=None):
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Refer to the dyslexia test"))
        self._store, self._id = store, participant_id
        self.day = self.add(self.tr("Date"), QLineEdit(field_date(today_local())))
        self.school = self.add(self.tr("School"), QLineEdit())

    def work(self):
        return screenings.add_referral(self._store, self._id, self.day.text(),
                                       self.school.text())


class ResultForm(SimpleForm):
    """The result of a referral: rød / gul / grøn, date (the school defaults to the
    referral's)."""

    def __init__(self, store: Store, referral_id: str, parent=None):
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Record the dyslexia test result"))
        self._store, self._id = store, referral_id
        self.result = self.add(self.tr("Result"), _combo(
            [(r.code, f"{r.code}: {r.label}") for r in catalog().dyslexia_results]))
        self.day = self.add(self.tr("Date"), QLineEdit(field_date(today_local())))

    def work(self):
        return screenings.record_dyslexia_result(self._store, self._id,
                                                 self.result.currentData(), self.day.text())

