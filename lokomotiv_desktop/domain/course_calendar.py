"""The lesson calendar of a course (hold): the weekly pattern walked from the start date,
skipping Danish public holidays (the `holidays` package), the days schools close anyway
(courses.json) and the company's closed days and ISO weeks; then the hand-made changes
(cancel, move) applied on top. Pure: the same input gives the same calendar.

The parse_* functions read what a consultant types and raise ValidationError in Danish.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from functools import lru_cache

import holidays

from .course_catalog import catalog
from .danish_format import WEEKDAYS, field_date, long_date
from .screening_catalog import add_years, choice_keys
from .validation import ValidationError

WEEKDAY_CODES = ("man", "tir", "ons", "tor", "fre", "lør", "søn")
# A course longer than this is a typing error or a pattern with no open day.
MAX_YEARS = 5

_WEEKDAY_KEYS: dict[str, int] = {}
for _number, _names in enumerate(zip(WEEKDAY_CODES, WEEKDAYS, strict=True)):
    for _name in (*_names, _names[1][:4]):  # "tors", "tirs", "onsd" ...
        for _key in choice_keys(_name):
            _WEEKDAY_KEYS.setdefault(_key, _number)


@dataclass(frozen=True)
class Slot:
    """One weekday of the weekly pattern."""
    weekday: int  # 0 = Monday
    start: time
    end: time

    @property
    def hours(self) -> float:
        return _hours(self.start, self.end)


@dataclass(frozen=True)
class Change:
    """A hand-made change of one generated lesson (stored as a `lesson` row)."""
    original: date  # the generated date it changes (its identity)
    cancelled: bool = False
    reason: str = ""
    new_date: date | None = None
    start: time | None = None
    end: time | None = None


@dataclass(frozen=True)
class Lesson:
    date: date
    start: time
    end: time
    status: str  # "planlagt" | "flyttet" | "aflyst"
    original: date
    note: str = ""

    @property
    def hours(self) -> float:
        return _hours(self.start, self.end)


@dataclass(frozen=True)
class Skipped:
    date: date
    reason: str


@dataclass
class Calendar:
    lessons: list[Lesson] = field(default_factory=list)  # date order, cancelled included
    skipped: list[Skipped] = field(default_factory=list)
    unfit: list[Change] = field(default_factory=list)

    @property
    def held(self) -> list[Lesson]:
        return [lesson for lesson in self.lessons if lesson.status != "aflyst"]

    @property
    def hours(self) -> float:
        return sum(lesson.hours for lesson in self.held)

    @property
    def first(self) -> date | None:
        held = self.held
        return held[0].date if held else None

    @property
    def last(self) -> date | None:
        held = self.held
        return held[-1].date if held else None


def _hours(start: time, end: time) -> float:
    return ((end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)) / 60


# Parsing --------------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[,;/\s]+")
_DASHES = re.compile(r"\s*[-–—]\s*")


def _weekday(word: str) -> int:
    found = next((_WEEKDAY_KEYS[k] for k in choice_keys(word.rstrip(".")) if k in _WEEKDAY_KEYS),
                 None)
    if found is None:
        raise ValidationError(
            "weekdays", f"Ukendt ugedag «{word}»; skriv fx man,tor ({', '.join(WEEKDAY_CODES)}).")
    return found


def parse_weekdays(text: str) -> tuple[int, ...]:
    """"man,tor" -> (0, 3); "mandag tirsdag" and "man-ons" too."""
    words = [w for w in _SEPARATORS.split(_DASHES.sub("-", text or "").strip()) if w]
    if not words:
        raise ValidationError("weekdays", "Ugedage mangler; skriv fx man,tor.")
    days: list[int] = []
    for word in words:
        ends = word.split("-")
        if len(ends) == 2 and all(ends):
            first, last = _weekday(ends[0]), _weekday(ends[1])
            if last < first:
                raise ValidationError(
                    "weekdays", f"«{word}» går baglæns; skriv fx man-ons.")
            found = list(range(first, last + 1))
        else:
            found = [_weekday(word)]
        for day in found:
            if day in days:
                raise ValidationError("weekdays", f"{WEEKDAYS[day].capitalize()} står to gange.")
            days.append(day)
    return tuple(sorted(days))


_CLOCK = r"(\d{1,2})(?:[:.](\d{2}))?"
_SPAN = re.compile(rf"(?:kl\.?\s*)?{_CLOCK}\s*[-–—]\s*(?:kl\.?\s*)?{_CLOCK}", re.IGNORECASE)


def _clock(hour: str, minute: str | None, text: str) -> time:
    h, m = int(hour), int(minute or 0)
    if h > 23 or m > 59:
        raise ValidationError("time", f"«{text}» er ikke et klokkeslæt; skriv fx 08:00-10:30.")
    return time(h, m)


def parse_time_span(text: str) -> tuple[time, time]:
    """"08:00-10:30", "8-10.30", "08.00–10.30" -> (08:00, 10:30)."""
    raw = (text or "").strip()
    if not raw:
        raise ValidationError("time", "Tidsrum mangler; skriv fx 08:00-10:30.")
    match = _SPAN.fullmatch(raw)
    if not match:
        raise ValidationError("time", f"«{raw}» er ikke et tidsrum; skriv fx 08:00-10:30.")
    start = _clock(match[1], match[2], raw)
    end = _clock(match[3], match[4], raw)
    if end <= start:
        raise ValidationError(
            "time", f"Sluttidspunktet skal ligge efter starttidspunktet: «{raw}».")
    return start, end


def parse_pattern(weekdays: str, span: str) -> tuple[Slot, ...]:
    """The same time span on each of the weekdays."""
    start, end = parse_time_span(span)
    return tuple(Slot(day, start, end) for day in parse_weekdays(weekdays))


def pattern_to_json(slots: Iterable[Slot]) -> str:
    return json.dumps(
        [{"weekday": s.weekday, "start": s.start.strftime("%H:%M"), "end": s.end.strftime("%H:%M")}
         for s in sorted(slots, key=lambda s: (s.weekday, s.start))],
        separators=(",", ":"))


def pattern_from_json(text: str) -> tuple[Slot, ...]:
    try:
        rows = json.loads(text or "[]")
        slots = tuple(Slot(int(r["weekday"]), time.fromisoformat(r["start"]),
                           time.fromisoformat(r["end"])) for r in rows)
    except (ValueError, TypeError, KeyError) as error:
        raise ValidationError("pattern", f"Ugemønsteret kan ikke læses: {error}.") from None
    for slot in slots:
        if not 0 <= slot.weekday <= 6 or slot.end <= slot.start:
            raise ValidationError("pattern", f"Ugemønsteret har en ugyldig dag: {slot}.")
    return tuple(sorted(slots, key=lambda s: (s.weekday, s.start)))


def parse_closed_weeks(text: str) -> tuple[int, ...]:
    """"29-31,42" -> (29, 30, 31, 42); "52-2" wraps the year end -> (52, 53, 1, 2)."""
    raw = re.sub(r"\buger?\b", " ", (text or "").casefold())
    weeks: list[int] = []
    for word in (w for w in _SEPARATORS.split(_DASHES.sub("-", raw).strip()) if w):
        match = re.fullmatch(r"(\d{1,2})(?:-(\d{1,2}))?", word)
        if not match:
            raise ValidationError(
                "closed_weeks", f"«{word}» er ikke et ugenummer; skriv fx 29-31, 42.")
        first = int(match[1])
        last = int(match[2]) if match[2] else first
        for week in (first, last):
            if not 1 <= week <= 53:
                raise ValidationError(
                    "closed_weeks", f"Uge {week} findes ikke; ugenumre går fra 1 til 53.")
        span = range(first, last + 1) if first <= last else [*range(first, 54), *range(1, last + 1)]
        weeks.extend(w for w in span if w not in weeks)
    return tuple(weeks)


def format_closed_weeks(weeks: Iterable[int]) -> str:
    """(29, 30, 31, 42) -> "29-31, 42"; a run across the year end stays "52-2"."""
    ranges: list[list[int]] = []
    for week in sorted(set(weeks)):
        if ranges and week == ranges[-1][1] + 1:
            ranges[-1][1] = week
        else:
            ranges.append([week, week])
    if len(ranges) > 1 and ranges[0][0] == 1 and ranges[-1][1] == 53:
        ranges[-1][1] = ranges.pop(0)[1]
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges)


def parse_closed_days(text: str) -> tuple[date, ...]:
    """"2027-05-14, 14.5.2027" -> the dates (ISO or Danish d.m.yyyy), sorted, once each."""
    days: set[date] = set()
    for word in (w for w in _SEPARATORS.split((text or "").strip()) if w):
        iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", word)
        danish = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", word)
        try:
            if iso:
                days.add(date(int(iso[1]), int(iso[2]), int(iso[3])))
            elif danish:
                days.add(date(int(danish[3]), int(danish[2]), int(danish[1])))
            else:
                raise ValueError
        except ValueError:
            raise ValidationError(
                "closed_days", f"«{word}» er ikke en dato; skriv fx 14.5.2027 eller 2027-05-14."
            ) from None
    return tuple(sorted(days))


# Printing -------------------------------------------------------------------------------

def lesson_day_text(d: date) -> str:
    """"mandag 22. marts 2027"."""
    return long_date(d)


def _clock_text(t: time) -> str:
    return f"{t.hour:02d}.{t.minute:02d}"


def time_span_text(start: time, end: time) -> str:
    """"08.00–10.30": Danish dot, en-dash."""
    return f"{_clock_text(start)}–{_clock_text(end)}"


# The calendar ---------------------------------------------------------------------------

@lru_cache(maxsize=64)
def closed_days_of_year(year: int) -> dict[date, str]:
    """Public holidays and the days schools close anyway, with their Danish names."""
    found = {day: _short_name(name) for day, name in
             holidays.country_holidays("DK", years=year, language="da").items()}
    for extra in catalog().school_closed_days:
        try:
            found.setdefault(date(year, extra.month, extra.day), extra.name)
        except ValueError:  # 29 February in a common year
            pass
    return found


def _short_name(name: str) -> str:
    # The package writes "Anden påskedag"; calendars and schools write "2. påskedag".
    return re.sub(r"^Anden ", "2. ", name)


def build_calendar(start: date, slots: Sequence[Slot], *, lessons: int | None = None,
                   hours: float | None = None, closed_weeks: Iterable[int] = (),
                   closed_days: Iterable[date] = (),
                   changes: Iterable[Change] = ()) -> Calendar:
    """Exactly one of `lessons` (a number of lessons) or `hours` (lessons until their hours
    reach at least this) says how long the course runs; cancelled lessons are not replaced."""
    if (lessons is None) == (hours is None):
        raise ValueError("build_calendar needs exactly one of lessons or hours")
    if lessons is not None and lessons < 1:
        raise ValidationError("lessons", f"Antal lektioner skal være mindst 1, ikke {lessons}.")
    if hours is not None and not hours > 0:
        raise ValidationError("hours", "Antal timer skal være mere end 0.")
    by_weekday = {slot.weekday: slot for slot in slots}
    if not by_weekday:
        raise ValidationError("weekdays", "Ugedage mangler; skriv fx man,tor.")
    weeks = frozenset(closed_weeks)
    company_days = frozenset(closed_days)
    generated: list[Lesson] = []
    skipped: list[Skipped] = []
    total = 0.0
    # Week by week, so the ISO week is looked up once per week and only the pattern's
    # days are visited (the Hold page builds the calendars of every course).
    ordered = [(by_weekday[d], timedelta(days=d), by_weekday[d].hours) for d in sorted(by_weekday)]
    monday, limit = start - timedelta(days=start.weekday()), add_years(start, MAX_YEARS)
    one_week = timedelta(weeks=1)

    def done() -> bool:
        return len(generated) >= lessons if lessons is not None else total >= hours - 1e-9

    while not done():
        if monday > limit:
            raise ValidationError(
                "pattern", f"Ugemønsteret giver ikke nok lektioner inden for {MAX_YEARS} år "
                           f"fra {field_date(start)}; tjek ugedage, lukkede uger og dage.")
        week = monday.isocalendar().week if weeks else 0
        for slot, offset, slot_hours in ordered:
            day = monday + offset
            if day < start:
                continue
            reason = _why_closed(day, week if week in weeks else 0, company_days)
            if reason:
                skipped.append(Skipped(day, reason))
                continue
            generated.append(Lesson(day, slot.start, slot.end, "planlagt", day))
            total += slot_hours
            if done():
                break
        monday += one_week
    return _apply(generated, skipped, changes)


def _why_closed(day: date, closed_week: int, company_days: frozenset[date]) -> str:
    """Why a pattern day has no lesson ("" when it has one); closed_week: the day's ISO
    week when that week is closed, else 0."""
    holiday = closed_days_of_year(day.year).get(day)
    if holiday:
        return holiday
    if day in company_days:
        return "lukket dag"
    if closed_week:
        return f"lukket uge {closed_week}"
    return ""


def _apply(generated: list[Lesson], skipped: list[Skipped],
           changes: Iterable[Change]) -> Calendar:
    by_original = {lesson.original: lesson for lesson in generated}
    latest: dict[date, Change] = {}
    unfit: list[Change] = []
    for change in changes:
        if change.original in by_original:
            latest[change.original] = change  # the last change of a lesson wins
        else:
            unfit.append(change)
    result = [_changed(lesson, latest[lesson.original]) if lesson.original in latest else lesson
              for lesson in generated]
    result.sort(key=lambda lesson: (lesson.date, lesson.start, lesson.original))
    return Calendar(result, skipped, unfit)


def _changed(lesson: Lesson, change: Change) -> Lesson:
    if change.cancelled:
        note = f"aflyst: {change.reason}" if change.reason.strip() else "aflyst"
        return Lesson(lesson.date, lesson.start, lesson.end, "aflyst", lesson.original, note)
    new_date = change.new_date or lesson.date
    start, end = change.start or lesson.start, change.end or lesson.end
    if (new_date, start, end) == (lesson.date, lesson.start, lesson.end):
        return lesson
    if new_date != lesson.date:
        note = f"flyttet fra {field_date(lesson.date)}"
    else:
        note = f"flyttet fra kl. {_clock_text(lesson.start)}"
    if change.reason.strip():
        note += f": {change.reason.strip()}"
    return Lesson(new_date, start, end, "flyttet", lesson.original, note)

