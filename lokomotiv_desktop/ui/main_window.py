"""The main window: left navigation, a stack of pages, and a status bar.

Pages register with ``add_page``; Ctrl+1..9 follow the order of the navigation. A page may
be registered as a factory: its navigation entry, shortcut and "Gå til" entry exist at once,
and the page itself is built on its first visit (or when code asks for it with ``page``).
Only the home page and the companies list are built before the window shows, so start-up
pays for what the first look needs and no more.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ..store.companies import CompanyRepository
from ..store.database import Store
from .courses_ui import install_courses_ui
from .icons import icon
from .import_ui import install_import_ui
from .outreach_ui import install_outreach_ui
from .pages.companies_page import CompaniesPage
from .reports_ui import install_reports_ui
from .screenings_ui import install_screenings_ui
from .sync_ui import install_sync_ui
from .tasks import TaskRunner
from .widgets.store_status import StoreStatus

if TYPE_CHECKING:  # the dialogs and later pages load on first use, not at start-up
    from .dialogs.company_editor import CompanyEditor
    from .dialogs.quick_search import QuickSearch
    from .pages.settings_page import SettingsPage

# Navigation order from DESIGN.md; pages added later slot in at their place.
PAGE_ORDER = ("overview", "companies", "phases", "meetings", "screenings", "courses",
              "reports", "association", "sync", "settings")

PageFactory = Callable[[], QWidget]
FIRST_SHOWN_LATEST_MS = 1000


@dataclass
class _Page:
    key: str
    widget: QWidget  # a blank placeholder until a factory page is built
    item: QListWidgetItem
    action: QAction
    factory: PageFactory | None = None  # set until the page is built


class MainWindow(QMainWindow):
    data_changed = Signal()  # a save or an import: pages and the status bar refresh
    started = Signal()  # start(): the home page queues its data behind the list's first page
    first_shown = Signal()  # started and painted once: work nobody sees yet may begin
    page_built = Signal(str)  # a factory page was built (its key)

    def __init__(self, store: Store, runner: TaskRunner, parent=None):
        super().__init__(parent)
        self.setObjectName("main_window")
        self.store, self.runner = store, runner
        self.repository = CompanyRepository(store)
        self.setWindowTitle(self.tr("Lokomotiv"))
        self.setWindowIcon(icon("lokomotiv"))
        self._pages: list[_Page] = []
        self._started = self._painted = self._first_shown_sent = False
        self.editor: CompanyEditor | None = None
        self.quick_search: QuickSearch | None = None

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(190)
        self.navigation.setIconSize(QSize(18, 18))
        self.navigation.setStyleSheet("QListWidget#navigation { font-size: 11pt; } "
                                      "QListWidget#navigation::item { padding: 7px 6px; }")
        self.stack = QStackedWidget()
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.navigation.currentRowChanged.connect(self._row_chosen)

        self.store_status = StoreStatus(self.repository, runner)
        self.statusBar().addWidget(self.store_status, 1)

        self._add_actions()  # the menus first: pages add themselves to "Gå til"
        self.companies = CompaniesPage(self.repository, runner)
        self.add_page("companies", self.tr("Companies"), self.companies)
        self.add_page("settings", self.tr("Settings"), self._build_settings)
        self.companies.open_company.connect(self.open_company)
        self.companies.new_company.connect(self.new_company)
        self.data_changed.connect(self.companies.model.refresh)
        self.data_changed.connect(self.companies.reload_consultants)
        self.data_changed.connect(self.store_status.refresh)
        self.resize(1280, 800)
        install_sync_ui(self)
        install_outreach_ui(self)
        install_screenings_ui(self)
        install_courses_ui(self)
        install_reports_ui(self)
        install_import_ui(self)
        self._add_help_menu()  # last: the menu bar's far end, after what the installs added

    # -- page registry -------------------------------------------------------------------------
    def add_page(self, key: str, title: str, widget: QWidget | PageFactory,
                 icon_: QIcon | None = None) -> None:
        """Adds a page to the navigation at its place in PAGE_ORDER (unknown keys go last).

        ``widget`` is the page, or a function that builds it on its first visit."""
        if any(page.key == key for page in self._pages):
            raise ValueError(f"a page {key!r} is already registered")
        factory = None if isinstance(widget, QWidget) else widget
        if factory is not None:
            widget = QWidget()
            widget.setObjectName(f"{key}_placeholder")
        rank = _rank(key)
        position = sum(1 for page in self._pages if _rank(page.key) <= rank)
        item = QListWidgetItem(icon_ or QIcon(), title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        action = QAction(title, self)
        action.triggered.connect(lambda: self.show_page(key))
        self.addAction(action)
        self._pages.insert(position, _Page(key, widget, item, action, factory))
        self.stack.insertWidget(position, widget)
        self.navigation.insertItem(position, item)  # may select it: the page is in place
        self._number_shortcuts()
        if self.navigation.currentRow() < 0:
            self.navigation.setCurrentRow(0)
        self._row_chosen(self.navigation.currentRow())

    def page(self, key: str) -> QWidget:
        """The page of ``key``, built now if it was registered as a factory."""
        row = self._row_of(key)
        if self._pages[row].factory is not None:
            self._build(row)
        return self._pages[row].widget

    def built_page(self, key: str) -> QWidget | None:
        """The page if it exists already (None while a factory page waits for its visit)."""
        entry = self._pages[self._row_of(key)]
        return None if entry.factory is not None else entry.widget

    def _row_of(self, key: str) -> int:
        for row, entry in enumerate(self._pages):
            if entry.key == key:
                return row
        raise KeyError(key)

    def _build(self, row: int) -> None:
        entry = self._pages[row]
        widget = entry.factory()  # should it fail, the next visit tries again
        placeholder, entry.widget, entry.factory = entry.widget, widget, None
        current = self.stack.currentIndex()
        self.stack.removeWidget(placeholder)
        self.stack.insertWidget(row, widget)
        self.stack.setCurrentIndex(current)
        placeholder.deleteLater()
        self.page_built.emit(entry.key)

    def _row_chosen(self, row: int) -> None:
        if 0 <= row < len(self._pages) and self._pages[row].factory is not None:
            self._build(row)
        self.stack.setCurrentIndex(row)

    def _number_shortcuts(self) -> None:
        self._go_menu.clear()
        for number, page in enumerate(self._pages, start=1):
            self._go_menu.addAction(page.action)
            sequence = QKeySequence(f"Ctrl+{number}") if number <= 9 else QKeySequence()
            page.action.setShortcut(sequence)
            page.item.setToolTip(sequence.toString(QKeySequence.SequenceFormat.NativeText))

    def show_page(self, key: str) -> QWidget:
        row = self._row_of(key)
        self.navigation.setCurrentRow(row)
        self._row_chosen(row)  # also when it is current already: built, in front
        return self._pages[row].widget

    @property
    def settings(self) -> SettingsPage:
        return self.page("settings")

    def _build_settings(self) -> SettingsPage:
        from .pages.settings_page import SettingsPage

        return SettingsPage(self)

    def current_page_key(self) -> str:
        return self._pages[self.navigation.currentRow()].key

    def add_status_widget(self, widget: QWidget) -> None:
        """The right end of the status bar (the sync status lives there)."""
        self.statusBar().addPermanentWidget(widget)

    # -- actions --------------------------------------------------------------------------------
    def _add_actions(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        for text, sequence, slot in (
            (self.tr("New company"), QKeySequence.StandardKey.New, self.new_company),
            (self.tr("Find company …"), QKeySequence("Ctrl+K"), self.open_quick_search),
            (self.tr("Search the list"), QKeySequence.StandardKey.Find, self.focus_search),
            (self.tr("Quit"), QKeySequence.StandardKey.Quit, self.close),
        ):
            action = QAction(text, self)
            action.setShortcut(sequence)
            action.triggered.connect(slot)
            file_menu.addAction(action)
        self._go_menu = self.menuBar().addMenu(self.tr("&Go"))

    def _add_help_menu(self) -> None:
        menu = self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.shortcuts_action = QAction(self.tr("Keyboard shortcuts"), self)
        self.shortcuts_action.setShortcut(QKeySequence("Ctrl+/"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action = QAction(self.tr("About Lokomotiv"), self)
        self.about_action.triggered.connect(self.show_about)
        menu.addAction(self.shortcuts_action)
        menu.addAction(self.about_action)
        self.help_dialog = None

    def show_shortcuts(self) -> None:
        from .dialogs.help_dialogs import ShortcutsDialog

        self._open_help(ShortcutsDialog(self))

    def show_about(self) -> None:
        from .dialogs.help_dialogs import AboutDialog

        self._open_help(AboutDialog(self))

    def _open_help(self, dialog) -> None:
        if self.help_dialog is not None:
            self.help_dialog.done(0)
        self.help_dialog = dialog
        dialog.finished.connect(lambda _result, d=dialog: self._help_closed(d))
        dialog.open()

    def _help_closed(self, dialog) -> None:
        if self.help_dialog is dialog:
            self.help_dialog = None
        dialog.deleteLater()

    def focus_search(self) -> None:
        self.show_page("companies")
        self.companies.focus_search()

    def open_quick_search(self) -> None:
        from .dialogs.quick_search import QuickSearch

        self.quick_search = QuickSearch(self.repository, self)
        self.quick_search.company_chosen.connect(self.open_company)
        self.quick_search.finished.connect(self.quick_search.deleteLater)
        self.quick_search.open()
        self.quick_search.activateWindow()
        self.quick_search.query.setFocus()

    def new_company(self) -> None:
        self.open_company(None)

    def open_company(self, company_id: str | None) -> None:
        if self.editor is not None:
            self.editor.raise_()
            self.editor.activateWindow()
            return
        consultants = [self.companies.consultant.itemData(i)
                       for i in range(1, self.companies.consultant.count())]
        from .dialogs.company_editor import CompanyEditor

        self.editor = CompanyEditor(self.store, self.runner, company_id, consultants, self)
        self.editor.saved.connect(lambda _id: self.data_changed.emit())
        self.editor.finished.connect(self._editor_closed)
        self.editor.duplicate.open_existing.connect(self._open_existing)
        self.editor.open()
        self.editor.activateWindow()  # also where the platform does not do it by itself

    def _open_existing(self, company_id: str) -> None:
        """"Åbn den eksisterende": the new company's form gives way to the one that has
        the number (what was typed was that number, nothing to keep)."""
        if self.editor is not None:
            self.editor.done(0)  # its finished signal lets it go
        if self.editor is not None:
            self._editor_closed()
        self.open_company(company_id)

    def _editor_closed(self) -> None:
        if self.editor is not None:
            self.editor.deleteLater()
            self.editor = None
        self.activateWindow()
        self.companies.table.setFocus()

    def start(self) -> None:
        """Loads the first data once the window is up, in the order the eye needs it: the
        list's first page, the home page (``started``), the status counts. ``first_shown``
        follows the first paint (or FIRST_SHOWN_LATEST_MS, should the window not be
        painted, e.g. started minimised)."""
        self.navigation.setCurrentRow(0)  # the home page: the first in the navigation
        self.companies.start()
        self._started = True
        self.started.emit()
        self.store_status.refresh()
        QTimer.singleShot(FIRST_SHOWN_LATEST_MS, self, self._send_first_shown)
        if self._painted:
            QTimer.singleShot(0, self, self._send_first_shown)

    @property
    def painted(self) -> bool:
        """The window has been painted at least once (it is on screen, not just shown)."""
        return self._painted

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            if self._started:  # once this paint is on screen
                QTimer.singleShot(0, self, self._send_first_shown)

    def _send_first_shown(self) -> None:
        if not self._first_shown_sent:
            self._first_shown_sent = True
            self.first_shown.emit()


def _rank(key: str) -> int:
    return PAGE_ORDER.index(key) if key in PAGE_ORDER else len(PAGE_ORDER)
