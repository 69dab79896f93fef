"""The import's fast path: shortcuts equal to the domain validators, search rows equal to
what the store's own reindex makes, change capture on every row, nothing left on failure."""
from __future__ import annotations

import csv
import gc
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lokomotiv_desktop.domain.validation import ValidationError, validate_cvr, validate_pnr
from lokomotiv_desktop.services import cvr_rows
from lokomotiv_desktop.services.cvr_file import CANONICAL
from lokomotiv_desktop.services.cvr_rows import plain_cvr, plain_pnr
from lokomotiv_desktop.services.demo import demo_cvr_rows
from lokomotiv_desktop.services.import_cvr import import_cvr_file
from lokomotiv_desktop.store import search
from lokomotiv_desktop.store.changes import FIELDS_IN_ROW, inserted_fields
from lokomotiv_desktop.store.companies import CompanyRepository
from lokomotiv_desktop.sync.clocks import expand
from lokomotiv_desktop.sync.tables import SYNCED_TABLES

# Digits of every kind (ASCII, Arabic-Indic, superscript), the separators people paste, and
# letters: the shortcuts must only ever say yes where the validator returns the input as is.
_id_like = st.text(st.sampled_from("0123456789 -.٣²Ox"), min_size=0, max_size=12)


def _with_check_digit(head: int) -> str:
    weighted = sum(w * int(d) for w, d in zip((2, 7, 6, 5, 4, 3, 2), str(head), strict=True))
    return f"{head}{-weighted % 11}"  # a check "digit" of 10 makes a 9-digit, invalid number


_valid_cvrs = st.integers(1_000_000, 9_999_999).map(_with_check_digit)


def _reference(validator, raw):
    try:
        return validator(raw)
    except ValidationError:
        return None


@given(st.one_of(_id_like, _valid_cvrs, st.text(max_size=10)))
def test_plain_cvr_accepts_exactly_what_the_validator_returns_unchanged(raw):
    expected = _reference(validate_cvr, raw)
    assert plain_cvr(raw) == (raw if expected == raw else None)


@given(st.one_of(_id_like, st.from_regex(r"\A[0-9]{10}\Z"), st.text(max_size=12)))
def test_plain_pnr_accepts_exactly_what_the_validator_returns_unchanged(raw):
    expected = _reference(validate_pnr, raw)
    assert plain_pnr(raw) == (raw if expected == raw else None)


_danish = st.text(st.sampled_from("abc ÆØÅæøåéüÿ-/&.,'\u0301\u00df1234567890_"), max_size=25)


@given(st.lists(st.one_of(_danish, st.text(max_size=15)), max_size=8))
def test_document_builder_equals_search_doc_of_the_joined_parts(parts):
    builder = search.DocumentBuilder()
    assert builder(parts) == search.search_doc(" ".join(parts))
    assert builder(parts) == search.search_doc(" ".join(parts))  # and from its memory


# -- against a real store ----------------------------------------------------------------------
def write_demo(path, count: int, seed: int = 1):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(CANONICAL)
        out.writerows(demo_cvr_rows(count, seed))
    return path


def search_rows(store) -> list[tuple]:
    return store.db.execute("SELECT company_rowid, name, municipality_code, phase, consultant, "
                            "doc FROM company_search ORDER BY company_rowid").fetchall()


def fts_hits(store, text: str) -> list[int]:
    return [r[0] for r in store.db.execute(
        "SELECT rowid FROM company_fts WHERE company_fts MATCH ? ORDER BY rowid",
        [search.match_expression(text)])]


def test_search_rows_of_new_companies_equal_a_rebuild(store, tmp_path):
    import_cvr_file(store, write_demo(tmp_path / "a.csv", 400))
    written = search_rows(store)
    assert len(written) == store.db.execute("SELECT count(*) FROM company").fetchone()[0]
    probes = ["aarhus", "århus", "tømr", "vej"]
    hits = {text: fts_hits(store, text) for text in probes}
    with store.transaction():
        search.rebuild(store.db)
    assert search_rows(store) == written
    assert {text: fts_hits(store, text) for text in probes} == hits
    store.db.execute("INSERT INTO company_fts(company_fts, rank) VALUES ('integrity-check', 1)")


def test_imported_companies_are_found_by_name_cvr_pnr_and_city_with_danish_letters(
        store, tmp_path):
    rows = [
        ["13748136", "Tømrerfirmaet Østergaard ApS", "Åboulevarden 3", "8000", "Århus C",
         "751", "", "", "10", "nej", "1003456789", "Værkstedet Nord", "", "8000", "Aabyhøj",
         "751", "4"],
        ["10150817", "Bageriet Ågesen", "Vestergade 1", "7100", "Vejle", "630", "", "", "",
         "ja", "1012345678", "Bageriet", "", "", "Børkop", "630", ""],
    ]
    path = tmp_path / "x.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([CANONICAL, *rows])
    report = import_cvr_file(store, path)
    assert (report.companies.new, report.production_units.new) == (2, 2)
    repo = CompanyRepository(store)

    def found(text):
        return [c.cvr for c in repo.search(text)]

    assert found("toemrerfirmaet") == found("TØMR") == ["13748136"]
    assert found("oesterg") == ["13748136"] and found("aagesen") == ["10150817"]
    assert found("aarhus") == found("århus") == ["13748136"]
    assert found("1374") == ["13748136"] and found("1012345678") == ["10150817"]
    assert found("aabyhøj") == ["13748136"] and found("børkop vejle") == ["10150817"]
    assert found("værkstedet") == ["13748136"]


