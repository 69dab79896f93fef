"""The checks of course planning and the course catalog's labels and parsing."""
from __future__ import annotations

from datetime import date, time

import pytest

from lokomotiv_desktop.domain import course_catalog
from lokomotiv_desktop.domain.course_calendar import Lesson, build_calendar, parse_pattern
from lokomotiv_desktop.domain.course_rules import (
    Booking,
    class_size_problem,
    danish_number,
    double_bookings,
    hours_warning,
    overlapping,
    participant_clash,
    screening_missing_warning,
)
from lokomotiv_desktop.domain.validation import ValidationError

MONDAY = date(2027, 3, 22)


def lesson(day: date, start: str, end: str, status: str = "planlagt") -> Lesson:
    return Lesson(day, time.fromisoformat(start), time.fromisoformat(end), status, day)


def booking(course_id: str, title: str, lessons, teacher: str = "", place: str = "") -> Booking:
    return Booking(course_id, title, lessons, teacher, place)


def test_hours_warning_outside_the_usual_range_in_danish_numbers():
    assert hours_warning(24, "læsning") == (
        "Holdet har 24 timer; et trin tager normalt 30–60 timer.")
    assert hours_warning(62.5, "matematik") == (
        "Holdet har 62,5 timer; et trin tager normalt 30–60 timer.")
    assert hours_warning(30, "læsning") is None and hours_warning(60, "læsning") is None
    assert hours_warning(42.5, "læsning", low=20, high=40) == (
        "Holdet har 42,5 timer; et trin tager normalt 20–40 timer.")
    assert "et hold i OBU (ordblindeundervisning)" in hours_warning(10, "obu")
    assert danish_number(2.25) == "2,25" and danish_number(40.0) == "40"


def test_class_size_obu_is_an_error_and_above_the_agreed_size_a_warning():
    assert class_size_problem(7, "obu", 13, 6) == (
        "error", "OBU-hold må højst have 6 deltagere; holdet har 7.")
    assert class_size_problem(6, "obu", 13, 6) is None
    assert class_size_problem(14, "læsning", 13, 6) == (
        "warning", "Holdet har 14 deltagere; den aftalte holdstørrelse er højst 13.")
    assert class_size_problem(13, "læsning", 13, 6) is None


def test_overlap_needs_the_same_date_and_crossing_times():
    a = [lesson(MONDAY, "08:00", "10:30")]
    assert overlapping(a, [lesson(MONDAY, "10:00", "12:00")]) != []
    assert overlapping(a, [lesson(MONDAY, "10:30", "12:00")]) == []  # touching ends
    assert overlapping(a, [lesson(date(2027, 3, 23), "08:00", "10:30")]) == []
    assert overlapping(a, [lesson(MONDAY, "08:00", "10:30", "aflyst")]) == []
    assert overlapping(a, [lesson(MONDAY, "07:00", "13:00")]) == [
        (a[0], lesson(MONDAY, "07:00", "13:00"))]


def test_participant_clash_names_the_other_course_and_the_first_date():
    slots = parse_pattern("man,tor", "08:00-10:30")
    mine = booking("c1", "FVU-læsning, trin 2 (Horsens Stål A/S)",
                   build_calendar(MONDAY, slots, lessons=8).held)
    later = booking("c2", "FVU-matematik, trin 1 (Horsens Stål A/S)",
                    build_calendar(date(2027, 4, 1), parse_pattern("tor", "09-11"),
                                   lessons=3).held)
    earlier = booking("c3", "FVU-digital, trin 1 (Horsens Stål A/S)",
                      [lesson(date(2027, 3, 29), "10:00", "12:00"),  # 2. påskedag: no lesson
                       lesson(date(2027, 4, 5), "10:00", "12:00")])
    assert participant_clash("Anna Jensen", mine, [later, earlier]) == (
        "Anna Jensen går allerede på FVU-matematik, trin 1 (Horsens Stål A/S) "
        "torsdag 1. april 2027 09.00–11.00.")
    assert participant_clash("Anna Jensen", mine, [earlier]).endswith(
        "mandag 5. april 2027 10.00–12.00.")
    assert participant_clash("Anna Jensen", mine, [mine]) is None  # the course itself
    apart = booking("c4", "FVU-engelsk, trin 1", [lesson(MONDAY, "12:00", "14:00")])
    assert participant_clash("Anna Jensen", mine, [apart]) is None


