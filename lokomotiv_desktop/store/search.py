"""Full-text search over companies (FTS5), with Danish letters folded on both sides.

`company_search` holds one row per live company (deleted ones drop out): its name, the
columns the list filters on, and its search document: name, CVR, address, postcode, city,
its P-units (P-number, name, city) and its contacts' names, folded (æ->ae, ø->oe, å->aa)
and reduced to words. `company_fts` indexes that document (external content, with prefix
indexes so one- to four-letter prefixes are a single lookup). Both are keyed by the
company's rowid: VACUUM may renumber rowids, so ``Store.vacuum`` rebuilds them afterwards.

Type-ahead must stay fast when one letter matches most of 300 000 companies, so a query
takes the cheapest exact route (see ``ranked_rowids``): few hits are fetched from the index
and sorted; many hits mean walking the name index in order and keeping rows whose document
holds every word, stopping at the limit.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..domain.text import fold_danish

# unicode61 splits on everything but letters and digits ("_" too), so words match it.
_WORD = re.compile(r"[^\W_]+")
OWNER_COLUMN = {"company": "id", "production_unit": "company_id", "contact": "company_id"}

_SEARCH_ROW_SQL = """
SELECT c.rowid, c.name, dansk_key(c.name), c.municipality_code, c.phase, c.consultant, search_doc(
    c.name || ' ' || c.cvr || ' ' || c.address || ' ' || coalesce(c.postcode, '') || ' ' ||
    c.city || ' ' ||
    coalesce((SELECT group_concat(p.pnr || ' ' || p.name || ' ' || p.city, ' ')
              FROM production_unit p WHERE p.company_id = c.id AND p.deleted = 0), '') || ' ' ||
    coalesce((SELECT group_concat(k.name, ' ')
              FROM contact k WHERE k.company_id = c.id AND k.deleted = 0), ''))
FROM company c
"""
_INSERT_SEARCH_ROWS = (
    "INSERT INTO company_search(company_rowid, name, sort_name, municipality_code, phase, "
    "consultant, doc) "
    + _SEARCH_ROW_SQL
)


def words(text: str) -> list[str]:
    return _WORD.findall(fold_danish(text or ""))


def search_doc(text: str | None) -> str:
    """The folded words, each preceded by a space: instr(doc, ' ' || word) is a prefix test."""
    return "".join(" " + w for w in words(text or ""))


def register_functions(db) -> None:
    db.conn.create_function("search_doc", 1, search_doc, deterministic=True)


def reindex(db, company_ids: Iterable[str]) -> None:
    """Rebuilds the search rows of these companies (deleted companies drop out)."""
    ids = list(set(company_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        rowids = [r[0] for r in db.execute(
            f"SELECT rowid FROM company WHERE id IN ({marks})", chunk)]
        _remove(db, rowids)
        db.execute(f"{_INSERT_SEARCH_ROWS} WHERE c.id IN ({marks}) AND c.deleted = 0", chunk)
        rowid_marks = ", ".join("?" * len(rowids))
        db.execute(
            f"INSERT INTO company_fts(rowid, doc) SELECT company_rowid, doc FROM company_search "
            f"WHERE company_rowid IN ({rowid_marks})", rowids)


def _remove(db, rowids: list[int]) -> None:
    # External content: FTS5 forgets a row only when told the exact document it indexed.
    marks = ", ".join("?" * len(rowids))
    db.execute(
        f"INSERT INTO company_fts(company_fts, rowid, doc) SELECT 'delete', company_rowid, doc "
        f"FROM company_search WHERE company_rowid IN ({marks})", rowids)
    db.execute(f"DELETE FROM company_search WHERE company_rowid IN ({marks})", rowids)


def forget_companies(db, company_ids: list[str]) -> None:
    """Removes these companies' search rows, before the companies are hard-deleted (erasure)."""
    for start in range(0, len(company_ids), 500):
        chunk = company_ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        _remove(db, [r[0] for r in db.execute(
            f"SELECT rowid FROM company WHERE id IN ({marks})", chunk)])


def rebuild(db) -> None:
    db.execute("DELETE FROM company_search")
    db.execute(f"{_INSERT_SEARCH_ROWS} WHERE c.deleted = 0")
    db.execute("INSERT INTO company_fts(company_fts) VALUES ('rebuild')")


