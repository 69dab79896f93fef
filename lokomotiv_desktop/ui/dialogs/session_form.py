"""Log or edit a collective motivation session (informationsmøde, pølsevogn, ...): format,
date, place, the trusted messengers who spoke, invited / attended / signed up, notes; and
register the attendees who signed up as participants in one go (services.motivation)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import outreach_rules as rules
from ...domain.outreach import MessengerRole, MotivationSession, SessionFormat
from ...services import motivation
from ...services.outreach import today_local
from ...store.companies import CompanyRepository
from ...store.database import Store
from ...store.outreach import SessionRepository
from ..tasks import TaskRunner
from .outreach_parts import company_header, danish_date, default_consultant
from .validated_dialog import GENERAL, ValidatedDialog


class SessionForm(ValidatedDialog):
    def __init__(self, store: Store, runner: TaskRunner, company_id: str,
                 session_id: str | None = None, parent=None):
        super().__init__(runner, parent)
        self.setObjectName("session_form")
        self._store = store
        company = CompanyRepository(store).get(company_id)
        if company is None:
            raise LookupError(f"no company {company_id}")
        self.company = company
        self.session: MotivationSession | None = (
            SessionRepository(store).get(session_id) if session_id else None)

        self.unit = QComboBox()
        self.unit.addItem(self.tr("(the whole company)"), None)
        for unit in company.production_units:
            self.unit.addItem(f"{unit.name or unit.pnr} ({unit.pnr})", unit.id)
        self.format = QComboBox()
        for kind in SessionFormat:
            self.format.addItem(kind.label, kind.value)
        self.date = QLineEdit()
        self.date.setPlaceholderText(self.tr("e.g. 1.12.2026"))
        self.time = QLineEdit()
        self.time.setPlaceholderText(self.tr("e.g. 09:30 (empty: all day)"))
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("e.g. the canteen"))
        self.consultant = QLineEdit()
        self.messengers = {role: QCheckBox(self._role_label(role)) for role in MessengerRole}
        messenger_row = QWidget()
        row = QHBoxLayout(messenger_row)
        row.setContentsMargins(0, 0, 0, 0)
        for box in self.messengers.values():
            row.addWidget(box)
        row.addStretch(1)
        self.invited, self.attended, self.signed_up = QLineEdit(), QLineEdit(), QLineEdit()
        for box in (self.invited, self.attended, self.signed_up):
            box.setMaximumWidth(90)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.names = QPlainTextEdit()
        self.names.setTabChangesFocus(True)
        self.names.setPlaceholderText(self.tr("One name per line"))
        self.names.setFixedHeight(90)
        # It saves the meeting too (the participants hang on it): the button says so.
        self.register_button = QPushButton(self.tr("Save the meeting and register those "
                                                   "signed up"))
        self.registered = QLabel()
        self.registered.setWordWrap(True)
        # The screening target counts these names, not the number typed above: say so,
        # with both numbers, so the form and the KPI never seem to disagree.
        self.kpi_note = QLabel()
        self.kpi_note.setObjectName("kpi_note")
        self.kpi_note.setWordWrap(True)
        self.kpi_note.setStyleSheet("color: palette(placeholder-text);")

        self.body.addWidget(company_header(company))
        left, right = QFormLayout(), QFormLayout()
        self.add_field(left, "format", self.tr("Format"), self.format)
        self.add_field(left, "date", self.tr("Date"), self.date)
        self.add_field(left, "time", self.tr("Time"), self.time)
        self.add_field(left, "place", self.tr("Place"), self.place)
        self.add_field(left, "unit_id", self.tr("P-unit"), self.unit)
        self.add_field(left, "consultant", self.tr("Consultant"), self.consultant)
        self.add_field(right, "messengers", self.tr("Messengers"), messenger_row)
        for role, box in self.messengers.items():
            self.watch(f"messenger_{role.value}", box)
        self.add_field(right, "invited", self.tr("Invited"), self.invited)
        self.add_field(right, "attended", self.tr("Attended"), self.attended)
        self.add_field(right, "signed_up", self.tr("Signed up for screening"), self.signed_up)
        self.add_field(right, "notes", self.tr("Notes"), self.notes)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        self.body.addLayout(columns)
        people = QGroupBox(self.tr("Participants from this session"))
        people_layout = QVBoxLayout(people)
        people_layout.addWidget(self.names)
        people_layout.addWidget(self.register_button)
        people_layout.addWidget(self.registered)
        people_layout.addWidget(self.kpi_note)
        self.watch("names", self.names)
        self.body.addWidget(people)
        self.finish_layout()
        if self.session is not None:
            session_id = self.session.id
            self.offer_delete(lambda: motivation.delete_session(store, session_id), self.tr(
                "Delete the motivation session at %1 on %2?").replace(
                    "%1", company.name).replace("%2", danish_date(self.session.date)))
        self.linked = [{"invited", "attended", "signed_up"}]
        self.register_button.clicked.connect(self.register)
        self._load()
        self.mark_clean()
        self.resize(880, 0)

    def _load(self) -> None:
        session = self.session
        title = self.tr("Edit session") if session else self.tr("New session")
        self.setWindowTitle(f"{title} – {self.company.name}")
        if session is None:
            self.date.setText(danish_date(today_local()))
            self.consultant.setText(default_consultant(self._store, self.company))
            self.registered.setText("")
            self.kpi_note.setText(self.tr("The screening target counts the names registered "
                                          "here, not the number above."))
            return
        self.format.setCurrentIndex(self.format.findData(session.format.value))
        self.date.setText(danish_date(session.date))
        self.time.setText(session.time.strftime("%H:%M") if session.time else "")
        self.place.setText(session.place)
        self.unit.setCurrentIndex(max(self.unit.findData(session.unit_id), 0))
        self.consultant.setText(session.consultant)
        for role, box in self.messengers.items():
            box.setChecked(role in session.messengers)
        for box, value in ((self.invited, session.invited), (self.attended, session.attended),
                           (self.signed_up, session.signed_up)):
            box.setText("" if value is None else str(value))
        self.notes.setPlainText(session.notes)
        self._show_registered(motivation.attendees(self._store, session.id))

    def _show_registered(self, people) -> None:
        names = ", ".join(a.name for _, a in people)
        self.registered.setText(self.tr("Registered (%1): %2").replace("%1", str(len(people)))
                                .replace("%2", names) if people else "")
        counted = sum(1 for _, a in people if a.signed_up)
        signed_up = self.session.signed_up if self.session else None
        self.kpi_note.setText(
            self.tr("The screening target counts registered names: %1 registered.")
            .replace("%1", str(counted)) if signed_up is None else
            self.tr("The screening target counts registered names: %1 of the %2 signed up "
                    "are registered.").replace("%1", str(counted)).replace("%2", str(signed_up)))

    # -- ValidatedDialog ------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {"format": self.format.currentData(), "date": self.date.text(),
                "time": self.time.text(), "place": self.place.text(),
                "unit_id": self.unit.currentData(), "consultant": self.consultant.text(),
                "messengers": [r.value for r, box in self.messengers.items() if box.isChecked()],
                "invited": self.invited.text(), "attended": self.attended.text(),
                "signed_up": self.signed_up.text(), "notes": self.notes.toPlainText()}

    def snapshot(self) -> tuple:
        return (*super().snapshot(), self.names.toPlainText().strip())

    def attendee_names(self) -> list[str]:
        return [line.strip() for line in self.names.toPlainText().splitlines() if line.strip()]

    def problems(self, values: dict[str, Any]) -> dict[str, str]:
        counts: dict[str, int | None] = {}

        def count(name: str, label: str) -> Callable[[], None]:
            def check() -> None:
                counts[name] = rules.parse_count(name, label, values[name])
            return check

        def together() -> None:
            if len(counts) == 3:
                rules.check_session_counts(counts["invited"], counts["attended"],
                                           counts["signed_up"])

        found = self.collect([
            lambda: rules.parse_date("date", values["date"], "Dato"),
            lambda: rules.parse_time("time", values["time"]),
            lambda: rules.required_text("consultant", "Konsulent", values["consultant"]),
            count("invited", "Inviterede"), count("attended", "Fremmødte"),
            count("signed_up", "Tilmeldt screening"), together,
        ])
        self.register_button.setEnabled(not found and bool(self.attendee_names())
                                        and not self._saving)
        return found

    def loaded_values(self) -> dict[str, Any] | None:
        return asdict(self.session) if self.session else None

    def describe(self, name: str, value: Any) -> str:
        if name == "messengers" and isinstance(value, list):
            return ", ".join(self._role_label(MessengerRole(role)) for role in value) \
                or super().describe(name, None)
        return super().describe(name, value)

    def save_work(self, values: dict[str, Any]) -> Callable[[], Any]:
        store, company_id = self._store, self.company.id
        session_id = self.session.id if self.session else None
        names = self.attendee_names()
        base = dict(self.base or {})

        def work() -> MotivationSession:
            if session_id:
                session = motivation.update_session(store, session_id, loaded=base, **values)
            else:
                session = motivation.log_session(store, company_id, **values)
            if names:
                motivation.register_attendees(store, session.id, names)
            return session
        return work

    def register(self) -> None:
        """Saves the session if needed and registers the names; the form stays open."""
        if self._saving or not self.is_valid or not self.attendee_names():
            return
        self._saving = True
        self.revalidate()
        work, store = self.save_work(self.changed_values()), self._store
        self._runner.run(lambda: (s := work(), motivation.attendees(store, s.id)),
                         on_done=self._registered,
                         on_error=lambda error: self._save_failed(error, self.register))

    def _registered(self, result) -> None:
        self._saving = False
        self.session, people = result
        self.names.setPlainText("")
        self._load()
        self.mark_clean()
        self.errors[GENERAL].show_message(None)
        self.saved.emit(self.session)

    def subject(self) -> str:
        return self.tr("the session at %s") % self.company.name

    def _role_label(self, role: MessengerRole) -> str:
        return {MessengerRole.TR: self.tr("TR (union rep.)"),
                MessengerRole.AMBASSADOER: self.tr("Ambassador"),
                MessengerRole.LEDER: self.tr("Manager"),
                MessengerRole.KOLLEGA: self.tr("Colleague")}[role]
