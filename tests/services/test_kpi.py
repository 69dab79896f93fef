"""The KPI funnel (issue 13) on a hand-built store where every number is known in advance:
the period Q1+Q2 2027, three companies (and a deleted one), an unemployed participant,
deleted rows of every kind, a cancelled lesson, edges on the period's first and last day."""
from __future__ import annotations

from datetime import date

import pytest

from lokomotiv_desktop.domain.kpi import FUNNEL, LABELS, KpiFilter
from lokomotiv_desktop.domain.validation import ValidationError
from lokomotiv_desktop.services import kpi
from lokomotiv_desktop.services.courses import cancel_lesson

FIRST, LAST = date(2027, 1, 1), date(2027, 6, 30)
MONDAY_MORNING = '[{"weekday":0,"start":"08:00","end":"10:30"}]'  # 2.5 hours
MONDAY_LATE = '[{"weekday":0,"start":"09:00","end":"12:00"}]'      # 3 hours


def build(store) -> dict[str, str]:
    """The data set; returns the ids by their short names (A, B, C, D, p1 ... p6, K1 ...)."""
    ins, ids = store.changes.insert, {}
    with store.transaction():
        for key, cvr, muni, consultant, industry in [
                ("A", "13748136", "630", "Åse Holm", "101100"),
                ("B", "10150817", "630", "Søren Dahl", "472000"),
                ("C", "25313763", "615", "Åse Holm", "102000"),
                ("D", "12345674", "630", "Åse Holm", "101100")]:
            ids[key] = ins("company", {"cvr": cvr, "name": f"Firma {key}", "municipality_code": muni,
                                       "consultant": consultant, "industry_code": industry})
        a, b, c, d = (ids[k] for k in "ABCD")
        visits = [(a, "2026-11-10", "andet"), (a, "2027-01-05", "første møde"),
                  (a, "2027-02-01", "opfølgning"), (b, "2027-06-30", "første møde"),
                  (c, "2026-12-31", "andet"), (c, "2027-07-01", "første møde"),
                  (d, "2027-02-02", "første møde")]
        for company, day, kind in visits:
            ins("visit", {"company_id": company, "date": day, "kind": kind})
        store.changes.delete("visit", ins("visit", {"company_id": c, "date": "2027-03-01",
                                                    "kind": "første møde"}))
        for company, to, at in [(a, 2, "2027-01-06T09:00:00Z"), (b, 3, "2027-06-30T21:00:00Z"),
                                (c, 2, "2026-12-31T10:00:00Z"), (a, 1, "2027-02-01T10:00:00Z")]:
            ins("phase_change", {"company_id": company, "to_phase": to, "changed_at": at})
        store.changes.delete("phase_change", ins("phase_change", {
            "company_id": c, "to_phase": 2, "changed_at": "2027-03-01T10:00:00Z"}))
        for company, day, attended in [(a, "2027-02-10", 12), (a, "2027-03-10", None),
                                       (c, "2027-04-01", 5)]:
            ins("motivation_session", {"company_id": company, "date": day, "attended": attended})
        store.changes.delete("motivation_session", ins("motivation_session", {
            "company_id": b, "date": "2027-02-10", "attended": 30}))
        people = {"p1": a, "p2": a, "p3": c, "p4": None, "p5": a, "p6": a}
        for key, company in people.items():
            extra = ({"employment": "ledig", "municipality_code": "630",
                      "consultant": "åse holm"} if company is None else {})
            ids[key] = ins("participant", {"company_id": company, "first_name": key.upper(),
                                           "last_name": "Jensen", **extra})
        for key, day, subject in [("p1", "2027-02-10", "læsning"), ("p1", "2027-02-11", "matematik"),
                                  ("p2", "2026-12-20", "læsning"), ("p2", "2027-01-01", "læsning"),
                                  ("p3", "2027-04-01", "læsning"), ("p4", "2027-05-05", "digital"),
                                  ("p5", "2027-02-10", "læsning")]:
            ins("screening", {"participant_id": ids[key], "date": day, "subject": subject,
                              "tool": "vlv2", "outcome": "laesekursus"})
        store.changes.delete("screening", ins("screening", {
            "participant_id": ids["p6"], "date": "2027-02-10", "subject": "læsning",
            "tool": "vlv2", "outcome": "laesekursus"}))
        for key, day, result, on in [("p1", "2027-03-01", "rød", "2027-04-01"),
                                     ("p4", "2027-03-05", "gul", "2027-07-02"),
                                     ("p3", "2026-12-01", "grøn", "2027-01-15")]:
            referral = ins("referral", {"participant_id": ids[key], "date": day})
            ins("dyslexia_result", {"referral_id": referral, "result": result, "date": on})
        store.changes.delete("participant", ids["p5"])
        for key, company, subject, trin, start, count, pattern, status in [
                ("K1", a, "læsning", 2, "2027-03-01", 4, MONDAY_MORNING, "i_gang"),
                ("K2", c, "obu", None, "2027-06-07", 6, MONDAY_LATE, "i_gang"),
                ("K3", b, "læsning", 1, "2027-02-01", 4, MONDAY_LATE, "aflyst")]:
            ids[key] = ins("course", {"company_id": company, "subject": subject, "trin": trin,
                                      "start_date": start, "lesson_count": count,
                                      "pattern": pattern, "status": status})
        for key, course, day, status, result in [
                ("p1", "K1", "2027-02-20", "gennemført", "bestået"),
                ("p2", "K1", "2026-12-15", "gennemført", "standpunkt"),
                ("p3", "K2", "2027-05-01", "gennemført", "bestået"),
                ("p4", "K1", "2027-02-21", "udgået", None)]:
            ins("enrolment", {"participant_id": ids[key], "course_id": ids[course], "date": day,
                              "status": status, "result": result})
        store.changes.delete("enrolment", ins("enrolment", {
            "participant_id": ids["p6"], "course_id": ids["K1"], "date": "2027-02-20"}))
        store.changes.delete("company", d)
    cancel_lesson(store, ids["K1"], "8.3.2027", "Læreren er syg")
    return ids


