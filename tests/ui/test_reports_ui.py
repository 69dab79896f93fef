"""Rapporter and the coordinator's Oversigt tiles, driven as a person would: typing a period,
choosing a municipality, double-clicking a number. The data is made with the services:
visits in 2027 to three companies (two in Vejle, one in Horsens) and three screened people."""
from __future__ import annotations

import os
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lokomotiv_desktop.services import outreach, screenings
from lokomotiv_desktop.services import participants as people
from lokomotiv_desktop.store.companies import CompanyRepository

from .window_data import valid_cvr

SHOTS = "/tmp/c12/png" if os.path.isdir("/tmp/c12/png") else None
CONSENTED = date(2027, 1, 5)


def shoot(widget, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()
        widget.grab().save(os.path.join(SHOTS, f"ui13-{name}.png"))


def company_id(store, seed: int) -> str:
    return CompanyRepository(store).get_by_cvr(valid_cvr(seed)).id


def screened(store, seed: int, first: str, day: date) -> None:
    person = people.add_participant(store, company_id(store, seed), first_name=first,
                                    last_name="Hansen", team="Dagskift")
    people.give_consent(store, person.id, "screening", "skriftlig", given_on=CONSENTED)
    screenings.record_screening(store, person.id, subject="læsning", tool="VLV-2",
                                outcome="læsekursus", trin=2, day=day)


@pytest.fixture
def kpi_store(filled_store):
    store = filled_store
    # seed 0 and 7: Vejle (630), seed 1: Horsens (615)
    for seed, day, kind in ((0, "2.2.2027", "første møde"), (0, "9.3.2027", "opfølgning"),
                            (7, "15.3.2027", "første møde"), (1, "4.5.2027", "første møde"),
                            (1, "6.6.2026", "første møde")):
        outreach.log_visit(store, company_id(store, seed), date=day, kind=kind,
                           consultant="Anne Holm")
    screened(store, 0, "Ole", date(2027, 2, 10))
    screened(store, 0, "Eva", date(2027, 3, 11))
    screened(store, 1, "Kim", date(2027, 5, 12))
    return store


@pytest.fixture
def page(qtbot, kpi_store, runner, wait_idle):
    from lokomotiv_desktop.ui.pages.reports_page import ReportsPage

    widget = ReportsPage(kpi_store, runner)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    wait_idle()
    set_period(qtbot, widget, "1.1.2027", "30.6.2027", wait_idle)
    yield widget
    wait_idle()
    if widget.dialog is not None:
        widget.dialog.close()


def set_period(qtbot, page, first: str, last: str, wait_idle) -> None:
    for edit, text in ((page.first, first), (page.last, last)):
        edit.selectAll()
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    wait_idle()


def shown(page, name: str) -> str:
    from lokomotiv_desktop.ui.models.kpi_model import NAME_ROLE

    model = page.funnel
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(NAME_ROLE) == name)
    return model.index(row, 1).data()


def test_the_funnel_follows_the_filters(qtbot, page, wait_idle):
    assert shown(page, "companies_contacted") == "3"
    assert shown(page, "first_meetings") == "3"
    assert shown(page, "screened") == "3"
    assert page.funnel.rowCount() == 13
    shoot(page, "reports")

    page.select_municipality("630")  # Vejle
    wait_idle()
    assert shown(page, "companies_contacted") == "2"
    assert shown(page, "screened") == "2"

    page.select_municipality(None)
    set_period(qtbot, page, "1.1.2026", "31.12.2026", wait_idle)
    assert shown(page, "companies_contacted") == "1"  # the 2026 visit in Horsens
    assert shown(page, "screened") == "0"


def test_a_reversed_period_is_refused_in_danish(qtbot, page, wait_idle):
    set_period(qtbot, page, "1.7.2027", "30.6.2027", wait_idle)
    assert page.error.isVisible()
    assert "efter" in page.error.text()
    assert shown(page, "companies_contacted") == "3"  # the last good numbers stay


def test_the_chart_has_the_months_of_the_period(page):
    assert page.chart.categories == ["jan. 27", "feb. 27", "mar. 27", "apr. 27", "maj 27",
                                     "jun. 27"]
    assert page.chart.values == [0, 1, 1, 0, 1, 0]  # screened per month


def test_the_chart_shows_the_chosen_number(qtbot, page, wait_idle):
    page.chart_number.setCurrentIndex(page.chart_number.findData("first_meetings"))
    wait_idle()
    assert page.chart.values == [0, 1, 1, 0, 1, 0]
    assert page.chart.chart().title() == "Første møder"


