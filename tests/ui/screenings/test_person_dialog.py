"""The person view: its fields, consent given and withdrawn (with the question to erase),
referrals and results, export and erasure, and the access log of every opening."""
from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QLabel

from lokomotiv_desktop.services import screenings
from lokomotiv_desktop.store.participants import ParticipantRepository
from lokomotiv_desktop.store.privacy_queue import access_entries, pending_erasures
from lokomotiv_desktop.ui.dialogs import person_dialog

from .people import add, screened


@pytest.fixture
def person(filled_store):
    return add(filled_store, "Søren", "Ærø", team="Nathold", job_title="Tømrer")


@pytest.fixture
def open_dialog(qtbot, filled_store):
    opened = []

    def make(participant_id):
        dialog = person_dialog.PersonDialog(filled_store, participant_id)
        qtbot.addWidget(dialog)
        dialog.show()
        opened.append(dialog)
        return dialog

    yield make
    for dialog in opened:
        if dialog.form is not None:
            dialog.form.close()
        dialog.close()


def test_shows_the_person_and_logs_one_view_per_opening(open_dialog, filled_store, person):
    dialog = open_dialog(person.id)
    assert dialog.title.text() == "Søren Ærø"
    assert dialog.subtitle.text() == "Tømrerfirmaet Hansen ApS"
    texts = [w.text() for w in dialog.findChildren(QLabel)]
    assert "Visning logges" in texts and "Tømrer" in texts and "Nathold" in texts
    entries = access_entries(filled_store, person.id)
    assert len(entries) == 1 and entries[0][2] == "så screeninger og ordblindetest"
    dialog.close()
    open_dialog(person.id)
    assert len(access_entries(filled_store, person.id)) == 2


def test_give_consent_then_withdraw_and_erase(open_dialog, filled_store, person, monkeypatch):
    asked = []
    monkeypatch.setattr(person_dialog, "ask_erase",
                        lambda parent, name: asked.append(name) or True)
    dialog = open_dialog(person.id)
    erased = []
    dialog.erased.connect(erased.append)
    dialog.give_consent()
    form = dialog.form
    form.how.setCurrentIndex(form.how.findData("mundtlig"))
    assert form.witness.isEnabled()
    assert not form.submit()  # oral without a witness: refused, nothing written
    assert form.error.isVisibleTo(form) and "vidne" in form.error.text().lower()
    assert ParticipantRepository(filled_store).consents(person.id) == []
    form.witness.setText("Mette Madsen")
    assert form.submit()
    assert dialog.consents.rowCount() == 1
    assert dialog.consents.item(0, 0).text() == "Screening"
    assert dialog.consents.item(0, 3).text() == "Mette Madsen"
    dialog.withdraw_consent()
    assert asked == ["Søren Ærø"]
    assert erased == [person.id]
    assert ParticipantRepository(filled_store).get(person.id) is None
    assert any(row_id == person.id for _table, row_id, _m in pending_erasures(filled_store))


def test_withdraw_and_keep(open_dialog, filled_store, person, monkeypatch):
    monkeypatch.setattr(person_dialog, "ask_erase", lambda parent, name: False)
    screened(filled_store, person)
    dialog = open_dialog(person.id)
    assert dialog.screenings.rowCount() == 1
    assert dialog.screenings.item(0, 1).text() == "FVU-læsning"
    dialog.withdraw_consent()
    assert dialog.isVisible()
    assert ParticipantRepository(filled_store).get(person.id) is not None
    assert dialog.consents.item(0, 4).text()  # withdrawn today
    dialog.withdraw_consent()  # nothing left to withdraw: says so in Danish
    assert "intet samtykke" in dialog.message.text()


def test_referral_awaits_then_shows_the_result(open_dialog, filled_store, person):
    screened(filled_store, person)
    dialog = open_dialog(person.id)
    dialog.record_result()
    assert dialog.message.text() == "Henvis først personen til ordblindetest."
    dialog.refer()
    dialog.form.school.setText("VUC Vejle")
    assert dialog.form.submit()
    assert dialog.referrals.item(0, 2).text() == "Afventer resultat"
    dialog.record_result()
    form = dialog.form
    form.result.setCurrentIndex(form.result.findData("gul"))
    form.day.setText("1.1.1990")  # before the referral: refused
    assert not form.submit() and "før henvisningen" in form.error.text()
    form.day.setText(dialog.referrals.item(0, 0).text())
    assert form.submit()
    assert dialog.referrals.item(0, 2).text().startswith("gul: Usikker fonologisk kodning")


def test_a_result_kept_back_by_the_server_is_not_shown_as_awaited(open_dialog, filled_store,
                                                                  person):
    screened(filled_store, person)
    screenings.add_referral(filled_store, person.id, school="VUC")
    with filled_store.transaction():
        filled_store.set_state("role", "consultant")
        filled_store.set_state("me_name", "Bo Jensen")  # not Tømrerfirmaet's consultant
    dialog = open_dialog(person.id)
    assert dialog.referrals.item(0, 2).text().endswith("; resultat ikke synligt for dig")
    assert dialog.referrals.item(0, 2).text().startswith("Henvist ")


def test_edit_the_person(open_dialog, filled_store, person):
    dialog = open_dialog(person.id)
    dialog.edit()
    dialog.form.inputs["team"].setText("Dagskift")
    dialog.form.inputs["email"].setText("ikke en adresse")
    assert not dialog.form.submit()
    assert ParticipantRepository(filled_store).get(person.id).team == "Nathold"
    dialog.form.inputs["email"].setText("")
    assert dialog.form.submit()
    assert ParticipantRepository(filled_store).get(person.id).team == "Dagskift"
    assert "Dagskift" in [w.text() for w in dialog.findChildren(QLabel)]


@pytest.mark.parametrize("suffix", [".json", ".pdf"])
def test_export(open_dialog, filled_store, person, tmp_path, monkeypatch, suffix):
    target = tmp_path / "soeren"
    monkeypatch.setattr(person_dialog, "save_file_name", lambda *a: str(target))
    dialog = open_dialog(person.id)
    dialog.export(suffix)
    written = target.with_name("soeren" + suffix)
    assert written.exists()
    if suffix == ".json":
        assert "Søren" in json.dumps(json.loads(written.read_text("utf-8")), ensure_ascii=False)
    else:
        assert written.read_bytes().startswith(b"%PDF")
    assert len(access_entries(filled_store, person.id)) == 2  # the view and the export


def test_erase_asks_first(open_dialog, filled_store, person, monkeypatch):
    monkeypatch.setattr(person_dialog, "confirm_delete", lambda parent, question: False)
    dialog = open_dialog(person.id)
    dialog.erase()
    assert ParticipantRepository(filled_store).get(person.id) is not None
    questions = []
    monkeypatch.setattr(person_dialog, "confirm_delete",
                        lambda parent, question: questions.append(question) or True)
    dialog.erase()
    assert questions == ["Slet Søren Ærø og alt om personen?"]
    assert ParticipantRepository(filled_store).get(person.id) is None
    assert not dialog.isVisible()
