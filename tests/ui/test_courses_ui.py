"""The Hold page, the course form and the course window, driven as a person would: typing
into fields, ticking boxes and clicking buttons. Data is made with the services, in 2027."""
from __future__ import annotations

import io
import os
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lokomotiv_desktop.services import courses, me, screenings
from lokomotiv_desktop.services import participants as people
from lokomotiv_desktop.store.companies import CompanyRepository
from lokomotiv_desktop.store.courses import EnrolmentRepository

from .window_data import valid_cvr

SHOTS = os.environ.get("LOKOMOTIV_SHOTS")  # a folder: the tests save screenshots there
# Enrolment happens today (the window enrols on the day), so consent and screening lie
# before today; the courses themselves are in 2027.
CONSENTED = date.today() - timedelta(days=30)


def shoot(widget, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()
        widget.grab().save(os.path.join(SHOTS, f"ui-{name}.png"))


@pytest.fixture
def course_store(filled_store):
    store = filled_store
    me.set_my_name(store, "Anne Holm")
    courses.add_provider(store, name="VUC Vejle", kind="vuc", contact="Lise Holm",
                         phone="70112233")
    return store


def company_id(store, seed: int = 0) -> str:
    return CompanyRepository(store).get_by_cvr(valid_cvr(seed)).id


def person(store, first: str, last: str, *, course_consent: bool = True,
           screened: bool = True):
    found = people.add_participant(store, company_id(store), first_name=first,
                                   last_name=last, team="Dagskift")
    people.give_consent(store, found.id, "screening", "skriftlig", given_on=CONSENTED)
    if course_consent:
        people.give_consent(store, found.id, "course", "skriftlig", given_on=CONSENTED)
    if screened:
        screenings.record_screening(store, found.id, subject="læsning", tool="VLV-2",
                                    outcome="læsekursus", trin=2, day=CONSENTED)
    return found


def planned(store, **extra):
    provider = courses.provider_by_name(store, "VUC Vejle")
    fields = {"subject": "læsning", "trin": 2, "provider_id": provider.id,
              "start": "22.3.2027", "weekdays": "man,tor", "time_span": "08:00-10:30",
              "lessons": 16, "teacher": "Mette Sørensen", "max_participants": 12, **extra}
    return courses.add_course(store, company_id(store), **fields).course


@pytest.fixture
def view(qtbot, course_store, runner, wait_idle):
    from lokomotiv_desktop.ui.dialogs.course_view import CourseView

    course = planned(course_store)
    dialog = CourseView(course_store, runner, course.id)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    yield dialog
    wait_idle()
    if dialog.child is not None:
        dialog.child.close()
    dialog.close()


def lesson_rows(view) -> list[tuple[str, ...]]:
    table = view.lessons
    return [tuple(table.item(r, c).text() for c in range(table.columnCount()))
            for r in range(table.rowCount())]


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# -- the form -------------------------------------------------------------------------------

def test_course_form_checks_as_you_type_and_previews_the_calendar(qtbot, course_store,
                                                                  runner, wait_idle):
    from lokomotiv_desktop.ui.dialogs.course_form import CourseForm

    form = CourseForm(course_store, runner)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.company, "Tømrerfirmaet")
    assert form.values()["company_id"] == company_id(course_store)
    assert form.place.text() == "Hovedgaden 1, 7100 Vejle"  # the company's address
    assert [form.trin.itemText(i) for i in range(form.trin.count())] == ["1", "2", "3", "4"]
    form.subject.setCurrentIndex(form.subject.findData("obu"))
    assert not form.trin.isEnabled()  # OBU has no trin
    form.subject.setCurrentIndex(form.subject.findData("læsning"))
    form.trin.setCurrentIndex(form.trin.findData(2))
    qtbot.keyClicks(form.start, "22.3.2027")
    click(qtbot, form.weekday_boxes[0])
    click(qtbot, form.weekday_boxes[3])
    qtbot.keyClicks(form.amount, "16")
    form.time.clear()
    qtbot.keyClicks(form.time, "10:30-08:00")
    assert "Sluttidspunktet skal ligge efter starttidspunktet" in form.errors["time"].text()
    assert form.errors["time"].isVisible()
    assert not form.save_button.isEnabled()

    form.time.clear()
    qtbot.keyClicks(form.time, "08:00-10:30")
    assert not form.errors["time"].isVisible()
    assert form.save_button.isEnabled()
    preview = form.preview.text()
    assert preview.startswith("16 lektioner, 40 timer, 22.3.2027–")
    assert "springer over: Skærtorsdag" in preview and "2. påskedag" in preview
    assert not form.warnings.isVisible()  # 40 hours is within 30–60
    shoot(form, "course-form")
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        click(qtbot, form.save_button)
    course = saved.args[0].course
    assert (course.subject, course.trin, course.lesson_count) == ("læsning", 2, 16)
    assert course.place == "Hovedgaden 1, 7100 Vejle"


