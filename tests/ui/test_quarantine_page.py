"""The Synkronisering page lists the rows from the server this computer could not store,
in Danish, without their contact details, and drops them once they are fixed."""
from __future__ import annotations

import re
from datetime import UTC, datetime

from lokomotiv_desktop.domain.danish_format import date_time
from lokomotiv_desktop.store.quarantine import QuarantinedRow
from lokomotiv_desktop.store.sync_apply import apply_remote_rows
from lokomotiv_desktop.sync.hlc import make_stamp
from lokomotiv_desktop.sync.identity import natural_id
from lokomotiv_desktop.ui.models.quarantine_model import (
    COL_KIND,
    COL_REASON,
    COL_RECEIVED,
    COL_RECORD,
    QuarantineModel,
)
from tests.cvrs import valid_cvr

PHASE_CVR = valid_cvr(5_000_001)
PHASE_ID = natural_id("company", PHASE_CVR)
HALF_ID = natural_id("company", valid_cvr(5_000_002))


def row(table, row_id, values, ms=1):
    stamp = make_stamp(1_790_000_000_000 + ms, 0, "remote")
    return {"kind": "row", "table": table, "row_id": row_id, "values": values,
            "clocks": {f: stamp for f in values}}


def company_id(store, name):
    return store.db.execute("SELECT id FROM company WHERE name = ?", [name]).fetchone()[0]


def pull_bad_rows(store):
    owner = company_id(store, "Herning Plast A/S")
    apply_remote_rows(store, [
        row("company", PHASE_ID, {"cvr": PHASE_CVR, "name": "Fase 99 ApS",
                                  "municipality_code": "615", "phase": 99}),
        row("company", HALF_ID, {"municipality_code": "615"}),
        row("contact", "k-bad", {"company_id": owner, "name": "", "phone": "75123456"}),
    ])


def cells(model, row_number):
    return [model.index(row_number, c).data() for c in range(model.columnCount())]


def test_the_page_lists_what_could_not_be_stored(window, qtbot, wait_idle):
    wait_idle()
    page = window.show_page("sync")
    panel = page.quarantine_panel
    wait_idle()
    assert panel.isHidden()  # nothing in quarantine: nothing to say
    pull_bad_rows(window.store)
    page.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    assert not panel.isHidden()
    assert panel.heading.text() == "Ikke gemt fra serveren (3)"
    assert "ikke gemt på denne computer" in panel.explanation.text()
    rows = {cells(panel.model, r)[COL_RECORD]: cells(panel.model, r)
            for r in range(panel.model.rowCount())}
    assert set(rows) == {"Fase 99 ApS", HALF_ID, "(uden navn) – Herning Plast A/S"}
    assert rows["Fase 99 ApS"][COL_KIND] == "Virksomhed"
    assert rows["Fase 99 ApS"][COL_REASON] == "Fase: skal ligge mellem 1 og 5."
    assert rows["(uden navn) – Herning Plast A/S"][COL_KIND] == "Kontakt"
    assert rows["(uden navn) – Herning Plast A/S"][COL_REASON] == "Navn: mangler."
    assert rows[HALF_ID][COL_REASON] == "CVR-nummer: mangler. Navn: mangler."
    # Danish, as the other tables: 3.12.2026 kl. 13.07 (no leading zeros, no seconds)
    assert all(re.fullmatch(r"[1-9]\d?\.[1-9]\d?\.\d{4} kl\. \d{2}\.\d{2}", r[COL_RECEIVED])
               for r in rows.values())
    shown = [str(c) for r in rows.values() for c in r]
    assert not any("75123456" in text for text in shown)  # the phone stays out of sight


def test_a_fixed_row_leaves_the_list(window, qtbot, wait_idle):
    wait_idle()
    pull_bad_rows(window.store)
    page = window.show_page("sync")
    panel = page.quarantine_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    wait_idle()
    apply_remote_rows(window.store, [
        row("company", PHASE_ID, {"cvr": PHASE_CVR, "name": "Fase 99 ApS",
                                  "municipality_code": "615", "phase": 2}, ms=5)])
    page.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert panel.heading.text() == "Ikke gemt fra serveren (2)"


def test_the_model_is_a_valid_qt_model(qtmodeltester, store):
    apply_remote_rows(store, [row("company", HALF_ID, {"municipality_code": "615"})])
    from lokomotiv_desktop.store import quarantine

    model = QuarantineModel()
    model.set_rows(quarantine.list_rows(store))
    qtmodeltester.check(model)
    assert model.rowCount() == 1


def test_received_is_shown_in_local_time_the_danish_way():
    model = QuarantineModel()
    model.set_rows([QuarantinedRow("company", "c-1", "Fase 99 ApS", {"phase": "Fase: ukendt."},
                                   "2026-12-03T12:07:22Z")])
    local = datetime(2026, 12, 3, 12, 7, 22, tzinfo=UTC).astimezone()
    assert model.index(0, COL_RECEIVED).data() == date_time(local)
    assert model.index(0, COL_RECEIVED).data().endswith(f"kl. {local.hour:02d}.07")
