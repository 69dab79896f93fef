"""A municipality (Horsens) with a half year of KPI numbers, small counts among them, for the report tests."""
from datetime import date
from types import SimpleNamespace as NS

from lokomotiv_desktop.services.municipality_report import report_data


def result(scale=1):
    return NS(numbers={"companies_contacted": 42*scale, "first_meetings": 17, "companies_motivation": 9,
                       "sessions": 12, "session_attendees": 143, "screened": 64, "referred_dyslexia": 7,
                       "dyslexia_results": 6, "enrolled": 38, "completed": 21, "passed": 15,
                       "hours_taught": 412.5, "median_days_to_course": 61.0},
              employment={"screened": {"beskæftiget": 61, "ledig": 3},
                          "referred_dyslexia": {"beskæftiget": 5, "ledig": 2},
                          "enrolled": {"beskæftiget": 35, "ledig": 3},
                          "completed": {"beskæftiget": 21, "ledig": 0},
                          "passed": {"beskæftiget": 15, "ledig": 0}},
              by_subject={"screened": {"læsning": 30, "matematik": 20, "digital": 8, "engelsk": 4, "obu": 2},
                          "enrolled": {"læsning": 20, "matematik": 10, "digital": 5, "obu": 3},
                          "completed": {"læsning": 12, "matematik": 6, "digital": 3}},
              by_subject_trin={"læsning/1": 8, "læsning/2": 12, "matematik/1": 10, "digital/1": 5, "obu": 3},
              dyslexia={"rød": 2, "gul": 1, "grøn": 3})

def sample():
    prev = result()
    prev.numbers = dict(prev.numbers, companies_contacted=30, screened=40, enrolled=2,
                        session_attendees=90)
    monthly = {"screened": [("2027-01", 10), ("2027-02", 3), ("2027-03", 12), ("2027-04", 9), ("2027-05", 14), ("2027-06", 16)],
               "enrolled": [("2027-01", 5), ("2027-02", 8), ("2027-03", 0), ("2027-04", 2), ("2027-05", 13), ("2027-06", 10)]}
    return report_data({"code": "615", "name": "Horsens"}, (date(2027, 1, 1), date(2027, 6, 30)),
                       result(), prev, monthly, generated="2027-07-01")
