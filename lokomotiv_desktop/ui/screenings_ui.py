"""The Screeninger page (issue 11) in the main window, built on its first visit.

``install_screenings_ui(window)`` is the one entry point; the main window calls it next to
install_outreach_ui."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from .pages.screenings_page import ScreeningsPage


def install_screenings_ui(window: QMainWindow) -> None:
    def build() -> ScreeningsPage:
        from .pages.screenings_page import ScreeningsPage

        page = ScreeningsPage(window.store, window.runner)
        page.changed.connect(window.data_changed)
        window.data_changed.connect(page.reload)
        page.reload()
        return page

    title = QCoreApplication.translate("ScreeningsUi", "Screenings")
    window.add_page("screenings", title, build)
