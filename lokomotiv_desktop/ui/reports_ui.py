"""The Rapporter and Forening pages (issue 13) in the main window, built on their first
visit, and the coordinator's KPI tiles on Oversigt.

``install_reports_ui(window)`` is the one entry point; the main window calls it next to
install_courses_ui."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from .pages.association_page import AssociationPage
    from .pages.reports_page import ReportsPage


def install_reports_ui(window: QMainWindow) -> None:
    def build_reports() -> ReportsPage:
        from .pages.reports_page import ReportsPage

        page = ReportsPage(window.store, window.runner)
        page.open_company.connect(window.open_company)
        window.data_changed.connect(page.reload)
        page.reload()
        return page

    def build_association() -> AssociationPage:
        from .pages.association_page import AssociationPage

        page = AssociationPage(window.store, window.runner)
        page.changed.connect(window.data_changed)
        page.reload()
        return page

    window.add_page("reports", QCoreApplication.translate("ReportsUi", "Reports"),
                    build_reports)
    window.add_page("association", QCoreApplication.translate("ReportsUi", "Association"),
                    build_association)
    overview = window.built_page("overview")
    if overview is not None and hasattr(overview, "loaded"):
        from .widgets.kpi_tiles import add_kpi_tiles

        add_kpi_tiles(overview, window.store, window.runner)
