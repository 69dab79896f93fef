"""Use cases of the association itself (issue 13): its members and its board, and the
voting list for the general assembly.

Member municipalities are ordinary members with a vote; organisations and institutions
(DI, FH, 3F) are members without one (DOMAIN.md, "Organisation and money"). The board has
one chair (formand) and members elected by the assembly, plus any non-voting members it
adds. Every function validates all input first (Danish ValidationError, NotFoundError for
what does not exist) and writes in one transaction.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from ..domain.danish_format import field_date
from ..domain.outreach_rules import parse_date
from ..domain.validation import ValidationError, clean_text
from ..store.association import BoardRepository, MemberRepository, municipality_name
from ..store.database import Store
from .outreach import NotFoundError, today_local

ROLES = ("formand", "medlem")


def _day(value: Any, field: str, label: str) -> date:
    return parse_date(field, value, label)


def _sitting(row: dict, on: date, *, last_day_included: bool = True) -> bool:
    """A member on the day: since it (or no date), until it. A board seat ends the morning
    of its until date, so the new chair elected that day is the only one."""
    since, until, day = row.get("since"), row.get("until"), on.isoformat()
    ended = until and (until < day if last_day_included else until <= day)
    return (not since or since <= day) and not ended


def _in_year(row: dict, year: int) -> bool:
    since, until = row.get("since") or "", row.get("until")
    return since <= f"{year}-12-31" and (not until or until >= f"{year}-01-01")


def municipality_code(store: Store, value: Any) -> tuple[str, str]:
    """(code, name) of a municipality given by code ('615') or name ('Horsens')."""
    text = clean_text(value)
    if not text:
        raise ValidationError("municipality", "Kommunen mangler. Skriv fx 615 (Horsens).")
    code = text.zfill(3) if text.isdigit() else None
    name = municipality_name(store, code) if code else None
    if name is None and not text.isdigit():
        row = store.db.execute("SELECT code, name FROM municipality WHERE lower(name) = "
                               "lower(?)", [text]).fetchone()
        code, name = (row[0], row[1]) if row else (None, None)
    if name is None:
        raise NotFoundError("municipality", f"Der er ingen kommune «{text}». Skriv "
                            "kommunekoden, fx 615 for Horsens.")
    return code, name


# -- members --------------------------------------------------------------------------------

def add_municipality_member(store: Store, code: Any, since: Any, notes: Any = "") -> dict:
    """A member municipality (with a vote); its name comes from the municipality table."""
    code, name = municipality_code(store, code)
    start = _day(since, "since", "Medlem siden")
    repo = MemberRepository(store)
    current = repo.municipality(code)
    if current and not current["until"]:
        raise ValidationError("municipality", f"{name} Kommune er allerede medlem (siden "
                              f"{field_date(date.fromisoformat(current['since']))}).")
    with store.transaction():
        row_id = repo.put_municipality(code, {"name": name, "since": start.isoformat(),
                                              "until": None, "vote": 1,
                                              "notes": clean_text(notes)})
    return repo.get(row_id)


def add_organisation_member(store: Store, name: Any, since: Any, notes: Any = "") -> dict:
    """An organisation or institution (DI, FH, 3F): a member without a vote."""
    clean = clean_text(name)
    if not clean:
        raise ValidationError("organisation", "Organisationen skal have et navn.")
    start = _day(since, "since", "Medlem siden")
    repo = MemberRepository(store)
    current = next((m for m in repo.named(clean) if not m["until"]), None)
    if current:
        raise ValidationError("organisation", f"«{current['name']}» er allerede medlem.")
    with store.transaction():
        row_id = repo.add_organisation({"name": clean, "since": start.isoformat(),
                                        "until": None, "vote": 0, "notes": clean_text(notes)})
    return repo.get(row_id)


def find_member(store: Store, *, municipality: Any = None, organisation: Any = None) -> dict:
    repo = MemberRepository(store)
    if municipality is not None:
        code, name = municipality_code(store, municipality)
        found = repo.municipality(code)
        if found is None:
            raise NotFoundError("municipality", f"{name} Kommune er ikke medlem.")
        return found
    text = clean_text(organisation)
    found = [m for m in repo.named(text) if m["kind"] == "organisation"]
    if not found:
        raise NotFoundError("organisation", f"«{text}» er ikke medlem.")
    return next((m for m in found if not m["until"]), found[-1])


def end_membership(store: Store, *, until: Any, municipality: Any = None,
                   organisation: Any = None) -> dict:
    member = find_member(store, municipality=municipality, organisation=organisation)
    end = _day(until, "until", "Medlem til")
    if member["until"]:
        raise ValidationError("until", f"{member['name']}s medlemskab sluttede allerede "
                              f"{field_date(date.fromisoformat(member['until']))}.")
    if end.isoformat() < member["since"]:
        raise ValidationError("until", "Medlemskabet kan ikke slutte, før det begyndte "
                              f"({field_date(date.fromisoformat(member['since']))}).")
    repo = MemberRepository(store)
    with store.transaction():
        repo.update(member["id"], {"until": end.isoformat()})
    return repo.get(member["id"])


def members(store: Store, on: date | None = None) -> list[dict]:
    """Every member, with whether it is a member on the day (default today)."""
    day = on or today_local()
    return [{**m, "vote": bool(m["vote"]), "active": _sitting(m, day)}
            for m in MemberRepository(store).all()]


def municipality_members_in(store: Store, year: int) -> list[dict]:
    """The member municipalities that were members at some time in the year, one each."""
    seen, out = set(), []
    for m in MemberRepository(store).all():
        if m["kind"] == "kommune" and _in_year(m, year) and m["municipality_code"] not in seen:
            seen.add(m["municipality_code"])
            out.append(m)
    return out


def voting_list(store: Store, on: Any = None) -> dict:
    """The general assembly's voting list: each voting member on the day once."""
    day = _day(on, "date", "Dato") if on else today_local()
    voters, seen = [], set()
    for m in members(store, day):
        key = m["municipality_code"] or m["name"].casefold()
        if m["vote"] and m["active"] and key not in seen:
            seen.add(key)
            voters.append({"name": m["name"], "code": m["municipality_code"] or "",
                           "since": m["since"]})
    return {"date": day.isoformat(), "voters": voters, "printed": None}


