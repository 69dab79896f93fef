"""View and edit one company: master data, P-units and contacts, saved in one go.

A save of a stored company sends only what the person changed since the editor loaded it,
with the company as loaded: a field changed underneath meanwhile (the phase from the outreach
tab, a sync) keeps its new value, and one the person changed too is asked about."""
from __future__ import annotations

import copy
import logging
import re
from enum import Enum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QVBoxLayout,
)

from ...domain.company_rules import clean_contact_field, clean_production_unit_field
from ...domain.entities import Company
from ...domain.enums import ContactRole
from ...services.companies import ChangedUnderneath, InvalidInput, save_company
from ...store.companies import CompanyRepository
from ...store.database import Store
from ..models.child_rows import ChildColumn, ChildRowsModel
from ..tasks import TaskRunner
from ..widgets.company_timeline import CompanyOutreachPanel
from ..widgets.error_label import ErrorLabel
from ..widgets.protected_banner import protected_banner
from .child_rows_editor import ChildRowsEditor
from .company_form import CompanyForm
from .cvr_duplicate import DuplicateCvrWatch
from .prompts import Choice, Keep, ask_keep_mine, ask_save_changes, shown_value

log = logging.getLogger(__name__)
_CHILD_ERROR = re.compile(r"^(units|contacts)\[(\d+)\]\.(\w+)$")
UNIT_FIELDS = ("pnr", "name", "address", "postcode", "city", "municipality_code", "employees")
CONTACT_FIELDS = ("name", "role", "phone", "email", "trusted")


