"""Indstillinger → Hold: the class sizes suggested classes and the size check use, and the
usual hours of a trin the hours check warns outside (services/course_settings.py)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
)

from ...domain.validation import ValidationError
from ...services.course_settings import CourseSettings, course_settings, save_course_settings
from ...store.database import Store
from ..tasks import TaskRunner
from .error_label import ErrorLabel


class CourseSettingsGroup(QGroupBox):
    def __init__(self, store: Store, runner: TaskRunner, parent=None):
        super().__init__(self.tr("Courses"), parent)
        self.setObjectName("course_settings")
        self._store, self._runner = store, runner
        self.class_min, self.class_max, self.obu_max = (self._spin(1, 100) for _ in range(3))
        self.hours_min, self.hours_max = (self._hours() for _ in range(2))
        self.save_button = QPushButton(self.tr("Save course settings"))
        self.save_button.setObjectName("save_course_settings")
        self.message = ErrorLabel()
        self.saved = QLabel()
        sizes, hours = QHBoxLayout(), QHBoxLayout()
        for row, (low, high) in ((sizes, (self.class_min, self.class_max)),
                                 (hours, (self.hours_min, self.hours_max))):
            row.addWidget(low)
            row.addWidget(QLabel("–"))
            row.addWidget(high)
            row.addStretch(1)
        obu, button = QHBoxLayout(), QHBoxLayout()
        obu.addWidget(self.obu_max)
        obu.addStretch(1)
        button.addWidget(self.save_button)
        button.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Class size"), sizes)
        form.addRow(self.tr("OBU class at most"), obu)
        form.addRow(self.tr("Hours per trin"), hours)
        form.addRow("", button)
        form.addRow("", self.message)
        form.addRow("", self.saved)
        self.save_button.clicked.connect(self.save)
        self._show(course_settings(store))

    @staticmethod
    def _spin(low: int, high: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(low, high)
        return box

    @staticmethod
    def _hours() -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(0.5, 2000)
        box.setDecimals(1)
        box.setSingleStep(5)
        return box

    def _show(self, settings: CourseSettings) -> None:
        self.class_min.setValue(settings.class_min)
        self.class_max.setValue(settings.class_max)
        self.obu_max.setValue(settings.obu_max)
        self.hours_min.setValue(settings.hours_min)
        self.hours_max.setValue(settings.hours_max)

    def save(self) -> None:
        wanted = CourseSettings(self.class_min.value(), self.class_max.value(),
                                self.obu_max.value(), self.hours_min.value(),
                                self.hours_max.value())
        store = self._store

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, ValidationError):
                raise exc
            self.saved.clear()
            self.message.show_message(exc.message)

        def done(settings: CourseSettings) -> None:
            self.message.show_message(None)
            self._show(settings)
            self.saved.setText(self.tr("Saved."))

        self._runner.run(lambda: save_course_settings(store, wanted), on_done=done,
                         on_error=failed)
