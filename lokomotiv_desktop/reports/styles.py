"""Fonts, colours, paragraph styles and page geometry shared by every document.

Fonts are reportlab's built-in Helvetica family: it uses WinAnsiEncoding, which covers
æ ø å Æ Ø Å, é, ü and the en-dash (–), so nothing is embedded and the PDFs stay small.
Embed a TTF (pdfmetrics.registerFont) only when a document needs a glyph outside WinAnsi
(e.g. Polish ł or Arabic names) – and then for that document's style, not here by default.
"""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
FONT_ITALIC = "Helvetica-Oblique"

# Netværkslokomotivet's dark blue for headings and table headers, a light tint for zebra
# rows; text stays near-black for contrast when printed on an office laser printer.
BRAND = colors.HexColor("#1F4E79")
BRAND_LIGHT = colors.HexColor("#EAF1F8")
TEXT = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5F6368")
RULE = colors.HexColor("#B7C4D1")
WHITE = colors.white

PAGE_SIZE = A4
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = MARGIN_RIGHT = 18 * mm
# The top and bottom margins leave room for the running header and footer (templates.py).
MARGIN_TOP = 26 * mm
MARGIN_BOTTOM = 22 * mm
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
CONTENT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

# What an empty value and an empty list read as in every document.
EMPTY_VALUE = "–"
EMPTY_LIST = "Ingen"


def _style(name: str, **kw) -> ParagraphStyle:
    base = {"fontName": FONT, "fontSize": 10, "leading": 13.5, "textColor": TEXT,
            "alignment": TA_LEFT}
    base.update(kw)
    return ParagraphStyle(name, **base)


STYLES: dict[str, ParagraphStyle] = {
    "body": _style("body", spaceAfter=6),
    "small": _style("small", fontSize=8.5, leading=11, textColor=MUTED),
    "title": _style("title", fontName=FONT_BOLD, fontSize=18, leading=22, textColor=BRAND,
                    spaceAfter=4),
    "subtitle": _style("subtitle", fontSize=10.5, leading=14, textColor=MUTED, spaceAfter=10),
    # keepWithNext so a heading never ends a page alone, separated from its section.
    "heading": _style("heading", fontName=FONT_BOLD, fontSize=12.5, leading=16,
                      textColor=BRAND, spaceBefore=10, spaceAfter=4, keepWithNext=1),
    "subheading": _style("subheading", fontName=FONT_BOLD, fontSize=10.5, leading=14,
                         spaceBefore=8, spaceAfter=3, keepWithNext=1),
    "cell": _style("cell", fontSize=8.5, leading=10.5),
    "cell_right": _style("cell_right", fontSize=8.5, leading=10.5, alignment=TA_RIGHT),
    "cell_header": _style("cell_header", fontName=FONT_BOLD, fontSize=8.5, leading=10.5,
                          textColor=WHITE),
    "cell_header_right": _style("cell_header_right", fontName=FONT_BOLD, fontSize=8.5,
                                leading=10.5, textColor=WHITE, alignment=TA_RIGHT),
    "label": _style("label", fontName=FONT_BOLD, fontSize=9.5, leading=12.5),
    "value": _style("value", fontSize=9.5, leading=12.5),
}
