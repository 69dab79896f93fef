"""Search with Danish letters, prefixes, P-numbers and contacts; the list's filters and sort."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.domain.danish_format import sort_key
from lokomotiv_desktop.store import search
from lokomotiv_desktop.store.companies import SEARCH_LIMIT, CompanyFilter, CompanyRepository


@pytest.fixture
def repo(store):
    return CompanyRepository(store)


@pytest.fixture
def companies(store, repo):
    """A few companies; returns {name: id}."""
    rows = {
        "Tømrerfirmaet Østergaard ApS": {"cvr": "13748136", "city": "Århus",
                                         "municipality_code": "751", "phase": 2,
                                         "consultant": "Anne Holm"},
        "Bageriet Aarhus": {"cvr": "10150817", "city": "Vejle", "municipality_code": "630",
                            "phase": 1, "consultant": ""},
        "Vognmand Ågesen & Søn": {"cvr": "25313763", "city": "Horsens",
                                  "municipality_code": "615", "phase": 2,
                                  "consultant": "Anne Holm"},
        "Café Müller": {"cvr": "30715063", "city": "København", "municipality_code": "101",
                        "phase": 5, "consultant": "Søren Dahl"},
    }
    ids = {}
    with store.transaction():
        for name, values in rows.items():
            ids[name] = repo.create({"name": name, **values})
        repo.add_unit(ids["Bageriet Aarhus"], {"pnr": "1003388394", "name": "Bageriet Syd"})
        repo.add_contact(ids["Café Müller"], {"name": "Jørgen Kjær", "role": "leder"})
    return ids


def names(repo, **filters) -> list[str]:
    rowids = repo.list_rowids(CompanyFilter(**filters))
    rows = repo.list_rows(rowids)
    return [rows[r].name for r in rowids]


@pytest.mark.parametrize("text, expected", [
    ("tømr", ["Tømrerfirmaet Østergaard ApS"]),
    ("TØMRERFIRMAET", ["Tømrerfirmaet Østergaard ApS"]),
    ("toemr", ["Tømrerfirmaet Østergaard ApS"]),
    ("østerg", ["Tømrerfirmaet Østergaard ApS"]),
    ("ågesen", ["Vognmand Ågesen & Søn"]),
    ("aagesen", ["Vognmand Ågesen & Søn"]),
    ("cafe mull", []),  # ü folds to "ue", as the Danish spelling of Müller does
    ("cafe muel", ["Café Müller"]),
    ("1374", ["Tømrerfirmaet Østergaard ApS"]),
    ("1003388394", ["Bageriet Aarhus"]),
    ("bageriet syd", ["Bageriet Aarhus"]),
    ("kjær", ["Café Müller"]),
    ("jørgen kjaer", ["Café Müller"]),
    ("vognmand søn", ["Vognmand Ågesen & Søn"]),
    ("vognmand bager", []),
])
def test_search_finds_by_prefix_of_every_word(repo, companies, text, expected):
    assert names(repo, text=text) == expected


@pytest.mark.parametrize("text", ["aarhus", "århus", "Århus", "AARH", "årh"])
def test_aarhus_and_aarhus_both_find_both_spellings(repo, companies, text):
    assert names(repo, text=text) == ["Bageriet Aarhus", "Tømrerfirmaet Østergaard ApS"]


@pytest.mark.parametrize("text", [
    '"', '""', "*", "AND(", "tømr AND", "OR", "NOT bager", "(", ")", "-", "^", ":", "NEAR(a b)",
    "tømr*", 'tøm"r', "bager'", "a:b", "{", "}", "\\", "\x00", "💡", "%", "_", "' OR 1=1 --"])
def test_punctuation_and_fts_syntax_never_error(repo, companies, text):
    found = names(repo, text=text)
    assert isinstance(found, list)


def test_fts_operators_are_searched_as_words(repo, companies):
    assert names(repo, text="tømr*") == ["Tømrerfirmaet Østergaard ApS"]
    assert names(repo, text="NOT bager") == []  # "not" is a word nobody has


def test_deleted_company_drops_out_of_search_and_list(store, repo, companies):
    with store.transaction():
        repo.delete(companies["Bageriet Aarhus"])
    assert names(repo, text="aarhus") == ["Tømrerfirmaet Østergaard ApS"]
    assert names(repo, text="1003388394") == []
    assert "Bageriet Aarhus" not in names(repo)
    with store.transaction():
        store.changes.restore("company", companies["Bageriet Aarhus"])
    assert names(repo, text="1003388394") == ["Bageriet Aarhus"]


def test_edits_to_units_and_contacts_reach_the_search(store, repo, companies):
    contact = repo.get(companies["Café Müller"]).contacts[0]
    with store.transaction():
        repo.update_contact(contact.id, {"name": "Ida Skov"})
        repo.update(companies["Bageriet Aarhus"], {"name": "Brødhuset"})
    assert names(repo, text="kjær") == []
    assert names(repo, text="ida sk") == ["Café Müller"]
    assert names(repo, text="brødh") == ["Brødhuset"]
    assert names(repo, text="bageriet") == ["Brødhuset"]  # its P-unit is still so named
    with store.transaction():
        repo.delete_contact(contact.id)
    assert names(repo, text="ida") == []


def test_list_sorts_by_name_and_descending(repo, companies):
    everyone = sorted(companies, key=sort_key)
    assert names(repo) == everyone
    assert names(repo, descending=True) == everyone[::-1]


@pytest.mark.parametrize("sort", ["cvr", "city", "municipality", "phase", "consultant"])
def test_list_sorts_by_every_column(repo, companies, sort):
    rowids = repo.list_rowids(CompanyFilter(sort=sort))
    rows = repo.list_rows(rowids)
    key = {"municipality": "municipality"}.get(sort, sort)
    values = [getattr(rows[r], key) for r in rowids]
    # Danish order for text (Aarhus after Vejle, as Århus), numeric order for the rest.
    assert values == sorted(values, key=sort_key if isinstance(values[0], str) else None)
    assert repo.list_rowids(CompanyFilter(sort=sort, descending=True)) != rowids


def test_filters_combine_with_each_other_and_with_text(repo, companies):
    assert names(repo, phase=2) == ["Tømrerfirmaet Østergaard ApS", "Vognmand Ågesen & Søn"]
    assert names(repo, phase=2, municipality_code="615") == ["Vognmand Ågesen & Søn"]
    assert names(repo, consultant="Anne Holm", text="tømr") == ["Tømrerfirmaet Østergaard ApS"]
    assert names(repo, consultant="") == ["Bageriet Aarhus"]
    assert names(repo, text="aarhus", municipality_code="630") == ["Bageriet Aarhus"]
    assert names(repo, text="aarhus", phase=5) == []
    assert names(repo, text="aarhus", sort="city", descending=True) == [
        "Tømrerfirmaet Østergaard ApS", "Bageriet Aarhus"]  # Århus after Vejle


def test_limit_gives_the_first_rows_in_order(repo, companies):
    assert repo.list_rowids(CompanyFilter(), limit=2) == repo.list_rowids(CompanyFilter())[:2]


def test_repository_search_returns_summaries(repo, companies):
    [company] = repo.search("1003388394")
    assert company.name == "Bageriet Aarhus" and company.municipality_code == "630"


def test_vacuum_keeps_search_working(store, repo, companies):
    with store.transaction():
        for name in ("Bageriet Aarhus", "Vognmand Ågesen & Søn"):
            repo.delete(companies[name])
    store.vacuum()
    assert names(repo, text="tømr") == ["Tømrerfirmaet Østergaard ApS"]
    assert names(repo, text="kjær") == ["Café Müller"]
    assert names(repo) == ["Café Müller", "Tømrerfirmaet Østergaard ApS"]


def make_many(store, count: int, name: str) -> None:
    from tests.benchmarks.fixtures import cvr_numbers

    # Past the CVR numbers of the companies made before: one company per CVR.
    made = store.db.execute("SELECT count(*) FROM company").fetchone()[0]
    cvrs = cvr_numbers(1_000_000 + 2 * made)
    with store.transaction():
        store.changes.insert_many("company", [
            {"cvr": next(cvrs), "name": f"{name} {i:05d}", "city": "Vejle",
             "municipality_code": "630" if i % 2 else "751", "phase": 1 + i % 5,
             "consultant": ""} for i in range(count)])


# (SORT_MAX, WALK_BUDGET) that force each route of search.ranked_rowids in turn: sort the
# hits; sort the filtered rows (or walk); walk the names; walk past its budget, then sort.
ROUTES = [(10_000, 40_000), (100, 40_000), (0, 10_000), (0, 5)]


@pytest.mark.parametrize("sort_max, walk_budget", ROUTES)
def test_every_route_gives_the_first_matches_in_name_order(
        store, repo, monkeypatch, sort_max, walk_budget):
    make_many(store, 300, "Alfa")
    make_many(store, 300, "Beta")
    monkeypatch.setattr(search, "SORT_MAX", sort_max)
    monkeypatch.setattr(search, "WALK_BUDGET", walk_budget)
    assert names(repo, text="al") == [f"Alfa {i:05d}" for i in range(300)]
    assert names(repo, text="a vejle", descending=True)[:2] == ["Alfa 00299", "Alfa 00298"]
    assert names(repo, text="alfa", municipality_code="630", phase=2) == [
        f"Alfa {i:05d}" for i in range(300) if i % 2 and 1 + i % 5 == 2]
    assert names(repo, text="beta 0001") == [f"Beta {i:05d}" for i in range(10, 20)]
    assert names(repo, text="gamma") == []


@pytest.mark.parametrize("sort_max, walk_budget", ROUTES)
def test_search_result_is_capped_at_the_limit(store, repo, monkeypatch, sort_max, walk_budget):
    monkeypatch.setattr("lokomotiv_desktop.store.companies.SEARCH_LIMIT", 50)
    monkeypatch.setattr(search, "SORT_MAX", sort_max)
    monkeypatch.setattr(search, "WALK_BUDGET", walk_budget)
    make_many(store, 120, "Gamma")
    assert names(repo, text="gam") == [f"Gamma {i:05d}" for i in range(50)]
    assert len(repo.list_rowids(CompanyFilter())) == 120  # no cap without text


def test_the_search_limit_leaves_room_to_scroll():
    assert SEARCH_LIMIT >= 1000


def fts_is_consistent(store) -> bool:
    """FTS5's own check, including that the index matches its content table."""
    store.db.execute("INSERT INTO company_fts(company_fts, rank) VALUES ('integrity-check', 1)")
    return True


