"""The general assembly's voting list (issue 13): each member with a vote once (the member
municipalities; organisations have no vote), with room for a signature."""
from __future__ import annotations

from reportlab.platypus import Flowable

from .flowables import data_table, paragraph, title
from .templates import print_date, render

_BLANK = "\u200b"  # room to write in (an empty cell prints "–", and strip() eats spaces)


def build_voting_list(data: dict) -> bytes:
    """data: services/association.voting_list's {"date", "voters": [{name, code}], ...}."""
    day = print_date(data.get("date"))
    doc_title = "Stemmeliste til generalforsamlingen"
    voters = data.get("voters") or []
    rows = [[n, f"{v.get('name')} Kommune" if v.get("code") else v.get("name"),
             v.get("code") or "", _BLANK, _BLANK] for n, v in enumerate(voters, start=1)]
    table = data_table(["Nr.", "Medlem", "Kode", "Repræsentant", "Underskrift"], rows,
                       col_widths=(0.5, 2.2, 0.6, 2.0, 2.2), align_right=(0,), plain=(0, 2),
                       empty="Ingen medlemmer med stemmeret.")
    inner = getattr(table, "_content", [table])[0]  # a short table comes in a KeepTogether
    if hasattr(inner, "setStyle"):  # tall rows: a signature needs room
        inner.setStyle([("TOPPADDING", (0, 1), (-1, -1), 9),
                        ("BOTTOMPADDING", (0, 1), (-1, -1), 9)])
    story: list[Flowable] = [
        *title(doc_title, f"Medlemmer med stemmeret pr. {day}"),
        table,
        paragraph(f"{len(voters)} stemmeberettigede medlemmer. Hvert medlem har én stemme; "
                  "organisationer er medlemmer uden stemmeret.", "small"),
    ]
    return render(doc_title, story, subject="Stemmeliste", generated=data.get("printed"))
