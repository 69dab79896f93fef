"""The import reads, checks and writes a file a part at a time, with the store's statements
on a helper thread: the parts must add up to exactly what one pass would make."""
from __future__ import annotations

import csv
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lokomotiv_desktop.services import import_cvr
from lokomotiv_desktop.services.cvr_file import CANONICAL, ImportFileError, read_cvr_file
from lokomotiv_desktop.services.cvr_rows import RowChecker
from lokomotiv_desktop.services.demo import demo_cvr_rows
from lokomotiv_desktop.services.import_cvr import import_cvr_file
from lokomotiv_desktop.store import Store, bulk, search

CODES = {"101", "630", "751", "851"}


def write_rows(path, rows, header=CANONICAL):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\n").writerows([header, *rows])
    return path


def contents(store: Store) -> dict[str, list[tuple]]:
    """Everything an import writes, without ids and stamps (new on every import)."""
    return {
        "company": store.db.execute(
            "SELECT cvr, name, address, postcode, city, municipality_code, industry_code, "
            "industry_text, employees, marketing_protected FROM company ORDER BY cvr").fetchall(),
        "unit": store.db.execute(
            "SELECT c.cvr, p.pnr, p.name, p.address, p.postcode, p.city, p.municipality_code, "
            "p.employees FROM production_unit p JOIN company c ON c.id = p.company_id "
            "ORDER BY p.pnr").fetchall(),
        "outbox": store.db.execute(
            "SELECT tbl, count(*) FROM outbox GROUP BY tbl ORDER BY tbl").fetchall(),
        "search": store.db.execute(
            "SELECT s.name, s.doc FROM company_search s ORDER BY s.doc").fetchall(),
    }


def shuffled_units(count: int) -> list[list[str]]:
    """Demo rows with every fourth row moved to the end: those companies' rows are apart."""
    rows = list(demo_cvr_rows(count, seed=7))
    return [row for i, row in enumerate(rows) if i % 4] + rows[::4]


def test_small_parts_on_the_helper_thread_make_what_one_part_makes(tmp_path, monkeypatch):
    path = write_rows(tmp_path / "x.csv", shuffled_units(600))
    whole = Store(tmp_path / "whole.db")
    first = import_cvr_file(whole, path)
    monkeypatch.setattr(import_cvr, "ROWS_PER_PART", 64)
    monkeypatch.setattr(bulk, "THREAD_FROM", 1)  # every part's statements on the thread
    interval = sys.getswitchinterval()
    parts = Store(tmp_path / "parts.db")
    second = import_cvr_file(parts, path)
    assert sys.getswitchinterval() == interval  # given back as it was
    assert second.summary_line() == first.summary_line() == \
        "imported 600, updated 0, unchanged 0, rejected 0"
    assert contents(parts) == contents(whole)
    # the search rows of companies whose P-units came in several parts are whole, and the
    # full-text index agrees with a rebuild from the rows
    before = contents(parts)["search"]
    with parts.transaction():
        search.rebuild(parts.db)
    assert contents(parts)["search"] == before
    parts.db.execute("INSERT INTO company_fts(company_fts, rank) VALUES ('integrity-check', 1)")
    whole.close()
    parts.close()


def test_a_failure_on_the_helper_thread_leaves_nothing(store, tmp_path, monkeypatch):
    calls = []

    def broken(db, after_rowid):
        calls.append(after_rowid)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        original(db, after_rowid)

    original = search.add_new_companies
    monkeypatch.setattr(search, "add_new_companies", broken)
    monkeypatch.setattr(import_cvr, "ROWS_PER_PART", 50)
    monkeypatch.setattr(bulk, "THREAD_FROM", 1)
    with pytest.raises(RuntimeError, match="disk full"):
        import_cvr_file(store, write_rows(tmp_path / "x.csv", demo_cvr_rows(400)))
    assert len(calls) == 3
    assert store.db.execute(
        "SELECT (SELECT count(*) FROM company) + (SELECT count(*) FROM production_unit) + "
        "(SELECT count(*) FROM outbox) + (SELECT count(*) FROM company_search)"
    ).fetchone()[0] == 0
    # and the store goes on working: the same file imports after the failure
    monkeypatch.setattr(search, "add_new_companies", original)
    assert import_cvr_file(store, tmp_path / "x.csv").imported == 400