def needs_rebuild(db) -> bool:
    """True when live companies have no search rows (a store just upgraded to this index)."""
    return bool(db.execute(
        "SELECT EXISTS (SELECT 1 FROM company WHERE deleted = 0) "
        "AND NOT EXISTS (SELECT 1 FROM company_search)").fetchone()[0])


def company_ids_for(db, table: str, row_ids: list[str]) -> list[str]:
    """The companies whose search document a write to `table` may change."""
    if table == "company":
        return row_ids
    column = OWNER_COLUMN.get(table)
    if column is None:
        return []
    found: list[str] = []
    for start in range(0, len(row_ids), 500):
        chunk = row_ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        found += [r[0] for r in db.execute(
            f"SELECT DISTINCT {column} FROM {table} WHERE id IN ({marks})", chunk
        )]
    return found


def match_expression(text: str) -> str | None:
    """Turns what the user typed into an FTS5 query: every word must match as a prefix.

    Punctuation is dropped, so no user input can form FTS5 syntax (no injection, no error).
    """
    tokens = words(text)
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


def ranked_rowids(
    db, text: str, filters: Sequence[tuple[str, object]], descending: bool, limit: int
) -> list[int]:
    """Rowids of live companies whose document has every typed word as a prefix and whose
    filter columns equal the given values: the first `limit` in name order.

    The cheapest of three routes, each exact: sort the index hits when they are few; sort
    the filtered rows when a filter leaves few; else walk the names in order, testing each
    document, until `limit` are found (within a budget; past it, sort the hits after all).
    """
    tokens = words(text)
    if not tokens:
        return []
    query = _Query(db, tokens, filters, descending)
    if query.count_hits(SORT_MAX) <= SORT_MAX:
        return query.sort_hits(limit)
    if filters and query.count_filtered(SORT_MAX) <= SORT_MAX:
        return query.sort_filtered(limit)
    found, complete = query.walk(limit, WALK_BUDGET)
    return found if complete else query.sort_hits(limit)


# Route limits, measured at 300 000 companies: sorting hits costs about 0.6 µs per hit,
# walking the covering name index about 0.3 µs per name.
SORT_MAX = 15_000
WALK_BUDGET = 20_000


class _Query:
    def __init__(self, db, tokens: list[str], filters, descending: bool):
        self.db = db
        self.match = " ".join(f'"{token}"*' for token in tokens)
        self.instr = " AND ".join("instr(s.doc, ?)" for _ in tokens)
        self.words = [" " + token for token in tokens]
        self.conditions = "".join(f" AND s.{column} = ?" for column, _ in filters)
        self.values = [value for _, value in filters]
        self.descending = descending
        direction = "DESC" if descending else "ASC"
        # Danish order (Æ, Ø, Å after Z) from the stored key: store/migrations.py step 8.
        self.order = f"s.sort_name {direction}, s.company_rowid {direction}"

    def _rowids(self, sql: str, params: list) -> list[int]:
        return [r[0] for r in self.db.execute(sql, params)]

    def count_hits(self, cap: int) -> int:
        return self.db.execute(
            "SELECT count(*) FROM (SELECT rowid FROM company_fts WHERE company_fts MATCH ? "
            "LIMIT ?)", [self.match, cap + 1]).fetchone()[0]

    def count_filtered(self, cap: int) -> int:
        return self.db.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM company_search s WHERE 1{self.conditions} "
            f"LIMIT ?)", [*self.values, cap + 1]).fetchone()[0]

    def sort_hits(self, limit: int) -> list[int]:
        return self._rowids(
            f"SELECT s.company_rowid FROM (SELECT rowid AS hit FROM company_fts "
            f"WHERE company_fts MATCH ?) f CROSS JOIN company_search s "
            f"INDEXED BY company_search_key "
            f"ON s.company_rowid = f.hit WHERE 1{self.conditions} ORDER BY {self.order} "
            f"LIMIT ?", [self.match, *self.values, limit])

    def sort_filtered(self, limit: int) -> list[int]:
        return self._rowids(
            f"SELECT s.company_rowid FROM company_search s WHERE {self.instr}{self.conditions} "
            f"ORDER BY {self.order} LIMIT ?", [*self.words, *self.values, limit])

    def walk(self, limit: int, budget: int) -> tuple[list[int], bool]:
        """The first `limit` matches among the first `budget` names, and whether that is the
        whole answer (enough found, or no names beyond the budget)."""
        # The name `budget` places on bounds the walk; one index scan in order, no sorting,
        # stopping as soon as `limit` rows matched.
        bound = self.db.execute(
            f"SELECT sort_name FROM company_search s INDEXED BY company_search_name "
            f"ORDER BY {self.order} LIMIT 1 OFFSET ?", [budget]).fetchone()
        before = ""
        if bound is not None:
            before = f" AND s.sort_name {'>' if self.descending else '<'} ?"
        found = self._rowids(
            f"SELECT s.company_rowid FROM company_search s INDEXED BY company_search_name "
            f"WHERE {self.instr}{before}{self.conditions} ORDER BY {self.order} LIMIT ?",
            [*self.words, *([bound[0]] if bound else []), *self.values, limit])
        return found, len(found) >= limit or bound is None


