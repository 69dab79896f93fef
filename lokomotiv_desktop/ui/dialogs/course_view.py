"""The course window: the facts and warnings at the top; the lesson calendar (move, cancel,
restore one lesson; the skipped dates and why), the participants and attendance; print
(course plan, notice without names, invitations, attendance sheet) and the .ics export.

Everything shown comes from services.course_view (the same plain data the documents print),
read on the background runner: its checks look at every other live course."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.course_calendar import lesson_day_text
from ...domain.danish_format import display_phone, field_date
from ...services import course_ics, enrolments, screenings
from ...services import course_view as views
from ...services import courses as course_service
from ...store.database import Store
from ..tasks import TaskRunner
from ..widgets import file_dialog
from ..widgets.error_label import ErrorLabel
from .course_documents import documents, file_part
from .course_form import WARNING_COLOUR
from .course_parts import LessonChange, PickPeople, candidates, class_title
from .course_people import AttendanceTab, ParticipantsTab
from .window_work import WindowWork

DAY_ROLE = Qt.ItemDataRole.UserRole


class CourseView(QDialog):
    changed = Signal()  # something of the course was written
    loaded = Signal()  # the shown data is fresh

    def __init__(self, store: Store, runner: TaskRunner | None, course_id: str, parent=None):
        super().__init__(parent)
        self._store, self._runner = store, runner
        self.course = course_service.find_course(store, course_id)
        self.data: dict[str, Any] = {}
        self.child: QDialog | None = None  # the small dialog or print preview open now
        self.setWindowTitle(views.title_of(self.course))
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.message = ErrorLabel()  # what went wrong, in red
        self._work = WindowWork(self, runner, self.message.show_message, "course window")
        self.notice = QLabel()  # what was done
        self.notice.hide()

        self.lessons = QTableWidget(0, 5)
        self.lessons.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Time"),
                                                self.tr("Hours"), self.tr("Status"),
                                                self.tr("Note")])
        self.lessons.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lessons.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lessons.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lessons.verticalHeader().hide()
        self.lessons.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((200, 110, 60, 80)):
            self.lessons.setColumnWidth(column, width)
        self.move_button = QPushButton(self.tr("Move …"))
        self.cancel_button = QPushButton(self.tr("Cancel lesson …"))
        self.restore_button = QPushButton(self.tr("Restore"))
        self.skipped = QLabel()
        self.skipped.setWordWrap(True)
        lesson_tab = QWidget()
        lesson_buttons = QHBoxLayout()
        for button in (self.move_button, self.cancel_button, self.restore_button):
            lesson_buttons.addWidget(button)
        lesson_buttons.addStretch(1)
        inner = QVBoxLayout(lesson_tab)
        inner.addWidget(self.lessons, 1)
        inner.addLayout(lesson_buttons)
        inner.addWidget(self.skipped)

        self.people = ParticipantsTab(self._enrolment_changed)
        self.attendance = AttendanceTab(self._mark)
        self.tabs = QTabWidget()
        self.tabs.addTab(lesson_tab, self.tr("Lessons"))
        self.tabs.addTab(self.people, self.tr("Participants"))
        self.tabs.addTab(self.attendance, self.tr("Attendance"))

        self.print_button = QToolButton()
        self.print_button.setText(self.tr("Print"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.print_button)
        self.print_actions = {
            "plan": menu.addAction(self.tr("Course plan")),
            "notice": menu.addAction(self.tr("Notice without names")),
            "invitations": menu.addAction(self.tr("Invitations")),
            "attendance": menu.addAction(self.tr("Attendance sheet")),
        }
        for key, action in self.print_actions.items():
            action.triggered.connect(lambda _c=False, k=key: self.print_preview(k))
        self.print_button.setMenu(menu)
        self.print_button.setMinimumWidth(90)
        self.ics_button = QPushButton(self.tr("Export calendar (.ics) …"))
        self.edit_button = QPushButton(self.tr("Change course …"))
        self.edit_button.setEnabled(runner is not None)  # the form saves on the runner
        self.close_button = QPushButton(self.tr("Close"))
        bottom = QHBoxLayout()
        for widget in (self.print_button, self.ics_button, self.edit_button):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.warnings)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.notice)
        layout.addLayout(bottom)

        self.move_button.clicked.connect(self.move_lesson)
        self.cancel_button.clicked.connect(self.cancel_lesson)
        self.restore_button.clicked.connect(self.restore_lesson)
        self.lessons.itemSelectionChanged.connect(self._lesson_chosen)
        self.people.enrol_button.clicked.connect(self.enrol)
        self.people.suggestion_button.clicked.connect(self.enrol_from_suggestion)
        self.people.unenrol_button.clicked.connect(self.unenrol)
        self.ics_button.clicked.connect(self.export_ics)
        self.edit_button.clicked.connect(self.edit)
        self.close_button.clicked.connect(self.accept)
        self.resize(900, 720)
        self.reload()

    # -- running work -------------------------------------------------------------------------
    def _run(self, work: Callable[[], Any], done: Callable[[Any], None],
             failed: Callable[[str], None] | None = None) -> None:
        self._work.run(work, done, failed)

    def _write(self, work: Callable[[], Any], message: str | None = None,
               failed: Callable[[str], None] | None = None) -> None:
        def done(_result: Any) -> None:
            self.message.show_message(None)
            self.say(message)
            self.changed.emit()
            self.reload()

        self._run(work, done, failed)

    def say(self, text: str | None) -> None:
        self.notice.setText(text or "")
        self.notice.setVisible(bool(text))

    def reload(self) -> None:
        store, course_id = self._store, self.course.id

        def read() -> dict[str, Any]:
            return views.course_view(store, course_service.find_course(store, course_id))

        self._run(read, self._show)

    # -- showing ------------------------------------------------------------------------------
    def _show(self, data: dict[str, Any]) -> None:
        self.data = data
        self.title.setText(data["title"])
        self.setWindowTitle(data["title"])
        provider = data["provider"]
        lines = [
            ", ".join(c["name"] for c in data["companies"]),
            self.tr("Provider: %s") % (provider["name"] if provider else self.tr("not chosen")),
            self.tr("Teacher: %s · Place: %s") % (data["teacher"] or "–", data["place"] or "–"),
            self.tr("%s lessons, %s hours, %s–%s · %s participants · %s") % (
                data["lesson_count"], f"{data['hours']:g}".replace(".", ","),
                _day(data["start"]), _day(data["end"]),
                f"{len(data['participants'])}/{data['max']}" if data["max"]
                else len(data["participants"]), data["status_label"]),
        ]
        if provider and provider["phone"]:
            lines[1] += f" · {provider['contact']} {display_phone(provider['phone'])}".rstrip()
        if data["svu"]["earliest"]:
            lines.append(self.tr("SVU can be applied for from %s to %s") % (
                _day(data["svu"]["earliest"]), _day(data["svu"]["latest"])))
        self.facts.setText("\n".join(lines))
        self.warnings.setText("\n".join(data["warnings"]))
        self.warnings.setVisible(bool(data["warnings"]))
        self._show_lessons(data)
        self.people.show_people(data["participants"])
        self.attendance.show_grid(data["participants"], data["lessons"])
        self.loaded.emit()

    def _show_lessons(self, data: dict[str, Any]) -> None:
        chosen = self.chosen_lesson()
        status_text = {"flyttet": self.tr("Moved"), "aflyst": self.tr("Cancelled")}
        self.lessons.setRowCount(len(data["lessons"]))
        for row, lesson in enumerate(data["lessons"]):
            day = date.fromisoformat(lesson["date"])
            texts = (lesson_day_text(day), f"{lesson['start'].replace(':', '.')}–"
                     f"{lesson['end'].replace(':', '.')}",
                     f"{lesson['hours']:g}".replace(".", ","),
                     status_text.get(lesson["status"], ""), lesson["note"])
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(DAY_ROLE, day)
                if lesson["status"] == "aflyst":
                    font = item.font()
                    font.setStrikeOut(column < 3)
                    item.setFont(font)
                self.lessons.setItem(row, column, item)
            if day == chosen:
                self.lessons.selectRow(row)
        skipped = [f"{field_date(date.fromisoformat(s['date']))}: {s['reason']}"
                   for s in data["skipped"]]
        self.skipped.setText(self.tr("Skipped: %s") % "; ".join(skipped) if skipped
                             else self.tr("No dates skipped."))
        self._lesson_chosen()

    def chosen_lesson(self) -> date | None:
        item = self.lessons.item(self.lessons.currentRow(), 0)
        return item.data(DAY_ROLE) if item and self.lessons.selectedItems() else None

    def select_lesson(self, day: date) -> None:
        for row in range(self.lessons.rowCount()):
            if self.lessons.item(row, 0).data(DAY_ROLE) == day:
                self.lessons.selectRow(row)
                return

    def _lesson_status(self, day: date | None) -> str | None:
        return next((x["status"] for x in self.data.get("lessons", ())
                     if x["date"] == (day.isoformat() if day else None)), None)

    def _lesson_chosen(self) -> None:
        status = self._lesson_status(self.chosen_lesson())
        self.move_button.setEnabled(status in ("planlagt", "flyttet"))
        self.cancel_button.setEnabled(status in ("planlagt", "flyttet"))
        self.restore_button.setEnabled(status in ("flyttet", "aflyst"))

    # -- lessons ------------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.child = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        dialog.open()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if self.child is dialog:
            self.child = None

    def move_lesson(self):
        day = self.chosen_lesson()
        if day is None:
            return None
        store, course_id = self._store, self.course.id

        def apply(typed: dict[str, str]) -> None:
            course_service.move_lesson(store, course_id, day, typed["to"],
                                       typed["time"] or None, typed["reason"])
            self._write(lambda: None, self.tr("The lesson was moved."))

        return self._open(LessonChange(self.tr("Move lesson"), lesson_day_text(day), True,
                                       apply, self))

    def cancel_lesson(self):
        day = self.chosen_lesson()
        if day is None:
            return None
        store, course_id = self._store, self.course.id

        def apply(typed: dict[str, str]) -> None:
            course_service.cancel_lesson(store, course_id, day, typed["reason"])
            self._write(lambda: None, self.tr("The lesson was cancelled."))

        return self._open(LessonChange(self.tr("Cancel lesson"), lesson_day_text(day),
                                       False, apply, self))

    def restore_lesson(self) -> None:
        day = self.chosen_lesson()
        if day is not None:
            store, course_id = self._store, self.course.id
            self._write(lambda: course_service.restore_lesson(store, course_id, day),
                        self.tr("The lesson is back on its planned date."))

    # -- participants -------------------------------------------------------------------------
    def enrol(self):
        enrolled = {p["id"] for p in self.data.get("participants", ())}
        return self._open(PickPeople(
            self.tr("Enrol participants"),
            self.tr("Participants of the course's companies who are not on the course:"),
            candidates(self._store, self.course, enrolled), tickable=True,
            on_chosen=self._enrol_ids, parent=self))

    def enrol_from_suggestion(self):
        suggestion = screenings.suggest_for(self._store, list(self.course.all_company_ids))
        items = [(self.tr("Class %s: %s (%s participants)") % (
            n, class_title(suggested), len(suggested.participant_ids)),
            suggested.participant_ids) for n, suggested in enumerate(suggestion.classes, 1)]
        if not items:
            self.people.message.show_message(self.tr(
                "There are no suggested classes for the course's companies."))
            return None
        return self._open(PickPeople(
            self.tr("Enrol from a suggested class"),
            self.tr("Everyone in the chosen class who may be enrolled is:"), items,
            tickable=False, on_chosen=lambda chosen: self._enrol_ids(list(chosen[0])),
            parent=self))

    def _enrol_ids(self, ids: list[str]) -> None:
        store, course_id = self._store, self.course.id

        def done(result) -> None:
            enrolled, refused = result
            lines = [w for e in enrolled for w in e.warnings]
            lines += [f"{r.name}: {r.reason}" for r in refused]
            head = self.tr("%s enrolled.") % len(enrolled)
            self.people.show_result("\n".join([head, *lines]), refused=bool(refused))
            self.changed.emit()
            self.reload()

        self._run(lambda: enrolments.enrol_many(store, course_id, ids), done,
                  self.people.message.show_message)

    def unenrol(self) -> None:
        pid = self.people.current_id()
        if pid:
            store, course_id = self._store, self.course.id
            self._write(lambda: enrolments.unenrol(store, course_id, pid),
                        failed=self.people.message.show_message)

    def _enrolment_changed(self, participant_id: str, values: dict) -> None:
        store, course_id = self._store, self.course.id
        self._write(lambda: enrolments.set_enrolment(store, course_id, participant_id,
                                                     **values),
                    failed=self.people.message.show_message)

    def _mark(self, participant_id: str, day: date, present: bool) -> None:
        store, course_id = self._store, self.course.id

        def failed(text: str) -> None:
            self.attendance.message.show_message(text)
            self.reload()  # the tick goes back to what is stored

        self._run(lambda: enrolments.mark_attendance(store, course_id, participant_id, day,
                                                     present),
                  lambda _e: (self.attendance.message.show_message(None),
                              self.changed.emit()), failed)

    # -- print and export ---------------------------------------------------------------------
    def print_preview(self, key: str) -> None:
        name, build = documents()[key]
        data, title = self.data, self.print_actions[key].text()

        def show(pdf: bytes) -> None:
            from .print_preview import PrintPreview

            self._open(PrintPreview(pdf, f"{title}: {data['title']}",
                                    f"{name}-{file_part(data['title'])}.pdf", self))

        self._run(lambda: build(data), show)

    def export_ics(self) -> str:
        path = file_dialog.save_file_name(self, self.tr("Export calendar"),
                                          f"hold-{file_part(self.data['title'])}.ics",
                                          self.tr("Calendar (*.ics)"))
        if path:
            store, course_id = self._store, self.course.id
            self._run(lambda: Path(path).write_bytes(course_ics.export_course_ics(
                store, course_id)), lambda _n: self.say(
                    self.tr("The calendar was saved in %s.") % path))
        return path

    def edit(self):
        from .course_form import CourseForm

        form = CourseForm(self._store, self._runner, self.course.id, parent=self)
        form.saved.connect(lambda _s: (self.changed.emit(), self.reload()))
        return self._open(form)


def _day(iso: str | None) -> str:
    return field_date(date.fromisoformat(iso)) if iso else "–"

