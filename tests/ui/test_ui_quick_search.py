"""Ctrl+K ranks by relevance (exact CVR / P-nummer, name prefix, word prefix, then contact
or city), says why a row matched, and says so when nothing matches."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from lokomotiv_desktop.domain.enums import ContactRole
from lokomotiv_desktop.store.companies import CompanyRepository

from .window_data import valid_cvr


@pytest.fixture
def ranked_store(filled_store):
    """Besides window_data: a company named after Vejle, one with "Vejle" inside its name,
    and a contact called Vejle."""
    repository = CompanyRepository(filled_store)
    with filled_store.transaction():
        for seed, name, city in ((20, "Vejle Rør og Sanitet", "Børkop"),
                                 (21, "Maskinstation Vejle Nord", "Give"),
                                 (22, "Give Transport", "Give")):
            company_id = repository.create({
                "cvr": valid_cvr(seed), "name": name, "city": city,
                "municipality_code": "630", "phase": 1, "consultant": ""})
            if seed == 22:
                repository.add_contact(company_id, {"name": "Hanne Vejlegaard",
                                                    "role": ContactRole.LEDER})
    return filled_store


@pytest.fixture
def popup(qtbot, ranked_store):
    from lokomotiv_desktop.ui.dialogs.quick_search import QuickSearch

    dialog = QuickSearch(CompanyRepository(ranked_store))
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    dialog.done(0)


def results(popup) -> list[str]:
    return [popup.results.item(i).text() for i in range(popup.results.count())]


def search(qtbot, popup, text: str) -> list[str]:
    popup.query.clear()
    qtbot.keyClicks(popup.query, text)
    qtbot.waitUntil(lambda: not popup._debounce.isActive())
    return results(popup)


def test_name_prefix_then_word_prefix_then_contact_then_city(qtbot, popup):
    rows = search(qtbot, popup, "vejle")
    names = [row.split("  ·  ")[0] for row in rows]
    # Names starting with it (in Danish order), then a name with it as a word.
    assert names[:3] == ["Vejle Maskinfabrik A/S", "Vejle Rør og Sanitet",
                         "Maskinstation Vejle Nord"]
    assert names[3] == "Give Transport"
    assert rows[3].endswith("(kontaktperson: Hanne Vejlegaard)")
    # Then the companies in the city of Vejle, in Danish order, each saying so.
    assert names[4:] == ["Rengøringshuset Syd", "Tømrerfirmaet Hansen ApS"]
    assert all(row.endswith("(by: Vejle)") for row in rows[4:])


def test_an_exact_cvr_or_p_number_comes_first(qtbot, popup):
    rows = search(qtbot, popup, valid_cvr(2))
    assert rows[0].startswith("Vejle Maskinfabrik A/S") and rows[0].endswith("(CVR-nummer)")
    rows = search(qtbot, popup, "1012345678")
    assert rows[0].startswith("Tømrerfirmaet Hansen ApS")
    assert rows[0].endswith("(P-nummer 1012345678 Værkstedet)")


def test_contact_match_says_who(qtbot, popup):
    rows = search(qtbot, popup, "mette")
    assert rows == [f"Tømrerfirmaet Hansen ApS  ·  {valid_cvr(0)}  ·  Vejle    "
                    f"(kontaktperson: Mette Madsen)"]


def test_nothing_found_says_so(qtbot, popup):
    assert search(qtbot, popup, "zebrafabrik") == []
    assert popup.empty.isVisible()
    assert popup.empty.text() == "Ingen virksomheder fundet for «zebrafabrik»"
    search(qtbot, popup, "vejle")
    assert not popup.empty.isVisible()


def test_enter_opens_the_best_match(qtbot, popup):
    search(qtbot, popup, "maskinst")
    with qtbot.waitSignal(popup.company_chosen) as chosen:
        qtbot.keyClick(popup.query, Qt.Key.Key_Return)
    repository = CompanyRepository(popup._repository.store)
    assert repository.get(chosen.args[0]).name == "Maskinstation Vejle Nord"