@pytest.fixture
def ids(store):
    return build(store)


def numbers(store, **filters) -> dict:
    return kpi.compute(store, KpiFilter(first=FIRST, last=LAST, **filters)).numbers


ALL = {"companies_contacted": 2, "first_meetings": 2, "companies_motivation": 2, "sessions": 3,
       "session_attendees": 17, "screened": 4, "referred_dyslexia": 2, "dyslexia_results": 2,
       "enrolled": 3, "completed": 2, "passed": 1, "hours_taught": 19.5,
       "median_days_to_course": 134.5}  # A: 10.11.2026 -> 1.3.2027 = 111, C: 31.12 -> 7.6 = 158


def test_every_number_of_the_whole_period(store, ids):
    result = kpi.compute(store, KpiFilter(first=FIRST, last=LAST))
    assert result.numbers == ALL
    assert result.employment == {
        "screened": {"beskæftiget": 3, "ledig": 1},
        "referred_dyslexia": {"beskæftiget": 1, "ledig": 1},
        "enrolled": {"beskæftiget": 2, "ledig": 1},
        "completed": {"beskæftiget": 2, "ledig": 0},
        "passed": {"beskæftiget": 1, "ledig": 0}}
    assert result.by_subject == {"screened": {"digital": 1, "matematik": 1, "læsning": 3},
                                 "enrolled": {"læsning": 2, "obu": 1},
                                 "completed": {"læsning": 2}}
    assert result.by_subject_trin == {"læsning/2": 2, "obu": 1}
    assert result.dyslexia == {"grøn": 1, "rød": 1}
    assert set(result.as_json()["numbers"]) == set(FUNNEL) == set(LABELS)


@pytest.mark.parametrize(("filters", "expected"), [
    ({"municipality": "630"}, {"companies_contacted": 2, "first_meetings": 2,
                               "companies_motivation": 2, "sessions": 2, "session_attendees": 12,
                               "screened": 3, "referred_dyslexia": 2, "dyslexia_results": 1,
                               "enrolled": 2, "completed": 2, "passed": 1, "hours_taught": 7.5,
                               "median_days_to_course": 111.0}),
    ({"municipality": "615"}, {"companies_contacted": 0, "first_meetings": 0,
                               "companies_motivation": 0, "sessions": 1, "session_attendees": 5,
                               "screened": 1, "referred_dyslexia": 0, "dyslexia_results": 1,
                               "enrolled": 1, "completed": 0, "passed": 0, "hours_taught": 12.0,
                               "median_days_to_course": 158.0}),
    # case-insensitive, Danish letters included; the unemployed person's own consultant
    ({"consultant": "ÅSE HOLM"}, {**ALL, "companies_contacted": 1, "first_meetings": 1,
                                  "companies_motivation": 1}),
    ({"consultant": "Ingen Sådan"}, {**dict.fromkeys(FUNNEL, 0), "hours_taught": 0,
                                     "median_days_to_course": None}),
    ({"industry": "10"}, {"companies_contacted": 1, "first_meetings": 1,
                          "companies_motivation": 1, "sessions": 3, "session_attendees": 17,
                          "screened": 3, "referred_dyslexia": 1, "dyslexia_results": 2,
                          "enrolled": 2, "completed": 2, "passed": 1, "hours_taught": 19.5,
                          "median_days_to_course": 134.5}),
    ({"industry": "1011"}, {"companies_contacted": 1, "first_meetings": 1,
                            "companies_motivation": 1, "sessions": 2, "session_attendees": 12,
                            "screened": 2, "referred_dyslexia": 1, "dyslexia_results": 1,
                            "enrolled": 1, "completed": 2, "passed": 1, "hours_taught": 7.5,
                            "median_days_to_course": 111.0}),
])
def test_filters(store, ids, filters, expected):
    assert numbers(store, **filters) == expected


