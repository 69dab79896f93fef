"""The course plan (reports.course_plan.build_course_plan) for a course with 15 participants
and 40 lessons, to PDF bytes, against a bare reportlab document of the same lesson table
(SimpleDocTemplate, a Table of Paragraph cells, no header, footer or page numbers), both
measured in this run, interleaved so load on the machine hits both alike.

Target: median <= 1.5x the baseline's median.
"""
from __future__ import annotations

import statistics
import time
from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from lokomotiv_desktop.reports.course_parts import hours_text, lesson_date, time_span
from lokomotiv_desktop.reports.course_plan import build_course_plan
from tests.reports.test_course_documents import course_sample

RUNS = 15
WARM_UP = 2
TARGET = "<= 1.5x"


def _bare(data: dict) -> bytes:
    cell = getSampleStyleSheet()["BodyText"]
    rows = [[Paragraph(text, cell) for text in ("Nr.", "Dag og dato", "Tid", "Timer", "Bemærkning")]]
    rows += [[Paragraph(str(n), cell), Paragraph(lesson_date(lesson["date"]), cell),
              Paragraph(time_span(lesson["start"], lesson["end"]), cell),
              Paragraph(hours_text(lesson["hours"]), cell), Paragraph(lesson["note"], cell)]
             for n, lesson in enumerate(data["lessons"], start=1)]
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([Table(rows, repeatRows=1)])
    return buffer.getvalue()


def _time(build, data: dict) -> float:
    started = time.perf_counter()
    pdf = build(data)
    elapsed = (time.perf_counter() - started) * 1000
    assert pdf.startswith(b"%PDF")
    return elapsed


def run(report) -> None:
    data = course_sample(lessons=40, participants=15)
    ours, bare = [], []
    for n in range(WARM_UP + RUNS):
        o, b = _time(build_course_plan, data), _time(_bare, data)
        if n >= WARM_UP:
            ours.append(o)
            bare.append(b)
    report("plan_15x40_median", round(statistics.median(ours), 2), "ms",
           round(statistics.median(bare), 2),
           f"bare SimpleDocTemplate with the same 40-lesson table (median of {RUNS})", TARGET)
    report.note(f"fastest: ours {min(ours):.1f} ms, bare {min(bare):.1f} ms; "
                f"slowest: ours {max(ours):.1f} ms, bare {max(bare):.1f} ms")