# -- board ----------------------------------------------------------------------------------

def add_board_member(store: Store, name: Any, role: Any = "medlem", *, vote: bool = True,
                     since: Any = None, member: dict | None = None) -> dict:
    clean = clean_text(name)
    if not clean:
        raise ValidationError("name", "Bestyrelsesmedlemmet skal have et navn.")
    kind = clean_text(role).casefold()
    if kind not in ROLES:
        raise ValidationError("role", f"Rollen skal være formand eller medlem, ikke «{role}».")
    start = _day(since, "since", "Valgt den") if since else today_local()
    if kind == "formand" and not vote:
        raise ValidationError("vote", "Formanden er valgt af generalforsamlingen og har "
                              "stemmeret.")
    sitting = [b for b in board(store, start) if b["active"]]
    if kind == "formand":
        chair = next((b for b in sitting if b["role"] == "formand"), None)
        if chair:
            raise ValidationError("role", f"Bestyrelsen har allerede en formand: "
                                  f"{chair['name']}. Afslut formandens periode først.")
    if any(b["name"].casefold() == clean.casefold() for b in sitting):
        raise ValidationError("name", f"{clean} sidder allerede i bestyrelsen.")
    repo = BoardRepository(store)
    with store.transaction():
        row_id = repo.add({"name": clean, "role": kind, "vote": int(bool(vote)),
                           "member_id": member["id"] if member else None,
                           "since": start.isoformat(), "until": None})
    return next(b for b in board(store, start) if b["id"] == row_id)


def end_board_member(store: Store, name: Any, until: Any) -> dict:
    clean = clean_text(name)
    end = _day(until, "until", "Til")
    found = [b for b in board(store, end) if b["name"].casefold() == clean.casefold()
             and not b["until"]]
    if not found:
        raise NotFoundError("name", f"{clean} sidder ikke i bestyrelsen.")
    if found[0]["since"] and end.isoformat() < found[0]["since"]:
        raise ValidationError("until", "Perioden kan ikke slutte, før den begyndte.")
    with store.transaction():
        BoardRepository(store).update(found[0]["id"], {"until": end.isoformat()})
    return {**found[0], "until": end.isoformat()}


def board(store: Store, on: date | None = None) -> list[dict]:
    day = on or today_local()
    return [{**b, "vote": bool(b["vote"]), "active": _sitting(b, day, last_day_included=False)}
            for b in BoardRepository(store).all()]