def test_too_few_hours_is_a_warning_that_does_not_block(qtbot, course_store, runner):
    from lokomotiv_desktop.ui.dialogs.course_form import CourseForm

    form = CourseForm(course_store, runner, company_id=company_id(course_store))
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.start, "5.4.2027")
    click(qtbot, form.weekday_boxes[1])
    qtbot.keyClicks(form.amount, "4")
    assert form.warnings.isVisible()
    assert "Holdet har 10 timer" in form.warnings.text()
    assert form.save_button.isEnabled()
    form.mark_clean()  # nothing to ask about on close
    form.close()


def test_new_provider_from_the_form(qtbot, course_store, runner):
    from lokomotiv_desktop.ui.dialogs.course_form import CourseForm

    form = CourseForm(course_store, runner)
    qtbot.addWidget(form)
    form.show()
    click(qtbot, form.new_provider_button)
    provider_form = form.provider_form
    qtbot.keyClicks(provider_form.fields["phone"], "12")
    assert "telefon" in provider_form.errors["phone"].text().lower()
    assert not provider_form.save_button.isEnabled()
    provider_form.fields["phone"].clear()
    qtbot.keyClicks(provider_form.fields["name"], "AOF Vejle")
    provider_form.kind.setCurrentIndex(provider_form.kind.findData("AOF"))
    with qtbot.waitSignal(provider_form.saved, timeout=5000):
        click(qtbot, provider_form.save_button)
    assert form.provider.currentText() == "AOF Vejle"
    form.mark_clean()
    form.close()


# -- the page -------------------------------------------------------------------------------

def test_the_page_lists_courses_and_filters_them(qtbot, course_store, runner):
    from lokomotiv_desktop.ui.models.courses_model import COL_TITLE
    from lokomotiv_desktop.ui.pages.courses_page import CoursesPage

    planned(course_store)
    planned(course_store, subject="matematik", trin=1, start="6.9.2027", weekdays="ons",
            status="bekræftet")
    page = CoursesPage(course_store, runner)
    qtbot.addWidget(page)
    page.resize(1100, 360)
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.reload()
    model = page.model
    rows = [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]
    assert rows[0] == ["FVU-læsning, trin 2", "Tømrerfirmaet Hansen ApS", "VUC Vejle",
                       "22.3.2027", "27.5.2027", "40", "0/12", "Planlagt"]
    assert page.count_label.text() == "2 hold"
    page.status.setCurrentIndex(page.status.findData("bekræftet"))
    assert [model.index(r, COL_TITLE).data() for r in range(model.rowCount())] == [
        "FVU-matematik, trin 1"]
    page.status.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "læsn")
    assert model.rowCount() == 1
    page.search.clear()
    page.show()
    shoot(page, "courses-page")
    page.close()


# -- the course window ----------------------------------------------------------------------

