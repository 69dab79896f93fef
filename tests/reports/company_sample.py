"""A company with three targets (one with few people counted) and its funnel, for the KPI sheet tests."""
from datetime import date
from types import SimpleNamespace as NS

from lokomotiv_desktop.domain.outreach import KpiMeasure, KpiStatus, KpiTarget
from lokomotiv_desktop.services.company_report import sheet_data


def sample():
    t1 = KpiTarget("t1", "c1", "80 % af medarbejderne screenet inden 1. juni", 80.0, date(2027, 6, 1), employees=200)
    t2 = KpiTarget("t2", "c1", "10 % på FVU-hold inden nytår", 10.0, date(2027, 12, 31), measure=KpiMeasure.MANUEL, manual_value=12.5)
    t3 = KpiTarget("t3", "c1", "Alle på lageret screenet", 100.0, date(2027, 3, 1), employees=40)
    statuses = [KpiStatus(t1, 61.0, 122, 200, 30), KpiStatus(t2, 12.5, None, None, 200), KpiStatus(t3, 7.5, 3, 40, -1)]
    result = NS(numbers={"sessions": 4, "session_attendees": 55, "screened": 122, "referred_dyslexia": 3,
                         "enrolled": 24, "completed": 9, "passed": 7, "hours_taught": 180.0},
                by_subject={"enrolled": {"læsning": 14, "matematik": 8, "obu": 2}, "completed": {"læsning": 9}})
    return sheet_data({"name": "Horsens Stål A/S", "cvr": "12345678"}, statuses, result,
                      first=date(2027, 1, 1), last=date(2027, 5, 2), generated="2027-05-02")
