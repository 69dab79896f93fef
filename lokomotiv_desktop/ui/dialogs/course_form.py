"""New or changed course (hold): company, subject and trin, provider, teacher, place, the
weekly pattern and the amount of teaching, closed weeks and days, size and status.

While the person types, the same services.courses.course_fields the save uses checks the
input and the lesson calendar is built from it (pure and fast), so a preview line says how
many lessons and hours it gives, from when to when and which dates it skips; errors block
Save, warnings (hours outside the usual range) do not."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...domain import course_catalog as catalog
from ...domain.class_suggestions import SuggestedClass
from ...domain.course_calendar import parse_time_span, parse_weekdays, pattern_from_json
from ...domain.course_rules import hours_warning
from ...domain.danish_format import WEEKDAYS_SHORT, field_date
from ...domain.outreach_rules import parse_date
from ...services import courses as course_service
from ...services import enrolments
from ...services.course_settings import course_settings
from ...store.companies import CompanyRepository
from ...store.database import Store
from ..tasks import TaskRunner
from .validated_dialog import GENERAL, ValidatedDialog

WARNING_COLOUR = "#8a5a00"
MAX_SKIPPED_SHOWN = 6
# A service message's field -> the input it belongs to.
FIELD_OF = {"company_id": "company", "unit_id": "company", "provider": "provider",
            "lessons": "amount", "hours": "amount", "pattern": "weekdays", "to": "start",
            "consultant": GENERAL}
INPUTS = ("company", "subject", "trin", "provider", "teacher", "place", "start", "weekdays",
          "time", "amount", "closed_weeks", "closed_days", "max", "status")


class CourseForm(ValidatedDialog):
    def __init__(self, store: Store, runner: TaskRunner, course_id: str | None = None,
                 company_id: str | None = None, suggestion: SuggestedClass | None = None,
                 parent=None):
        super().__init__(runner, parent)
        self._store = store
        self._suggestion = suggestion  # a suggested class: its people are enrolled on save
        self._companies = CompanyRepository(store)
        self._course = course_service.find_course(store, course_id) if course_id else None
        self._hits: dict[str, str] = {}  # "Name (CVR)" -> company id, from the type-ahead
        self._company_id: str | None = None
        self._place_typed = False
        self.calendar = None  # the calendar of the valid input, for the preview
        # Read once, not at every keystroke: the company, the providers, who is consultant,
        # and this laptop's usual hours of a trin.
        self._context: course_service.CourseContext | None = None
        self._settings = course_settings(store)
        self.provider_form = None
        self.setWindowTitle(self.tr("Change course") if self._course else self.tr("New course"))
        data = catalog.catalog()

        self.company = QLineEdit()
        self.company.setPlaceholderText(self.tr("Type name or CVR"))
        self._hit_model = QStringListModel(self)
        completer = QCompleter(self._hit_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.company.setCompleter(completer)
        self.company_found = QLabel()  # which company the typed text is
        self.company_found.setStyleSheet("color: palette(mid);")
        self.subject = QComboBox()
        for subject in data.subjects:
            self.subject.addItem(subject.label, subject.code)
        self.trin = QComboBox()
        self.provider = QComboBox()
        self.new_provider_button = QPushButton(self.tr("New provider …"))
        self.new_provider_button.setAutoDefault(False)
        self.teacher, self.place, self.start = QLineEdit(), QLineEdit(), QLineEdit()
        self.start.setPlaceholderText("22.3.2027")
        self.weekday_boxes = [QCheckBox(WEEKDAYS_SHORT[d].rstrip(".").capitalize())
                              for d in range(7)]
        self.time = QLineEdit("08:00-10:30")
        self.amount_kind = QComboBox()
        self.amount_kind.addItem(self.tr("lessons"), "lessons")
        self.amount_kind.addItem(self.tr("hours in all"), "hours")
        self.amount = QLineEdit()
        self.closed_weeks = QLineEdit()
        self.closed_weeks.setPlaceholderText("29-31, 42")
        self.closed_days = QLineEdit()
        self.closed_days.setPlaceholderText("14.5.2027, 4.6.2027")
        self.max = QLineEdit()
        self.status = QComboBox()
        for choice in data.course_statuses.items:
            self.status.addItem(choice.label, choice.code)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {WARNING_COLOUR};")

        form = QFormLayout()
        self.add_field(form, "company", self.tr("Company"),
                       _row(self.company, self.company_found))
        self.watch("company", self.company)
        self.add_field(form, "subject", self.tr("Subject"), self.subject)
        self.add_field(form, "trin", self.tr("Level"), self.trin)
        self.add_field(form, "provider", self.tr("Provider"),
                       _row(self.provider, self.new_provider_button))
        self.watch("provider", self.provider)
        self.add_field(form, "teacher", self.tr("Teacher"), self.teacher)
        self.add_field(form, "place", self.tr("Place"), self.place)
        self.add_field(form, "start", self.tr("Start date"), self.start)
        self.add_field(form, "weekdays", self.tr("Weekdays"), _row(*self.weekday_boxes))
        for box in self.weekday_boxes:
            box.toggled.connect(lambda _on: self.field_changed("weekdays"))
        self.add_field(form, "time", self.tr("Time"), self.time)
        self.add_field(form, "amount", self.tr("Amount"), _row(self.amount, self.amount_kind))
        self.watch("amount", self.amount)
        self.amount_kind.currentIndexChanged.connect(lambda _i: self.field_changed("amount"))
        self.add_field(form, "closed_weeks", self.tr("Closed weeks"), self.closed_weeks)
        self.add_field(form, "closed_days", self.tr("Closed days"), self.closed_days)
        self.add_field(form, "max", self.tr("Max participants"), self.max)
        self.add_field(form, "status", self.tr("Status"), self.status)
        self.body.addLayout(form)
        self.body.addWidget(self.preview)
        self.body.addWidget(self.warnings)
        self.finish_layout()

        self.company.textEdited.connect(self._type_ahead)
        completer.activated.connect(self._company_picked)
        self.place.textEdited.connect(lambda _t: setattr(self, "_place_typed", True))
        self.subject.currentIndexChanged.connect(self._fill_trin)
        self.new_provider_button.clicked.connect(self.new_provider)
        self._fill_providers()
        self._fill_trin()
        if self._course is not None:
            self._load(self._course)
        elif suggestion is not None:
            self._from_suggestion(suggestion)
        elif company_id:
            self._set_company(company_id)
        self.resize(560, self.sizeHint().height())
        self.mark_clean()

    # -- filling --------------------------------------------------------------------------
    def _fill_trin(self) -> None:
        code = self.subject.currentData()
        levels = catalog.catalog().subject(code).trin if code else ()
        self.trin.blockSignals(True)
        self.trin.clear()
        for level in levels:
            self.trin.addItem(str(level), level)
        if not levels:
            self.trin.addItem(self.tr("no level"), None)
        self.trin.setEnabled(bool(levels))
        self.trin.blockSignals(False)
        if self._clean is not None:  # not while the form is being built
            self.field_changed("trin")

    def _fill_providers(self, chosen: str | None = None) -> None:
        self.provider.blockSignals(True)
        self.provider.clear()
        self.provider.addItem(self.tr("(not chosen yet)"), None)
        for provider in course_service.providers(self._store):
            self.provider.addItem(provider.name, provider.id)
        self.provider.setCurrentIndex(max(0, self.provider.findData(chosen)))
        self.provider.blockSignals(False)

    def _type_ahead(self, text: str) -> None:
        found = self._companies.search(text, 20) if text.strip() else []
        self._hits = {f"{c.name} ({c.cvr})": c.id for c in found}
        self._hit_model.setStringList(list(self._hits))
        self._company_id = self._resolve(text, found)
        self._default_place()

    def _resolve(self, text: str, found) -> str | None:
        text = text.strip()
        if text in self._hits:
            return self._hits[text]
        exact = [c.id for c in found if text in (c.cvr, c.name)]
        return exact[0] if len(exact) == 1 else (found[0].id if len(found) == 1 else None)

    def _company_picked(self, label: str) -> None:
        self._company_id = self._hits.get(label, self._company_id)
        self._default_place()
        self.field_changed("company")

    def _set_company(self, company_id: str) -> None:
        company = self._companies.get(company_id)
        if company is None:
            return
        label = f"{company.name} ({company.cvr})"
        self._hits[label] = company.id
        self.company.setText(label)
        self._company_id = company.id
        self._default_place()

    def _default_place(self) -> None:
        """The company's address, until the person writes a place of their own."""
        company = self._companies.get(self._company_id) if self._company_id else None
        self.company_found.setText(f"{company.name} ({company.cvr})" if company else "")
        if company is None or self._place_typed:
            return
        town = " ".join(x for x in (company.postcode or "", company.city or "") if x)
        self.place.setText(", ".join(x for x in (company.address or "", town) if x))

    def _load(self, course) -> None:
        self._set_company(course.company_id)
        self.subject.setCurrentIndex(max(0, self.subject.findData(course.subject)))
        self._fill_trin()
        self.trin.setCurrentIndex(max(0, self.trin.findData(course.trin)))
        self._fill_providers(course.provider_id)
        self.teacher.setText(course.teacher)
        self.place.setText(course.place)
        self._place_typed = True
        self.start.setText(field_date(course.start_date))
        slots = pattern_from_json(course.pattern)
        for slot in slots:
            self.weekday_boxes[slot.weekday].setChecked(True)
        if slots:
            self.time.setText(f"{course_service.clock_text(slots[0].start)}-"
                              f"{course_service.clock_text(slots[0].end)}")
        if course.lesson_count:
            self.amount.setText(str(course.lesson_count))
        elif course.total_hours:
            self.amount_kind.setCurrentIndex(1)
            self.amount.setText(f"{course.total_hours:g}".replace(".", ","))
        self.closed_weeks.setText(course.closed_weeks)
        self.closed_days.setText(", ".join(field_date(d) for d in course.closed_days))
        self.max.setText(str(course.max_participants or ""))
        self.status.setCurrentIndex(max(0, self.status.findData(course.status)))

    def _from_suggestion(self, suggested: SuggestedClass) -> None:
        self._set_company(suggested.company_ids[0])
        self.subject.setCurrentIndex(self.subject.findData(
            "obu" if suggested.obu else suggested.subject))
        self._fill_trin()
        self.trin.setCurrentIndex(max(0, self.trin.findData(suggested.trin)))
        self.setWindowTitle(self.tr("New course for a suggested class (%s participants)")
                            % len(suggested.participant_ids))

    def new_provider(self):
        from .provider_form import ProviderForm

        form = ProviderForm(self._store, self._runner, self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(lambda provider: (self._fill_providers(provider.id),
                                             self.field_changed("provider")))
        form.open()
        self.provider_form = form
        return form

    # -- the ValidatedDialog parts --------------------------------------------------------
    def values(self) -> dict[str, Any]:
        amount = self.amount.text().strip()
        by_hours = self.amount_kind.currentData() == "hours"
        days = [WEEKDAYS_SHORT[d].rstrip(".") for d, box in enumerate(self.weekday_boxes)
                if box.isChecked()]
        return {
            "company_id": self._company_id, "subject": self.subject.currentData(),
            "trin": self.trin.currentData(), "provider_id": self.provider.currentData(),
            "teacher": self.teacher.text(), "place": self.place.text(),
            "start": self.start.text(), "weekdays": ",".join(days),
            "time_span": self.time.text(), "lessons": None if by_hours else amount or None,
            "hours": amount or None if by_hours else None,
            "closed_weeks": self.closed_weeks.text(), "closed_days": self.closed_days.text(),
            "max_participants": self.max.text() or None, "status": self.status.currentData(),
        }

    def problems(self, values: dict[str, Any]) -> dict[str, str]:
        self.calendar = None
        if not values["company_id"]:
            found = {"company": self.tr("Choose the company: type its name or CVR and pick "
                                        "it in the list.")}
        else:
            # Each field on its own first, so every wrong field says so at once.
            found = self.collect([
                lambda: parse_date("start", values["start"], "Startdato"),
                lambda: parse_weekdays(values["weekdays"]),
                lambda: parse_time_span(values["time_span"]),
                lambda: self._check_whole(values)])
            found = {_input_of(name): message for name, message in reversed(found.items())}
        self._show_preview(values)
        return found

    def _check_whole(self, values: dict[str, Any]) -> None:
        checked = dict(values)
        context = self._context_for(checked.pop("company_id"), checked["provider_id"])
        fields = course_service.checked_course_fields(context, **checked)
        self.calendar = course_service.calendar_for(fields)

    def _context_for(self, company_id: str, provider_id: str | None):
        context = self._context
        if context is None or context.company.id != company_id or (
                provider_id and provider_id not in context.provider_ids):  # a new provider
            context = self._context = course_service.course_context(self._store, company_id)
        return context

    def revalidate(self) -> None:
        super().revalidate()
        # What belongs to no field (who the consultant is) still has to be said.
        self.errors[GENERAL].show_message(self.messages.get(GENERAL))

    def _show_preview(self, values: dict[str, Any]) -> None:
        calendar = self.calendar
        if calendar is None or not calendar.held:
            self.preview.setText(self.tr("The lesson calendar shows here when the course "
                                         "is filled in."))
            self.warnings.setText("")
            self.warnings.setVisible(False)
            return
        hours = f"{calendar.hours:g}".replace(".", ",")
        text = self.tr("%s lessons, %s hours, %s–%s") % (
            len(calendar.held), hours, field_date(calendar.first), field_date(calendar.last))
        reasons = list(dict.fromkeys(s.reason for s in calendar.skipped))
        if reasons:
            shown = ", ".join(reasons[:MAX_SKIPPED_SHOWN])
            text += self.tr("; skips: %s") % (shown + (" …" if len(reasons) >
                                                         MAX_SKIPPED_SHOWN else ""))
        self.preview.setText(text)
        warning = hours_warning(calendar.hours, values["subject"], self._settings.hours_min,
                                self._settings.hours_max)
        self.warnings.setText(warning or "")
        self.warnings.setVisible(bool(warning))

    def save_work(self, values: dict[str, Any]):
        store, course = self._store, self._course
        suggested = self._suggestion
        if course is None and suggested is not None:
            return lambda: _plan_suggested(store, suggested, values)
        if course is None:
            company_id = values.pop("company_id")
            return lambda: course_service.add_course(store, company_id, **values)
        values.pop("company_id")
        return lambda: course_service.update_course(store, course.id, pattern=None, **values)


def _plan_suggested(store: Store, suggested: SuggestedClass, values: dict[str, Any]):
    """The course with the class's companies, then its people enrolled; who could not be
    enrolled is said among the warnings."""
    company_id = values.pop("company_id")
    others = [c for c in suggested.company_ids if c != company_id]
    saved = course_service.add_course(store, company_id, company_ids=others, **values)
    _enrolled, refused = enrolments.enrol_many(store, saved.course.id,
                                               suggested.participant_ids)
    saved.warnings.extend(f"{r.name}: {r.reason}" for r in refused)
    return saved


def _input_of(field: str) -> str:
    return FIELD_OF.get(field, field if field in INPUTS else GENERAL)


def _row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
    if not any(isinstance(w, QLineEdit) for w in widgets):
        row.addStretch(1)
    return holder