def test_move_cancel_and_restore_a_lesson(qtbot, view, wait_idle):
    assert lesson_rows(view)[0][:3] == ("mandag 22. marts 2027", "08.00–10.30", "2,5")
    assert "25.3.2027: Skærtorsdag" in view.skipped.text()
    view.select_lesson(date(2027, 4, 1))
    click(qtbot, view.move_button)
    move = view.child
    qtbot.keyClicks(move.new_date, "22.3.2027")  # there is a lesson already
    move.accept()
    assert "Holdet har allerede en lektion 22.3.2027" in move.message.text()
    move.new_date.clear()
    qtbot.keyClicks(move.new_date, "2.4.2027")
    qtbot.keyClicks(move.reason, "Kantinen optaget")
    move.accept()
    wait_idle()
    moved = [r for r in lesson_rows(view) if r[0] == "fredag 2. april 2027"]
    assert moved and moved[0][3] == "Flyttet" and "flyttet fra 1.4.2027" in moved[0][4]

    view.select_lesson(date(2027, 4, 5))
    click(qtbot, view.cancel_button)
    cancel = view.child
    cancel.accept()
    assert cancel.message.text() == "Skriv, hvorfor lektionen aflyses."
    qtbot.keyClicks(cancel.reason, "Lærer syg")
    cancel.accept()
    wait_idle()
    row = next(r for r in lesson_rows(view) if r[0] == "mandag 5. april 2027")
    assert row[3] == "Aflyst" and "Lærer syg" in row[4]
    assert view.data["lesson_count"] == 15
    assert view.restore_button.isEnabled()
    click(qtbot, view.restore_button)
    wait_idle()
    row = next(r for r in lesson_rows(view) if r[0] == "mandag 5. april 2027")
    assert row[3] == "" and view.data["lesson_count"] == 16
    assert view.notice.text() == "Lektionen er tilbage på sin planlagte dato."
    shoot(view, "course-view")


def test_enrol_by_hand_refuses_someone_without_course_consent(qtbot, view, course_store,
                                                              wait_idle):
    person(course_store, "Anna", "Jensen")
    person(course_store, "Bo", "Ærø", course_consent=False)
    view.tabs.setCurrentWidget(view.people)
    click(qtbot, view.people.enrol_button)
    pick = view.child
    assert pick.list.count() == 2
    pick.tick("Anna Jensen")
    pick.tick("Bo Ærø")
    pick.accept()
    wait_idle()
    assert [p["name"] for p in view.data["participants"]] == ["Anna Jensen"]
    message = view.people.message.text()
    assert message.startswith("1 tilmeldt.")
    assert "Bo Ærø: Bo Ærø har ikke givet samtykke til kursusplanlægning" in message
    assert view.people.table.item(0, 0).text() == "Anna Jensen"


def test_enrol_from_a_suggested_class_then_status_result_and_attendance(qtbot, view,
                                                                        course_store,
                                                                        wait_idle):
    anna = person(course_store, "Anna", "Jensen")
    for n in range(7):  # a suggested class needs 8 (screening.json)
        person(course_store, f"Deltager{n}", "Berg")
    click(qtbot, view.people.suggestion_button)
    pick = view.child
    assert pick.list.item(0).text() == "Hold 1: FVU-læsning, trin 2 (8 deltagere)"
    pick.accept()
    wait_idle()
    names = [p["name"] for p in view.data["participants"]]
    assert len(names) == 8 and "Anna Jensen" in names
    assert view.people.message.text().startswith("8 tilmeldt.")

    anna_row = names.index("Anna Jensen")
    assert view.people.table.item(anna_row, 0).text() == "Anna Jensen"
    view.people.table.cellWidget(anna_row, 3).setCurrentIndex(1)  # Prøve bestået
    wait_idle()
    assert EnrolmentRepository(course_store).get(view.course.id, anna.id).result == "bestået"

    view.tabs.setCurrentWidget(view.attendance)
    grid = view.attendance.table
    assert grid.columnCount() == 16 and grid.rowCount() == 8
    first = grid.item(anna_row, 0)
    first.setCheckState(Qt.CheckState.Checked)
    wait_idle()
    stored = next(e for e in EnrolmentRepository(course_store).of_course(view.course.id)
                  if e.participant_id == anna.id)
    assert view.attendance.message.text() == ""
    assert stored.attendance == {date(2027, 3, 22): True}
    assert stored.status == "startet"  # the first presence starts the person


