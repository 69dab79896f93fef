"""The yearly statement of a member municipality's grant to Netværkslokomotivet (issue 13):
the basic grant (rate × P-numbers, with the count's date or the reason it was entered by
hand), the activity lines, and the total in kroner written the Danish way; and the summary
of every member municipality's statement for the year."""
from __future__ import annotations

from reportlab.platypus import Flowable

from ..domain.grants import kroner
from .flowables import data_table, heading, key_values, paragraph, title
from .templates import print_date, render

NO_ACTIVITIES = "Kommunen har ikke bestilt opgaver i året."


def _thousands(n: int | None) -> str:
    return f"{n:,}".replace(",", ".") if n is not None else "–"


def _pnr_text(pnr: dict) -> str:
    """'4.382 P-numre (CVR-udtrækket 3. december 2026)', or the hand count with its reason."""
    counted = (f"{_thousands(pnr.get('counted'))} i CVR-udtrækket pr. "
               f"{print_date(pnr.get('counted_on'))}" if pnr.get("counted") is not None
               else None)
    if pnr.get("override") is not None:
        text = f"{_thousands(pnr['override'])} P-numre, rettet i hånden: {pnr.get('reason')}"
        return f"{text} ({counted})" if counted else text
    return f"{_thousands(pnr.get('used'))} P-numre ({counted})"


def _basic(data: dict) -> list[Flowable]:
    pnr = data.get("pnr") or {}
    used = pnr.get("used") or 0
    return [key_values([
        ("P-numre i kommunen", _pnr_text(pnr)),
        ("Takst", f"{kroner(data.get('per_pnr') or 0)} pr. P-nummer"),
        ("Grundtilskud", f"{_thousands(used)} × {kroner(data.get('per_pnr') or 0)} = "
                         f"{kroner(data.get('basic') or 0)}"),
    ])]


def _activities(data: dict) -> Flowable:
    rows = [[a.get("task"), kroner(a.get("amount") or 0)] for a in data.get("activities") or []]
    if rows:
        rows.append(["Aktivitetstilskud i alt", kroner(data.get("activity_total") or 0)])
    return data_table(["Opgave", "Beløb"], rows, col_widths=(5, 1.6), align_right=(1,),
                      empty=NO_ACTIVITIES)


def build_grant_statement(data: dict) -> bytes:
    """One municipality's statement as PDF bytes; data is services/grants.statement's."""
    town = (data.get("municipality") or {}).get("name") or ""
    year = data.get("year")
    doc_title = f"Tilskud {year}: {town} Kommune"
    story: list[Flowable] = [
        *title(doc_title, "Opgørelse af grundtilskud og aktivitetstilskud til "
                          "Netværkslokomotivet"),
        heading("Grundtilskud"),
        *_basic(data),
        heading("Aktivitetstilskud"),
        _activities(data),
        heading("I alt"),
        key_values([("Grundtilskud", kroner(data.get("basic") or 0)),
                    ("Aktivitetstilskud", kroner(data.get("activity_total") or 0)),
                    (f"Tilskud {year} i alt", kroner(data.get("total") or 0))]),
        paragraph("Virksomhederne deltager gratis; tilskuddet betales af kommunen.", "small"),
    ]
    return render(doc_title, story, subject=f"Tilskud {year} for {town} Kommune",
                  generated=data.get("printed"))


def build_grant_summary(data: dict) -> bytes:
    """Every member municipality's statement of the year on one list, with the total."""
    year = data.get("year")
    doc_title = f"Tilskud {year}: oversigt over medlemskommunerne"
    rows = []
    for s in data.get("statements") or []:
        pnr = s.get("pnr") or {}
        rows.append([f"{s['municipality']['name']} ({s['municipality']['code']})",
                     _thousands(pnr.get("used")) + (" *" if pnr.get("override") is not None
                                                    else ""),
                     kroner(s.get("basic") or 0), kroner(s.get("activity_total") or 0),
                     kroner(s.get("total") or 0)])
    if rows:
        rows.append(["I alt", "", "", "", kroner(data.get("total") or 0)])
    story: list[Flowable] = [
        *title(doc_title),
        data_table(["Kommune", "P-numre", "Grundtilskud", "Aktivitet", "I alt"], rows,
                   col_widths=(2.4, 1, 1.5, 1.5, 1.5), align_right=(1, 2, 3, 4),
                   empty="Ingen medlemskommuner i året."),
        paragraph("* antal P-numre rettet i hånden; begrundelsen står i kommunens opgørelse.",
                  "small"),
    ]
    return render(doc_title, story, subject=f"Tilskud {year}", generated=data.get("printed"))
