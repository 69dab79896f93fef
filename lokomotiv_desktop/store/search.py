"""Full-text search over companies (FTS5), with Danish letters folded on both sides.

The document of a company holds its name, CVR, address, postcode, city, its P-units
(P-number, name, city) and its contacts' names. The FTS rowid is the company's rowid:
VACUUM may renumber rowids, so ``Store.vacuum`` rebuilds this index afterwards.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..domain.text import fold_danish

_DOC_SQL = """
SELECT c.rowid, fold(
    c.name || ' ' || c.cvr || ' ' || c.address || ' ' || coalesce(c.postcode, '') || ' ' ||
    c.city || ' ' ||
    coalesce((SELECT group_concat(p.pnr || ' ' || p.name || ' ' || p.city, ' ')
              FROM production_unit p WHERE p.company_id = c.id AND p.deleted = 0), '') || ' ' ||
    coalesce((SELECT group_concat(k.name, ' ')
              FROM contact k WHERE k.company_id = c.id AND k.deleted = 0), ''))
FROM company c
"""

_TOKEN = re.compile(r"\w+", re.UNICODE)
OWNER_COLUMN = {"company": "id", "production_unit": "company_id", "contact": "company_id"}


def register_functions(db) -> None:
    db.conn.create_function("fold", 1, lambda s: fold_danish(s or ""), deterministic=True)


def reindex(db, company_ids: Iterable[str]) -> None:
    """Rebuilds the documents of these companies (deleted companies drop out)."""
    ids = list(set(company_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        db.execute(
            f"DELETE FROM company_fts WHERE rowid IN "
            f"(SELECT rowid FROM company WHERE id IN ({marks}))",
            chunk,
        )
        db.execute(
            f"INSERT INTO company_fts(rowid, doc) {_DOC_SQL} "
            f"WHERE c.id IN ({marks}) AND c.deleted = 0",
            chunk,
        )


def rebuild(db) -> None:
    db.execute("DELETE FROM company_fts")
    db.execute(f"INSERT INTO company_fts(rowid, doc) {_DOC_SQL} WHERE c.deleted = 0")


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
    tokens = _TOKEN.findall(fold_danish(text))
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)