def test_print_preview_of_the_course_plan_and_save_as_pdf(qtbot, view, wait_idle,
                                                           monkeypatch, tmp_path):
    from pypdf import PdfReader

    from lokomotiv_desktop.ui.dialogs import print_preview

    view.print_actions["plan"].trigger()
    wait_idle()
    preview = view.child
    assert isinstance(preview, print_preview.PrintPreview)
    assert preview.page_count() > 0
    assert preview.page_label.text() == f"Side 1 af {preview.page_count()}"
    target = tmp_path / "kursusplan.pdf"
    monkeypatch.setattr(print_preview.file_dialog, "save_file_name",
                        lambda *_a: str(target))
    click(qtbot, preview.save_button)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(
        target.read_bytes())).pages)
    assert "FVU-læsning, trin 2" in text
    assert "mandag 22. marts 2027" in text

    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)  # fast: 96 dpi images
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_to(printer) == preview.page_count()
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == preview.page_count()
    shoot(preview, "print-preview")
    preview.close()


def test_print_menu_offers_the_four_documents_and_each_opens(qtbot, view, wait_idle):
    assert [a.text() for a in view.print_button.menu().actions()] == [
        "Kursusplan", "Opslag uden navne", "Invitationer", "Fremmødeliste"]
    for key in ("notice", "attendance"):
        view.print_actions[key].trigger()
        wait_idle()
        assert view.child.page_count() > 0
        view.child.close()


def test_export_ics_writes_one_event_per_lesson(qtbot, view, wait_idle, monkeypatch,
                                                tmp_path):
    from lokomotiv_desktop.ui.dialogs import course_view

    target = tmp_path / "hold.ics"
    monkeypatch.setattr(course_view.file_dialog, "save_file_name", lambda *_a: str(target))
    click(qtbot, view.ics_button)
    wait_idle()
    assert target.read_text(encoding="utf-8").count("BEGIN:VEVENT") == 16
    assert view.notice.text() == f"Kalenderen er gemt i {target}."


def test_the_hold_page_sits_after_screenings_in_the_window(qtbot, window, wait_idle):
    from lokomotiv_desktop.ui.pages.courses_page import CoursesPage

    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles.index("Hold") == titles.index("Screeninger") + 1
    page = window.show_page("courses")
    assert isinstance(page, CoursesPage)
    wait_idle()
    assert page.count_label.text() == "0 hold"


def test_plan_a_course_from_a_suggested_class_on_the_screenings_page(qtbot, course_store,
                                                                     runner):
    from lokomotiv_desktop.ui.pages.screenings_page import ScreeningsPage

    for n in range(8):
        person(course_store, f"Deltager{n}", "Berg")
    page = ScreeningsPage(course_store, runner)
    qtbot.addWidget(page)
    page.tabs.setCurrentWidget(page.suggestions)
    page.suggestions.choose("630", company_id(course_store))
    click(qtbot, page.suggestions.show_button)
    assert not page.suggestions.plan_button.isEnabled()
    page.suggestions.tree.setCurrentItem(page.suggestions.tree.topLevelItem(0))
    click(qtbot, page.suggestions.plan_button)
    form = page.dialog
    assert form.windowTitle() == "Nyt hold til et foreslået hold (8 deltagere)"
    assert (form.subject.currentData(), form.trin.currentData()) == ("læsning", 2)
    qtbot.keyClicks(form.start, "6.9.2027")
    click(qtbot, form.weekday_boxes[1])
    qtbot.keyClicks(form.amount, "16")
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        click(qtbot, form.save_button)
    course = saved.args[0].course
    assert len(EnrolmentRepository(course_store).of_course(course.id)) == 8
