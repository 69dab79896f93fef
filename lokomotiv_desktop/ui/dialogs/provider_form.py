"""A new provider (udbyder): the school a course is planned with."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit

from ...domain import course_catalog as catalog
from ...domain.validation import ValidationError, validate_email_address, validate_phone
from ...services import courses as course_service
from ...store.database import Store
from ..tasks import TaskRunner
from .validated_dialog import ValidatedDialog

TEXT_FIELDS = ("name", "vuc", "contact", "phone", "email", "address")


class ProviderForm(ValidatedDialog):
    def __init__(self, store: Store, runner: TaskRunner, parent=None):
        super().__init__(runner, parent)
        self._store = store
        self.setWindowTitle(self.tr("New provider"))
        self.kind = QComboBox()
        for choice in catalog.catalog().provider_kinds.items:
            self.kind.addItem(choice.label, choice.code)
        self.fields = {name: QLineEdit() for name in TEXT_FIELDS}
        self.fields["phone"].setPlaceholderText("70 11 22 33")
        form = QFormLayout()
        labels = {"name": self.tr("Name"), "vuc": self.tr("Operating agreement with (VUC)"),
                  "contact": self.tr("Contact person"), "phone": self.tr("Phone"),
                  "email": self.tr("E-mail"), "address": self.tr("Address")}
        self.add_field(form, "name", labels["name"], self.fields["name"])
        self.add_field(form, "kind", self.tr("Kind"), self.kind)
        for name in TEXT_FIELDS[1:]:
            self.add_field(form, name, labels[name], self.fields[name])
        self.body.addLayout(form)
        self.finish_layout()
        self.resize(460, self.sizeHint().height())
        self.mark_clean()

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {n: w.text().strip() for n, w in self.fields.items()}
        values["kind"] = self.kind.currentData()
        return values

    def problems(self, values: dict[str, Any]) -> dict[str, str]:
        found: dict[str, str] = {}
        if not values["name"]:
            found["name"] = self.tr("The provider needs a name.")
        checks = [lambda: values["phone"] and validate_phone(values["phone"]),
                  lambda: values["email"] and validate_email_address(values["email"])]
        for name, check in zip(("phone", "email"), checks, strict=True):
            try:
                check()
            except ValidationError as exc:
                found[name] = exc.message
        return found

    def save_work(self, values: dict[str, Any]):
        store = self._store
        return lambda: course_service.add_provider(store, **{
            k: (v or None) if k in ("phone", "email") else v for k, v in values.items()})