def test_company_filter(store, ids):
    assert numbers(store, company_id=ids["A"]) == numbers(store, industry="1011")
    assert numbers(store, company_id=ids["B"])["companies_contacted"] == 1


def test_the_periods_first_and_last_day_count(store, ids):
    inner = kpi.compute(store, KpiFilter(first=date(2027, 1, 2), last=date(2027, 6, 29)))
    assert inner.numbers["screened"] == 3  # p2 was screened on 1.1.2027
    assert inner.numbers["companies_contacted"] == 1  # B's first meeting on 30.6.2027
    assert inner.numbers["companies_motivation"] == 1  # B moved late on 30.6.2027
    assert inner.numbers["hours_taught"] == 19.5  # K2's lesson on 28.6 is still in
    before = kpi.compute(store, KpiFilter(first=FIRST, last=date(2027, 6, 27)))
    assert before.numbers["hours_taught"] == 19.5 - 3


def test_cancelled_lesson_and_course_end_after_the_period(store, ids):
    march = numbers(store)  # K1: 1.3, 15.3, 22.3 held (8.3 cancelled) = 7.5 hours
    assert march["hours_taught"] == 7.5 + 4 * 3  # K2's 5.7 and 12.7 fall after the period
    later = kpi.compute(store, KpiFilter(first=date(2027, 7, 1), last=date(2027, 7, 31)))
    assert later.numbers["hours_taught"] == 6.0
    assert later.numbers["completed"] == 1 and later.numbers["passed"] == 1  # p3 in K2
    assert later.numbers["dyslexia_results"] == 1 and later.dyslexia == {"gul": 1}


def test_monthly_gives_every_month(store, ids):
    series = kpi.monthly(store, KpiFilter(first=FIRST, last=LAST), "screened")
    assert series == [("2027-01", 1), ("2027-02", 1), ("2027-03", 0), ("2027-04", 1),
                      ("2027-05", 1), ("2027-06", 0)]
    hours = dict(kpi.monthly(store, KpiFilter(first=FIRST, last=LAST), "hours_taught"))
    assert hours["2027-03"] == 7.5 and hours["2027-06"] == 12.0
    assert sum(hours.values()) == ALL["hours_taught"]


def test_per_municipality(store, ids):
    result = kpi.per_municipality(store, KpiFilter(first=FIRST, last=LAST))
    assert sorted(result) == ["615", "630"]
    for consultant in (None, "åse holm"):
        grouped = kpi.per_municipality(store, KpiFilter(FIRST, LAST, consultant=consultant))
        for code in ("615", "630"):  # grouped once, the same as filtered one by one
            alone = kpi.compute(store, KpiFilter(FIRST, LAST, code, consultant))
            assert grouped[code] == alone
    only = kpi.per_municipality(store, KpiFilter(FIRST, LAST, municipality="615"))
    assert list(only) == ["615"] and only["615"].numbers["hours_taught"] == 12.0


def test_drill_down(store, ids):
    flt = KpiFilter(first=FIRST, last=LAST)
    assert [r["name"] for r in kpi.drill(store, flt, "companies_contacted")] == ["Firma A",
                                                                                  "Firma B"]
    screened = kpi.drill(store, flt, "screened")
    assert [(r["kind"], r["name"], r["company"]) for r in screened] == [
        ("participant", "P1 Jensen", "Firma A"), ("participant", "P2 Jensen", "Firma A"),
        ("participant", "P3 Jensen", "Firma C"), ("participant", "P4 Jensen", "")]
    assert [r["id"] for r in kpi.drill(store, flt, "passed")] == [ids["p1"]]
    assert {r["name"] for r in kpi.drill(store, flt, "median_days_to_course")} == {"Firma A",
                                                                                  "Firma C"}
    assert len(kpi.drill(store, flt, "session_attendees")) == 2


def test_bad_input_is_refused_in_danish(store):
    with pytest.raises(ValidationError, match="starter .* efter den slutter"):
        kpi.compute(store, KpiFilter(first=LAST, last=FIRST))
    with pytest.raises(ValidationError, match="Ukendt nøgletal"):
        kpi.monthly(store, KpiFilter(), "hygge")