class CompanyEditor(QDialog):
    saved = Signal(str)  # company id

    def __init__(self, store: Store, runner: TaskRunner, company_id: str | None,
                 consultants: list[str], parent=None):
        super().__init__(parent)
        self.setObjectName("company_editor")
        self._store = store
        self._runner = runner
        self._repository = CompanyRepository(store)
        self.company_id = company_id
        self._saving = False
        self._close_after_save = False
        self._loaded: Company | None = None  # as loaded; a save compares with it
        self._loaded_values: dict[str, Any] = {}
        self._loaded_rows: dict[str, dict[str, dict]] = {"units": {}, "contacts": {}}
        self._keep_theirs: set[str] = set()  # fields whose stored value the person kept
        self._sent: dict[str, list[dict]] = {"units": [], "contacts": []}
        codes = self._repository.municipality_codes()
        municipalities = [(m.code, m.name) for m in self._repository.municipalities()]

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.protected_banner = protected_banner()
        self.protected_banner.hide()
        self.form = CompanyForm(municipalities, consultants)
        self.units = ChildRowsModel(self._unit_columns(), lambda f, v: clean_production_unit_field(
            f, v, codes), self)
        self.contacts = ChildRowsModel(self._contact_columns(), clean_contact_field, self)
        self.units_editor = ChildRowsEditor(self.units, self.tr("Add P-unit"), {})
        self.contacts_editor = ChildRowsEditor(
            self.contacts, self.tr("Add contact person"),
            {"role": ContactRole.ANDET.value, "trusted": False})
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, self.tr("Master data"))
        self.tabs.addTab(self.units_editor, "")
        self.tabs.addTab(self.contacts_editor, "")
        self.outreach: CompanyOutreachPanel | None = None
        if company_id:
            self._add_outreach_tab(company_id)
        self.general_error = ErrorLabel()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("Save"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.close_button = self.buttons.addButton(self.tr("Close"),
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.protected_banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.form.edited.connect(self._update_state)
        self.form.protected_changed.connect(self.protected_banner.setVisible)
        for model in (self.units, self.contacts):
            model.edited.connect(self._update_state)
        self._load(self._repository.get(company_id) if company_id else None)
        self.duplicate = DuplicateCvrWatch(self)
        self.form.inputs["name" if company_id else "cvr"].setFocus()
        self.resize(980, 560)

    def _unit_columns(self) -> list[ChildColumn]:
        return [ChildColumn("pnr", self.tr("P-number")), ChildColumn("name", self.tr("Name")),
                ChildColumn("address", self.tr("Address")),
                ChildColumn("postcode", self.tr("Postcode")), ChildColumn("city", self.tr("City")),
                ChildColumn("municipality_code", self.tr("Municipality code")),
                ChildColumn("employees", self.tr("Employees"))]

    def _contact_columns(self) -> list[ChildColumn]:
        roles = [(role.value, role.label) for role in ContactRole]
        return [ChildColumn("name", self.tr("Name")),
                ChildColumn("role", self.tr("Role"), "choice", roles),
                ChildColumn("phone", self.tr("Phone")), ChildColumn("email", self.tr("E-mail")),
                ChildColumn("trusted", self.tr("Trusted messenger"), "bool")]

    # -- loading and state ------------------------------------------------------------------------
    def _load(self, company: Company | None) -> None:
        self.form.load(company)
        self.form.validate_all(show=company is not None)
        units = [_row(u, UNIT_FIELDS) for u in (company.production_units if company else [])]
        contacts = [_row(c, CONTACT_FIELDS) for c in (company.contacts if company else [])]
        self.units.load(units)
        self.contacts.load(contacts)
        self._loaded = company
        self._loaded_values = self.form.values()
        self._loaded_rows = {"units": {r["id"]: r for r in units},
                             "contacts": {r["id"]: r for r in contacts}}
        self._keep_theirs = set()
        name = company.name if company else self.tr("New company")
        self.title.setText(name)
        self.setWindowTitle(self.tr("Company – %s") % name)
        self._clean = self._snapshot()
        self.general_error.show_message(None)
        self._update_state()

    def _snapshot(self) -> tuple:
        return (tuple(sorted(self.form.values().items())), self.units.snapshot(),
                self.contacts.snapshot())

    @property
    def is_dirty(self) -> bool:
        return self._snapshot() != self._clean

    @property
    def is_valid(self) -> bool:
        return self.form.is_valid and not self.units.errors() and not self.contacts.errors()

    def _update_state(self) -> None:
        self.tabs.setTabText(1, self.tr("P-units (%s)") % self.units.rowCount())
        self.tabs.setTabText(2, self.tr("Contact persons (%s)") % self.contacts.rowCount())
        self.save_button.setEnabled(self.is_valid and self.is_dirty and not self._saving)

    # -- saving -------------------------------------------------------------------------------------
    def save(self) -> None:
        if self._saving or not self.save_button.isEnabled():
            return
        self._saving = True
        self._update_state()
        self.general_error.show_message(None)
        company_id, store = self.company_id, self._store
        values, units, contacts = self._changes()
        self._sent = {"units": units, "contacts": contacts}
        loaded = copy.deepcopy(self._loaded) if company_id else None
        self._runner.run(
            lambda: save_company(store, company_id, values, units, contacts, loaded=loaded),
            on_done=self._saved, on_error=self._save_failed)

    def _changes(self) -> tuple[dict[str, Any], list[dict], list[dict]]:
        """What the person changed since the load (a new company: everything). Every row is
        sent, a stored one with only its changed cells, so "units[2]" is still view row 2."""
        values = self.form.values()
        units, contacts = self.units.payload(), self.contacts.payload()
        if self.company_id is None:
            return values, units, contacts
        values = {k: v for k, v in values.items()
                  if v != self._loaded_values.get(k) and k not in self._keep_theirs}
        return (values, [self._row_changes("units", i) for i in units],
                [self._row_changes("contacts", i) for i in contacts])

    def _row_changes(self, key: str, item: dict) -> dict:
        row_id = item.get("id")
        if row_id is None or item.get("deleted"):
            return item
        before = self._loaded_rows[key].get(row_id, {})
        return {"id": row_id, **{f: v for f, v in item.items() if f != "id"
                                 and v != before.get(f)
                                 and f"{key}:{row_id}.{f}" not in self._keep_theirs}}

    def _add_outreach_tab(self, company_id: str) -> None:
        """Visits, sessions, phase and KPI targets: for a company that is saved."""
        self.outreach = CompanyOutreachPanel(self._store, self._runner, company_id, self)
        self.outreach.changed.connect(self._outreach_changed)
        self.tabs.addTab(self.outreach, self.tr("Outreach and timeline"))
        from ..widgets.company_participants import CompanyParticipants, open_person_dialog

        self.participants = CompanyParticipants(self._store, company_id, self)
        self.participants.open_person.connect(lambda pid: open_person_dialog(
            self, self._store, pid, self.participants.reload))
        self.tabs.addTab(self.participants, self.tr("Participants"))

    def _outreach_changed(self) -> None:
        """A phase change (or visit) from the outreach tab: the fields the person has not
        touched show the stored values now; what they typed stays."""
        self.saved.emit(self.company_id)
        company = self._repository.get(self.company_id) if self.company_id else None
        if company is None or self._saving or self._loaded is None:
            return
        typed = self.form.values()
        untouched = {k for k, v in typed.items() if v == self._loaded_values.get(k)}
        self.form.load(company, only=untouched)
        fresh = self.form.values()
        for name in untouched:
            self._loaded_values[name] = fresh[name]
            setattr(self._loaded, name, getattr(company, name))
        self._clean = (tuple(sorted(self._loaded_values.items())), *self._clean[1:])
        self._update_state()

    def _saved(self, company_id: str) -> None:
        self._saving = False
        self.company_id = company_id
        if self.outreach is None:  # a new company, saved for the first time: now it can
            self._add_outreach_tab(company_id)  # have visits
        # Reload: new P-units and contacts now have ids, and values are normalised.
        self._load(self._repository.get(company_id))
        self.saved.emit(company_id)
        if self._close_after_save:
            self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self._saving = False
        if isinstance(error, ChangedUnderneath):
            self._changed_underneath(error)
            return
        self._close_after_save = False
        if not isinstance(error, InvalidInput):
            log.error("saving a company failed", exc_info=(type(error), error,
                                                            error.__traceback__))
            self.general_error.show_message(self.tr("The company was not saved: %s") % error)
            self._update_state()
            return
        unit_errors, contact_errors, other = {}, {}, []
        for key, message in error.errors.items():
            child = _CHILD_ERROR.match(key)
            if child and child[3] != "id":
                target = unit_errors if child[1] == "units" else contact_errors
                target[(int(child[2]), child[3])] = message
            elif key in self.form.inputs:
                self.form.show_error(key, message)
            else:
                other.append(message)
        self.units.set_server_errors(unit_errors)
        self.contacts.set_server_errors(contact_errors)
        self.units_editor.show_errors()
        self.contacts_editor.show_errors()
        self.general_error.show_message("\n".join(other))
        self.tabs.setCurrentIndex(0 if not self.form.is_valid else 1 if unit_errors
                                  else 2 if contact_errors else self.tabs.currentIndex())
        self._update_state()

    # -- fields changed underneath -------------------------------------------------------------
    def _changed_underneath(self, error: ChangedUnderneath) -> None:
        if self._resolve(error):
            self._update_state()
            self.save()  # again, compared with the values the person has now seen
            return
        self._close_after_save = False
        names = ", ".join(f"«{self._conflict_target(c.key)[2]}»" for c in error.conflicts)
        self.general_error.show_message(self.tr(
            "Not saved: someone else changed %s while you were editing.") % names)
        self._update_state()

    def _resolve(self, error: ChangedUnderneath) -> bool:
        """Asks whose value to keep, field by field; False when the person cancels."""
        for conflict in error.conflicts:
            entity, name, label, keep_key = self._conflict_target(conflict.key)
            keep = ask_keep_mine(self, label, self._describe(conflict.key, conflict.theirs),
                                 self._describe(conflict.key, conflict.mine))
            if keep is Keep.CANCEL:
                return False
            setattr(entity, name, conflict.theirs)  # seen now: the next save compares with it
            if keep is Keep.THEIRS:
                self._keep_theirs.add(keep_key)
        return True

    def _conflict_target(self, key: str):
        """(loaded entity, field, label for the person, key of _keep_theirs)."""
        child = _CHILD_ERROR.match(key)
        if not child:
            return self._loaded, key, self.form.labels.get(key, key), key
        kind, index, name = child[1], int(child[2]), child[3]
        row_id = self._sent[kind][index]["id"]
        rows = self._loaded.production_units if kind == "units" else self._loaded.contacts
        entity = next(r for r in rows if r.id == row_id)
        model, fields = ((self.units, UNIT_FIELDS) if kind == "units"
                         else (self.contacts, CONTACT_FIELDS))
        header = model.headerData(fields.index(name), Qt.Orientation.Horizontal)
        which = entity.name or getattr(entity, "pnr", "")
        return entity, name, f"{header} ({which})", f"{kind}:{row_id}.{name}"

    def _describe(self, key: str, value: Any) -> str:
        widget = self.form.inputs.get(key)
        if hasattr(widget, "findData"):  # a choice: its text, as the form shows it
            found = widget.findData(value.value if isinstance(value, Enum) else value or "")
            if found >= 0:
                return widget.itemText(found)
        return shown_value(value)

    # -- closing --------------------------------------------------------------------------------------
    def reject(self) -> None:
        """Esc, Close and the window's X all come here: unsaved work is never lost silently."""
        if self._saving:
            return
        if self.is_dirty:
            choice = ask_save_changes(self, self.title.text(), self.problems())
            if choice is Choice.CANCEL:
                return
            if choice is Choice.SAVE:
                if not self.is_valid:
                    self._show_first_problem()
                    self.general_error.show_message(self.tr(
                        "Not saved: correct what is marked in red, then save."))
                    return
                self._close_after_save = True
                self.save()
                return
        super().reject()

    def problems(self) -> list[str]:
        """What stops a save, as "Field: message", the company's fields first."""
        form = self.form
        found = [f"{form.labels.get(name) or name}: {message}"
                 for name, message in form.messages.items()]
        for model in (self.units, self.contacts):
            found += [f"{header} ({row + 1}): {message}"
                      for row, header, message in model.errors()]
        return found

    def _show_first_problem(self) -> None:
        if not self.form.is_valid:
            self.tabs.setCurrentIndex(0)
            self.form.validate_all(show=True)
            widget = self.form.first_invalid()
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.tabs.setCurrentIndex(1 if self.units.errors() else 2)


def _row(entity, fields: tuple[str, ...]) -> dict:
    row = {"id": entity.id}
    for name in fields:
        value = getattr(entity, name)
        if name == "trusted":
            row[name] = bool(value)
        elif name == "role":
            row[name] = value.value
        else:
            row[name] = "" if value is None else str(value)
    return row
