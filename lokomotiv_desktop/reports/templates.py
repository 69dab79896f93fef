"""The A4 page every document prints on, and render() that turns a story into PDF bytes.

Conventions for the documents in reports/ (person export, course plans, KPI sheets, ...):

* One module per document with ``build_<name>(data: dict) -> bytes``. The input is plain
  data that services/ put together (strings, numbers, ISO dates or None); reports/ never
  imports store/, services/, ui/ or PySide6, so a document is testable without a database.
* The story is a list of flowables from flowables.py: ``title(text, subtitle)``,
  ``heading(text)``, ``paragraph(text)``, ``key_values(rows)`` and
  ``data_table(headers, rows, col_widths)``. They escape the text they get, show an empty
  value as "–" and an empty list as "Ingen"; don't build Paragraph markup by hand from
  user data.
* All text the reader sees is Danish. Dates go through print_date / print_datetime below
  (built on domain/danish_format.py): "3. november 2026", "5. november 2026 kl. 11.00",
  in Danish local time whatever the machine's zone; phone numbers through display_phone.
* ``render(title, story, subject=..., generated=...)`` adds the running header
  (Netværkslokomotivet and the title), the footer (when it was printed, "Side X af Y") and
  the PDF metadata. Page numbers need the total, so NumberedCanvas draws them in a second
  pass once every page is laid out. ``pagesize=landscape(A4)`` turns the page (wide
  tables such as an attendance sheet); a ``RestartPageNumbers()`` flowable at the top of a
  page starts a new "Side 1 af N" count there (one PDF holding several letters).
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from io import BytesIO
from zoneinfo import ZoneInfo

from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
)

from ..domain.danish_format import MONTHS, long_date
from .styles import (
    BRAND,
    FONT,
    FONT_BOLD,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
    PAGE_SIZE,
    RULE,
)

ASSOCIATION = "Netværkslokomotivet"
# The readers are in Denmark: print Danish time even when the PC (or CI) runs in UTC.
COPENHAGEN = ZoneInfo("Europe/Copenhagen")

_HEADER_FROM_TOP = 14 * mm
_FOOTER_Y = 12 * mm
# A heading (keepWithNext) and its section: reportlab's KeepTogether moves both to a new
# page whenever they don't fit, so a long table after a heading always left the rest of
# the page empty. Instead, with at least this much room left the section starts here and a
# table or paragraph breaks later (the table repeating its header row).
_MIN_SECTION_SPACE = 45 * mm


class _KeepHeadingWithStart(KeepTogether):
    def split(self, aW, aH):
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if (self._H > aH and aH >= _MIN_SECTION_SPACE
                and isinstance(self._content[-1], Table | Paragraph)):
            return list(self._content)
        return super().split(aW, aH)


# -- dates -------------------------------------------------------------------------------

def as_local(value: str | datetime | None) -> datetime | None:
    """A stored timestamp (ISO string or datetime; naive means UTC, as stored) in Danish
    time; None for an empty or unreadable value."""
    if not value:
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(COPENHAGEN)


def as_date(value: str | date | None) -> date | None:
    """A date from '2026-11-03', a date, or a timestamp (its Danish calendar day)."""
    if not value:
        return None
    if isinstance(value, datetime):
        return as_local(value).date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        local = as_local(value)
        return local.date() if local else None


def print_date(value: str | date | None) -> str:
    """'3. november 2026' (long_date without the weekday, which tables don't need);
    "" for none, an unreadable value as it is (an export must not hide what it holds)."""
    d = as_date(value)
    if d is None:
        return str(value) if value else ""
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"


def print_time(value: str | datetime | None) -> str:
    """'kl. 11.00' in Danish time (Danish writes the time with a dot)."""
    local = as_local(value)
    return f"kl. {local.hour:02d}.{local.minute:02d}" if local else ""


def print_datetime(value: str | datetime | None) -> str:
    """'5. november 2026 kl. 11.00' in Danish time."""
    local = as_local(value)
    if local is None:
        return str(value) if value else ""
    return f"{print_date(local.date())} {print_time(local)}"


def printed_on(value: str | date | datetime | None) -> str:
    """'torsdag 3. december 2026 kl. 15.05' for the footer; now when no time is given.
    A plain date ('2027-01-15') prints without a time: it has none to tell."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return long_date(value)
    if isinstance(value, str) and len(value) == 10:
        try:
            return long_date(date.fromisoformat(value))
        except ValueError:
            pass
    local = as_local(value) or datetime.now(COPENHAGEN)
    return f"{long_date(local.date())} {print_time(local)}"


# -- page --------------------------------------------------------------------------------

class NumberedCanvas(pdfcanvas.Canvas):
    """Holds every page back until the end, so each can say "Side X af Y".

    showPage() only records the page's state; save() replays them with the total known.
    Pages are counted per numbering section (RestartPageNumbers starts the next one).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._saved_page_states: list[dict] = []
        self._numbering_section = 0

    def restart_page_numbers(self) -> None:
        # The first page needs no restart: it already starts section 0.
        if self._saved_page_states or self._numbering_section:
            self._numbering_section += 1

    def showPage(self):  # noqa: N802 (reportlab's name)
        self._saved_page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        totals: dict[int, int] = {}
        for state in self._saved_page_states:
            section = state["_numbering_section"]
            totals[section] = totals.get(section, 0) + 1
        seen: dict[int, int] = {}
        for state in self._saved_page_states:
            self.__dict__.update(state)
            section = state["_numbering_section"]
            seen[section] = seen.get(section, 0) + 1
            self._draw_page_number(seen[section], totals[section])
            super().showPage()
        super().save()

    def _draw_page_number(self, number: int, total: int) -> None:
        self.saveState()
        self.setFont(FONT, 8)
        self.setFillColor(MUTED)
        self.drawRightString(self._pagesize[0] - MARGIN_RIGHT, _FOOTER_Y,
                             f"Side {number} af {total}")
        self.restoreState()


class RestartPageNumbers(Flowable):
    """Put first on a page (after a PageBreak): that page is "Side 1" of a new count."""

    def wrap(self, aW, aH):
        return 0, 0

    def draw(self):
        restart = getattr(self.canv, "restart_page_numbers", None)
        if restart:
            restart()


def _fit(c: pdfcanvas.Canvas, text: str, font: str, size: float, width: float) -> str:
    """Cut a running-header text with "…" rather than let it run into the other one."""
    if c.stringWidth(text, font, size) <= width:
        return text
    while text and c.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _decorate(c: pdfcanvas.Canvas, doc: _Document) -> None:
    """The running header and the footer's left half (the page number comes later)."""
    c.saveState()
    page_width, page_height = doc.pagesize
    left, right = MARGIN_LEFT, page_width - MARGIN_RIGHT
    header_y = page_height - _HEADER_FROM_TOP
    c.setFont(FONT_BOLD, 9)
    c.setFillColor(BRAND)
    c.drawString(left, header_y, ASSOCIATION)
    name_width = c.stringWidth(ASSOCIATION, FONT_BOLD, 9)
    c.setFont(FONT, 9)
    c.setFillColor(MUTED)
    c.drawRightString(right, header_y,
                      _fit(c, doc.title, FONT, 9, right - left - name_width - 12 * mm))
    c.setStrokeColor(RULE)
    c.setLineWidth(0.6)
    c.line(left, header_y - 2.5 * mm, right, header_y - 2.5 * mm)
    c.line(left, _FOOTER_Y + 4 * mm, right, _FOOTER_Y + 4 * mm)
    c.setFont(FONT, 8)
    c.drawString(left, _FOOTER_Y, doc.footer_text)
    c.restoreState()


class _Document(BaseDocTemplate):
    def __init__(self, buffer: BytesIO, *, footer_text: str,
                 pagesize: tuple[float, float] = PAGE_SIZE, **kw):
        super().__init__(buffer, pagesize=pagesize, leftMargin=MARGIN_LEFT,
                         rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
                         bottomMargin=MARGIN_BOTTOM,
                         keepTogetherClass=_KeepHeadingWithStart, **kw)
        self.footer_text = footer_text
        width, height = pagesize
        frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, width - MARGIN_LEFT - MARGIN_RIGHT,
                      height - MARGIN_TOP - MARGIN_BOTTOM,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        self.addPageTemplates([PageTemplate(id="a4", frames=[frame], onPage=_decorate)])


def render(
    title: str,
    story: Sequence[Flowable],
    *,
    subject: str = "",
    author: str = "Lokomotiv",
    generated: str | date | datetime | None = None,
    pagesize: tuple[float, float] = PAGE_SIZE,
) -> bytes:
    """Lay the story out on A4 pages (or pagesize, e.g. landscape(A4)) and return the PDF.

    generated is when the data was taken out (default now); the footer prints it so a
    paper copy tells how current it is."""
    buffer = BytesIO()
    doc = _Document(
        buffer,
        footer_text=f"Udskrevet {printed_on(generated)}",
        pagesize=pagesize,
        title=title,
        author=author,
        subject=subject,
        creator="Lokomotiv",
        lang="da-DK",
    )
    # build() consumes the list it gets; copy so a caller can render the same story twice.
    doc.build(list(story), canvasmaker=NumberedCanvas)
    return buffer.getvalue()