def test_index_stays_consistent_through_edits_deletes_and_erasure(store, repo, companies):
    with store.transaction():
        repo.update(companies["Café Müller"], {"name": "Café Nord"})
        repo.delete(companies["Bageriet Aarhus"])
        repo.add_contact(companies["Vognmand Ågesen & Søn"], {"name": "Åse Lund"})
    assert fts_is_consistent(store)
    with store.transaction():  # erasure: search rows go first, then the row itself
        search.forget_companies(store.db, [companies["Vognmand Ågesen & Søn"]])
        store.db.execute("DELETE FROM company WHERE id = ?", [companies["Vognmand Ågesen & Søn"]])
    assert fts_is_consistent(store)
    assert names(repo, text="åse") == [] and names(repo, text="vognmand") == []
    assert names(repo) == ["Café Nord", "Tømrerfirmaet Østergaard ApS"]


def test_store_opened_without_search_rows_rebuilds_them(tmp_path):
    from lokomotiv_desktop.store import Store

    path = tmp_path / "s.db"
    store = Store(path)
    with store.transaction():
        CompanyRepository(store).create({"cvr": "13748136", "name": "Tømrer Hansen"})
    store.db.execute("DELETE FROM company_search")  # as a store just upgraded to step 4
    store.db.execute("INSERT INTO company_fts(company_fts) VALUES ('rebuild')")
    store.close()
    store = Store(path)
    try:
        assert names(CompanyRepository(store), text="tømr") == ["Tømrer Hansen"]
        assert fts_is_consistent(store)
    finally:
        store.close()


def test_count_and_consultants_follow_deletes(store, repo, companies):
    assert repo.count() == 4
    assert repo.consultants() == ["Anne Holm", "Søren Dahl"]
    with store.transaction():
        repo.delete(companies["Café Müller"])
        repo.update(companies["Bageriet Aarhus"], {"consultant": "Ida Skov"})
    assert repo.count() == 3
    assert repo.consultants() == ["Anne Holm", "Ida Skov"]
