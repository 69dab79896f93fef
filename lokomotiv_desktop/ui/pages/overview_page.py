"""Oversigt, the first page: overdue, today's and this week's follow-ups (tick them off, and
undo a tick for a few seconds with "Fortryd" or Ctrl+Z), the visits and sessions coming up,
and a few KPI tiles, and the courses whose SVU application window is open while people have not
applied. Enter or a double click opens the company (the course). Overdue tasks also show as
a quiet banner, never a modal box."""
from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Phase
from ...services.me import my_name
from ...store.companies import CompanyRepository
from ...store.database import Store
from ..models.outreach_lists import COMPANY_ID_ROLE, DatedListModel
from ..tasks import TaskRunner
from ..widgets.mine_toggle import MineToggle
from ..widgets.undo_notice import UndoNotice

# Overdue tasks get the most room; today's list is usually short.
_STRETCH = {"overdue": 3, "today": 1, "week": 2, "visits": 2, "sessions": 2}
SVU_DELAY_MS = 800
_TILE = ("QFrame#tile { background: #f2f4f7; border: 1px solid #d5d9e0; border-radius: 6px; }")


class OverviewPage(QWidget):
    open_company = Signal(str)
    open_course = Signal(str)
    changed = Signal()  # a task was ticked off
    loaded = Signal()
    svu_loaded = Signal()
    reminder = Signal(str)  # once, after the first load, when tasks are overdue

    def __init__(self, store: Store, runner: TaskRunner, parent=None):
        super().__init__(parent)
        self.setObjectName("overview_page")
        self._store, self._runner = store, runner
        self._reminded = False
        self.banner = QLabel()
        self.banner.setObjectName("overdue_banner")
        self.banner.setStyleSheet("QLabel#overdue_banner { background: #fff4e5; color: #7a4a00;"
                                  " border: 1px solid #f0c27b; border-radius: 4px; "
                                  "padding: 6px 10px; }")
        self.banner.hide()
        self.mine = MineToggle("overview", self)  # shown once the first load knows my name
        self.tiles: dict[str, QLabel] = {}
        tiles = QHBoxLayout()
        for key, caption in [("open", self.tr("Open tasks")), ("overdue", self.tr("Overdue")),
                             *[(f"phase{p.value}", p.label) for p in Phase]]:
            tiles.addWidget(self._tile(key, caption))

        self.lists: dict[str, tuple[QLabel, QListView, DatedListModel]] = {}
        left, right = QVBoxLayout(), QVBoxLayout()
        for column, key, caption in [
            (left, "overdue", self.tr("Overdue")), (left, "today", self.tr("Today")),
            (left, "week", self.tr("Rest of the week")),
            (right, "visits", self.tr("Upcoming visits (14 days)")),
            (right, "sessions", self.tr("Upcoming sessions (14 days)")),
        ]:
            header, view, model = QLabel(), QListView(), DatedListModel(parent=self)
            header.setStyleSheet("font-weight: 600; font-size: 11pt;")
            header.setProperty("caption", caption)
            view.setModel(model)
            view.setObjectName(f"overview_{key}")
            view.setAccessibleName(caption)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setTextElideMode(Qt.TextElideMode.ElideRight)
            view.setUniformItemSizes(True)
            view.activated.connect(self._activated)
            model.done_toggled.connect(self._tick)
            self.lists[key] = (header, view, model)
            column.addWidget(header)
            column.addWidget(view, _STRETCH[key])
        self.svu_header = QLabel()
        self.svu_header.setStyleSheet("font-weight: 600; font-size: 11pt;")
        self.svu_list = QListWidget()
        self.svu_list.setObjectName("overview_svu")
        self.svu_list.setAccessibleName(self.tr("SVU applications"))
        self.svu_list.setWordWrap(True)
        self.svu_list.itemActivated.connect(
            lambda item: self.open_course.emit(item.data(Qt.ItemDataRole.UserRole)))
        right.addWidget(self.svu_header)
        right.addWidget(self.svu_list, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(12)
        columns.addLayout(right, 1)

        top = QHBoxLayout()
        top.addWidget(self.banner, 1)
        top.addWidget(self.mine)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addLayout(columns, 1)
        self.mine.changed.connect(self.reload)

        self._undo_task: str | None = None  # the task the last tick marked done
        self.undo_notice = UndoNotice(self)  # moves to the window's status bar when shown
        self.undo_notice.undo_requested.connect(self.undo_tick)
        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        # The window's shortcut while Oversigt is in front (a hidden page's actions sleep).
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo_tick)
        self.undo_notice.timer.timeout.connect(lambda: self.undo_action.setEnabled(False))
        self.addAction(self.undo_action)

    def _tile(self, key: str, caption: str) -> QFrame:
        frame = QFrame()
        frame.setObjectName("tile")
        frame.setStyleSheet(_TILE)
        box = QVBoxLayout(frame)
        box.setContentsMargins(10, 6, 10, 6)
        number = QLabel("–")
        number.setStyleSheet("font-size: 18pt; font-weight: 600; border: none;")
        label = QLabel(caption)
        label.setStyleSheet("color: #5f6670; border: none;")
        box.addWidget(number)
        box.addWidget(label)
        self.tiles[key] = number
        return frame

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        store = self._store
        # Only mine unless "Alle" was chosen; the name itself is read on the worker: the
        # GUI thread never queries the store while the worker may be using it.
        mine = not self.mine.all_button.isChecked()

        def read():
            # On the worker: the outreach rules (holidays, time zones) load here, not
            # on the GUI thread while the window opens.
            from ...services import outreach

            name = my_name(store)  # Indstillinger → Mig may have changed it
            consultant = name if mine else None
            counts = CompanyRepository(store).count_by_phase()
            per_phase = {p: counts.get(int(p), 0) for p in Phase}
            return (outreach.overview(store, consultant),
                    len(outreach.tasks(store, consultant=consultant)), per_phase, name)

        self._runner.run(read, on_done=self._loaded, cancellable=True)

    def _loaded(self, result) -> None:
        view, open_count, per_phase, name = result
        self.mine.set_name(name)
        # The SVU reminders (course calendars, holidays) come second; at start-up a moment
        # later, so that the window is shown and filled first.
        consultant = name if not self.mine.all_button.isChecked() else None
        if self._reminded:
            self._load_svu(consultant)
        else:
            QTimer.singleShot(SVU_DELAY_MS, self, lambda: self._load_svu(consultant))
        rows = {"overdue": view.overdue, "today": view.due_today, "week": view.this_week,
                "visits": view.upcoming_visits, "sessions": view.upcoming_sessions}
        for key, (header, _list, model) in self.lists.items():
            model.set_rows(rows[key], view.today)
            header.setText(f"{header.property('caption')} ({len(rows[key])})")
        number = QLocale().toString
        self.tiles["open"].setText(number(open_count))
        self.tiles["overdue"].setText(number(len(view.overdue)))
        for phase, count in per_phase.items():
            self.tiles[f"phase{phase.value}"].setText(number(count))
        message = self.reminder_text(len(view.overdue))
        self.banner.setText(message or "")
        self.banner.setVisible(bool(message))
        if message and not self._reminded:
            self.reminder.emit(message)
        self._reminded = True
        self.loaded.emit()

    def _load_svu(self, consultant: str | None) -> None:
        if self._runner.shut_down:  # the delayed first load, after the window closed
            return
        store = self._store

        def read():
            from ...services.course_view import svu_reminders

            return svu_reminders(store, consultant=consultant)

        self._runner.run(read, on_done=self._show_svu, cancellable=True)

    def _show_svu(self, reminders) -> None:
        self.svu_list.clear()
        for r in reminders:
            waiting = (self.tr("1 has not applied") if r.waiting == 1
                       else self.tr("%s have not applied") % r.waiting)
            item = QListWidgetItem(f"{r.title} – {r.company}: {waiting}. {r.text}")
            item.setData(Qt.ItemDataRole.UserRole, r.course_id)
            self.svu_list.addItem(item)
        self.svu_header.setText(self.tr("SVU applications (%s)") % len(reminders))
        self.svu_loaded.emit()

    def reminder_text(self, overdue: int) -> str | None:
        if overdue == 0:
            return None
        if overdue == 1:
            return self.tr("You have 1 overdue follow-up.")
        return self.tr("You have %s overdue follow-ups.") % overdue

    # -- acting -------------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        company_id = index.data(COMPANY_ID_ROLE)
        if company_id:
            self.open_company.emit(company_id)

    def _tick(self, task_id: str, done: bool) -> None:
        store = self._store

        def written(task) -> None:
            if done:
                self._offer_undo(task.id, task.text)
            self.changed.emit()
            self.reload()

        def write():
            from ...services import outreach

            return outreach.set_task_done(store, task_id, done)

        self._runner.run(write, on_done=written)

    # -- undoing a tick -----------------------------------------------------------------------
    def _offer_undo(self, task_id: str, text: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow) and self.undo_notice.parent() is self:
            # Into the status bar, left of the permanent widgets: messages never cover it.
            window.statusBar().insertPermanentWidget(0, self.undo_notice)
        self._undo_task = task_id
        self.undo_notice.offer(self.tr("Done: «%s».") % text)
        self.undo_action.setEnabled(True)

    def undo_tick(self) -> None:
        """Reopens the task the last tick marked done: an ordinary edit through the
        services, so it syncs like any other."""
        task_id, self._undo_task = self._undo_task, None
        self.undo_notice.dismiss()
        self.undo_action.setEnabled(False)
        if task_id is None:
            return
        store = self._store

        def write():
            from ...services import outreach

            return outreach.set_task_done(store, task_id, False)

        def written(_task) -> None:
            self.changed.emit()
            self.reload()

        self._runner.run(write, on_done=written)
