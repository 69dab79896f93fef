"""The rows of the screening-day grid: one person each, saved through
services.screenings.save_day_row the moment a row is complete (one transaction per row, so a
crash loses at most the row being typed). Saves run on the calling (GUI) thread: a row is a
few milliseconds, and the row must be on disk before the person moves on."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from ...domain.participants import Participant, ScreeningRecord
from ...domain.screening_catalog import catalog, choice_key
from ...domain.validation import ValidationError
from ...services import participants as people
from ...services import screenings
from ...store.database import Store

CONSENT, FIRST, LAST, TEAM, SUBJECT, TOOL, OUTCOME, TRIN, NOTES, STATUS = range(10)
TEXT_FIELDS = {FIRST: "first", LAST: "last", TEAM: "team", SUBJECT: "subject", TOOL: "tool",
               OUTCOME: "outcome", TRIN: "trin", NOTES: "notes"}
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 1  # the labels a choice cell offers
SAVED_TINT = QColor("#e3f4e1")
ERROR_TINT = QColor("#fbe3e1")




@dataclass
class DayGridRow:
    participant_id: str | None = None
    screening_id: str | None = None
    consent: bool = False
    first: str = ""
    last: str = ""
    team: str = ""
    subject: str = ""
    tool: str = ""
    outcome: str = ""
    trin: str = ""
    notes: str = ""
    problem: str = ""  # Danish: why the row is not saved
    stored_names: tuple[str, str, str] = field(default=("", "", ""))

    def is_empty(self) -> bool:
        return not (self.consent or any(getattr(self, f) for f in TEXT_FIELDS.values()))

    def is_complete(self) -> bool:
        return bool(self.first.strip() and self.subject.strip() and self.tool.strip()
                    and self.outcome.strip())


def resolve(text: str, labels: list[str]) -> str:
    """The label `text` names: exact, else the only one it starts or is contained in
    (folded: "laes" finds FVU-læsning, "vlv" finds VLV-2); else the text unchanged."""
    key = choice_key(text)
    if not key:
        return text.strip()
    keys = {label: choice_key(label) for label in labels}
    for test in (lambda k: k == key, lambda k: k.startswith(key),
                 lambda k: k.removeprefix("fvu").startswith(key), lambda k: key in k):
        found = [label for label, k in keys.items() if test(k)]
        if len(found) == 1:
            return found[0]
    return text.strip()


def subject_labels() -> list[str]:
    return [s.label for s in catalog().subjects]


def _subject_code(text: str) -> str | None:
    try:
        return catalog().parse_subject(text)
    except ValidationError:
        return None


def _tool_code(text: str) -> str | None:
    return next((t.code for t in catalog().tools if choice_key(t.label) == choice_key(text)),
                None)


def tool_labels(subject: str) -> list[str]:
    code = _subject_code(subject)
    return [t.label for t in catalog().tools if code is None or t.fits(code)]


def outcome_labels(tool: str) -> list[str]:
    code = _tool_code(tool)
    return [o.label for o in catalog().outcomes_for(code)] if code else []


def trin_hint(subject: str) -> str:
    code = _subject_code(subject)
    if code is None:
        return ""
    steps = catalog().subject(code).trin
    return f"{steps[0]}–{steps[-1]}" if steps else "–"


def grid_row(person: Participant, record: ScreeningRecord | None) -> DayGridRow:
    """A reopened row: an invited person (consent unticked) or a finished screening."""
    row = DayGridRow(participant_id=person.id, first=person.first_name,
                     last=person.last_name, team=person.team,
                     stored_names=(person.first_name, person.last_name, person.team))
    if record is not None:
        data = catalog()
        tool = _tool_code(record.tool) and data.tool(record.tool)
        row.screening_id, row.consent = record.id, True
        row.subject = data.subject_label(record.subject)
        row.tool = tool.label if tool else record.tool
        row.outcome = next((o.label for o in data.outcomes_for(record.tool)
                            if o.code == record.outcome), record.outcome) if tool else ""
        row.trin = "" if record.trin is None else str(record.trin)
        row.notes = record.notes
    return row


class ScreeningDayModel(QAbstractTableModel):
    saved = Signal(int)  # a row reached the store (new or corrected)

    def __init__(self, store: Store, company_id: str, day: date,
                 header: Callable[[], tuple[str, str]], parent=None):
        """header(): (school, tester) as the fields at the top hold them now."""
        super().__init__(parent)
        self._store, self._company_id, self._day, self._header = store, company_id, day, header
        self.rows: list[DayGridRow] = [grid_row(p, s) for p, s in
                                       screenings.day_rows(store, company_id, day)]
        self.rows.append(DayGridRow())

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("ScreeningDayModel", "Consent"),
            QCoreApplication.translate("ScreeningDayModel", "First name"),
            QCoreApplication.translate("ScreeningDayModel", "Last name"),
            QCoreApplication.translate("ScreeningDayModel", "Team/shift"),
            QCoreApplication.translate("ScreeningDayModel", "Subject"),
            QCoreApplication.translate("ScreeningDayModel", "Tool"),
            QCoreApplication.translate("ScreeningDayModel", "Outcome"),
            QCoreApplication.translate("ScreeningDayModel", "Level"),
            QCoreApplication.translate("ScreeningDayModel", "Notes"),
            QCoreApplication.translate("ScreeningDayModel", "Saved"),
        ]

    def rowCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else STATUS + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == CONSENT:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == STATUS:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == CONSENT:
            return Qt.CheckState.Checked if row.consent else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column in TEXT_FIELDS:
                return getattr(row, TEXT_FIELDS[column])
            if column == STATUS and role == Qt.ItemDataRole.DisplayRole:
                return self._status(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATUS and row.problem:
                return row.problem
            if column == TRIN and trin_hint(row.subject):
                hint = QCoreApplication.translate(
                    "ScreeningDayModel", "Level %1 (empty: the school decides)")
                return hint.replace("%1", trin_hint(row.subject))
        if role == CHOICES_ROLE:
            return {SUBJECT: subject_labels, TOOL: lambda: tool_labels(row.subject),
                    OUTCOME: lambda: outcome_labels(row.tool)}.get(column, lambda: None)()
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.problem:
                return ERROR_TINT
            if row.screening_id:
                return SAVED_TINT
        return None

    def _status(self, row: DayGridRow) -> str:
        if row.problem:
            return row.problem
        saved = QCoreApplication.translate("ScreeningDayModel", "Saved")
        return f"✓ {saved}" if row.screening_id else ""

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if not index.isValid():
            return False
        row, column = self.rows[index.row()], index.column()
        if column == CONSENT and role == Qt.ItemDataRole.CheckStateRole:
            row.consent = Qt.CheckState(value) == Qt.CheckState.Checked
        elif column in TEXT_FIELDS and role == Qt.ItemDataRole.EditRole:
            text = str(value or "").strip()
            if column == SUBJECT:
                text = resolve(text, subject_labels())
            elif column == TOOL:
                # A tool that does not fit is still named, so the error can say why.
                text = resolve(text, tool_labels(row.subject))
                text = resolve(text, [t.label for t in catalog().tools])
            elif column == OUTCOME:
                text = resolve(text, outcome_labels(row.tool))
            if getattr(row, TEXT_FIELDS[column]) == text:
                return True
            setattr(row, TEXT_FIELDS[column], text)
        else:
            return False
        self.try_save(index.row())
        return True

    def toggle_consent(self, row: int) -> None:
        checked = not self.rows[row].consent
        self.setData(self.index(row, CONSENT),
                     (Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked).value,
                     Qt.ItemDataRole.CheckStateRole)

    def try_save(self, number: int) -> None:
        """Saves the row if it is complete; otherwise says on the row why it is not."""
        row = self.rows[number]
        row.problem = ""
        if row.is_complete() and not row.consent:
            row.problem = QCoreApplication.translate(
                "ScreeningDayModel",
                "Not saved: tick consent first (no screening is saved without consent).")
        elif row.is_complete():
            try:
                self._save(row)
            except ValidationError as error:
                if row.screening_id:  # the earlier save stands; this change does not
                    text = QCoreApplication.translate(
                        "ScreeningDayModel", "Saved before; this change is not saved: %1")
                else:
                    text = QCoreApplication.translate("ScreeningDayModel", "Not saved: %1")
                row.problem = text.replace("%1", error.message)
            else:
                self.saved.emit(number)
        self.dataChanged.emit(self.index(number, 0), self.index(number, STATUS))

    def _save(self, row: DayGridRow) -> None:
        school, tester = self._header()
        names = (row.first, row.last, row.team)
        if row.participant_id and row.stored_names != names:
            # A name corrected on a known person: the person's own fields, then the row.
            people.update_participant(self._store, row.participant_id, {
                "first_name": row.first, "last_name": row.last, "team": row.team})
        pid, sid = screenings.save_day_row(
            self._store, self._company_id, self._day,
            screenings.DayRow(row.participant_id, row.first, row.last, row.team, row.consent,
                              row.subject, row.tool, row.outcome, row.trin or None,
                              row.notes),
            school=school, tester=tester, screening_id=row.screening_id)
        row.participant_id, row.screening_id, row.stored_names = pid, sid, names

    def resave_saved(self) -> None:
        """School or tester changed at the top: every saved row takes it (a correction)."""
        for number, row in enumerate(self.rows):
            if row.screening_id:
                self.try_save(number)

    def add_row(self) -> int:
        """The row for the next person: the empty last row, or a new one below."""
        if self.rows and self.rows[-1].is_empty():
            return len(self.rows) - 1
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(DayGridRow())
        self.endInsertRows()
        return len(self.rows) - 1

    def unsaved_rows(self) -> int:
        """Rows typed into but not on disk (the prompt on closing)."""
        return sum(1 for row in self.rows
                   if not row.is_empty() and not row.screening_id and
                   not (row.participant_id and not row.consent and not row.subject))
