"""The screening-day grid driven from the keyboard: rows reach the store exactly when
complete, never without consent, corrections update, and a killed process loses only the
row being typed."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from lokomotiv_desktop.services import screenings
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.ui.dialogs import screening_day_dialog
from lokomotiv_desktop.ui.dialogs.screening_day_dialog import ScreeningDayDialog
from lokomotiv_desktop.ui.models.screening_day_model import OUTCOME, STATUS

from .grid_keys import DAY, add_company, cell, key, person

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def close_without_asking(monkeypatch):
    monkeypatch.setattr(screening_day_dialog.QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)


@pytest.fixture
def day_store(store):
    return store, add_company(store)


def open_day(qtbot, store, company_id) -> ScreeningDayDialog:
    dialog = ScreeningDayDialog(store, company_id, DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def screened(store, company_id):
    return [(p.first_name, p.last_name, s.subject, s.tool, s.outcome, s.trin, s.school)
            for p, s in screenings.day_rows(store, company_id, DAY) if s is not None]


def test_a_row_is_saved_the_moment_it_is_complete(qtbot, day_store):
    store, company_id = day_store
    dialog = open_day(qtbot, store, company_id)
    dialog.school.setText("VUC Syd")
    assert dialog.count.text() == "Screenet 0 af 2 inviterede"
    # Ole is invited: his names are there. Consent, team, subject and tool: not complete yet.
    person(["", "", "Hal A", "laes", "vlv"], next_person=False)
    assert screened(store, company_id) == []
    cell("laes")  # the outcome: læsekursus
    assert screened(store, company_id) == [
        ("Ole", "Olsen", "læsning", "VLV-2", "læsekursus", None, "VUC Syd")]
    assert dialog.count.text() == "Screenet 1 af 2 inviterede"
    assert dialog.model.data(dialog.model.index(0, STATUS)) == "✓ Gemt"
    cell("3")  # trin: a correction of the saved row, not a second screening
    assert screened(store, company_id)[0][5] == 3
    assert len(screened(store, company_id)) == 1
    dialog.close()


def test_ctrl_enter_goes_to_the_next_person_and_a_new_row(qtbot, day_store):
    store, company_id = day_store
    dialog = open_day(qtbot, store, company_id)
    person(["", "", "", "mat", "vmv", "egn", "2", ""])
    assert dialog.grid.currentIndex().row() == 1  # Zenia, invited
    person(["", "", "", "start", "samt", "ikke", "", "taler mest engelsk"])
    assert dialog.grid.currentIndex().row() == 2  # the empty row at the bottom
    person(["Mia", "Hansen", "Nat", "dig", "samt", "egnet", "1", ""])
    assert dialog.grid.currentIndex().row() == 3
    assert dialog.model.rowCount() == 4
    assert sorted(r[:5] for r in screened(store, company_id)) == [
        ("Mia", "Hansen", "digital", "samtaleguide", "egnet"),
        ("Ole", "Olsen", "matematik", "VMV-2", "egnet"),
        ("Zenia", "Berg", "start", "samtaleguide", "ikke_klar")]
    assert dialog.count.text() == "Screenet 3 af 3 inviterede"
    dialog.close()


def test_no_consent_no_screening(qtbot, day_store):
    store, company_id = day_store
    dialog = open_day(qtbot, store, company_id)
    person(["", "", "", "laes", "vlv", "ord", "", ""], consent=False)
    assert screened(store, company_id) == []
    status = dialog.model.data(dialog.model.index(0, STATUS))
    assert status.startswith("Ikke gemt: sæt kryds i Samtykke først")
    # Ticking consent afterwards completes the row and saves it.
    dialog.grid.start(0)
    key(Qt.Key.Key_Space)
    assert [r[4] for r in screened(store, company_id)] == ["ordblindetest"]
    dialog.close()


def test_bad_values_are_shown_on_the_row_and_nothing_is_saved(qtbot, day_store):
    store, company_id = day_store
    dialog = open_day(qtbot, store, company_id)
    person(["", "", "", "mat", "vlv", "egnet", "", ""])
    assert screened(store, company_id) == []
    assert "VLV-2 bruges til FVU-læsning" in dialog.model.data(dialog.model.index(0, STATUS))
    # Complete (trin may stay empty) and saved at the outcome; then a trin out of range is
    # refused on the row, and the saved screening keeps no trin.
    person(["", "", "", "laes", "vlv", "laes", "7", ""])
    assert screened(store, company_id)[0][5] is None
    assert "Trin 7 findes ikke i FVU-læsning" in dialog.model.data(dialog.model.index(1, STATUS))
    dialog.close()


def test_reopening_shows_the_rows_and_a_correction_updates(qtbot, day_store):
    store, company_id = day_store
    dialog = open_day(qtbot, store, company_id)
    dialog.tester.setText("Bo Lund")
    person(["", "", "", "laes", "vlv", "laes", "2", ""])
    dialog.close()

    again = open_day(qtbot, store, company_id)
    rows = again.model.rows
    assert (rows[0].first, rows[0].consent, rows[0].subject, rows[0].outcome, rows[0].trin) == (
        "Ole", True, "FVU-læsning", "læsekursus", "2")
    assert (rows[1].first, rows[1].consent, rows[1].screening_id) == ("Zenia", False, None)
    assert again.tester.text() == "Bo Lund"
    assert again.count.text() == "Screenet 1 af 2 inviterede"
    assert again.grid.currentIndex().row() == 1  # the first person not yet screened
    again.grid.setCurrentIndex(again.model.index(0, OUTCOME))
    cell("ordbl")
    assert [r[4] for r in screened(store, company_id)] == ["ordblindetest"]
    count = store.db.execute("SELECT count(*) FROM screening WHERE deleted = 0").fetchone()[0]
    assert count == 1
    again.close()


def test_a_killed_process_loses_only_the_row_being_typed(tmp_path):
    path = tmp_path / "day.db"
    first = Store(path)
    company_id = add_company(first)
    first.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.screenings.crash_child", str(path), company_id],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline()
        assert line.strip() == "READY", child.stderr.read() if child.poll() is not None else line
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()
    store = Store(path)
    try:
        assert sorted(r[:5] for r in screened(store, company_id)) == [
            ("Ole", "Olsen", "læsning", "VLV-2", "læsekursus"),
            ("Zenia", "Berg", "matematik", "VMV-2", "egnet")]
        names = [r[0] for r in store.db.execute("SELECT first_name FROM participant")]
        assert "Halv" not in names  # the half-typed third row
        ids = [r[0] for r in store.db.execute(
            "SELECT participant_id FROM screening WHERE deleted = 0")]
        for table, column in (("participant", "id"), ("consent", "participant_id"),
                              ("screening", "participant_id")):
            rows = store.db.execute(
                f"SELECT id FROM {table} WHERE {column} IN (?, ?)", ids).fetchall()  # noqa: S608
            assert rows, table
            for (row_id,) in rows:
                assert store.db.execute("SELECT count(*) FROM outbox WHERE tbl = ? AND "
                                        "row_id = ?", [table, row_id]).fetchone()[0] >= 1
    finally:
        store.close()
