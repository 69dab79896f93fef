"""The one definition of what a synced row may hold (domain/row_rules.py)."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.domain.row_rules import ROW_RULES, field_problem, row_problems
from lokomotiv_desktop.sync.tables import SYNCED_TABLES


def test_every_synced_table_and_field_has_a_rule():
    assert {name: set(t.fields) for name, t in SYNCED_TABLES.items()} == {
        name: set(rules) for name, rules in ROW_RULES.items()}


@pytest.mark.parametrize("field, value", [
    ("cvr", "13748136"), ("phone", "+4512345678"), ("phone", "12 34 56 78"),
    ("email", "info@hansen.dk"), ("email", "Ida.Holm+fvu@kommune.example.dk"),
    ("email", "bø@æblehaven.dk"), ("postcode", "0800"), ("employees", "1000+"),
    ("phase", 5), ("marketing_protected", True), ("notes", ""), ("phone", None),
])
def test_what_the_forms_store_passes(field, value):
    assert field_problem("company", field, value) is None


@pytest.mark.parametrize("field, value", [
    ("cvr", "13748137"), ("cvr", "01374813"), ("cvr", 13748136), ("phone", "+4512"),
    ("email", "a..b@x.dk"), ("email", "ikke en adresse"), ("phase", 0), ("phase", True),
    ("phase", float("nan")), ("phase", 2**64), ("employees", "11"), ("name", None),
    ("address", None), ("website", "x" * 501),
])
def test_what_no_form_stores_is_refused_in_danish(field, value):
    problem = field_problem("company", field, value)
    assert problem and problem.split(":")[0] == ROW_RULES["company"][field].label


def test_a_complete_row_needs_its_required_fields():
    assert row_problems("contact", {"company_id": "c1"}) == {"name": "Navn: mangler."}
    assert row_problems("contact", {"company_id": "c1"}, complete=False) == {}
    assert set(row_problems("follow_up", {"company_id": "c1", "text": " "})) == {"due", "text"}
