"""Phases, contact roles, employee bands and the Danish text folding search relies on."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.domain.enums import ContactRole, EmployeeBand, Phase
from lokomotiv_desktop.domain.text import fold_danish


@pytest.mark.parametrize(
    "typed, phase",
    [("1", Phase.AFKLARING), (2, Phase.MOTIVATION), (" 3 ", Phase.ENGAGEMENT),
     ("Gennemførelse", Phase.GENNEMFOERELSE), ("gennemfoerelse", Phase.GENNEMFOERELSE),
     ("OPFØLGNING", Phase.OPFOELGNING), ("opfoelgning", Phase.OPFOELGNING),
     ("afklaring", Phase.AFKLARING), ("Gennemforelse", Phase.GENNEMFOERELSE),
     ("opfolgning", Phase.OPFOELGNING)],
)
def test_phase_parses_numbers_and_names(typed, phase):
    assert Phase.parse(typed) is phase


@pytest.mark.parametrize("typed", ["0", "6", "", "fase", "-1"])
def test_unknown_phase_lists_the_choices_in_danish(typed):
    with pytest.raises(ValueError) as caught:
        Phase.parse(typed)
    message = str(caught.value)
    assert "Ukendt fase" in message
    assert "1 Afklaring" in message and "5 Opfølgning" in message


def test_phase_labels_are_danish():
    assert [p.label for p in Phase] == [
        "Afklaring", "Motivation", "Engagement", "Gennemførelse", "Opfølgning"]


@pytest.mark.parametrize(
    "typed, role",
    [("leder", ContactRole.LEDER), ("HR", ContactRole.HR), ("tr", ContactRole.TR),
     ("TR (tillidsrepræsentant)", ContactRole.TR), ("Ambassadør", ContactRole.AMBASSADOER),
     ("ambassadoer", ContactRole.AMBASSADOER), (" andet ", ContactRole.ANDET)],
)
def test_contact_role_parses_values_and_labels(typed, role):
    assert ContactRole.parse(typed) is role


def test_unknown_contact_role_lists_the_choices():
    with pytest.raises(ValueError) as caught:
        ContactRole.parse("direktør")
    assert "Ukendt rolle «direktør»" in str(caught.value)
    assert "Ambassadør" in str(caught.value)


@pytest.mark.parametrize(
    "count, band",
    [(0, EmployeeBand.B0), (1, EmployeeBand.B1_4), (4, EmployeeBand.B1_4),
     (5, EmployeeBand.B5_9), (49, EmployeeBand.B20_49), (999, EmployeeBand.B500_999),
     (1000, EmployeeBand.B1000), (25000, EmployeeBand.B1000)],
)
def test_employee_band_for_count(count, band):
    assert EmployeeBand.for_count(count) is band


@pytest.mark.parametrize(
    "text, folded",
    [("Århus", "aarhus"), ("AARHUS", "aarhus"), ("Tømrerfirmaet", "toemrerfirmaet"),
     ("Bækgaard", "baekgaard"), ("Café Müller", "cafe mueller"), ("ÆØÅ", "aeoeaa"),
     ("José", "jose"), ("", "")],
)
def test_fold_danish(text, folded):
    assert fold_danish(text) == folded


def test_old_and_new_spellings_fold_alike():
    assert fold_danish("Århus") == fold_danish("Aarhus")
    assert fold_danish("Sønderborg") == fold_danish("Soenderborg")
