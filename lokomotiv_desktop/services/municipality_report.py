"""The municipality report's plain data (issue 13): one member municipality, one period,
the FVU effort and the dyslexia effort, against the previous period of equal length.

Everything that counts people is suppressed here, before it leaves the service
(domain/suppression.py), so the PDF, the CSV and the XLSX cannot print a small number by
mistake. Totals shared by two tables (screened, enrolled, completed) are hidden in both
when either has to hide them: the same number prints the same everywhere. Company counts
(companies contacted, meetings) name no person and print as they are.

Tables are {"key", "title", "headers", "rows", "note"}; a cell is a str (a label or
"<5"), an int (a count that may be shown) or a float (a share: 0.25 = 25 %).
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..domain import course_catalog as catalog
from ..domain.kpi import EMPLOYMENT, EMPLOYMENT_LABELS, LABELS, PERSON_COUNTS, KpiFilter, period
from ..domain.small_counts import suppress_small
from ..domain.suppression import SUPPRESSED, suppress_row, suppress_table
from ..domain.validation import ValidationError
from ..files import write_atomically
from ..store.association import municipality_name
from ..store.database import Store
from .outreach import NotFoundError, today_local

FVU_SUBJECTS = ("læsning", "matematik", "digital", "engelsk", "start")
SUBJECTS = (*FVU_SUBJECTS, "obu")
TRINS = (1, 2, 3, 4)
DYSLEXIA_RESULTS = (("rød", "Rød"), ("gul", "Gul"), ("grøn", "Grøn"))
COMPANY_NUMBERS = ("companies_contacted", "first_meetings", "companies_motivation", "sessions")
CHART_SERIES = (("screened", "Screenede"), ("enrolled", "Tilmeldt hold"))
NOTE = ("<5: færre end 5 personer, eller et tal skjult, så et lille tal ikke kan regnes ud "
        "fra de andre tal i tabellen.")


def previous_period(first: date, last: date) -> tuple[date, date]:
    """The period of the same length that ends the day before first."""
    length = (last - first).days + 1
    return first - timedelta(days=length), first - timedelta(days=1)


def municipality_report(store: Store, code: str, first: date, last: date,
                        *, generated: str | None = None) -> dict[str, Any]:
    """The report for one municipality; NotFoundError for a code the store doesn't know."""
    from . import kpi  # loaded when a report is made, not with the services package

    code = str(code).strip().zfill(3)
    name = municipality_name(store, code)
    if name is None:
        raise NotFoundError("municipality", f"Der er ingen kommune med koden {code}.")
    period(KpiFilter(first, last), first)  # refuses a period that ends before it starts
    before = previous_period(first, last)
    current = kpi.compute(store, KpiFilter(first, last, municipality=code))
    previous = kpi.compute(store, KpiFilter(*before, municipality=code))
    monthly = {key: kpi.monthly(store, KpiFilter(first, last, municipality=code), key)
               for key, _ in CHART_SERIES}
    return report_data({"code": code, "name": name}, (first, last), current, previous,
                       monthly, generated=generated or today_local().isoformat())


def report_data(municipality: dict, span: tuple[date, date], current, previous,
                monthly: dict[str, list[tuple[str, int]]], *, generated: str) -> dict[str, Any]:
    """The report from KpiResult-like numbers (pure: testable without a store)."""
    first, last = span
    if first > last:
        raise ValidationError("from", "Perioden starter efter den slutter.")
    before = previous_period(first, last)
    people, subjects, trins = _person_tables(current)
    return {
        "municipality": municipality,
        "period": {"first": first.isoformat(), "last": last.isoformat()},
        "previous": {"first": before[0].isoformat(), "last": before[1].isoformat()},
        "generated": generated,
        "note": NOTE,
        "tables": [_companies(current, previous), people, _trend(current, previous, people),
                   subjects, trins, _dyslexia(current, people)],
        "chart": _chart(monthly),
    }


# -- tables ---------------------------------------------------------------------------------

def _count(value) -> int:
    return int(value or 0)


def _cell(printed: str) -> str | int:
    """A printed count back as a number where it is shown (the XLSX wants numbers)."""
    return printed if printed == SUPPRESSED else int(printed)


def _change(now: str | int, before: str | int) -> float | str:
    """The change as a share of the previous period; "–" when either side is hidden or
    the previous period had none (a change against a hidden number would give it away)."""
    if isinstance(now, str) or isinstance(before, str) or not before:
        return "–"
    return round((now - before) / before, 3)


def _companies(current, previous) -> dict:
    rows = []
    for name in COMPANY_NUMBERS:
        now, before = _count(current.numbers.get(name)), _count(previous.numbers.get(name))
        rows.append([LABELS[name], now, before, _change(now, before)])
    now = _cell(suppress_small(_count(current.numbers.get("session_attendees"))))
    before = _cell(suppress_small(_count(previous.numbers.get("session_attendees"))))
    rows.append([LABELS["session_attendees"], now, before, _change(now, before)])
    hours_now = current.numbers.get("hours_taught") or 0
    hours_before = previous.numbers.get("hours_taught") or 0
    rows.append([LABELS["hours_taught"], _hours(hours_now), _hours(hours_before),
                 _change(_hours(hours_now), _hours(hours_before))])
    return {"key": "virksomheder", "title": "Virksomheder, møder og undervisning",
            "headers": ["Nøgletal", "Perioden", "Forrige periode", "Ændring"], "rows": rows}