def test_double_bookings_of_teacher_or_place():
    mine = booking("c1", "FVU-læsning, trin 2", [lesson(MONDAY, "08:00", "10:30")],
                   teacher="Mette Sørensen", place="Kantinen")
    same_teacher = booking("c2", "FVU-matematik, trin 1", [lesson(MONDAY, "09:00", "11:00")],
                           teacher="  mette  sørensen ", place="Mødelokale 2")
    same_place = booking("c3", "FVU-digital, trin 1", [lesson(MONDAY, "10:00", "12:00")],
                         teacher="Per Holm", place="kantinen")
    other_day = booking("c4", "FVU-start", [lesson(date(2027, 3, 23), "08:00", "10:30")],
                        teacher="Mette Sørensen", place="Kantinen")
    assert double_bookings(mine, [same_teacher, same_place, other_day]) == [
        "Underviseren Mette Sørensen underviser også på FVU-matematik, trin 1 "
        "mandag 22. marts 2027 09.00–11.00.",
        "Stedet «Kantinen» er også booket til FVU-digital, trin 1 "
        "mandag 22. marts 2027 10.00–12.00."]
    nobody = booking("c5", "FVU-engelsk", [lesson(MONDAY, "08:00", "10:30")])
    assert double_bookings(booking("c6", "x", nobody.lessons), [nobody]) == []  # empty names


def test_screening_missing_warning_and_obu_needs_an_ordblind_result():
    assert screening_missing_warning("Anna Jensen", "læsning", "FVU-læsning", {"matematik"}) == (
        "Anna Jensen har ingen screening i FVU-læsning.")
    assert screening_missing_warning("Anna Jensen", "læsning", "FVU-læsning", {"læsning"}) is None
    assert screening_missing_warning("Anna Jensen", "obu", "OBU", {"læsning"}) == (
        "Anna Jensen har ingen ordblindetest med resultatet ordblind.")
    assert screening_missing_warning("Anna Jensen", "obu", "OBU", {"obu"}) is None


# The catalog ----------------------------------------------------------------------------

def test_catalog_holds_fvu_subjects_plus_obu_and_the_screening_class_sizes():
    cat = course_catalog.catalog()
    assert [s.code for s in cat.subjects] == [
        "læsning", "matematik", "digital", "engelsk", "start", "obu"]
    assert cat.subject_label("obu") == "OBU (ordblindeundervisning)"
    assert (cat.class_max, cat.obu_max) == (13, 6)
    assert (cat.hours_min, cat.hours_max) == (30, 60)
    assert [d.name for d in cat.school_closed_days] == [
        "Grundlovsdag", "Juleaftensdag", "Nytårsaftensdag"]
    assert course_catalog.catalog() is cat


def test_labels():
    assert course_catalog.provider_kind_label("AMU") == "AMU-center"
    assert course_catalog.course_status_label("i_gang") == "I gang"
    assert course_catalog.enrolment_status_label("udgået") == "Udgået"
    assert course_catalog.result_label("standpunkt") == "Standpunktsbedømmelse"
    assert course_catalog.result_label(None) == ""
    assert course_catalog.course_status_label("gammel") == "gammel"


def test_parsing_accepts_labels_and_aliases_in_any_case():
    assert course_catalog.parse_subject("OBU") == "obu"
    assert course_catalog.parse_subject("fvu-læsning") == "læsning"
    assert course_catalog.parse_provider_kind("amu-center") == "AMU"
    assert course_catalog.parse_provider_kind("vuc") == "VUC"
    assert course_catalog.parse_course_status("I GANG") == "i_gang"
    assert course_catalog.parse_enrolment_status("gennemfort") == "gennemført"
    assert course_catalog.parse_result("Prøve bestået") == "bestået"
    assert course_catalog.parse_trin("2", "læsning") == 2
    assert course_catalog.parse_trin("", "obu") is None


@pytest.mark.parametrize("function, text, field, words", [
    (course_catalog.parse_subject, "svømning", "subject", "Ukendt fag «svømning»; vælg"),
    (course_catalog.parse_subject, "", "subject", "Fag mangler"),
    (course_catalog.parse_provider_kind, "skole", "kind",
     "Ukendt udbydertype «skole»; vælg VUC, AOF, FOF, AMU-center, Sprogcenter eller Anden."),
    (course_catalog.parse_course_status, "", "status", "Holdstatus mangler; vælg Planlagt"),
    (course_catalog.parse_enrolment_status, "syg", "status", "Ukendt tilmeldingsstatus «syg»"),
    (course_catalog.parse_result, "dumpet", "result", "Ukendt resultat «dumpet»"),
])
def test_parsing_bad_input_lists_the_choices_in_danish(function, text, field, words):
    with pytest.raises(ValidationError) as caught:
        function(text)
    assert caught.value.field == field and words in caught.value.message


def test_obu_takes_no_trin():
    with pytest.raises(ValidationError) as caught:
        course_catalog.parse_trin("2", "obu")
    assert caught.value.message == "OBU (ordblindeundervisning) har ingen trin."
