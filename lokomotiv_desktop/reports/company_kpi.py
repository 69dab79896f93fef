"""The company KPI sheet (nøgletalsark): one page for the management meeting and the
canteen wall. The targets agreed with the company's management against where it stands
now, and what has happened (meetings, screenings, courses): aggregates only, no names;
the numbers arrive suppressed (services/company_report.py)."""
from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from .flowables import data_table, heading, key_values, paragraph, spacer, title
from .styles import BRAND, BRAND_LIGHT, CONTENT_WIDTH, FONT_BOLD, TEXT
from .table_files import cell_text
from .templates import print_date, render

REACHED = colors.HexColor("#2E7D32")
_BAR_HEIGHT = 5 * mm


def _period(data: dict) -> str:
    first, last = data["period"]["first"], data["period"]["last"]
    if not first:
        return f"til og med {print_date(last)}"
    return f"{print_date(first)} – {print_date(last)}"


def _progress(target: dict, width: float = CONTENT_WIDTH) -> Drawing:
    """The target as a bar: how far along, with the goal marked; nothing to draw when the
    current share is unknown or hidden ("under 2,5 %")."""
    drawing = Drawing(width, _BAR_HEIGHT + 4 * mm)
    y = 2 * mm
    drawing.add(Rect(0, y, width, _BAR_HEIGHT, fillColor=BRAND_LIGHT, strokeColor=None))
    current = _as_number(target["current"])
    goal = _as_number(target["target"]) or 0
    if current is not None:
        filled = width * min(current, 100) / 100
        colour = REACHED if target["reached"] else BRAND
        drawing.add(Rect(0, y, filled, _BAR_HEIGHT, fillColor=colour, strokeColor=None))
    x = width * min(goal, 100) / 100
    drawing.add(Rect(x - 0.6, y - 1.5 * mm, 1.2, _BAR_HEIGHT + 3 * mm, fillColor=TEXT,
                     strokeColor=None))
    drawing.add(String(min(x + 1.5 * mm, width - 18 * mm), y + _BAR_HEIGHT + 0.6 * mm,
                       f"Mål {target['target']}", fontName=FONT_BOLD, fontSize=7,
                       fillColor=TEXT))
    return drawing


def _as_number(text: str) -> float | None:
    try:
        return float(text.replace(" %", "").replace(",", "."))
    except (ValueError, AttributeError):
        return None


def _targets(data: dict) -> list[Flowable]:
    targets = data["targets"]
    if not targets:
        return [paragraph("Der er ikke aftalt mål med virksomheden endnu.")]
    out: list[Flowable] = []
    for target in targets:
        status = "nået" if target["reached"] else (
            f"{target['days_left']} dage tilbage" if target["days_left"] >= 0 else "fristen er overskredet")
        out += [paragraph(f"<b>{_escape(target['description'])}</b>", allow_markup=True),
                key_values([
                    ("Mål", f"{target['target']} senest {print_date(target['deadline'])}"),
                    ("Nu", f"{target['current']} ({status})"),
                    ("Talt med", _counted(target)),
                ]),
                spacer(1.5), _progress(target), spacer(2)]
    return out


def _escape(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text or "")


def _counted(target: dict) -> str:
    if target["measure"] == "manuel":
        return "Indtastet af konsulenten"
    if target["out_of"] == "–":
        return f"{cell_text(target['counted'])} tilmeldt screening (antal medarbejdere ukendt)"
    return (f"{cell_text(target['counted'])} tilmeldt screening af "
            f"{cell_text(target['out_of'])} medarbejdere")


def build_company_kpi(data: dict) -> bytes:
    company = data["company"]
    story: list[Flowable] = [
        *title(f"Nøgletal for {company['name']}", f"CVR {company['cvr']} · {_period(data)}"),
        heading("Mål aftalt med ledelsen"),
        *_targets(data),
        heading("Det er sket"),
        data_table(["Nøgletal", "Antal"], [[label, cell_text(v)] for label, v in data["funnel"]],
                   (4, 1), align_right=(1,), plain=(1,)),
    ]
    if data["subjects"]:
        story += [heading("Hold pr. fag", 2),
                  data_table(["Fag", "Tilmeldt", "Gennemført"],
                             [[r[0], cell_text(r[1]), cell_text(r[2])] for r in data["subjects"]],
                             (3, 1, 1), align_right=(1, 2), plain=(1, 2))]
    story.append(paragraph("Kun samlede tal, ingen navne. <5: færre end 5 personer (eller et tal "
                           "skjult, så et lille tal ikke kan regnes ud).", "small"))
    return render(f"Nøgletal for {company['name']}", story,
                  subject=f"Nøgletalsark {_period(data)}", generated=data.get("generated"))