def _hours(value) -> int:
    return int(round(float(value or 0)))


def _person_tables(current) -> tuple[dict, dict, dict]:
    """People by employment, by subject and by subject and trin, with their shared totals
    hidden alike (a fixpoint: hiding a total in one table may make another hide more)."""
    force: set[str] = set()
    while True:
        employment = {name: suppress_row(
            [_count(current.employment.get(name, {}).get(e)) for e in EMPLOYMENT],
            hide_total=name in force) for name in PERSON_COUNTS}
        by_subject = {name: suppress_row(
            [_count(current.by_subject.get(name, {}).get(s)) for s in SUBJECTS],
            hide_total=name in force) for name in ("screened", "completed")}
        trin_rows = [[_count(current.by_subject_trin.get(f"{s}/{t}")) for t in TRINS]
                     + [_count(current.by_subject_trin.get(s))] for s in SUBJECTS]
        trins = suppress_table(trin_rows, force=[(-1, -1)] if "enrolled" in force else ())
        hidden = {name for name, row in employment.items() if row[-1] == SUPPRESSED}
        hidden |= {name for name, row in by_subject.items() if row[-1] == SUPPRESSED}
        if trins[-1][-1] == SUPPRESSED:
            hidden.add("enrolled")
        if hidden <= force:
            break
        force |= hidden
    people = {"key": "personer", "title": "Personer: beskæftigede og ledige",
              "headers": ["Nøgletal", *(EMPLOYMENT_LABELS[e] for e in EMPLOYMENT), "I alt"],
              "rows": [[LABELS[name], *map(_cell, employment[name])] for name in PERSON_COUNTS]}
    subjects = {"key": "fag", "title": "FVU-indsatsen og OBU: screenede og gennemførte pr. fag",
                "headers": ["Fag", "Screenede", "Gennemført hold"],
                "rows": [[catalog.subject_label(s), _cell(by_subject["screened"][i]),
                          _cell(by_subject["completed"][i])] for i, s in enumerate(SUBJECTS)]
                + [["I alt", _cell(by_subject["screened"][-1]),
                    _cell(by_subject["completed"][-1])]],
                "note": "En person screenet i to fag tælles i begge."}
    trin_table = {"key": "trin", "title": "Tilmeldt hold pr. fag og trin",
                  "headers": ["Fag", *(f"Trin {t}" for t in TRINS), "Uden trin", "I alt"],
                  "rows": [[catalog.subject_label(s), *map(_cell, trins[i])]
                           for i, s in enumerate(SUBJECTS)]
                  + [["I alt", *map(_cell, trins[-1])]]}
    return people, subjects, trin_table


def _trend(current, previous, people: dict) -> dict:
    """Each person count against the previous period: the totals alone (the previous
    period's split is not printed, so its total needs no more than the small-count rule)."""
    rows = []
    for name, printed in zip(PERSON_COUNTS, people["rows"], strict=True):
        now = printed[-1]
        before = _cell(suppress_small(_count(previous.numbers.get(name))))
        rows.append([LABELS[name], now, before, _change(now, before)])
    return {"key": "udvikling", "title": "Personer: udvikling mod forrige periode",
            "headers": ["Nøgletal", "Perioden", "Forrige periode", "Ændring"], "rows": rows}


def _dyslexia(current, people: dict) -> dict:
    results = suppress_row([_count(current.dyslexia.get(code)) for code, _ in DYSLEXIA_RESULTS])
    referred = next(row[-1] for name, row in zip(PERSON_COUNTS, people["rows"], strict=True)
                    if name == "referred_dyslexia")
    rows = [[LABELS["referred_dyslexia"], referred]]
    rows += [[f"Resultat: {label}", _cell(results[i])]
             for i, (_, label) in enumerate(DYSLEXIA_RESULTS)]
    rows.append([LABELS["dyslexia_results"], _cell(results[-1])])
    return {"key": "ordblinde", "title": "Ordblindeindsatsen",
            "headers": ["Nøgletal", "Perioden"], "rows": rows,
            "note": "OBU-hold står under fag og trin ovenfor."}


def _chart(monthly: dict[str, list[tuple[str, int]]]) -> dict:
    """Months and, per series, the count to draw (None where it is hidden) and its label.
    A month's counts are hidden like a row with its total: the months add up to about
    the period's number, which the tables print."""
    months = [label for label, _ in next(iter(monthly.values()), [])]
    series = []
    for key, label in CHART_SERIES:
        values = [_count(v) for _, v in monthly.get(key, [])]
        printed = suppress_row(values, keep_total=True)[:-1] if values else []
        series.append({"key": key, "label": label,
                       "values": [None if p == SUPPRESSED else int(p) for p in printed],
                       "labels": printed})
    return {"months": months, "series": series}


def write_report(out: Path, data: dict[str, Any]) -> None:
    """The report (data from municipality_report, small counts already suppressed) as PDF,
    CSV or XLSX by the file's suffix; never half a file under the name."""
    from ..reports import municipality_report as document
    from ..reports.table_files import write_csv, write_xlsx

    suffix = out.suffix.lower()
    if suffix == ".csv":
        write_csv(out, document.CSV_HEADERS, document.table_rows(data))
    elif suffix == ".xlsx":
        write_xlsx(out, document.sheets(data))
    else:
        write_atomically(out, document.build_municipality_report(data))
