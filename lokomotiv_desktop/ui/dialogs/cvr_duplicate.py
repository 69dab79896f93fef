"""A new company's CVR number that is already in the store is reported while it is typed,
with a button that opens the company that has it (instead of a refusal at Save)."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from ...domain.validation import ValidationError, validate_cvr
from ...store.companies import CompanyRepository


class DuplicateCvrWatch(QObject):
    open_existing = Signal(str)  # the id of the company that has the number

    def __init__(self, editor):
        super().__init__(editor)
        self._editor = editor
        self._repository = CompanyRepository(editor._store)
        self.existing_id: str | None = None
        self.button = QPushButton(self.tr("Open the existing one"))
        self.button.setObjectName("open_existing")
        self.button.setAutoDefault(False)
        self.button.hide()
        self.button.clicked.connect(lambda: self.existing_id and self.open_existing.emit(
            self.existing_id))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        layout = editor.layout()
        layout.insertLayout(layout.indexOf(editor.general_error), row)
        self._field = editor.form.inputs["cvr"]
        self._field.textEdited.connect(self._typed)

    def _typed(self, text: str) -> None:
        self._show(None, None)
        if self._editor.company_id is not None:
            return  # a saved company's number cannot change
        try:
            number = validate_cvr(text)
        except ValidationError:
            return  # the form says what is wrong with it
        repository = self._repository
        self._editor._runner.run(lambda: repository.get_by_cvr(number), cancellable=True,
                                 on_done=lambda found: self._found(number, found))

    def _found(self, number: str, company) -> None:
        if company is None or _digits(self._field.text()) != number:
            return  # typed on meanwhile: a newer lookup answers for the new number
        self._show(company.id, self.tr("A company with CVR number %1 exists already: %2.")
                   .replace("%1", number).replace("%2", company.name))

    def _show(self, company_id: str | None, message: str | None) -> None:
        self.existing_id = company_id
        self.button.setVisible(company_id is not None)
        if message:
            self._editor.form.show_error("cvr", message)
            self._editor._update_state()


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
