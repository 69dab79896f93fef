"""Log or edit a visit (besøg/møde) with a company. The next step with its due date becomes
a follow-up task (services.outreach). A reklamebeskyttet company shows its mark, and Save
waits until the consultant confirms that the company itself asked for contact."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
)

from ...domain import outreach_rules as rules
from ...domain.entities import Company
from ...domain.outreach import Visit, VisitKind
from ...services.outreach import delete_visit, log_visit, today_local, update_visit
from ...store.companies import CompanyRepository
from ...store.database import Store
from ...store.outreach import VisitRepository
from ..tasks import TaskRunner
from ..widgets.protected_banner import protected_banner
from .outreach_parts import company_header, danish_date, default_consultant
from .validated_dialog import ValidatedDialog


class VisitForm(ValidatedDialog):
    def __init__(self, store: Store, runner: TaskRunner, company_id: str,
                 visit_id: str | None = None, parent=None):
        super().__init__(runner, parent)
        self.setObjectName("visit_form")
        self._store = store
        company = CompanyRepository(store).get(company_id)
        if company is None:
            raise LookupError(f"no company {company_id}")
        self.company: Company = company
        self.visit: Visit | None = VisitRepository(store).get(visit_id) if visit_id else None
        title = self.tr("Edit visit") if self.visit else self.tr("New visit")
        self.setWindowTitle(f"{title} – {company.name}")

        self.unit = QComboBox()
        self.unit.addItem(self.tr("(the whole company)"), None)
        for unit in company.production_units:
            self.unit.addItem(f"{unit.name or unit.pnr} ({unit.pnr})", unit.id)
        self.date = QLineEdit()
        self.date.setPlaceholderText(self.tr("e.g. 1.12.2026"))
        self.time = QLineEdit()
        self.time.setPlaceholderText(self.tr("e.g. 09:30 (empty: all day)"))
        self.kind = QComboBox()
        for kind in VisitKind:
            self.kind.addItem(kind.label, kind.value)
        self.consultant = QLineEdit()
        self.contacts = QListWidget()
        self.contacts.setMaximumHeight(110)
        for contact in company.contacts:
            item = QListWidgetItem(f"{contact.name} ({contact.role.label})")
            item.setData(Qt.ItemDataRole.UserRole, contact.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.contacts.addItem(item)
        self.notes = _text_box()
        self.agreed = _text_box()
        self.next_step = QLineEdit()
        self.next_step.setPlaceholderText(self.tr("Becomes a follow-up task"))
        self.next_due = QLineEdit()
        self.next_due.setPlaceholderText(self.tr("Due date, e.g. 8.12.2026"))
        self.due_hint = QLabel()
        self.due_hint.setStyleSheet("color: #8a5a00;")
        self.company_asked = QCheckBox(self.tr("The company itself asked to be contacted"))
        self.company_asked.setToolTip(self.tr("The confirmation is recorded with the visit."))

        self.body.addWidget(company_header(company))
        if company.marketing_protected:
            self.body.addWidget(protected_banner(self))
        left, right = QFormLayout(), QFormLayout()
        self.add_field(left, "unit_id", self.tr("P-unit"), self.unit)
        self.add_field(left, "date", self.tr("Date"), self.date)
        self.add_field(left, "time", self.tr("Time"), self.time)
        self.add_field(left, "kind", self.tr("Kind"), self.kind)
        self.add_field(left, "consultant", self.tr("Consultant"), self.consultant)
        contacts_label = self.tr("Took part") if company.contacts else ""
        self.add_field(left, "contact_ids", contacts_label, self.contacts)
        self.contacts.setVisible(bool(company.contacts))
        self.add_field(right, "notes", self.tr("Notes"), self.notes)
        self.add_field(right, "agreed", self.tr("Agreed"), self.agreed)
        self.add_field(right, "next_step", self.tr("Next step"), self.next_step)
        self.add_field(right, "next_due", self.tr("Due"), self.next_due)
        right.addRow("", self.due_hint)
        self.add_field(right, "company_asked", "", self.company_asked)
        self.company_asked.setVisible(company.marketing_protected)
        columns = QHBoxLayout()
        for position, form in enumerate((left, right)):
            column = QVBoxLayout()
            column.addLayout(form)
            column.addStretch(1)  # spare height below the fields, not between them
            if position:
                columns.addSpacing(16)
            columns.addLayout(column, 1)
        self.body.addLayout(columns, 1)
        self.finish_layout()
        if self.visit is not None:
            visit_id = self.visit.id
            self.offer_delete(lambda: delete_visit(store, visit_id), self.tr(
                "Delete the visit at %1 on %2? An open follow-up task from the visit goes "
                "with it.").replace("%1", company.name).replace(
                    "%2", danish_date(self.visit.date)))
        self.linked = [{"next_step", "next_due"}]
        self._load()
        if company.marketing_protected:
            self._shown.add("company_asked")  # the requirement shows from the start
        self.mark_clean()
        self.resize(900, 0)

    def _load(self) -> None:
        visit = self.visit
        if visit is None:
            self.date.setText(danish_date(today_local()))
            self.consultant.setText(default_consultant(self._store, self.company))
            return
        self.unit.setCurrentIndex(max(self.unit.findData(visit.unit_id), 0))
        self.date.setText(danish_date(visit.date))
        self.time.setText(visit.time.strftime("%H:%M") if visit.time else "")
        self.kind.setCurrentIndex(self.kind.findData(visit.kind.value))
        self.consultant.setText(visit.consultant)
        for row in range(self.contacts.count()):
            item = self.contacts.item(row)
            taking_part = item.data(Qt.ItemDataRole.UserRole) in visit.contact_ids
            item.setCheckState(Qt.CheckState.Checked if taking_part else Qt.CheckState.Unchecked)
        self.notes.setPlainText(visit.notes)
        self.agreed.setPlainText(visit.agreed)
        self.next_step.setText(visit.next_step)
        self.next_due.setText(danish_date(visit.next_due) if visit.next_due else "")
        self.company_asked.setChecked(visit.company_asked)

    # -- ValidatedDialog ------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        checked = [self.contacts.item(r).data(Qt.ItemDataRole.UserRole)
                   for r in range(self.contacts.count())
                   if self.contacts.item(r).checkState() == Qt.CheckState.Checked]
        return {"date": self.date.text(), "time": self.time.text(),
                "kind": self.kind.currentData(), "consultant": self.consultant.text(),
                "unit_id": self.unit.currentData(), "contact_ids": checked,
                "notes": self.notes.toPlainText(), "agreed": self.agreed.toPlainText(),
                "next_step": self.next_step.text(), "next_due": self.next_due.text(),
                "company_asked": self.company_asked.isChecked()}

    def problems(self, values: dict[str, Any]) -> dict[str, str]:
        parsed: dict[str, date | None] = {}

        def dates() -> None:
            parsed["date"] = rules.parse_date("date", values["date"], "Dato")

        def due() -> None:
            parsed["next_due"] = rules.parse_optional_date("next_due", values["next_due"],
                                                           "Frist")

        def next_step() -> None:
            # A step without a due date is wrong even while the visit's date is not valid.
            if "next_due" in parsed:
                rules.check_next_step(rules.clean_text(values["next_step"]), parsed["next_due"],
                                      parsed.get("date") or date.min)

        found = self.collect([
            dates, due, next_step,
            lambda: rules.parse_time("time", values["time"]),
            lambda: rules.required_text("consultant", "Konsulent", values["consultant"]),
        ])
        if self.company.marketing_protected and not values["company_asked"]:
            found["company_asked"] = self.tr(
                "%s is reklamebeskyttet: tick the box to confirm that the company itself "
                "asked to be contacted."
            ) % self.company.name
        hint = rules.day_note(parsed["next_due"]) if parsed.get("next_due") else None
        self.due_hint.setText(self.tr("Note: %s") % hint if hint else "")
        self.due_hint.setVisible(bool(hint))
        return found

    def loaded_values(self) -> dict[str, Any] | None:
        return asdict(self.visit) if self.visit else None

    def save_work(self, values: dict[str, Any]) -> Callable[[], Any]:
        store, company_id = self._store, self.company.id
        visit_id = self.visit.id if self.visit else None
        if visit_id:
            base = dict(self.base or {})
            return lambda: update_visit(store, visit_id, loaded=base, **values)
        return lambda: log_visit(store, company_id, **values)

    def subject(self) -> str:
        return self.tr("the visit at %s") % self.company.name


def _text_box() -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(60)
    return box