def all_rowids_by_name(db, descending: bool = False, limit: int | None = None) -> list[int]:
    """Every live company in name order (the first `limit`), from the covering name index."""
    direction = "DESC" if descending else "ASC"
    return [r[0] for r in db.execute(
        f"SELECT company_rowid FROM company_search "
        f"ORDER BY sort_name {direction}, company_rowid {direction} LIMIT ?",
        [-1 if limit is None else limit])]


# -- search rows for companies created in bulk (the CVR import) -------------------------------
class DocumentBuilder:
    """Search documents built in Python, equal to what ``reindex`` makes in SQL: the
    ``search_doc`` of the parts joined by spaces. Remembers the words of each value, since
    cities, street names and company names repeat row after row; one builder per import."""

    def __init__(self) -> None:
        self._words = _WordsOf()

    def words(self, value: str) -> str:
        return self._words[value]

    def __call__(self, parts: Iterable[str]) -> str:
        return "".join(map(self._words.__getitem__, parts))  # a dict hit stays in C


class _WordsOf(dict):
    """value -> its search_doc, computed on first use."""

    def __missing__(self, value: str) -> str:
        if value.isdigit() and value.isascii():
            return " " + value  # one word, nothing to fold; CVR and P-numbers are not kept
        found = self[value] = search_doc(value)
        return found


def stage_documents(db, documents: list[tuple[str, str, str]]) -> None:
    """(company id, DocumentBuilder text, sort_key of the name) of new companies, waiting
    in a TEMP table for ``add_new_companies``: the rows are bound here, on the caller's
    thread."""
    conn = db.conn
    conn.execute("DROP TABLE IF EXISTS temp.new_documents")
    conn.execute("CREATE TEMP TABLE new_documents (id TEXT PRIMARY KEY, doc TEXT, "
                 "sort_name TEXT) WITHOUT ROWID")
    conn.executemany("INSERT INTO temp.new_documents VALUES (?, ?, ?)", documents)


def add_new_companies(db, after_rowid: int) -> None:
    """Search rows for the companies inserted after `after_rowid` in this transaction (so
    they have none yet), from the documents staged by ``stage_documents``: no DELETE and no
    subqueries, unlike ``reindex``. The listed columns are read from the rows as stored.
    Only SQL, no Python per row: it may run on the bulk writer's helper thread."""
    conn = db.conn
    conn.execute(
        "INSERT INTO company_search(company_rowid, name, sort_name, municipality_code, "
        "phase, consultant, doc) SELECT c.rowid, c.name, d.sort_name, "
        "c.municipality_code, c.phase, c.consultant, d.doc FROM company c "
        "JOIN temp.new_documents d ON d.id = c.id "
        "WHERE c.rowid > ? AND c.deleted = 0 ORDER BY c.rowid", [after_rowid])
    conn.execute(
        "INSERT INTO company_fts(rowid, doc) SELECT company_rowid, doc FROM company_search "
        "WHERE company_rowid > ? ORDER BY company_rowid", [after_rowid])
    conn.execute("DROP TABLE temp.new_documents")