def test_every_imported_row_has_field_clocks_and_one_matching_outbox_change(store, tmp_path):
    report = import_cvr_file(store, write_demo(tmp_path / "a.csv", 60))
    changes = {row_id: (tbl, fields, json.loads(clocks), base)
               for tbl, row_id, fields, clocks, base in store.db.execute(
                   "SELECT tbl, row_id, fields, clocks, base FROM outbox")}
    units = store.db.execute("SELECT count(*) FROM production_unit").fetchone()[0]
    companies = store.db.execute("SELECT count(*) FROM company").fetchone()[0]
    assert report.production_units.new == units == 60
    assert report.companies.new == companies
    assert len(changes) == units + companies
    for table in ("company", "production_unit"):
        cursor = store.db.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cursor.description]
        for row in cursor:
            row = dict(zip(names, row, strict=True))
            tbl, stored_fields, clocks, base = changes[row["id"]]
            # the values stay in the row: the push reads them from there
            assert tbl == table and base == "{}" and stored_fields == FIELDS_IN_ROW
            fields, _ = inserted_fields(store.db, table, {row["id"]: clocks["*"]})[row["id"]]
            # compact: one stamp for all; on the row, the columns left at their default are
            # marked never written, and pushing expands the change to one stamp per field
            row_clocks = json.loads(row["clocks"])
            assert set(clocks) == {"*"} and row_clocks["*"] == clocks["*"]
            assert expand(row_clocks, SYNCED_TABLES[table].all_fields) == expand(
                clocks, fields) == dict.fromkeys(fields, clocks["*"])
            assert fields == {name: row[name] for name in fields}
            assert {"name", "pnr" if table == "production_unit" else "cvr"} <= set(fields)
            assert not {"phone", "notes", "deleted"} & set(fields)  # left at their default


def test_reimport_writes_nothing_and_new_units_of_known_companies_are_searchable(
        store, tmp_path):
    first = write_demo(tmp_path / "a.csv", 200)
    import_cvr_file(store, first)

    def state():
        return store.db.execute(
            "SELECT (SELECT count(*) FROM outbox), (SELECT group_concat(clocks) FROM company), "
            "(SELECT group_concat(clocks) FROM production_unit), "
            "(SELECT group_concat(doc) FROM company_search)").fetchone()

    before = state()
    report = import_cvr_file(store, first)
    assert report.as_json()["production_units"] == {"new": 0, "updated": 0, "unchanged": 200}
    assert report.companies.new == report.companies.updated == 0
    assert state() == before
    # a larger extract: the same companies plus new ones, and new P-units under old ones
    report = import_cvr_file(store, write_demo(tmp_path / "b.csv", 300))
    assert report.production_units.new == 100 and report.rejected == 0
    rows = search_rows(store)
    with store.transaction():
        search.rebuild(store.db)
    assert search_rows(store) == rows


def test_a_failure_while_writing_leaves_no_rows_no_outbox_and_no_search_rows(
        store, tmp_path, monkeypatch):
    def broken(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(search, "add_new_companies", broken)
    with pytest.raises(RuntimeError):
        import_cvr_file(store, write_demo(tmp_path / "a.csv", 50))
    assert store.db.execute(
        "SELECT (SELECT count(*) FROM company) + (SELECT count(*) FROM production_unit) + "
        "(SELECT count(*) FROM outbox) + (SELECT count(*) FROM company_search)"
    ).fetchone()[0] == 0
    assert gc.isenabled()


def test_the_cycle_collector_is_restored_as_it_was(store, tmp_path):
    path = write_demo(tmp_path / "a.csv", 5)
    import_cvr_file(store, path)
    assert gc.isenabled()
    gc.disable()
    try:
        import_cvr_file(store, path)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_repeated_values_are_cleaned_once_and_plain_cvrs_not_at_all(store, tmp_path, monkeypatch):
    calls = []
    original = cvr_rows.clean_company_field

    def counting(name, value, codes):
        calls.append(name)
        return original(name, value, codes)

    monkeypatch.setattr(cvr_rows, "clean_company_field", counting)
    rows = list(demo_cvr_rows(90))
    path = tmp_path / "x.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([CANONICAL, *rows])
    import_cvr_file(store, path)
    companies = len({row[0] for row in rows})
    assert companies < 90
    assert calls.count("cvr") == 0  # valid as written: the shortcut decided
    assert calls.count("employees") <= len({row[8] for row in rows})
