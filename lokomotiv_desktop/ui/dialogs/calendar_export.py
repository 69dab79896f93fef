"""Export visits and sessions to an .ics file for one consultant or one company: asks where
to save it, writes it in the background and reports the outcome in one sentence."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QWidget

from ...domain.validation import ValidationError
from ...store.database import Store
from ..tasks import TaskRunner
from ..widgets.file_dialog import save_file_name


def suggested_file(title: str) -> str:
    slug = re.sub(r"[^\w]+", "-", title.casefold()).strip("-") or "kalender"
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(Path(folder or Path.home()) / f"lokomotiv-{slug}.ics")


def export_calendar(parent: QWidget, store: Store, runner: TaskRunner, *,
                    consultant: str | None = None, company_id: str | None = None,
                    title: str, report: Callable[[str], None]) -> bool:
    """Returns False when the user cancelled the file dialog (nothing is written)."""
    path = save_file_name(
        parent, QCoreApplication.translate("CalendarExport", "Export calendar"),
        suggested_file(title), QCoreApplication.translate("CalendarExport", "iCalendar (*.ics)"))
    if not path:
        return False
    if not path.lower().endswith(".ics"):
        path += ".ics"

    def work() -> int:
        from ...services.calendar_export import export_ics  # icalendar: load on use

        data = export_ics(store, consultant=consultant, company_id=company_id)
        Path(path).write_bytes(data)
        return data.count(b"BEGIN:VEVENT")

    def done(events: int) -> None:
        saved = QCoreApplication.translate("CalendarExport", "Calendar saved: %1 (%2 events)")
        report(saved.replace("%1", path).replace("%2", str(events)))

    def failed(error: BaseException) -> None:
        reason = error.message if isinstance(error, ValidationError) else str(error)
        report(QCoreApplication.translate(
            "CalendarExport", "The calendar was not saved: %s") % reason)

    runner.run(work, on_done=done, on_error=failed)
    return True