def test_an_unreadable_line_far_into_the_file_leaves_nothing(store, tmp_path, monkeypatch):
    monkeypatch.setattr(import_cvr, "ROWS_PER_PART", 40)
    rows = list(demo_cvr_rows(300))
    rows[250][11] = "x" * (csv.field_size_limit() + 1)  # a cell beyond what csv will read
    with pytest.raises(ImportFileError, match=r"x\.csv kan ikke læses som CSV \(linje 252\)"):
        import_cvr_file(store, write_rows(tmp_path / "x.csv", rows))
    assert store.db.execute("SELECT count(*) FROM company").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0


def test_parts_get_smaller_towards_the_end_and_keep_their_line_numbers(tmp_path):
    rows = [list(row) for row in demo_cvr_rows(500)]
    rows[130][11] = "Værkstedet\n(gården)"  # a cell over two lines, inside a part
    path = write_rows(tmp_path / "x.csv", rows)
    parts = list(read_cvr_file(path).chunks(100))
    sizes = [len(part) for part in parts]
    assert sum(sizes) == 500
    assert sizes[:3] == [100, 100, 100] and sizes[-1] < 100 and min(sizes) >= 12
    lines = [line for part in parts for line, _ in part]
    assert lines[:131] == list(range(2, 133))
    assert lines[131:] == list(range(134, 503))  # after the two-line row, one more


# -- checking a part column by column answers exactly as row by row ---------------------------
_cell = st.sampled_from(["", " ", "x", "0630", "630", "101", "9999", "7100", "71", "1-4",
                         "ja", "nej", "10", "1003456789", "100345678", "1003 456 789"])
_rows = st.lists(st.tuples(st.sampled_from(["13748136", "10150817", "13748137", "1374 8136"]),
                           st.sampled_from(["Tømrer ApS", "", " Bager "]), _cell, _cell,
                           st.sampled_from(["1003456789", "1012345678", "1003456790",
                                            "12345", "1003456789 "]),
                           _cell, _cell, _cell, st.booleans()),
                 min_size=1, max_size=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(_rows)
def test_checking_by_columns_equals_checking_by_rows(tmp_path, generated):
    rows = []
    for cvr, name, postcode, code, pnr, p_code, employees, p_employees, short in generated:
        row = [cvr, name, "Vej 1", postcode, "By", code, "", "", employees, "nej",
               pnr, "Enhed", "", postcode, "By", p_code, p_employees]
        rows.append(row[:-3] if short else row)  # a short row: its last cells are missing
    source = read_cvr_file(write_rows(tmp_path / "h.csv", rows))
    [part] = list(source.chunks(100))
    by_columns, by_rows = RowChecker(source, CODES), RowChecker(source, CODES)
    rejected_columns, rejected_rows = [], []
    first = by_columns.check(part, rejected_columns)
    second = by_rows._check_rows(part, rejected_rows)
    assert first == second
    assert rejected_columns == rejected_rows
    # and the next part sees the same P-numbers as taken
    assert by_columns.check(part, []) == by_rows._check_rows(part, []) == []


def test_a_clean_part_is_settled_by_columns_and_a_part_with_an_error_by_rows(tmp_path):
    rows = [list(row) for row in demo_cvr_rows(50)]
    source = read_cvr_file(write_rows(tmp_path / "x.csv", rows))
    [part] = list(source.chunks(100))
    checker = RowChecker(source, {str(code) for code in range(100, 1000)})
    assert len(checker._check_columns(part)) == 50
    rows[20][10] = "12345"  # a P-nummer too short
    source = read_cvr_file(write_rows(tmp_path / "y.csv", rows))
    [part] = list(source.chunks(100))
    checker = RowChecker(source, {str(code) for code in range(100, 1000)})
    assert checker._check_columns(part) is None
    rejections = []
    assert len(checker.check(part, rejections)) == 49
    assert [r.line for r in rejections] == [22] and "pnr: " in rejections[0].reason
