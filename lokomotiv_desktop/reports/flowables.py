"""Building blocks for a document's story: headings, text, key/value blocks and tables.

Every function takes plain (user) text and escapes it, so a name like "A & B <x>" prints
as written instead of breaking Paragraph's mini-markup. Pass markup=True only for text
the code itself wrote (e.g. "<b>Bemærk</b>").
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from .styles import (
    BRAND,
    BRAND_LIGHT,
    CONTENT_WIDTH,
    EMPTY_LIST,
    EMPTY_VALUE,
    FONT,
    FONT_BOLD,
    RULE,
    STYLES,
    TEXT,
    WHITE,
)


def markup(text: object, *, allow_markup: bool = False) -> str:
    """Text ready for Paragraph: escaped (unless the code wrote it), newlines as <br/>."""
    s = "" if text is None else str(text)
    if not allow_markup:
        s = escape(s)
    return s.replace("\r\n", "\n").replace("\n", "<br/>")


def paragraph(text: object, style: str = "body", *, allow_markup: bool = False) -> Paragraph:
    """A paragraph of running text in one of styles.STYLES."""
    return Paragraph(markup(text, allow_markup=allow_markup), STYLES[style])


def title(text: str, subtitle: str | None = None) -> list[Flowable]:
    """The document's title on its first page (the running header repeats it small)."""
    out: list[Flowable] = [paragraph(text, "title")]
    if subtitle:
        out.append(paragraph(subtitle, "subtitle"))
    return out


def heading(text: str, level: int = 1) -> Paragraph:
    """A section heading (level 1) or a sub-heading (level 2); kept with what follows."""
    return paragraph(text, "heading" if level == 1 else "subheading")


def spacer(height_mm: float = 4) -> Spacer:
    return Spacer(1, height_mm * mm)


def _cell(value: object, style: str = "cell") -> Paragraph:
    text = "" if value is None else str(value)
    return Paragraph(markup(text if text.strip() else EMPTY_VALUE), STYLES[style])


def _plain(value: object) -> str:
    text = "" if value is None else str(value)
    return text if text.strip() else EMPTY_VALUE


def key_values(rows: Iterable[tuple[str, object]], *, label_width: float = 48 * mm) -> Flowable:
    """Label/value pairs as a two-column block; an empty value shows as "–".

    Kept together when short, so a person's details are not cut after two lines."""
    data = [[_cell(label, "label"), _cell(value, "value")] for label, value in rows]
    if not data:
        return paragraph(EMPTY_LIST)
    table = Table(data, colWidths=[label_width, CONTENT_WIDTH - label_width], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
    ]))
    return KeepTogether([table]) if len(data) <= 20 else table


def _widths(col_widths: Sequence[float] | None, n: int) -> list[float]:
    """Relative weights (e.g. (2, 1, 1)) scaled to the text width; None = equal columns."""
    weights = list(col_widths) if col_widths else [1.0] * n
    if len(weights) != n:
        raise ValueError(f"{len(weights)} column widths for {n} columns")
    total = float(sum(weights))
    return [CONTENT_WIDTH * w / total for w in weights]


def data_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    col_widths: Sequence[float] | None = None,
    *,
    align_right: Sequence[int] = (),
    empty: str = EMPTY_LIST,
    plain: Sequence[int] = (),
) -> Flowable:
    """A table with a header row that repeats on every page it runs onto.

    col_widths are relative weights over the full text width. Cells wrap (they are
    Paragraphs), empty cells show "–", and no rows at all gives the paragraph "Ingen".
    Columns in plain hold short one-line text (dates, numbers) drawn as plain strings:
    they don't wrap, but cost a fraction of a Paragraph in a long table."""
    body = [
        [_plain(v) if i in plain else _cell(v, "cell_right" if i in align_right else "cell")
         for i, v in enumerate(row)]
        for row in rows
    ]
    if not body:
        return paragraph(empty)
    for row in body:
        if len(row) != len(headers):
            raise ValueError(f"a row has {len(row)} cells for {len(headers)} headers")
    head = [Paragraph(markup(h), STYLES["cell_header_right" if i in align_right else "cell_header"])
            for i, h in enumerate(headers)]
    table = Table([head, *body], colWidths=_widths(col_widths, len(headers)),
                  repeatRows=1, hAlign="LEFT", splitByRow=1)
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), BRAND),
        ("TEXTCOLOR", (0, 0), (-1, 0), WHITE),
        ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        # Zebra rows make a long printed list easy to follow across.
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [WHITE, BRAND_LIGHT]),
    ]
    cell_style = STYLES["cell"]
    for column in plain:
        style += [
            ("FONTNAME", (column, 1), (column, -1), FONT),
            ("FONTSIZE", (column, 1), (column, -1), cell_style.fontSize),
            ("LEADING", (column, 1), (column, -1), cell_style.leading),
            ("TEXTCOLOR", (column, 1), (column, -1), TEXT),
            ("ALIGN", (column, 1), (column, -1), "RIGHT" if column in align_right else "LEFT"),
        ]
    table.setStyle(TableStyle(style))
    return table
