"""The person view: one participant's fields, consents, screenings and referrals, with
export (right of access) and erasure (right to erasure).

Opening it shows screening and dyslexia fields, so it writes one access-log entry
(person_privacy.log_view) and says so: "Visning logges". Withdrawing the consent for
screening asks whether to erase the person and everything about them."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...domain.consent import PURPOSE_LABELS, ConsentPurpose
from ...domain.danish_format import field_date
from ...domain.participants import PersonFile
from ...domain.screening_catalog import catalog
from ...domain.validation import ValidationError
from ...services import participants as people
from ...services import person_privacy
from ...services.me import my_name
from ...store.database import Store
from ..widgets.error_label import ErrorLabel
from ..widgets.file_dialog import save_file_name
from .participant_form import ConsentForm, ParticipantForm, ReferralForm, ResultForm
from .prompts import confirm_delete


def ask_erase(parent, name: str) -> bool:
    """Ja / Nej, Nej the default: erasing cannot be undone."""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("PersonDialog", "Erase the person?"),
        QCoreApplication.translate(
            "PersonDialog", "Do you want to erase %s and everything about the person?") % name,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, list[str]]]) -> None:
    """(row id, cells) per row; the id rides on the first cell."""
    table.setRowCount(len(rows))
    for r, (row_id, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c == 0:
                item.setData(Qt.ItemDataRole.UserRole, row_id)
            table.setItem(r, c, item)


class PersonDialog(QDialog):
    changed = Signal()  # something about the person was saved
    erased = Signal(str)  # participant id: gone from this laptop

    def __init__(self, store: Store, participant_id: str, parent=None):
        super().__init__(parent)
        self.setObjectName("person_dialog")
        self._store = store
        self.participant_id = people.find_participant(store, participant_id).id
        self.form = None  # the small form open over this view, if any
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.subtitle = QLabel()
        self.logged_note = QLabel(self.tr("Viewing is logged"))
        self.logged_note.setToolTip(self.tr(
            "Every view and export of a person's screenings is written to the audit log."))
        self.logged_note.setStyleSheet("color: #6b4e00; background: #fff4ce; padding: 2px 8px;")
        self.fields = QGridLayout()
        self.edit_button = QPushButton(self.tr("Edit …"))
        self.consents = _table([self.tr("Purpose"), self.tr("Given"), self.tr("How"),
                                self.tr("Witness"), self.tr("Withdrawn")])
        self.give_button = QPushButton(self.tr("Give consent …"))
        self.withdraw_button = QPushButton(self.tr("Withdraw consent"))
        self.screenings = _table([self.tr("Date"), self.tr("Subject"), self.tr("Tool"),
                                  self.tr("Outcome"), self.tr("Level"), self.tr("School"),
                                  self.tr("Tester")])
        self.referrals = _table([self.tr("Referred"), self.tr("School"), self.tr("Result")])
        self.refer_button = QPushButton(self.tr("Refer to the dyslexia test …"))
        self.result_button = QPushButton(self.tr("Record result …"))
        self.export_pdf = QPushButton(self.tr("Export (PDF) …"))
        self.export_json = QPushButton(self.tr("Export (JSON) …"))
        self.erase_button = QPushButton(self.tr("Erase the person …"))
        self.close_button = QPushButton(self.tr("Close"))
        self.message = ErrorLabel()

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        head.addWidget(self.logged_note, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self._group(self.tr("Person"), self.fields, [self.edit_button]))
        # A person has a consent or three and a referral or two; screenings get the room.
        for short in (self.consents, self.referrals):
            short.setMaximumHeight(92)
        layout.addWidget(self._group(self.tr("Consents"), self.consents,
                                     [self.give_button, self.withdraw_button]))
        layout.addWidget(self._group(self.tr("Screenings"), self.screenings, []), 1)
        layout.addWidget(self._group(self.tr("Dyslexia test"), self.referrals,
                                     [self.refer_button, self.result_button]))
        layout.addWidget(self.message)
        foot = QHBoxLayout()
        for button in (self.export_pdf, self.export_json, self.erase_button):
            foot.addWidget(button)
        foot.addStretch(1)
        foot.addWidget(self.close_button)
        layout.addLayout(foot)

        self.edit_button.clicked.connect(self.edit)
        self.give_button.clicked.connect(self.give_consent)
        self.withdraw_button.clicked.connect(self.withdraw_consent)
        self.refer_button.clicked.connect(self.refer)
        self.result_button.clicked.connect(self.record_result)
        self.export_pdf.clicked.connect(lambda: self.export(".pdf"))
        self.export_json.clicked.connect(lambda: self.export(".json"))
        self.erase_button.clicked.connect(self.erase)
        self.close_button.clicked.connect(self.reject)
        self.resize(920, 780)
        self.reload()
        # Shown from here on: screenings and dyslexia fields. Once per opening.
        person_privacy.log_view(store, self.participant_id)

    def _group(self, title: str, body, buttons: list[QPushButton]) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        if isinstance(body, QGridLayout):
            layout.addLayout(body)
        else:
            layout.addWidget(body)
        if buttons:
            row = QHBoxLayout()
            for button in buttons:
                row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
        return box

    # -- showing ------------------------------------------------------------------------------
    def reload(self) -> None:
        found: PersonFile = people.person_file(self._store, self.participant_id)
        self.file = found
        p = found.participant
        self.title.setText(p.name)
        self.setWindowTitle(self.tr("Participant – %s") % p.name)
        where = found.company_name or self.tr("Unemployed, referred by municipality %s") \
            % (p.municipality_code or "")
        self.subtitle.setText(where)
        language = self.tr("Danish") if p.language == "dansk" else \
            self.tr("Danish as a second language")
        shown = [(self.tr("Job title"), p.job_title), (self.tr("Team/shift"), p.team),
                 (self.tr("Employment"), p.employment), (self.tr("Language"), language),
                 (self.tr("Phone"), p.phone or ""), (self.tr("E-mail"), p.email or ""),
                 (self.tr("Jobcenter"), p.jobcenter), (self.tr("Notes"), p.notes)]
        while self.fields.count():
            item = self.fields.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for i, (label, value) in enumerate(shown):
            self.fields.addWidget(QLabel(label + ":"), i // 2, (i % 2) * 2)
            value_label = QLabel(value or "–")
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields.addWidget(value_label, i // 2, (i % 2) * 2 + 1)
        self.fields.setColumnStretch(1, 1)
        self.fields.setColumnStretch(3, 1)
        how = {"skriftlig": self.tr("In writing"), "mundtlig": self.tr("Orally")}
        _fill(self.consents, [(c.id, [
            PURPOSE_LABELS.get(ConsentPurpose(c.purpose), c.purpose), field_date(c.given_on),
            how.get(c.how, c.how), c.witness or "",
            field_date(c.withdrawn_on) if c.withdrawn_on else ""]) for c in found.consents])
        data = catalog()
        _fill(self.screenings, [(s.id, [
            field_date(s.date), _safe(lambda s=s: data.subject_label(s.subject), s.subject),
            _safe(lambda s=s: data.tool(s.tool).label, s.tool),
            _safe(lambda s=s: data.outcome(s.tool, s.outcome).label, s.outcome),
            "" if s.trin is None else str(s.trin), s.school, s.tester])
            for s in found.screenings])
        _fill(self.referrals, [(r.id, [field_date(r.date), r.school, self._result_text(r)])
                               for r in found.referrals])

    def _result_text(self, referral) -> str:
        result = referral.result
        if result is not None:
            label = next((x.label for x in catalog().dyslexia_results
                          if x.code == result.result), result.result)
            until = self.tr(" (valid until %s)") % field_date(result.valid_until) \
                if result.valid_until else ""
            return f"{result.result}: {label}, {field_date(result.date)}{until}"
        if self._results_visible():
            return self.tr("Awaiting result")
        return self.tr("Referred %s; result not visible to you") % field_date(referral.date)

    def _results_visible(self) -> bool:
        """Dyslexia results reach only the company's consultant and coordinators: for
        anyone else a missing result may be one the server kept back."""
        role = self._store.get_state("role")
        if role in (None, "koordinator", "admin"):  # the server's role names
            return True
        me = (my_name(self._store) or "").casefold()
        return bool(me) and me == self.file.participant.consultant.casefold()

    # -- acting ---------------------------------------------------------------------------------
    def _open_form(self, form) -> None:
        self.form = form
        form.saved.connect(self._form_saved)
        form.finished.connect(self._form_closed)
        form.open()

    def _form_saved(self, _result) -> None:
        self.reload()
        self.changed.emit()

    def _form_closed(self) -> None:
        form, self.form = self.form, None
        if form is not None:
            form.deleteLater()

    def edit(self) -> None:
        self._open_form(ParticipantForm(self._store, self.participant_id, parent=self))

    def give_consent(self) -> None:
        self._open_form(ConsentForm(self._store, self.participant_id, self))

    def refer(self) -> None:
        self._open_form(ReferralForm(self._store, self.participant_id, self))

    def record_result(self) -> None:
        row = self.referrals.currentRow()
        if row < 0 and self.referrals.rowCount():
            row = self.referrals.rowCount() - 1  # the newest referral
        if row < 0:
            self.message.show_message(self.tr("Refer the person to the dyslexia test first."))
            return
        referral_id = self.referrals.item(row, 0).data(Qt.ItemDataRole.UserRole)
        self._open_form(ResultForm(self._store, referral_id, self))

    def withdraw_consent(self) -> None:
        """Withdraws the chosen consent's purpose (screening when none is chosen) today;
        for screening, then asks whether to erase the person."""
        row = self.consents.currentRow()
        purpose = "screening"
        if row >= 0:
            consent_id = self.consents.item(row, 0).data(Qt.ItemDataRole.UserRole)
            purpose = next(c.purpose for c in self.file.consents if c.id == consent_id)
        try:
            people.withdraw_consent(self._store, self.participant_id, purpose)
        except ValidationError as error:
            self.message.show_message(error.message)
            return
        self.message.show_message(None)
        self.reload()
        self.changed.emit()
        if purpose == "screening" and ask_erase(self, self.file.participant.name):
            self._erase_now()

    def erase(self) -> None:
        question = self.tr("Erase %s and everything about the person?") \
            % self.file.participant.name
        if confirm_delete(self, question):
            self._erase_now()

    def _erase_now(self) -> None:
        person_privacy.erase_person(self._store, self.participant_id)
        self.erased.emit(self.participant_id)
        self.changed.emit()
        self.accept()

    def export(self, suffix: str) -> None:
        name = self.file.participant.name.replace(" ", "_") or "deltager"
        kind = self.tr("PDF document (*.pdf)") if suffix == ".pdf" else \
            self.tr("JSON file (*.json)")
        chosen = save_file_name(self, self.tr("Export everything about the person"),
                                str(Path.home() / f"{name}{suffix}"), kind)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        try:
            person_privacy.export_person(self._store, self.participant_id, path)
        except (OSError, ValueError) as error:
            self.message.show_message(self.tr("Not exported: %s") % error)
            return
        self.message.show_message(None)
        self.reload()


def _safe(label, fallback: str) -> str:
    try:
        return label()
    except KeyError:
        return fallback
