"""The printed documents of a course (reports/, plain data in, PDF bytes out) by the key
the course window's Udskriv menu uses, with the start of their file names."""
from __future__ import annotations

from collections.abc import Callable


def documents() -> dict[str, tuple[str, Callable[[dict], bytes]]]:
    # Imported on first print: reportlab is not needed to open the window.
    from ...reports.attendance_sheet import build_attendance_sheet
    from ...reports.course_invitations import build_course_invitations
    from ...reports.course_notice import build_course_notice
    from ...reports.course_plan import build_course_plan

    return {"plan": ("kursusplan", build_course_plan),
            "notice": ("opslag", build_course_notice),
            "invitations": ("invitationer", build_course_invitations),
            "attendance": ("fremmoedeliste", build_attendance_sheet)}


def file_part(title: str) -> str:
    """"FVU-læsning, trin 2" -> "fvu-læsning--trin-2": safe in a file name."""
    return "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")
