"""Importing a CVR extract from the window, as a user does it: the button or Ctrl+I, a file,
the progress, the summary (and the rejected rows), a bad file, and "Stop"."""
from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton

from lokomotiv_desktop.services import import_cvr
from lokomotiv_desktop.services.cvr_file import CANONICAL
from lokomotiv_desktop.services.demo import DEMO_STATE_KEY, demo_cvr_rows
from lokomotiv_desktop.store.companies import CompanyRepository
from lokomotiv_desktop.ui import import_ui


def write_extract(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([CANONICAL, *rows])
    return path


@pytest.fixture
def choose(monkeypatch):
    """Answers the file dialog with the given path (or cancels it with None)."""
    asked = []

    def chooser(path):
        def answer(*args, **kwargs):
            asked.append(args)
            return (str(path) if path else "", "")
        monkeypatch.setattr(import_ui.QFileDialog, "getOpenFileName", staticmethod(answer))
        return asked
    return chooser


def import_and_wait(qtbot, window, start):
    with qtbot.waitSignal(window.cvr_import.finished, timeout=20000) as outcome:
        start()
    box = window.cvr_import.message
    assert box is not None and box.isVisible()
    return outcome.args[0], box


def button(box: QMessageBox, text: str) -> QPushButton:
    [found] = [b for b in box.buttons() if b.text() == text]
    return found


def test_the_button_imports_a_file_and_shows_what_happened(qtbot, window, tmp_path, choose):
    rows = list(demo_cvr_rows(30))
    asked = choose(write_extract(tmp_path / "udtraek.csv", rows))
    before = window.companies.model.rowCount()
    report, box = import_and_wait(
        qtbot, window,
        lambda: qtbot.mouseClick(window.companies.import_button, Qt.MouseButton.LeftButton))
    assert len(asked) == 1 and asked[0][1] == "Importér CVR-udtræk"
    assert box.text() == "udtraek.csv er importeret."
    companies = len({row[0] for row in rows})
    assert box.informativeText() == (
        f"Importeret: {companies} nye virksomheder med 30 P-enheder · 0 opdateret · "
        "0 uændret · 0 rækker afvist")
    assert box.informativeText() == report.summary_line()  # as the command line says it
    assert box.icon() == QMessageBox.Icon.Information
    assert report.production_units.new == 30
    assert CompanyRepository(window.store).count() == before + companies
    qtbot.waitUntil(lambda: window.companies.model.rowCount() == before + companies)
    assert window.cvr_import.progress is None  # the progress dialog has gone
    qtbot.mouseClick(button(box, "OK"), Qt.MouseButton.LeftButton)
    assert window.cvr_import.message is None


def test_rejected_rows_are_listed_and_their_report_opens(qtbot, window, tmp_path, choose,
                                                         monkeypatch):
    rows = [list(row) for row in demo_cvr_rows(10)]
    rows[1][0] = "12345678"  # line 3: a CVR number with a wrong check digit
    rows.append(rows[4])  # line 12: the same row again, skipped
    choose(write_extract(tmp_path / "udtraek.csv", rows))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    report, box = import_and_wait(qtbot, window, window.cvr_import.action.trigger)
    assert report.rejected == 1
    assert box.icon() == QMessageBox.Icon.Warning
    first, *rest = box.informativeText().splitlines()
    assert first.endswith("· 1 række afvist · 1 gentaget række sprunget over")
    assert first == report.summary_line() and report.repeated == 1
    assert str(tmp_path / "udtraek.afviste.csv") in " ".join(rest)
    assert box.detailedText().startswith("Linje 3: cvr: ")
    qtbot.mouseClick(button(box, "Vis afviste rækker"), Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(tmp_path / "udtraek.afviste.csv")]
    box.done(0)


def test_a_file_that_cannot_be_imported_gets_the_importers_message(qtbot, window, tmp_path,
                                                                   choose):
    (tmp_path / "kunder.csv").write_text("navn;by\nFirma;Vejle\n", encoding="utf-8")
    choose(tmp_path / "kunder.csv")
    before = CompanyRepository(window.store).count()
    error, box = import_and_wait(qtbot, window, window.cvr_import.choose_file)
    assert type(error).__name__ == "ImportFileError"
    assert "mangler kolonnen" in box.text() and "cvr" in box.text()
    assert box.informativeText() == "Intet fra filen er gemt."
    assert CompanyRepository(window.store).count() == before
    box.done(0)


def test_stop_ends_the_import_with_nothing_saved(qtbot, window, tmp_path, choose,
                                                 monkeypatch):
    monkeypatch.setattr(import_cvr, "ROWS_PER_PART", 20)
    choose(write_extract(tmp_path / "stort.csv", demo_cvr_rows(400)))
    before = CompanyRepository(window.store).count(), window.store.pending_changes()

    def start_and_stop():
        window.cvr_import.choose_file()
        progress = window.cvr_import.progress
        assert progress is not None and progress.isVisible()
        [stop] = progress.findChildren(QPushButton)
        assert stop.text() == "Stop"
        qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)

    error, box = import_and_wait(qtbot, window, start_and_stop)
    assert isinstance(error, import_ui.ImportStopped)
    assert box.text() == "Importen blev stoppet. Intet fra filen er gemt."
    assert (CompanyRepository(window.store).count(), window.store.pending_changes()) == before
    box.done(0)


def test_a_demo_database_asks_first_and_no_means_no(qtbot, window, tmp_path, choose,
                                                   monkeypatch, wait_idle):
    window.store.set_state(DEMO_STATE_KEY, "1")
    asked = []
    monkeypatch.setattr(import_ui.QMessageBox, "question", staticmethod(
        lambda *args, **kwargs: asked.append(args[2]) or QMessageBox.StandardButton.No))
    choose(write_extract(tmp_path / "udtraek.csv", demo_cvr_rows(5)))
    before = CompanyRepository(window.store).count()
    window.cvr_import.choose_file()
    assert len(asked) == 1 and "demodata" in asked[0] and "aldrig synkroniseret" in asked[0]
    assert window.cvr_import.progress is None
    wait_idle()
    assert CompanyRepository(window.store).count() == before


def test_cancelling_the_file_dialog_does_nothing(qtbot, window, choose):
    asked = choose(None)
    window.cvr_import.choose_file()
    assert len(asked) == 1 and window.cvr_import.progress is None
    assert window.cvr_import.message is None


def test_ctrl_i_is_in_the_file_menu(window):
    action = window.cvr_import.action
    assert action.shortcut().toString() == "Ctrl+I"
    assert action in window.file_menu.actions()
    assert action.text() == "Importér CVR-udtræk …"


def test_the_first_start_offers_to_import_an_extract(qtbot, store, runner, tmp_path, choose):
    from lokomotiv_desktop.ui.app import build_window

    choose(write_extract(tmp_path / "udtraek.csv", demo_cvr_rows(12)))
    main = build_window(store, runner)
    qtbot.addWidget(main)
    offer = main.demo_offer
    qtbot.waitUntil(offer.isVisible)
    assert offer.import_button.text() == "Importér CVR-udtræk …"
    with qtbot.waitSignal(main.cvr_import.finished, timeout=20000):
        qtbot.mouseClick(offer.import_button, Qt.MouseButton.LeftButton)
    assert not offer.isVisible()
    assert main.cvr_import.message.informativeText().startswith(
        "Importeret: ") and " med 12 P-enheder · " in main.cvr_import.message.informativeText()
    assert CompanyRepository(store).count() > 0
    assert store.get_state(DEMO_STATE_KEY) != "1"  # real data: the store may sync
    main.cvr_import.message.done(0)
    main.close()
