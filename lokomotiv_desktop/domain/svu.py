"""The SVU window: a participant may apply for SVU (statens voksenuddannelsesstøtte) no
earlier than 13 weeks and no later than 3 weeks before the course starts (courses.json).
Both ends are inclusive; Oversigt reminds while the window is open and again in its last
week."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .course_catalog import catalog
from .danish_format import field_date


@dataclass(frozen=True)
class SvuWindow:
    earliest: date  # start - 13 weeks: the first day an application can be sent
    latest: date  # start - 3 weeks: the last day
    remind_days: int = 7

    def state(self, today: date) -> str:
        """"not_yet" | "open" | "closing" (open, at most remind_days left) | "closed"."""
        if today < self.earliest:
            return "not_yet"
        if today > self.latest:
            return "closed"
        if (self.latest - today).days <= self.remind_days:
            return "closing"
        return "open"

    def reminder(self, today: date) -> str | None:
        state = self.state(today)
        deadline = field_date(self.latest)
        if state == "open":
            return f"SVU-ansøgning kan sendes nu (senest {deadline})."
        if state == "closing":
            days = (self.latest - today).days
            when = {0: "i dag", 1: "i morgen"}.get(days, f"om {days} dage")
            return f"SVU: fristen er {when} ({deadline})."
        return None


def svu_window(start: date, earliest_weeks: int | None = None,
               latest_weeks: int | None = None, remind_days: int | None = None) -> SvuWindow:
    """The window for a course starting on `start`; the weeks default to courses.json."""
    cat = catalog()
    earliest_weeks = cat.svu_earliest_weeks if earliest_weeks is None else earliest_weeks
    latest_weeks = cat.svu_latest_weeks if latest_weeks is None else latest_weeks
    remind_days = cat.svu_remind_days if remind_days is None else remind_days
    return SvuWindow(start - timedelta(weeks=earliest_weeks),
                     start - timedelta(weeks=latest_weeks), remind_days)
