"""The municipality report (kommunerapport): one member municipality's FVU effort and
dyslexia effort in a period, against the previous period, with a bar chart of the months.

The data arrives suppressed (services/municipality_report.py): this module prints what it
gets and never sees a small number. Also: table_rows(data) gives the same tables as one
long table for the CSV, sheets(data) one sheet per table for the XLSX.
"""
from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..domain.danish_format import MONTHS
from .flowables import data_table, heading, key_values, paragraph, spacer, title
from .styles import BRAND, CONTENT_WIDTH, FONT, MUTED, TEXT
from .table_files import Cell, cell_text
from .templates import print_date, render

SERIES_COLOURS = (BRAND, colors.HexColor("#7FA7CF"))
_CHART_HEIGHT = 62 * mm


def _title(data: dict) -> str:
    return f"Kommunerapport for {data['municipality']['name']} Kommune"


def _span(span: dict) -> str:
    return f"{print_date(span['first'])} – {print_date(span['last'])}"


def _month_label(key: str) -> str:
    year, month = key.split("-")
    name = MONTHS[int(month) - 1]
    return f"{name[:3] + '.' if len(name) > 3 else name} {year[2:]}"


def month_chart(chart: dict, width: float = CONTENT_WIDTH,
                height: float = _CHART_HEIGHT) -> Drawing:
    """Bars per month for each series; a hidden month draws no bar and says "<5"."""
    drawing = Drawing(width, height)
    months = chart.get("months") or []
    series = chart.get("series") or []
    if not months or not series:
        drawing.add(String(0, height / 2, "Ingen måneder i perioden.", fontName=FONT,
                           fontSize=9, fillColor=MUTED))
        return drawing
    bars = VerticalBarChart()
    bars.x, bars.y = 10 * mm, 14 * mm
    bars.width, bars.height = width - 14 * mm, height - 24 * mm
    bars.data = [[v or 0 for v in s["values"]] for s in series]
    bars.categoryAxis.categoryNames = [_month_label(m) for m in months]
    bars.categoryAxis.labels.fontName = FONT
    bars.categoryAxis.labels.fontSize = 7
    bars.categoryAxis.labels.angle = 30 if len(months) > 8 else 0
    bars.categoryAxis.labels.boxAnchor = "ne" if len(months) > 8 else "n"
    bars.valueAxis.labels.fontName = FONT
    bars.valueAxis.labels.fontSize = 7
    bars.valueAxis.valueMin = 0
    top = max([v or 0 for s in series for v in s["values"]] + [5])
    bars.valueAxis.valueMax = top * 1.15
    bars.valueAxis.valueStep = max(1, round(top / 5))
    bars.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}".replace(",", ".")
    bars.barLabelFormat = lambda v: ""  # labels come below, so "<5" can show
    bars.groupSpacing = 4
    for index, colour in enumerate(SERIES_COLOURS[:len(series)]):
        bars.bars[index].fillColor = colour
        bars.bars[index].strokeColor = colour
    drawing.add(bars)
    _hidden_marks(drawing, bars, series, len(months))
    legend = Legend()
    legend.x, legend.y = 12 * mm, height - 2 * mm
    legend.fontName, legend.fontSize = FONT, 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 45 * mm
    legend.colorNamePairs = [(SERIES_COLOURS[i], s["label"]) for i, s in enumerate(series)]
    drawing.add(legend)
    return drawing


def _hidden_marks(drawing: Drawing, bars: VerticalBarChart, series: list, count: int) -> None:
    """"<5" just above the axis where a month's number is hidden (no bar is drawn)."""
    group = bars.width / count
    width = group / (len(series) + 0.5)
    for s_index, s in enumerate(series):
        for m_index, value in enumerate(s["values"]):
            if value is not None:
                continue
            x = bars.x + m_index * group + group * 0.25 + width * (s_index + 0.5)
            drawing.add(String(x, bars.y + 1.5, "<5", fontName=FONT, fontSize=6,
                               fillColor=TEXT, textAnchor="middle"))


def _table(table: dict) -> list[Flowable]:
    headers = table["headers"]
    rows = [[cell_text(v) for v in row] for row in table["rows"]]
    right = tuple(range(1, len(headers)))
    weights = (3.2, *([1.2] * (len(headers) - 1)))
    out: list[Flowable] = [heading(table["title"]),
                           data_table(headers, rows, weights, align_right=right,
                                      plain=right)]
    if table.get("note"):
        out.append(paragraph(table["note"], "small"))
    return out


def build_municipality_report(data: dict) -> bytes:
    name = data["municipality"]["name"]
    story: list[Flowable] = [
        *title(_title(data), f"FVU-indsatsen og ordblindeindsatsen {_span(data['period'])}"),
        key_values([
            ("Kommune", f"{name} ({data['municipality']['code']})"),
            ("Periode", _span(data["period"])),
            ("Sammenlignet med", _span(data["previous"])),
        ]),
        heading("Måned for måned"),
        month_chart(data.get("chart") or {}),
        spacer(2),
    ]
    for table in data["tables"]:
        story += _table(table)
    story += [spacer(3), paragraph(data["note"], "small"),
              paragraph("Ændring: i forhold til forrige periode af samme længde; \"–\" når et "
                        "af tallene er skjult eller der intet var i forrige periode.", "small")]
    return render(_title(data), story, subject=f"Kommunerapport {_span(data['period'])}",
                  generated=data.get("generated"))


# -- the same tables as files ---------------------------------------------------------------

CSV_HEADERS = ["Kommune", "Periode fra", "Periode til", "Afsnit", "Række", "Kolonne", "Værdi"]


def table_rows(data: dict) -> list[list[Cell]]:
    """Every cell of every table as one row (Excel filters and pivots a long table)."""
    m, p = data["municipality"], data["period"]
    out: list[list[Cell]] = []
    for table in data["tables"]:
        for row in table["rows"]:
            for header, value in zip(table["headers"][1:], row[1:], strict=True):
                out.append([f"{m['name']} ({m['code']})", p["first"], p["last"],
                            table["title"], row[0], header, value])
    return out


SHEET_NAMES = {"virksomheder": "Virksomheder", "personer": "Personer", "udvikling": "Udvikling",
               "fag": "Fag", "trin": "Fag og trin", "ordblinde": "Ordblindeindsatsen"}


def sheets(data: dict) -> list[tuple[str, list[str], list[list[Cell]]]]:
    first = [(
        "Oversigt", ["Felt", "Værdi"],
        [["Kommune", f"{data['municipality']['name']} ({data['municipality']['code']})"],
         ["Periode fra", data["period"]["first"]], ["Periode til", data["period"]["last"]],
         ["Forrige periode fra", data["previous"]["first"]],
         ["Forrige periode til", data["previous"]["last"]],
         ["Bemærk", data["note"]]],
    )]
    return first + [(SHEET_NAMES.get(t["key"], t["title"]), list(t["headers"]),
                     [list(r) for r in t["rows"]]) for t in data["tables"]]
