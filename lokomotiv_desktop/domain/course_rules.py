"""The checks of course planning, as Danish messages: hours against the usual hours per
trin, class size (OBU is a hard limit), a participant on two courses at once, a teacher or a
place booked twice, and an enrolment without a screening. They return messages; the caller
decides whether a message is an error that stops a save or a warning that is shown."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .course_calendar import Lesson, lesson_day_text, time_span_text
from .course_catalog import catalog


@dataclass(frozen=True)
class Booking:
    """One course's held lessons, for overlap checks."""
    course_id: str
    title: str  # "FVU-læsning, trin 2 (Horsens Stål A/S)"
    lessons: Sequence[Lesson]
    teacher: str = ""
    place: str = ""


def danish_number(value: float) -> str:
    """42.5 -> "42,5", 40.0 -> "40": hours as Danes write them."""
    rounded = round(value, 2)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.2f}".rstrip("0").replace(".", ",")


def hours_warning(hours: float, subject: str, low: float | None = None,
                  high: float | None = None) -> str | None:
    """A warning when the total hours lie outside the usual range (courses.json)."""
    cat = catalog()
    low = cat.hours_min if low is None else low
    high = cat.hours_max if high is None else high
    if low <= hours <= high:
        return None
    has_trin = subject in {s.code for s in cat.subjects if s.trin}
    what = "et trin" if has_trin or subject not in {s.code for s in cat.subjects} \
        else f"et hold i {cat.subject_label(subject)}"
    return (f"Holdet har {danish_number(hours)} timer; {what} tager normalt "
            f"{danish_number(low)}–{danish_number(high)} timer.")


def class_size_problem(count: int, subject: str, max_size: int,
                       obu_max: int) -> tuple[str, str] | None:
    """("error", text) when an OBU class is over its limit, ("warning", text) above the
    agreed size, else None."""
    if subject == "obu" and count > obu_max:
        return ("error", f"OBU-hold må højst have {obu_max} deltagere; holdet har {count}.")
    if count > max_size:
        return ("warning", f"Holdet har {count} deltagere; den aftalte holdstørrelse er "
                           f"højst {max_size}.")
    return None


def _held(lessons: Iterable[Lesson]) -> list[Lesson]:
    return [lesson for lesson in lessons if lesson.status != "aflyst"]


def overlapping(a: Sequence[Lesson], b: Sequence[Lesson]) -> list[tuple[Lesson, Lesson]]:
    """Held lessons on the same date whose times overlap; 08-10 and 10-12 do not."""
    by_date: dict = {}
    for lesson in _held(b):
        by_date.setdefault(lesson.date, []).append(lesson)
    pairs = []
    for mine in _held(a):
        for theirs in by_date.get(mine.date, ()):
            if mine.start < theirs.end and theirs.start < mine.end:
                pairs.append((mine, theirs))
    pairs.sort(key=lambda pair: (pair[0].date, pair[0].start))
    return pairs


def _when(lesson: Lesson) -> str:
    return f"{lesson_day_text(lesson.date)} {time_span_text(lesson.start, lesson.end)}"


def _first_clash(course: Booking, other: Booking) -> Lesson | None:
    if other.course_id == course.course_id:
        return None
    pairs = overlapping(course.lessons, other.lessons)
    return pairs[0][1] if pairs else None


def participant_clash(name: str, course: Booking, others: Iterable[Booking]) -> str | None:
    """An error naming the other course and the first date the two meet at the same time."""
    clashes = [(lesson, other) for other in others
               if (lesson := _first_clash(course, other)) is not None]
    if not clashes:
        return None
    lesson, other = min(clashes, key=lambda item: (item[0].date, item[0].start))
    return f"{name} går allerede på {other.title} {_when(lesson)}."


def _same_person(a: str, b: str) -> bool:
    first, second = " ".join(a.split()).casefold(), " ".join(b.split()).casefold()
    return bool(first) and first == second


def double_bookings(course: Booking, others: Iterable[Booking]) -> list[str]:
    """Warnings: the same teacher or the same place at overlapping times."""
    warnings = []
    for other in others:
        same_teacher = _same_person(course.teacher, other.teacher)
        same_place = _same_person(course.place, other.place)
        if not (same_teacher or same_place):
            continue
        lesson = _first_clash(course, other)
        if lesson is None:
            continue
        if same_teacher:
            warnings.append(f"Underviseren {' '.join(course.teacher.split())} underviser også på "
                            f"{other.title} {_when(lesson)}.")
        if same_place:
            warnings.append(f"Stedet «{' '.join(course.place.split())}» er også booket til "
                            f"{other.title} {_when(lesson)}.")
    return warnings


def screening_missing_warning(name: str, subject: str, subject_label: str,
                              screened_subjects: set[str]) -> str | None:
    """A warning when a participant is enrolled without a screening in the subject; for OBU
    the caller puts "obu" in screened_subjects when there is a dyslexia result "ordblind"."""
    if subject in screened_subjects:
        return None
    if subject == "obu":
        return f"{name} har ingen ordblindetest med resultatet ordblind."
    return f"{name} har ingen screening i {subject_label}."
