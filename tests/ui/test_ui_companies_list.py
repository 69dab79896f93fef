"""The companies page: search as you type, filters, sorting, the reklamebeskyttet mark."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from lokomotiv_desktop.ui.models.company_table import (
    COL_CVR,
    COL_NAME,
    PROTECTED_ROLE,
    CompanyTableModel,
)

from .window_data import COMPANIES


def names(model) -> list[str]:
    return [model.index(row, COL_NAME).data() for row in range(model.rowCount())]


def test_all_companies_listed_by_name(window):
    model = window.companies.model
    assert model.rowCount() == len(COMPANIES)
    assert names(model) == sorted((c[0] for c in COMPANIES), key=str.casefold)
    assert window.companies.count_label.text() == "Virksomheder: 8"


def test_search_as_you_type_filters_the_table(window, qtbot):
    page = window.companies
    qtbot.keyClicks(page.search, "tømr")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert sorted(names(page.model)) == ["Tømrer & Snedker Jensen", "Tømrerfirmaet Hansen ApS"]
    # Danish letters fold: "aarhus" finds "Århus Bageri", which lies in Aarhus.
    page.search.clear()
    qtbot.keyClicks(page.search, "aarhus")
    qtbot.waitUntil(lambda: names(page.model) == ["Århus Bageri I/S"])
    # Contact persons are searched too.
    page.search.clear()
    qtbot.keyClicks(page.search, "mette")
    qtbot.waitUntil(lambda: names(page.model) == ["Tømrerfirmaet Hansen ApS"])
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == len(COMPANIES))


def test_search_without_match_shows_empty_list(window, qtbot):
    page = window.companies
    qtbot.keyClicks(page.search, "zzzxq")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.count_label.text() == "Virksomheder: 0"


def choose(combo, text: str) -> None:
    index = combo.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def test_filters_municipality_phase_and_consultant(window, qtbot, wait_idle):
    page = window.companies
    wait_idle()  # the consultant choices load in the background
    choose(page.municipality, "Vejle")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    choose(page.phase, "2 Motivation")
    qtbot.waitUntil(lambda: names(page.model) == ["Rengøringshuset Syd"])
    choose(page.municipality, "Alle kommuner")
    qtbot.waitUntil(lambda: sorted(names(page.model)) == [
        "Herning Plast A/S", "Rengøringshuset Syd", "Tømrer & Snedker Jensen"])
    choose(page.consultant, "Bo Jensen")
    qtbot.waitUntil(lambda: names(page.model) == ["Tømrer & Snedker Jensen"])
    # Filters combine with the search text.
    qtbot.keyClicks(page.search, "herning")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)


def click_header(qtbot, table, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def test_clicking_a_header_sorts_in_sql(window, qtbot):
    page = window.companies
    model = page.model

    def cvrs():
        return [model.index(row, COL_CVR).data() for row in range(model.rowCount())]

    click_header(qtbot, page.table, COL_CVR)
    qtbot.waitUntil(lambda: cvrs() == sorted(cvrs()) and model.company_filter.sort == "cvr")
    click_header(qtbot, page.table, COL_CVR)
    qtbot.waitUntil(lambda: model.company_filter.descending
                    and cvrs() == sorted(cvrs(), reverse=True))


def test_reklamebeskyttet_is_marked(window):
    model = window.companies.model
    row = names(model).index("Vejle Maskinfabrik A/S")
    index = model.index(row, COL_NAME)
    assert index.data(PROTECTED_ROLE) is True
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert index.data(Qt.ItemDataRole.ToolTipRole) == (
        "Reklamebeskyttet: kontakt kun efter virksomhedens eget ønske")
    other = model.index(names(model).index("Herning Plast A/S"), COL_NAME)
    assert other.data(Qt.ItemDataRole.ToolTipRole) is None


def test_stale_answers_are_dropped(filled_store, runner, qtbot, wait_idle):
    """Typing fast queues several queries; only the last filter's rows may show."""
    from dataclasses import replace

    from lokomotiv_desktop.store.companies import CompanyRepository

    model = CompanyTableModel(CompanyRepository(filled_store), runner)
    for text in ("t", "tø", "tøm", "herning"):
        model.set_filter(replace(model.company_filter, text=text))
    wait_idle()
    assert names(model) == ["Herning Plast A/S"]


def test_company_table_model_passes_qt_model_tester(filled_store, qtmodeltester):
    from lokomotiv_desktop.store.companies import CompanyRepository

    model = CompanyTableModel(CompanyRepository(filled_store))  # synchronous: no runner
    model.refresh()
    assert model.rowCount() == len(COMPANIES)
    qtmodeltester.check(model, force_py=True)
    model.sort(COL_CVR, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)