def test_the_municipality_table_has_a_row_per_municipality(page):
    model = page.municipalities
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["Horsens", "Vejle"]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Virksomheder kontaktet"
    assert [model.index(r, 1).data() for r in range(2)] == ["1", "2"]


def test_a_drill_down_lists_the_companies_behind_a_number(qtbot, page, wait_idle):
    from lokomotiv_desktop.ui.models.kpi_model import NAME_ROLE

    model = page.funnel
    row = next(r for r in range(model.rowCount())
               if model.index(r, 0).data(NAME_ROLE) == "companies_contacted")
    table = page.funnel_table
    rect = table.visualRect(model.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle()
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    texts = dialog.texts()
    assert len(texts) == 3
    assert any(t.startswith("Tømrerfirmaet Hansen ApS") for t in texts)
    shoot(dialog, "reports-drill")
    opened = []
    dialog.open_company.connect(opened.append)
    item = next(dialog.list.item(n) for n in range(dialog.list.count())
                if dialog.list.item(n).text().startswith("Tømrerfirmaet"))
    dialog.list.setCurrentItem(item)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert opened == [company_id(page._store, 0)]


def test_a_drill_down_of_people_names_them_with_their_company(qtbot, page, wait_idle):
    page.drill("screened", page.filter)
    wait_idle()
    texts = sorted(page.dialog.texts())
    assert texts == ["Eva Hansen – Tømrerfirmaet Hansen ApS",
                     "Kim Hansen – Tømrer & Snedker Jensen",
                     "Ole Hansen – Tømrerfirmaet Hansen ApS"]


def test_the_window_has_rapporter_and_forening(window, wait_idle):
    page = window.show_page("reports")
    wait_idle()
    assert page.objectName() == "reports_page"
    titles = [window.navigation.item(n).text() for n in range(window.navigation.count())]
    assert "Rapporter" in titles and "Forening" in titles


def test_oversigt_shows_kpi_tiles_for_a_coordinator(qtbot, kpi_store, runner, wait_idle):
    from lokomotiv_desktop.ui.pages.overview_page import OverviewPage
    from lokomotiv_desktop.ui.widgets.kpi_tiles import add_kpi_tiles

    kpi_store.set_state("role", "koordinator")
    overview = OverviewPage(kpi_store, runner)
    qtbot.addWidget(overview)
    tiles = add_kpi_tiles(overview, kpi_store, runner)
    overview.show()
    with qtbot.waitSignal(overview.svu_loaded, timeout=5000):
        overview.reload()
    wait_idle()
    assert tiles.row.isVisible()
    year_screened = "3" if date.today().year == 2027 else "0"
    assert overview.tiles["kpi_screened"].text() == year_screened


def test_oversigt_has_no_kpi_tiles_for_a_consultant(qtbot, kpi_store, runner, wait_idle):
    from lokomotiv_desktop.ui.pages.overview_page import OverviewPage
    from lokomotiv_desktop.ui.widgets.kpi_tiles import add_kpi_tiles

    kpi_store.set_state("role", "konsulent")
    overview = OverviewPage(kpi_store, runner)
    qtbot.addWidget(overview)
    tiles = add_kpi_tiles(overview, kpi_store, runner)
    overview.show()
    with qtbot.waitSignal(overview.svu_loaded, timeout=5000):
        overview.reload()
    wait_idle()
    assert not tiles.row.isVisible()


def test_the_municipality_report_is_saved_as_pdf_csv_and_xlsx(qtbot, page, wait_idle,
                                                              tmp_path):
    import csv

    import openpyxl
    from pypdf import PdfReader

    page.save_report("pdf", str(tmp_path / "vejle.pdf"))
    assert "Vælg først en kommune" in page.error.text()  # no municipality chosen yet
    page.select_municipality("630")
    wait_idle()
    for suffix in ("pdf", "csv", "xlsx"):
        page.save_report(suffix, str(tmp_path / f"vejle.{suffix}"))
        wait_idle()
        assert page.summary.text() == f"Kommunerapport gemt i {tmp_path / f'vejle.{suffix}'}."
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "vejle.pdf").pages)
    assert "Kommunerapport for Vejle Kommune" in text and "2027" in text
    with open(tmp_path / "vejle.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert len(rows) > 1 and "Ole" not in str(rows)  # counts only, never a name
    book = openpyxl.load_workbook(tmp_path / "vejle.xlsx")
    assert book.worksheets and book.worksheets[0].max_row > 1
    assert not page.error.isVisible()
