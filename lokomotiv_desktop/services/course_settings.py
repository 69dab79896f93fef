"""This laptop's course planning settings (Indstillinger → Hold): the class sizes a
suggested class and the size check use, and the usual hours of a trin the hours check
warns outside. Unset, they are the catalogs' (resources/data). Local state, never synced."""
from __future__ import annotations

from dataclasses import dataclass

from ..domain import course_catalog
from ..domain.validation import ValidationError
from ..store.database import Store
from .screenings import class_sizes


@dataclass(frozen=True)
class CourseSettings:
    class_min: int
    class_max: int
    obu_max: int
    hours_min: float
    hours_max: float


def course_settings(store: Store) -> CourseSettings:
    low, high, obu = class_sizes(store)
    data = course_catalog.catalog()
    hours = []
    for key, default in (("hours_min", data.hours_min), ("hours_max", data.hours_max)):
        try:
            hours.append(float(store.get_state(key) or default))
        except ValueError:
            hours.append(default)
    return CourseSettings(low, high, obu, hours[0], hours[1])


def save_course_settings(store: Store, settings: CourseSettings) -> CourseSettings:
    if not 1 <= settings.class_min <= settings.class_max <= 100:
        raise ValidationError("class_min", "Holdstørrelsen skal være mindst 1, og den mindste "
                              "må ikke være større end den største.")
    if not 1 <= settings.obu_max <= 100:
        raise ValidationError("obu_max", "Et OBU-hold skal kunne have mindst 1 deltager.")
    if not 0 < settings.hours_min <= settings.hours_max <= 2000:
        raise ValidationError("hours_min", "Timer pr. trin: det mindste antal skal være over "
                              "0 og ikke større end det største.")
    with store.transaction():
        for key in ("class_min", "class_max", "obu_max", "hours_min", "hours_max"):
            value = getattr(settings, key)
            store.set_state(key, f"{value:g}" if isinstance(value, float) else str(value))
    return course_settings(store)
