"""Danish alphabetical order (Æ, Ø, Å after Z, "Aa" as Å) in every list the store gives the
window, the same as sorted(key=sort_key), on each of the type-ahead's routes."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.domain.danish_format import sort_key
from lokomotiv_desktop.domain.enums import Phase
from lokomotiv_desktop.store import search
from lokomotiv_desktop.store.companies import CompanyFilter, CompanyRepository
from lokomotiv_desktop.store.phases import PhaseRepository
from tests.cvrs import valid_cvr

NAMES = ["Åbyhøj Bageri", "Aalborg Værft", "Zacho Smed", "Ærø Rederi", "Østergaard VVS",
         "bager Hansen", "Bageriet Aa", "Éclair Konditori", "Eskildsen Tømrer"]
DANISH = ["bager Hansen", "Bageriet Aa", "Éclair Konditori", "Eskildsen Tømrer", "Zacho Smed",
          "Ærø Rederi", "Østergaard VVS", "Åbyhøj Bageri", "Aalborg Værft"]


@pytest.fixture
def repo(store):
    with store.transaction():
        for seed, name in enumerate(NAMES):
            store.changes.insert("company", {
                "cvr": valid_cvr(1000 * seed), "name": name, "city": "Vejle",
                "municipality_code": "630", "phase": 1})
    return CompanyRepository(store)


def names(repo, **filters) -> list[str]:
    rowids = repo.list_rowids(CompanyFilter(**filters))
    rows = repo.list_rows(rowids)
    return [rows[r].name for r in rowids]


def test_the_expected_order_is_sort_keys():
    assert sorted(NAMES, key=sort_key) == DANISH


def test_whole_list_and_filtered_list(repo):
    assert names(repo) == DANISH
    assert names(repo, descending=True) == DANISH[::-1]
    assert names(repo, municipality_code="630") == DANISH


def test_search_results_when_few_hits_are_sorted(repo):
    assert names(repo, text="vejle") == DANISH


def test_search_results_when_the_name_index_is_walked(repo, monkeypatch):
    monkeypatch.setattr(search, "SORT_MAX", 1)  # too many hits to sort: walk in order
    assert names(repo, text="vejle") == DANISH
    assert names(repo, text="vejle", descending=True) == DANISH[::-1]


def test_board_columns(store, repo):
    board = PhaseRepository(store).board()
    assert [card.name for card in board.columns[Phase(1)]] == DANISH


def test_municipalities_as_the_municipalities_write_them(repo):
    municipalities = repo.municipalities()
    by_code = {m.code: m.name for m in municipalities}
    assert by_code["820"] == "Vesthimmerland" and by_code["480"] == "Nordfyn"
    assert not [m.name for m in municipalities if m.name.endswith(("Kommune", "kommune"))]
    listed = [m.name for m in municipalities]
    assert listed[-4:] == ["Ærø", "Aabenraa", "Aalborg", "Aarhus"]
