"""The lesson calendar: the weekly pattern skips Danish holidays, the days schools close,
the company's closed days and weeks; hand-made cancels and moves apply on top."""
from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from lokomotiv_desktop.domain.course_calendar import (
    Change,
    Slot,
    build_calendar,
    format_closed_weeks,
    lesson_day_text,
    parse_closed_days,
    parse_closed_weeks,
    parse_pattern,
    parse_time_span,
    parse_weekdays,
    pattern_from_json,
    pattern_to_json,
    time_span_text,
)
from lokomotiv_desktop.domain.validation import ValidationError

# Easter Sunday from an almanac, not from the code under test.
EASTER = {2023: date(2023, 4, 9), 2024: date(2024, 3, 31), 2025: date(2025, 4, 20),
          2026: date(2026, 4, 5), 2027: date(2027, 3, 28)}
WEEKDAYS_ALL = parse_pattern("man-fre", "08:00-10:30")
MON_THU = parse_pattern("man,tor", "08:00-10:30")


def error_of(function, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        function(*args, **kwargs)
    return caught.value


def skipped_of(calendar) -> dict[date, str]:
    return {s.date: s.reason for s in calendar.skipped}


@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_easter_ascension_and_whitsun_are_skipped_with_their_danish_names(year):
    easter = EASTER[year]
    calendar = build_calendar(easter - timedelta(days=10), WEEKDAYS_ALL, lessons=50)
    expected = {
        easter - timedelta(days=3): "Skærtorsdag",
        easter - timedelta(days=2): "Langfredag",
        easter + timedelta(days=1): "2. påskedag",
        easter + timedelta(days=39): "Kristi himmelfartsdag",
        easter + timedelta(days=50): "2. pinsedag",
    }
    skipped = skipped_of(calendar)
    assert {d: skipped.get(d) for d in expected} == expected
    lesson_dates = {lesson.date for lesson in calendar.lessons}
    assert not lesson_dates & set(expected)
    assert len(calendar.lessons) == 50  # skipped days do not count


def test_store_bededag_is_a_holiday_in_2023_and_not_from_2024():
    bededag_2023 = EASTER[2023] + timedelta(days=26)  # the fourth Friday after Easter
    bededag_2024 = EASTER[2024] + timedelta(days=26)
    friday = (Slot(4, time(8), time(10)),)
    in_2023 = build_calendar(bededag_2023 - timedelta(days=7), friday, lessons=2)
    assert skipped_of(in_2023) == {bededag_2023: "Store bededag"}
    assert [lesson.date for lesson in in_2023.lessons] == [
        bededag_2023 - timedelta(days=7), bededag_2023 + timedelta(days=7)]
    in_2024 = build_calendar(bededag_2024, friday, lessons=1)
    assert in_2024.skipped == [] and in_2024.first == bededag_2024


def test_days_schools_close_without_being_holidays_are_skipped():
    # 5 June 2026 is a Friday; juleaftensdag and nytårsaftensdag: see the year-end test.
    calendar = build_calendar(date(2026, 6, 1), WEEKDAYS_ALL, lessons=5)
    assert skipped_of(calendar) == {date(2026, 6, 5): "Grundlovsdag"}
    assert calendar.last == date(2026, 6, 8)


def test_closed_weeks_across_a_year_end_with_week_53():
    # 2026 has an ISO week 53 (28.12.2026-3.1.2027); "52-1" closes 21.12.2026 to 10.1.2027.
    calendar = build_calendar(date(2026, 12, 1), MON_THU, lessons=6,
                              closed_weeks=parse_closed_weeks("52-1"))
    assert [lesson.date for lesson in calendar.lessons] == [
        date(2026, 12, 3), date(2026, 12, 7), date(2026, 12, 10), date(2026, 12, 14),
        date(2026, 12, 17), date(2027, 1, 11)]
    assert skipped_of(calendar) == {
        date(2026, 12, 21): "lukket uge 52", date(2026, 12, 24): "Juleaftensdag",
        date(2026, 12, 28): "lukket uge 53", date(2026, 12, 31): "Nytårsaftensdag",
        date(2027, 1, 4): "lukket uge 1", date(2027, 1, 7): "lukket uge 1"}


def test_closed_weeks_apply_in_every_year_and_closed_days_once():
    calendar = build_calendar(date(2027, 10, 11), MON_THU, lessons=4, closed_weeks=(42,),
                              closed_days=parse_closed_days("21.10.2027"))
    assert skipped_of(calendar) == {
        date(2027, 10, 18): "lukket uge 42", date(2027, 10, 21): "lukket dag"}
    assert [lesson.date for lesson in calendar.lessons] == [
        date(2027, 10, 11), date(2027, 10, 14), date(2027, 10, 25), date(2027, 10, 28)]


def test_lessons_count_or_hours_total():
    by_count = build_calendar(date(2027, 3, 22), MON_THU, lessons=16)
    assert len(by_count.held) == 16 and by_count.hours == 40.0
    exact = build_calendar(date(2027, 3, 22), MON_THU, hours=40)
    assert exact.lessons == by_count.lessons
    over = build_calendar(date(2027, 3, 22), MON_THU, hours=41)
    assert len(over.lessons) == 17 and over.hours == 42.5  # at least the hours asked for
    with pytest.raises(ValueError):
        build_calendar(date(2027, 3, 22), MON_THU)
    with pytest.raises(ValueError):
        build_calendar(date(2027, 3, 22), MON_THU, lessons=4, hours=10)
    assert "mindst 1" in error_of(build_calendar, date(2027, 3, 22), MON_THU, lessons=0).message


def test_different_times_per_weekday():
    slots = (Slot(0, time(8), time(10)), Slot(2, time(12), time(15, 30)))
    calendar = build_calendar(date(2027, 8, 2), slots, lessons=2)
    assert [(lesson.date, lesson.hours) for lesson in calendar.lessons] == [
        (date(2027, 8, 2), 2.0), (date(2027, 8, 4), 3.5)]
    assert pattern_from_json(pattern_to_json(reversed(slots))) == slots


def test_cancel_keeps_the_lesson_as_aflyst_and_move_says_from_where():
    changes = [Change(date(2027, 3, 22), cancelled=True, reason="Lærer syg"),
               Change(date(2027, 4, 1), new_date=date(2027, 4, 2)),
               Change(date(2027, 4, 5), start=time(9), end=time(11, 30))]
    calendar = build_calendar(date(2027, 3, 22), MON_THU, lessons=4, changes=changes)
    assert [(x.date, x.status, x.note) for x in calendar.lessons] == [
        (date(2027, 3, 22), "aflyst", "aflyst: Lærer syg"),
        (date(2027, 4, 2), "flyttet", "flyttet fra 1.4.2027"),
        (date(2027, 4, 5), "flyttet", "flyttet fra kl. 08.00"),
        (date(2027, 4, 8), "planlagt", "")]
    assert calendar.lessons[1].original == date(2027, 4, 1)
    assert len(calendar.held) == 3 and calendar.hours == 7.5  # not replaced
    assert calendar.first == date(2027, 4, 2) and calendar.last == date(2027, 4, 8)
    assert calendar.unfit == []


def test_a_move_whose_lesson_the_new_pattern_no_longer_has_is_unfit():
    move = Change(date(2027, 3, 22), new_date=date(2027, 3, 23), reason="kantinen optaget")
    before = build_calendar(date(2027, 3, 22), MON_THU, lessons=4, changes=[move])
    assert before.lessons[0].note == "flyttet fra 22.3.2027: kantinen optaget"
    after = build_calendar(date(2027, 3, 22), parse_pattern("tir,tor", "8-10.30"), lessons=4,
                           changes=[move])
    assert after.unfit == [move]
    assert all(lesson.status == "planlagt" for lesson in after.lessons)


def test_a_pattern_whose_every_day_is_closed_stops_with_a_danish_error():
    error = error_of(build_calendar, date(2027, 1, 4), WEEKDAYS_ALL, lessons=1,
                     closed_weeks=range(1, 54))
    assert error.field == "pattern" and "5 år" in error.message
    assert error_of(build_calendar, date(2027, 1, 4), (), lessons=1).field == "weekdays"


def test_parse_weekdays_accepts_danish_names_and_abbreviations():
    assert parse_weekdays("man,tor") == (0, 3)
    assert parse_weekdays("Mandag, TORS.") == (0, 3)
    assert parse_weekdays("tirsdag fre lør søn") == (1, 4, 5, 6)
    assert parse_weekdays("man-ons") == (0, 1, 2)
    assert parse_weekdays("loer, son") == (5, 6)


@pytest.mark.parametrize("text, words", [
    ("", "mangler"), ("man,xyz", "Ukendt ugedag «xyz»"), ("man,mandag", "to gange"),
    ("fre-man", "baglæns")])
def test_parse_weekdays_bad_input(text, words):
    error = error_of(parse_weekdays, text)
    assert error.field == "weekdays" and words in error.message


def test_parse_time_span_forms():
    expected = (time(8), time(10, 30))
    for text in ("08:00-10:30", "8-10.30", "08.00–10.30", "kl. 8.00 - 10:30"):
        assert parse_time_span(text) == expected


@pytest.mark.parametrize("text, words", [
    ("", "mangler"), ("otte til ti", "ikke et tidsrum"), ("25:00-26:00", "ikke et klokkeslæt"),
    ("10:30-08:00", "efter starttidspunktet"), ("8-8", "efter starttidspunktet")])
def test_parse_time_span_bad_input(text, words):
    error = error_of(parse_time_span, text)
    assert error.field == "time" and words in error.message


def test_pattern_json_is_compact_and_sorted():
    text = pattern_to_json(parse_pattern("tor,man", "08:00-10:30"))
    assert text == ('[{"weekday":0,"start":"08:00","end":"10:30"},'
                    '{"weekday":3,"start":"08:00","end":"10:30"}]')
    assert pattern_from_json(text) == MON_THU
    assert error_of(pattern_from_json, "[{").field == "pattern"


def test_closed_weeks_parse_and_format():
    assert parse_closed_weeks("29-31,42") == (29, 30, 31, 42)
    assert parse_closed_weeks("uge 29–31; uge 42") == (29, 30, 31, 42)
    assert parse_closed_weeks("52-2") == (52, 53, 1, 2)
    assert parse_closed_weeks("") == ()
    assert format_closed_weeks((29, 30, 31, 42)) == "29-31, 42"
    assert format_closed_weeks(parse_closed_weeks("52-2, 29-31")) == "29-31, 52-2"
    assert format_closed_weeks(()) == ""


@pytest.mark.parametrize("text, words", [
    ("0", "Uge 0 findes ikke"), ("29-54", "Uge 54 findes ikke"), ("uge x", "«x»")])
def test_closed_weeks_bad_input(text, words):
    error = error_of(parse_closed_weeks, text)
    assert error.field == "closed_weeks" and words in error.message


def test_closed_days_iso_or_danish():
    assert parse_closed_days("2027-05-14,14.5.2027, 1.6.2027") == (
        date(2027, 5, 14), date(2027, 6, 1))
    assert parse_closed_days("") == ()
    for bad in ("31.2.2027", "14/5", "i morgen"):
        error = error_of(parse_closed_days, bad)
        assert error.field == "closed_days" and "ikke en dato" in error.message


def test_print_texts_are_danish():
    assert lesson_day_text(date(2027, 3, 22)) == "mandag 22. marts 2027"
    assert time_span_text(time(8), time(10, 30)) == "08.00–10.30"
