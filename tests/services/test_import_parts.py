"""The import reads, checks and writes a file a part at a time, with the store's statements
on a helper thread: the parts must add up to exactly what one pass would make."""
from __future__ import annotations

import csv
import multiprocessing
import sys

import pytest

from lokomotiv_desktop.services import cvr_parts, import_cvr
from lokomotiv_desktop.services.cvr_file import CANONICAL, ImportFileError, read_cvr_file
from lokomotiv_desktop.services.demo import demo_cvr_rows
from lokomotiv_desktop.services.import_cvr import import_cvr_file
from lokomotiv_desktop.store import Store, bulk, search


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
    companies = len({row[0] for row in shuffled_units(600)})
    assert second.summary_line() == first.summary_line() == (
        f"Importeret: {companies} nye virksomheder med 600 P-enheder · 0 opdateret · "
        "0 uændret · 0 rækker afvist")
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
    assert import_cvr_file(store, tmp_path / "x.csv").production_units.new == 400


def test_an_unreadable_line_far_into_the_file_leaves_nothing(store, tmp_path, monkeypatch):
    monkeypatch.setattr(import_cvr, "ROWS_PER_PART", 40)
    rows = list(demo_cvr_rows(300))
    rows[250][11] = "x" * (csv.field_size_limit() + 1)  # a cell beyond what csv will read
    with pytest.raises(ImportFileError, match=r"x\.csv kan ikke læses som CSV \(linje 252\)"):
        import_cvr_file(store, write_rows(tmp_path / "x.csv", rows))
    assert store.db.execute("SELECT count(*) FROM company").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0


def test_parts_are_smaller_at_both_ends_and_keep_their_line_numbers(tmp_path):
    rows = [list(row) for row in demo_cvr_rows(500)]
    rows[130][11] = "Værkstedet\n(gården)"  # a cell over two lines, inside a part
    path = write_rows(tmp_path / "x.csv", rows)
    parts = list(read_cvr_file(path).chunks(100))
    sizes = [len(part) for part in parts]
    assert sum(sizes) == 500
    assert sizes[:5] == [12, 24, 48, 96, 100]  # starting small, doubling
    assert sizes[-1] < 100 and min(sizes[:-1]) >= 12  # the last: what is left
    lines = [line for part in parts for line, _ in part]
    assert lines[:131] == list(range(2, 133))
    assert lines[131:] == list(range(134, 503))  # after the two-line row, one more


def test_a_p_nummer_from_an_earlier_part_is_rejected_with_its_line(store, tmp_path,
                                                                   monkeypatch):
    monkeypatch.setattr(import_cvr, "ROWS_PER_PART", 30)
    rows = [list(row) for row in demo_cvr_rows(100)]
    companies = len({row[0] for row in rows})
    rows.append([*rows[90][:10], rows[5][10], "Dublet", "", "", "", "", ""])  # line 102
    rows.append(list(rows[5]))  # line 103: the same row again, from an earlier part
    report = import_cvr_file(store, write_rows(tmp_path / "x.csv", rows))
    assert report.summary_line() == (
        f"Importeret: {companies} nye virksomheder med 100 P-enheder · 0 opdateret · "
        "0 uændret · 1 række afvist · 1 gentaget række sprunget over")
    [rejection] = report.rejections
    assert rejection.line == 102
    assert f"P-nummer {rows[5][10]} står også i linje 7." in rejection.reason


# -- checking in a worker process (Linux, large files) ---------------------------------------
linux_only = pytest.mark.skipif(sys.platform != "linux", reason="the worker forks: Linux only")


@pytest.fixture
def worker_used(monkeypatch):
    """Every file is checked in a worker process; the list says how often one started."""
    started = []
    original = cvr_parts._from_worker

    def counting(*args):
        started.append(True)
        return original(*args)

    monkeypatch.setattr(cvr_parts, "_worker_allowed", lambda source: True)
    monkeypatch.setattr(cvr_parts, "_from_worker", counting)
    monkeypatch.setattr(import_cvr, "ROWS_PER_PART", 64)
    return started


