"""The .ics export, read back with icalendar."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from lokomotiv_desktop.domain.validation import ValidationError
from lokomotiv_desktop.services import calendar_export, motivation
from lokomotiv_desktop.services import outreach as service

CPH = ZoneInfo("Europe/Copenhagen")


def _events(data: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


@pytest.fixture
def logged(store, company_id, protected_id):
    visit = service.log_visit(store, company_id, date="2026-12-01", time="09:30",
                              kind="første møde", consultant="Anne Holm", notes="Mødt TR",
                              next_step="Send materiale", next_due="2026-12-08").visit
    summer = service.log_visit(store, company_id, date="2026-06-15", time="13:00",
                               kind="opfølgning", consultant="Anne Holm").visit
    session = motivation.log_session(store, company_id, date="2026-12-03", format="pølsevogn",
                                     consultant="Anne Holm", place="Kantinen",
                                     messengers=["tr", "leder"], invited=40)
    other = service.log_visit(store, protected_id, date="2026-12-02", kind="telefonmøde",
                              consultant="Søren Dahl", company_asked=True).visit
    return visit, summer, session, other


def test_consultant_calendar(store, logged):
    visit, summer, session, other = logged
    calendar = Calendar.from_ical(calendar_export.export_ics(store, consultant="Anne Holm"))
    assert str(calendar["X-WR-CALNAME"]) == "Lokomotiv: Anne Holm"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {calendar_export.uid_for(x.id) for x in (visit, summer, session)}
    event = events[calendar_export.uid_for(visit.id)]
    assert str(event["SUMMARY"]) == "Første møde: Vejle Stål A/S"
    start = event.decoded("DTSTART")
    assert start == datetime(2026, 12, 1, 9, 30, tzinfo=CPH)
    assert start.utcoffset() == timedelta(hours=1)  # winter time
    assert event.decoded("DTEND") - start == timedelta(hours=1)
    assert "Næste skridt: Send materiale (frist 8.12.2026)" in str(event["DESCRIPTION"])
    assert str(event["LOCATION"]) == "Havnegade 4, 7100 Vejle"
    assert events[calendar_export.uid_for(summer.id)].decoded("DTSTART").utcoffset() == \
        timedelta(hours=2)  # summer time
    all_day = events[calendar_export.uid_for(session.id)]
    assert all_day.decoded("DTSTART") == date(2026, 12, 3)  # no time: an all-day event
    assert str(all_day["LOCATION"]) == "Kantinen"
    assert "Budbringere: TR, Leder" in str(all_day["DESCRIPTION"])


def test_company_calendar_and_stable_uids(store, company_id, logged):
    first = _events(calendar_export.export_ics(store, company_id=company_id))
    visit = logged[0]
    service.update_visit(store, visit.id, time="10:00")
    second = _events(calendar_export.export_ics(store, company_id=company_id))
    assert set(first) == set(second) and len(second) == 3  # the other company's is absent
    moved = second[calendar_export.uid_for(visit.id)]
    assert moved.decoded("DTSTART") == datetime(2026, 12, 1, 10, 0, tzinfo=CPH)


def test_deleted_visits_leave_the_calendar(store, company_id, logged):
    service.delete_visit(store, logged[0].id)
    events = _events(calendar_export.export_ics(store, company_id=company_id))
    assert calendar_export.uid_for(logged[0].id) not in events


def test_exactly_one_of_consultant_or_company(store, company_id):
    with pytest.raises(ValidationError, match="enten én konsulent eller én virksomhed"):
        calendar_export.export_ics(store)
    with pytest.raises(ValidationError):
        calendar_export.export_ics(store, consultant="A", company_id=company_id)
    empty = Calendar.from_ical(calendar_export.export_ics(store, consultant="Ingen"))
    assert empty.walk("VEVENT") == []
