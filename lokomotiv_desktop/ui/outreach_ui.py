"""The outreach part of the main window (issue 4): the Oversigt, Faser and Møder pages, the
actions New visit (Ctrl+Shift+V), New session (Ctrl+Shift+M) and Export calendar
(Ctrl+Shift+E), and the quiet reminder of overdue tasks at start.

``install_outreach_ui(window)`` is the one entry point; the main window calls it at the end
of its ``__init__``. The controller it makes lives as ``window.outreach``.

Oversigt is the home page and is built at once; Faser and Møder are built on their first
visit (``board`` and ``meetings`` build them when code asks), and the forms load when one
is opened: the window shows without paying for them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMainWindow

from ..services.me import my_name
from .models.outreach_lists import COMPANY_ID_ROLE
from .pages.overview_page import OverviewPage

if TYPE_CHECKING:
    from .dialogs.quick_search import QuickSearch
    from .pages.meetings_page import MeetingsPage
    from .pages.phase_board import PhaseBoardPage

REMINDER_MS = 20_000


def install_outreach_ui(window: QMainWindow) -> OutreachController:
    controller = OutreachController(window)
    window.outreach = controller
    return controller


class OutreachController(QObject):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.overview = OverviewPage(window.store, window.runner)
        self.form = None  # the visit or session form open from the window, if any
        self.picker: QuickSearch | None = None
        window.add_page("overview", self.tr("Overview"), self.overview)
        window.add_page("phases", self.tr("Phases"), self._build_board)
        window.add_page("meetings", self.tr("Meetings"), self._build_meetings)
        window.show_page("overview")

        self.overview.open_company.connect(window.open_company)
        self.overview.changed.connect(window.data_changed)
        window.data_changed.connect(self.reload)
        self.overview.reminder.connect(self._remind)
        self._add_actions()
        # start() queues the list's first page, then this: the home page's data.
        window.started.connect(self.reload)

    @property
    def board(self) -> PhaseBoardPage:
        return self.window.page("phases")

    @property
    def meetings(self) -> MeetingsPage:
        return self.window.page("meetings")

    def _build_board(self) -> PhaseBoardPage:
        from .pages.phase_board import PhaseBoardPage

        board = PhaseBoardPage(self.window.store, self.window.runner)
        board.open_company.connect(self.window.open_company)
        board.changed.connect(self.window.data_changed)
        board.reload()
        return board

    def _build_meetings(self) -> MeetingsPage:
        from .pages.meetings_page import MeetingsPage

        meetings = MeetingsPage(self.window.store, self.window.runner)
        meetings.open_company.connect(self.window.open_company)
        meetings.edit_visit.connect(lambda company, visit: self.open_visit(company, visit))
        meetings.edit_session.connect(
            lambda company, session: self.open_session(company, session))
        meetings.new_visit.connect(self.new_visit)
        meetings.new_session.connect(self.new_session)
        meetings.reload()
        return meetings

    def _add_actions(self) -> None:
        menu = self.window.menuBar().addMenu(self.tr("&Outreach"))
        self.actions: dict[str, QAction] = {}
        for key, text, keys, slot in (
            ("new_visit", self.tr("New visit …"), "Ctrl+Shift+V", self.new_visit),
            ("new_session", self.tr("New session …"), "Ctrl+Shift+M", self.new_session),
            ("export_calendar", self.tr("Export my calendar …"), "Ctrl+Shift+E",
             self.export_calendar),
        ):
            action = QAction(text, self.window)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            menu.addAction(action)
            self.window.addAction(action)
            self.actions[key] = action

    def reload(self) -> None:
        """The pages built so far; a page built later loads as it is built."""
        self.overview.reload()
        for key in ("phases", "meetings"):
            page = self.window.built_page(key)
            if page is not None:
                page.reload()

    def _remind(self, message: str) -> None:
        self.window.statusBar().showMessage(message, REMINDER_MS)

    # -- which company ---------------------------------------------------------------------------
    def context_company(self) -> str | None:
        """The company selected on the page in front, if any."""
        key = self.window.current_page_key()
        if key == "phases":
            return self.board.selected_company_id()
        if key == "meetings":
            return self.meetings.selected_company_id()
        if key == "overview":
            for _header, view, _model in self.overview.lists.values():
                if view.hasFocus() and view.currentIndex().isValid():
                    return view.currentIndex().data(COMPANY_ID_ROLE)
            return None
        if key == "companies":
            index = self.window.companies.table.currentIndex()
            return self.window.companies.model.company_id_at(index.row()) \
                if index.isValid() else None
        return None

    def _with_company(self, then) -> None:
        company_id = self.context_company()
        if company_id:
            then(company_id)
            return
        # No company in front: pick one as with Ctrl+K, then open the form.
        from .dialogs.quick_search import QuickSearch

        self.picker = QuickSearch(self.window.repository, self.window)
        self.picker.setWindowTitle(self.tr("Which company?"))
        self.picker.company_chosen.connect(then)
        self.picker.finished.connect(self._picker_closed)
        self.picker.open()

    def _picker_closed(self) -> None:
        picker, self.picker = self.picker, None
        if picker is not None:
            picker.deleteLater()

    # -- forms ------------------------------------------------------------------------------------
    def new_visit(self) -> None:
        self._with_company(lambda company_id: self.open_visit(company_id))

    def new_session(self) -> None:
        self._with_company(lambda company_id: self.open_session(company_id))

    def open_visit(self, company_id: str, visit_id: str | None = None) -> None:
        if self.form is None:
            from .dialogs.visit_form import VisitForm

            self._show(VisitForm(self.window.store, self.window.runner, company_id, visit_id,
                                 self.window))

    def open_session(self, company_id: str, session_id: str | None = None) -> None:
        if self.form is None:
            from .dialogs.session_form import SessionForm

            self._show(SessionForm(self.window.store, self.window.runner, company_id,
                                   session_id, self.window))

    def _show(self, form) -> None:
        self.form = form
        form.saved.connect(self._saved)
        form.deleted.connect(self._deleted)
        form.finished.connect(self._form_closed)
        form.open()

    def _saved(self, result) -> None:
        hints = getattr(result, "hints", None)
        message = self.tr("Saved.") + (" " + " ".join(hints) if hints else "")
        self.window.statusBar().showMessage(message, 8000)
        self.window.data_changed.emit()

    def _deleted(self) -> None:
        self.window.statusBar().showMessage(self.tr("Deleted."), 8000)
        self.window.data_changed.emit()

    def _form_closed(self) -> None:
        form, self.form = self.form, None
        if form is not None:
            form.deleteLater()

    # -- calendar ---------------------------------------------------------------------------------
    def export_calendar(self) -> None:
        from .dialogs.calendar_export import export_calendar

        consultant = my_name(self.window.store) or ""
        if not consultant:
            names = self.window.repository.consultants()
            consultant, ok = QInputDialog.getItem(
                self.window, self.tr("Export calendar"), self.tr("Whose calendar?"), names, 0,
                True)
            consultant = consultant.strip()
            if not ok or not consultant:
                return
        export_calendar(self.window, self.window.store, self.window.runner,
                        consultant=consultant, title=consultant,
                        report=lambda text: self.window.statusBar().showMessage(text, 10000))
