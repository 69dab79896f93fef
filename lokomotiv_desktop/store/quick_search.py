"""Ctrl+K: companies ranked by how well they match what was typed, each with why it matched.

Ranks, best first: the exact CVR or P-nummer; the name starting with the typed words; every
typed word starting a word of the name; then a contact person, the city, and the rest of
the search document (P-units, address, postcode). Within a rank, Danish name order.

Type-ahead stays fast at 300 000 companies because every step is bounded: the exact numbers
are index lookups, the name-prefix rank is one FTS5 initial-token query (the search
document starts with the name) or, for a word most documents hold, a range of the name
index, and the other ranks are decided in Python over the first
CANDIDATES hits of the list's own search (search.ranked_rowids), with their contacts and
P-units read in one query each.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..domain.danish_format import sort_key
from . import search

EXACT, NAME_PREFIX, WORD_PREFIX, CONTACT, CITY, OTHER = range(6)
CANDIDATES = 80  # hits of the plain search that are ranked in Python
_PREFIX_SORT_MAX = 1_000  # above this many name-prefix hits, take them unsorted


@dataclass(frozen=True)
class QuickHit:
    company_id: str
    cvr: str
    name: str
    city: str
    rank: int
    why: str = ""  # "contact", "city", "pnr", "unit", "address", "postcode" or "cvr"
    detail: str = ""  # the value that matched, e.g. the contact's name


def quick_search(db, text: str, limit: int = 30) -> list[QuickHit]:
    tokens = search.words(text)
    if not tokens:
        return []
    ranked: dict[int, tuple[int, str, str]] = {}  # rowid -> (rank, why, detail)
    digits = "".join(ch for ch in text if not ch.isspace())
    if digits.isdigit() and len(digits) in (8, 10):
        for rowid, why, detail in _exact(db, digits):
            ranked[rowid] = (EXACT, why, detail)
    for rowid in _name_prefix(db, text, tokens, limit):
        ranked.setdefault(rowid, (NAME_PREFIX, "", ""))
    candidates: list[int] = []
    if len(ranked) < limit:  # else the names alone fill the list: nothing below can show
        candidates = [r for r in search.ranked_rowids(db, text, [], False, CANDIDATES)
                      if r not in ranked]
    rows = _rows(db, [*ranked, *candidates])
    parts = _parts(db, [rows[r][0] for r in candidates if r in rows])
    for rowid in candidates:
        if rowid in rows:
            ranked[rowid] = _rank(tokens, rows[rowid], parts.get(rows[rowid][0], []))
    hits = [QuickHit(rows[r][0], rows[r][1], rows[r][2], rows[r][3], *ranked[r])
            for r in ranked if r in rows]
    hits.sort(key=lambda h: (h.rank, sort_key(h.name), h.company_id))
    return hits[:limit]


def _exact(db, number: str) -> list[tuple[int, str, str]]:
    if len(number) == 8:
        return [(r[0], "cvr", number) for r in db.execute(
            "SELECT rowid FROM company WHERE cvr = ? AND deleted = 0", [number])]
    return [(r[0], "pnr", f"{number} {r[1]}".strip()) for r in db.execute(
        "SELECT c.rowid, p.name FROM production_unit p JOIN company c ON c.id = p.company_id "
        "WHERE p.pnr = ? AND p.deleted = 0 AND c.deleted = 0", [number])]


def _name_prefix(db, text: str, tokens: list[str], limit: int) -> list[int]:
    """Companies whose name starts with the typed words (the last one as a prefix)."""
    plain = " ".join(f'"{t}"*' for t in tokens)
    hits = db.execute(
        "SELECT count(*) FROM (SELECT 1 FROM company_fts WHERE company_fts MATCH ? LIMIT ?)",
        [plain, _PREFIX_SORT_MAX + 1]).fetchone()[0]
    if hits <= _PREFIX_SORT_MAX:
        # The document's first tokens are the name's, and FTS5's ^ matches only there;
        # checking positions is cheap over this few documents, folded letters included.
        rows = db.execute(
            "SELECT s.company_rowid, s.name FROM company_fts f JOIN company_search s "
            "ON s.company_rowid = f.rowid WHERE company_fts MATCH ?",
            ['^"' + " ".join(tokens) + '"*']).fetchall()
        rows.sort(key=lambda r: sort_key(r[1]))
        return [r[0] for r in rows[:limit]]
    # A word most documents hold (one letter, a digit): checking positions would read them
    # all, so range-scan the name index's Danish sort key (store/migrations.py step 8) for
    # the typed text's key: case, accents and "aa" folded as the list sorts them.
    typed = sort_key(" ".join(text.split())).partition("\x00")[0]
    return [r[0] for r in db.execute(
        "SELECT company_rowid FROM company_search WHERE sort_name >= ? AND sort_name < ? "
        "ORDER BY sort_name LIMIT ?", [typed, typed + "\U0010ffff", limit])]


def _rows(db, rowids: list[int]) -> dict[int, tuple]:
    """rowid -> (id, cvr, name, city, address, postcode) of live companies."""
    found: dict[int, tuple] = {}
    for start in range(0, len(rowids), 500):
        chunk = rowids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        for r in db.execute(
                f"SELECT rowid, id, cvr, name, city, address, coalesce(postcode, '') "
                f"FROM company WHERE rowid IN ({marks}) AND deleted = 0", chunk):
            found[r[0]] = tuple(r[1:])
    return found


def _parts(db, company_ids: list[str]) -> dict[str, list[tuple[str, str]]]:
    """company id -> its contacts and P-units as (why, text) pairs."""
    parts: dict[str, list[tuple[str, str]]] = {}
    if not company_ids:
        return parts
    marks = ", ".join("?" * len(company_ids))
    for company_id, name in db.execute(
            f"SELECT company_id, name FROM contact WHERE company_id IN ({marks}) "
            f"AND deleted = 0 ORDER BY name", company_ids):
        parts.setdefault(company_id, []).append(("contact", name))
    for company_id, pnr, name, city in db.execute(
            f"SELECT company_id, pnr, name, city FROM production_unit "
            f"WHERE company_id IN ({marks}) AND deleted = 0 ORDER BY pnr", company_ids):
        parts.setdefault(company_id, []).append(
            ("unit", ", ".join(x for x in (name, city, pnr) if x)))
    return parts


def _covers(tokens: list[str], text: str) -> int:
    """How many typed words start a word of `text`."""
    present = search.words(text)
    return sum(any(w.startswith(t) for w in present) for t in tokens)


def _rank(tokens: list[str], row: tuple, parts: list[tuple[str, str]]) -> tuple[int, str, str]:
    _id, _cvr, name, city, address, postcode = row
    if _covers(tokens, name) == len(tokens):
        return WORD_PREFIX, "", ""
    # The words the name does not explain say why the row is here: the part holding most
    # of them, contacts before the city before the rest.
    outside = [t for t in tokens if not _covers([t], name)]
    best: tuple[int, int, str, str] | None = None
    options = [(CONTACT, why, text) for why, text in parts if why == "contact"]
    options += [(CITY, "city", city)]
    options += [(OTHER, why, text) for why, text in parts if why != "contact"]
    options += [(OTHER, "address", address), (OTHER, "postcode", postcode)]
    for rank, why, text in options:
        covered = _covers(outside, text or "")
        if covered and (best is None or covered > best[0]):
            best = (covered, rank, why, text)
    if best is None:
        return OTHER, "", ""
    return best[1], best[2], best[3]
