"""Hold: every course with its company, provider, dates, hours and how full it is; filter
by text and status, plan a new course or open one."""
from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import course_catalog as catalog
from ...store.database import Store
from ..models.courses_model import COL_TITLE, CoursesModel
from ..tasks import TaskRunner


class CoursesPage(QWidget):
    changed = Signal()  # a course saved or changed from here

    def __init__(self, store: Store, runner: TaskRunner | None, parent=None):
        super().__init__(parent)
        self._store, self._runner = store, runner
        self.dialog = None  # the form or course view open from here
        self.model = CoursesModel(store, runner, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search course, company or provider"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("All statuses"), None)
        for choice in catalog.catalog().course_statuses.items:
            self.status.addItem(choice.label, choice.code)
        self.new_button = QPushButton(self.tr("New course …"))
        self.open_button = QPushButton(self.tr("Open"))
        self.count_label = QLabel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((190, 200, 150, 90, 90, 60, 90)):
            header.resizeSection(column, width)

        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.status, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self.apply_filters)
        self.search.returnPressed.connect(self.open_current)
        self.status.currentIndexChanged.connect(self.apply_filters)
        self.table.activated.connect(lambda index: self.open_course(
            self.model.id_at(index.row())))
        self.open_button.clicked.connect(self.open_current)
        self.new_button.clicked.connect(self.new_course)
        self.model.loaded.connect(self._show_count)

    def reload(self) -> None:
        self.model.refresh()

    def apply_filters(self) -> None:
        self.model.set_filter(self.search.text(), self.status.currentData())

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%s courses") % QLocale().toString(
            self.model.rowCount()))
        self.open_button.setEnabled(self.model.rowCount() > 0)
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, COL_TITLE))

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def open_current(self):
        return self.open_course(self.current_id())

    def _track(self, dialog):
        self.dialog = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        return dialog

    def _forget(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _changed(self, *_args) -> None:
        self.reload()
        self.changed.emit()

    def new_course(self, company_id: str | None = None):
        from ..dialogs.course_form import CourseForm

        form = CourseForm(self._store, self._runner, company_id=company_id, parent=self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(self._changed)
        form.saved.connect(lambda saved: self.open_course(saved.course.id))
        form.open()
        return self._track(form)

    def open_course(self, course_id: str | None):
        if not course_id:
            return None
        from ..dialogs.course_view import CourseView

        view = CourseView(self._store, self._runner, course_id, parent=self)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.changed.connect(self._changed)
        view.open()
        return self._track(view)