@linux_only
def test_a_file_checked_in_a_worker_imports_as_one_checked_here(tmp_path, worker_used):
    rows = shuffled_units(400)
    rows.insert(100, [*rows[3][:10], "12345", "", "", "", "", "", ""])  # a bad P-nummer
    rows[300:300] = [rows[20], rows[350]]  # repeats, of an earlier part and a later row
    path = write_rows(tmp_path / "x.csv", rows)
    here = Store(tmp_path / "here.db")
    cvr_parts._worker_allowed, allowed = (lambda source: False), cvr_parts._worker_allowed
    first = import_cvr_file(here, path)
    cvr_parts._worker_allowed = allowed
    assert worker_used == []
    there = Store(tmp_path / "there.db")
    second = import_cvr_file(there, path)
    assert worker_used == [True]
    assert second.as_json() == first.as_json()
    assert (second.production_units.new, second.rejected, second.repeated) == (400, 1, 2)
    assert [(r.line, r.reason) for r in second.rejections] == \
        [(r.line, r.reason) for r in first.rejections] and first.rejections[0].line == 102
    assert contents(there) == contents(here)
    assert multiprocessing.active_children() == []
    here.close()
    there.close()


@linux_only
def test_an_unreadable_line_found_by_the_worker_leaves_nothing(store, tmp_path, worker_used):
    rows = list(demo_cvr_rows(300))
    rows[250][11] = "x" * (csv.field_size_limit() + 1)
    with pytest.raises(ImportFileError, match=r"kan ikke læses som CSV \(linje 252\)"):
        import_cvr_file(store, write_rows(tmp_path / "x.csv", rows))
    assert worker_used == [True]
    assert store.db.execute("SELECT count(*) FROM company").fetchone()[0] == 0
    assert multiprocessing.active_children() == []


@linux_only
def test_a_failure_while_writing_stops_the_worker(store, tmp_path, worker_used, monkeypatch):
    def broken(db, after_rowid):
        raise RuntimeError("disk full")

    monkeypatch.setattr(search, "add_new_companies", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        import_cvr_file(store, write_rows(tmp_path / "x.csv", demo_cvr_rows(2000)))
    assert worker_used == [True]
    assert multiprocessing.active_children() == []
    assert store.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0


def test_progress_is_reported_after_each_part(store, tmp_path, monkeypatch):
    monkeypatch.setattr(import_cvr, "ROWS_PER_PART", 100)
    rows = [list(row) for row in demo_cvr_rows(450)]
    rows[7][10] = "123"  # rejected: counted as done too
    rows.insert(300, rows[200])  # skipped as a repeat: done too
    calls = []
    report = import_cvr_file(store, write_rows(tmp_path / "x.csv", rows),
                             progress=lambda done, total: calls.append((done, total)))
    assert (report.production_units.new, report.rejected, report.repeated) == (449, 1, 1)
    assert len(calls) > 3 and calls[-1] == (451, 451)
    assert all(a[0] < b[0] for a, b in zip(calls, calls[1:], strict=False))


def test_a_progress_callback_that_raises_stops_the_import_with_nothing_saved(
        store, tmp_path, monkeypatch):
    monkeypatch.setattr(import_cvr, "ROWS_PER_PART", 100)

    class Stopped(Exception):
        pass

    def stop_half_way(done, total):
        if done > total // 2:
            raise Stopped

    with pytest.raises(Stopped):
        import_cvr_file(store, write_rows(tmp_path / "x.csv", demo_cvr_rows(450)),
                        progress=stop_half_way)
    assert store.db.execute("SELECT count(*) FROM company").fetchone()[0] == 0
    assert store.pending_changes() == 0


@linux_only
def test_a_worker_that_stops_answering_fails_the_import_instead_of_hanging(
        store, tmp_path, worker_used, monkeypatch):
    monkeypatch.setattr(cvr_parts, "STALLED_AFTER_S", 0.5)
    monkeypatch.setattr(cvr_parts, "_check_in_worker",
                        lambda *args: __import__("time").sleep(30))  # stuck, sends nothing
    with pytest.raises(RuntimeError, match="svarer ikke"):
        import_cvr_file(store, write_rows(tmp_path / "x.csv", demo_cvr_rows(50)))
    assert multiprocessing.active_children() == []
    assert store.db.execute("SELECT count(*) FROM company").fetchone()[0] == 0
