"""Numbered migrations: a new store and an upgraded one end in the same schema."""
from __future__ import annotations

import sqlite3

import pytest

from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store.companies import CompanyFilter, CompanyRepository
from lokomotiv_desktop.store.connection import connect
from lokomotiv_desktop.store.migrations import LATEST, MIGRATIONS, NewerSchemaError, migrate
from lokomotiv_desktop.sync.identity import natural_id


def schema(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master "
            "WHERE name NOT LIKE 'sqlite_%'").fetchall())
    finally:
        conn.close()


def user_version(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_versions_are_numbered_one_by_one():
    assert [v for v, _ in MIGRATIONS] == list(range(1, LATEST + 1))


def test_new_store_is_at_the_latest_version(tmp_path):
    Store(tmp_path / "new.db").close()
    assert user_version(tmp_path / "new.db") == LATEST


@pytest.mark.parametrize("start", range(1, LATEST))
def test_upgraded_store_has_the_same_schema_as_a_new_one(tmp_path, start):
    Store(tmp_path / "new.db").close()
    old = connect(tmp_path / "old.db")
    migrate(old, target=start)
    old.conn.close()
    assert user_version(tmp_path / "old.db") == start
    Store(tmp_path / "old.db").close()
    assert user_version(tmp_path / "old.db") == LATEST
    assert schema(tmp_path / "old.db") == schema(tmp_path / "new.db")


def test_data_written_at_version_1_survives_the_upgrade_and_is_searchable(tmp_path):
    path = tmp_path / "old.db"
    old = connect(path)
    migrate(old, target=1)
    old.execute(
        "INSERT INTO company (id, cvr, name, city, clocks) VALUES "
        "('0190-a', '13748136', 'Tømrerfirmaet Hansen', 'Århus', '{}')")
    old.execute(
        "INSERT INTO contact (id, company_id, name, clocks) VALUES "
        "('0190-b', '0190-a', 'Søren Kjær', '{}')")
    old.conn.close()
    store = Store(path)
    try:
        repo = CompanyRepository(store)
        company = repo.get(natural_id("company", "13748136"))  # migration 6 re-keys it
        assert company.name == "Tømrerfirmaet Hansen" and company.city == "Århus"
        assert [c.name for c in company.contacts] == ["Søren Kjær"]
        for text in ("tømr", "aarhus", "kjaer"):
            assert repo.list_rowids(CompanyFilter(text=text)), text
    finally:
        store.close()


def test_search_rows_indexed_at_version_4_are_found_after_the_tokenizer_change(tmp_path):
    path = tmp_path / "v4.db"
    store = Store(path)
    with store.transaction():
        for cvr, name, city in [("13748136", "Tømrerfirmaet Hansen", "Århus"),
                                ("10150817", "Bageriet Ågesen", "Vejle")]:
            store.changes.insert("company", {"cvr": cvr, "name": name, "city": city})
    # back to version 4's index: unicode61, built from the same search rows
    store.db.conn.executescript("""
        DROP TABLE company_fts;
        CREATE VIRTUAL TABLE company_fts USING fts5(
            doc, content = 'company_search', content_rowid = 'company_rowid',
            tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4');
        INSERT INTO company_fts(company_fts) VALUES ('rebuild');
        PRAGMA user_version = 4;""")
    store.close()
    store = Store(path)
    try:
        assert user_version(path) == LATEST
        repo = CompanyRepository(store)
        for text, expected in [("tømr", ["13748136"]), ("aarhus", ["13748136"]),
                               ("ågesen", ["10150817"]), ("1015", ["10150817"]),
                               ("b", ["10150817"]), ("hansen århus", ["13748136"])]:
            assert [c.cvr for c in repo.search(text)] == expected, text
        store.db.execute("INSERT INTO company_fts(company_fts, rank) VALUES ('integrity-check', 1)")
    finally:
        store.close()


def test_a_store_from_a_newer_version_is_refused_in_danish(tmp_path):
    path = tmp_path / "future.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(NewerSchemaError) as caught:
        Store(path)
    message = str(caught.value)
    assert "nyere version af Lokomotiv" in message and "Opdater Lokomotiv" in message
    assert user_version(path) == LATEST + 1  # untouched


def test_reopening_runs_no_step_again(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    before = schema(path)
    Store(path).close()
    assert schema(path) == before


def test_a_failing_step_leaves_the_schema_as_it_was(tmp_path, monkeypatch):
    from lokomotiv_desktop.store import migrations

    db = connect(tmp_path / "s.db")
    migrate(db, target=1)
    broken = [*MIGRATIONS[:1], (2, "CREATE TABLE half_done (x); THIS IS NOT SQL;")]
    monkeypatch.setattr(migrations, "MIGRATIONS", broken)
    with pytest.raises(sqlite3.OperationalError):
        migrations.migrate(db, target=2)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert not db["half_done"].exists()
    db.conn.close()
