"""Use cases of the association's financing (issue 13): the yearly rate per P-nummer, each
member municipality's P-number count (from the imported CVR data, or entered by hand with a
reason when the extract is partial), the activity grants for the tasks it ordered, and the
yearly statements (one PDF per member municipality plus a summary). Companies pay nothing.

The arithmetic is domain/grants.py; the documents are reports/grant_statement.py. All input
is validated before anything is written (Danish ValidationError).
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..domain import grants as arithmetic
from ..domain.grants import ActivityLine, Grant, PnrCount, money, parse_kroner
from ..domain.validation import ValidationError, clean_text
from ..files import write_atomically
from ..store.association import GrantRepository
from ..store.database import Store
from .association import municipality_code, municipality_members_in
from .outreach import today_local

_FIRST_YEAR, _LAST_YEAR = 1997, 2200


def parse_year(value: Any) -> int:
    text = str(value if value is not None else "").strip()
    if not text.isdigit() or not _FIRST_YEAR <= int(text) <= _LAST_YEAR:
        raise ValidationError("year", f"Året skal være et årstal, fx 2027, ikke «{value}».")
    return int(text)


def _count(value: Any) -> int:
    text = str(value).strip().replace(".", "")
    if not text.isdigit():
        raise ValidationError("count", f"Antallet af P-numre skal være et helt tal, ikke "
                              f"«{value}».")
    return int(text)


def set_rate(store: Store, year: Any, per_pnr: Any) -> Decimal:
    """The basic grant per P-nummer of the year (10 kr. today)."""
    y = parse_year(year)
    rate = parse_kroner("per_pnr", per_pnr, "Taksten")
    with store.transaction():
        GrantRepository(store).put_rate(y, float(rate))
    return rate


def rate(store: Store, year: int) -> Decimal | None:
    """The rate entered for the year, else the one resources/data/grants.json gives."""
    stored = GrantRepository(store).rate(year)
    return money(stored) if stored is not None else arithmetic.default_rate(year)


def pnr_count(store: Store, code: Any, year: Any, count: Any = None, reason: Any = "",
              today: date | None = None) -> dict:
    """Without count: the live P-units of the municipality in the imported CVR data, counted
    today. With count: a number entered by hand (the extract may be partial), with its
    reason; the extract's count stays beside it."""
    municipality, _name = municipality_code(store, code)
    y = parse_year(year)
    repo = GrantRepository(store)
    if count is None or str(count).strip() == "":
        if clean_text(reason):
            raise ValidationError("reason", "En begrundelse hører til et antal, der er rettet "
                                  "i hånden (--count).")
        values = {"counted": repo.live_units(municipality),
                  "counted_on": (today or today_local()).isoformat()}
    else:
        why = clean_text(reason)
        if not why:
            raise ValidationError("reason", "Et antal P-numre rettet i hånden skal have en "
                                  "begrundelse, fx «CVR-udtrækket mangler Østbyen».")
        values = {"override": _count(count), "reason": why}
    with store.transaction():
        repo.put_pnr_count(municipality, y, values)
    return repo.pnr_count(municipality, y)


def add_activity(store: Store, code: Any, year: Any, task: Any, amount: Any) -> dict:
    """A task the municipality ordered in the year, with its price from the price list."""
    municipality, _name = municipality_code(store, code)
    y = parse_year(year)
    text = clean_text(task)
    if not text:
        raise ValidationError("task", "Opgaven skal have et navn, fx «Screeningsdag».")
    price = parse_kroner("amount", amount)
    repo = GrantRepository(store)
    with store.transaction():
        row_id = repo.add_activity({"municipality_code": municipality, "year": y,
                                    "task": text, "amount": float(price), "notes": ""})
    return next(a for a in repo.activities(municipality, y) if a["id"] == row_id)


def _grant(store: Store, code: str, name: str, year: int) -> Grant:
    per_pnr = rate(store, year)
    if per_pnr is None:
        raise ValidationError("year", f"Der er ingen takst pr. P-nummer for {year}. Angiv "
                              f"den med lokomotiv grants rate --year {year} --per-pnr 10.")
    row = GrantRepository(store).pnr_count(code, year)
    if row is None or (row["counted"] is None and row["override"] is None):
        raise ValidationError("pnr", f"{name} Kommune har intet antal P-numre for {year}. "
                              f"Tæl dem med lokomotiv grants pnr-count {code} --year {year}.")
    pnr = PnrCount(counted=row["counted"], override=row["override"], reason=row["reason"],
                   counted_on=date.fromisoformat(row["counted_on"]) if row["counted_on"]
                   else None)
    lines = tuple(ActivityLine(a["task"], money(a["amount"]))
                  for a in GrantRepository(store).activities(code, year))
    return Grant(per_pnr=per_pnr, pnr=pnr, activities=lines)


def _as_dict(code: str, name: str, year: int, grant: Grant) -> dict:
    return {
        "municipality": {"code": code, "name": name}, "year": year,
        "per_pnr": float(grant.per_pnr),
        "pnr": {"counted": grant.pnr.counted, "counted_on": grant.pnr.counted_on.isoformat()
                if grant.pnr.counted_on else None, "override": grant.pnr.override,
                "reason": grant.pnr.reason, "used": grant.pnr.used},
        "basic": float(grant.basic),
        "activities": [{"task": a.task, "amount": float(a.amount)} for a in grant.activities],
        "activity_total": float(grant.activity_total), "total": float(grant.total),
        "printed": None,
    }


def statement(store: Store, code: Any, year: Any) -> dict:
    """The yearly statement of one municipality as plain data (amounts in kroner)."""
    municipality, name = municipality_code(store, code)
    y = parse_year(year)
    return _as_dict(municipality, name, y, _grant(store, municipality, name, y))


def summary(statements: list[dict], year: int) -> dict:
    total = sum((money(s["total"]) for s in statements), Decimal(0))
    return {"year": year, "statements": statements, "total": float(total), "printed": None}


def _file_name(year: int, code: str, name: str) -> str:
    plain = name.casefold().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    slug = "".join(ch if ch.isalnum() else "-" for ch in plain).strip("-")
    return f"tilskud-{year}-{code}-{slug}.pdf"


def write_statements(store: Store, year: Any, out_dir: Path) -> list[Path]:
    """One statement PDF per municipality that is a member in the year, plus a summary
    (tilskud-ÅR-oversigt.pdf). Every statement is computed and built before the first file
    is written, so bad data (no rate, a municipality without a count) writes nothing."""
    from ..reports.grant_statement import build_grant_statement, build_grant_summary

    y = parse_year(year)
    folder = Path(out_dir).expanduser()
    if folder.exists() and not folder.is_dir():
        raise ValidationError("out", f"{folder} er en fil; angiv en mappe.")
    if not folder.parent.is_dir():
        raise ValidationError("out", f"Mappen {folder.parent} findes ikke.")
    members = municipality_members_in(store, y)
    if not members:
        raise ValidationError("year", f"Ingen kommuner var medlem i {y}.")
    statements = [statement(store, m["municipality_code"], y) for m in members]
    documents = [(folder / _file_name(y, s["municipality"]["code"], s["municipality"]["name"]),
                  build_grant_statement(s)) for s in statements]
    documents.append((folder / f"tilskud-{y}-oversigt.pdf",
                      build_grant_summary(summary(statements, y))))
    try:
        folder.mkdir(exist_ok=True)
        for path, payload in documents:
            write_atomically(path, payload)
    except OSError as exc:
        raise ValidationError("out", f"Kan ikke skrive i {folder}: {exc.strerror}.") from None
    return [path for path, _payload in documents]
