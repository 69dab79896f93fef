"""The Hold page (issue 12) in the main window, built on its first visit.

``install_courses_ui(window)`` is the one entry point; the main window calls it next to
install_screenings_ui."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from .pages.courses_page import CoursesPage


def install_courses_ui(window: QMainWindow) -> None:
    def build() -> CoursesPage:
        from .pages.courses_page import CoursesPage

        page = CoursesPage(window.store, window.runner)
        page.changed.connect(window.data_changed)
        window.data_changed.connect(page.reload)
        page.reload()
        return page

    title = QCoreApplication.translate("CoursesUi", "Courses")
    window.add_page("courses", title, build)
    # Oversigt's SVU reminders open their course in the Hold page.
    overview = window.built_page("overview")
    if overview is not None and hasattr(overview, "open_course"):
        overview.open_course.connect(lambda course_id: window.show_page("courses")
                                     .open_course(course_id))
