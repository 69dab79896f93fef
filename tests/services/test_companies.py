"""save_company / set_company_fields: validated as the form, all or nothing, only changes."""
from __future__ import annotations

import json

import pytest

from lokomotiv_desktop.domain.enums import Phase
from lokomotiv_desktop.services.companies import (
    CVR_IS_IDENTITY,
    PNR_IS_IDENTITY,
    ChangedUnderneath,
    InvalidInput,
    UnknownCompany,
    company_to_json,
    save_company,
    set_company_fields,
)
from lokomotiv_desktop.store.companies import CompanyRepository

VALID_CVR = "13748136"


def counts(store) -> tuple[int, int, int, int]:
    return tuple(store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("company", "production_unit", "contact", "outbox"))


def outbox(store) -> list[tuple[str, dict]]:
    return [(t, json.loads(f)) for t, f in store.db.execute(
        "SELECT tbl, fields FROM outbox ORDER BY seq")]


@pytest.fixture
def company_id(store):
    return save_company(
        store, None,
        {"cvr": "1374 8136", "name": "Hansens Tømrerfirma ApS", "postcode": "7100",
         "city": "Vejle", "municipality_code": "630", "phone": "75 12 34 56", "phase": "2"},
        units=[{"pnr": "1003456789", "name": "Værkstedet", "employees": "12"}],
        contacts=[{"name": "Jens Hansen", "role": "Leder", "email": "jens@hansen.dk"},
                  {"name": "Pia Holm", "role": "TR", "trusted": "ja"}],
    )


def test_create_stores_clean_values_with_units_and_contacts(store, company_id):
    company = CompanyRepository(store).get(company_id)
    assert company.cvr == VALID_CVR
    assert company.phone == "+4575123456"
    assert int(company.phase) == 2
    assert [u.pnr for u in company.production_units] == ["1003456789"]
    assert company.production_units[0].employees == 12
    assert {(c.name, c.role.value, c.trusted) for c in company.contacts} == {
        ("Jens Hansen", "leder", False), ("Pia Holm", "tr", True)}
    assert [t for t, _ in outbox(store)] == ["company", "production_unit", "contact", "contact"]


def test_invalid_values_anywhere_write_nothing(store):
    with pytest.raises(InvalidInput) as caught:
        save_company(
            store, None, {"cvr": "13748137", "name": "Vejle Metal A/S"},
            units=[{"pnr": "12345"}],
            contacts=[{"name": "Ok Person"}, {"name": "Lis", "email": "ikke en mail"}],
        )
    errors = caught.value.errors
    assert set(errors) == {"cvr", "units[0].pnr", "contacts[1].email"}
    assert "kontrolcifferet" in errors["cvr"]
    assert "10 cifre" in errors["units[0].pnr"]
    assert counts(store) == (0, 0, 0, 0)


def test_invalid_child_of_existing_company_changes_nothing(store, company_id):
    before = counts(store)
    with pytest.raises(InvalidInput) as caught:
        save_company(store, company_id, {"name": "Nyt navn ApS"},
                     contacts=[{"name": "Ny", "phone": "12"}])
    assert set(caught.value.errors) == {"contacts[0].phone"}
    assert counts(store) == before
    assert CompanyRepository(store).get(company_id).name == "Hansens Tømrerfirma ApS"


def test_new_company_needs_cvr_and_name(store):
    with pytest.raises(InvalidInput) as caught:
        save_company(store, None, {"city": "Vejle"})
    assert set(caught.value.errors) == {"cvr", "name"}


def test_second_company_with_same_cvr_is_refused(store, company_id):
    with pytest.raises(InvalidInput) as caught:
        save_company(store, None, {"cvr": VALID_CVR, "name": "Kopi ApS"})
    assert "findes allerede" in caught.value.errors["cvr"]


def test_only_changed_fields_reach_the_outbox(store, company_id):
    before = len(outbox(store))
    unit_id = CompanyRepository(store).get(company_id).production_units[0].id
    save_company(store, company_id,
                 {"name": "Hansens Tømrerfirma ApS", "city": "Vejle", "phase": "Engagement"},
                 units=[{"id": unit_id, "pnr": "1003456789", "employees": "12"}])
    assert outbox(store)[before:] == [("company", {"phase": 3})]


def test_units_and_contacts_are_added_updated_and_deleted(store, company_id):
    company = CompanyRepository(store).get(company_id)
    leader = next(c for c in company.contacts if c.name == "Jens Hansen")
    tr = next(c for c in company.contacts if c.name == "Pia Holm")
    save_company(store, company_id, {},
                 units=[{"id": company.production_units[0].id, "deleted": True},
                        {"pnr": "1009999999", "name": "Lageret"}],
                 contacts=[{"id": leader.id, "phone": "+45 20 30 40 50"},
                           {"id": tr.id, "deleted": True}])
    company = CompanyRepository(store).get(company_id)
    assert [u.pnr for u in company.production_units] == ["1009999999"]
    assert [(c.name, c.phone) for c in company.contacts] == [("Jens Hansen", "+4520304050")]


def test_unit_of_another_company_is_refused(store, company_id):
    other = save_company(store, None, {"cvr": "10150817", "name": "Anden ApS"})
    unit_id = CompanyRepository(store).get(company_id).production_units[0].id
    with pytest.raises(InvalidInput) as caught:
        save_company(store, other, {}, units=[{"id": unit_id, "name": "Stjålet"}])
    assert set(caught.value.errors) == {"units[0].id"}


def test_same_pnr_twice_in_one_company_is_refused(store):
    with pytest.raises(InvalidInput) as caught:
        save_company(store, None, {"cvr": VALID_CVR, "name": "A ApS"},
                     units=[{"pnr": "1000000001"}, {"pnr": "1000 000 001"}])
    assert set(caught.value.errors) == {"units[1].pnr"}


def test_set_company_fields_validates_like_the_form(store, company_id):
    assert set_company_fields(store, VALID_CVR, {"phone": "+4575000000", "phase": "5"}) == {
        "phone": "+4575000000", "phase": 5}
    assert set_company_fields(store, VALID_CVR, {"phase": "Opfølgning"}) == {}
    before = counts(store)
    with pytest.raises(InvalidInput) as caught:
        set_company_fields(store, VALID_CVR, {"phase": "7", "notes": "ok", "farve": "blå"})
    assert set(caught.value.errors) == {"farve"}
    with pytest.raises(InvalidInput) as caught:
        set_company_fields(store, VALID_CVR, {"phase": "7", "notes": "ok"})
    assert set(caught.value.errors) == {"phase"}
    assert counts(store) == before


def test_set_company_fields_on_unknown_or_invalid_cvr(store):
    with pytest.raises(UnknownCompany, match="ingen virksomhed med CVR-nummer 13748136"):
        set_company_fields(store, VALID_CVR, {"phase": "2"})
    with pytest.raises(InvalidInput):
        set_company_fields(store, "1234", {"phase": "2"})


def test_company_json_has_the_documented_keys(store, company_id):
    data = company_to_json(CompanyRepository(store).get(company_id))
    assert list(data) == [
        "cvr", "name", "address", "postcode", "city", "municipality_code", "industry_code",
        "industry_text", "employees", "phone", "email", "website", "marketing_protected",
        "phase", "consultant", "notes", "production_units", "contacts"]
    assert list(data["production_units"][0]) == [
        "pnr", "name", "address", "postcode", "city", "municipality_code", "employees"]
    assert list(data["contacts"][0]) == ["name", "role", "phone", "email", "trusted"]
    assert data["phase"] == 2 and data["marketing_protected"] is False
    json.dumps(data)  # plain JSON types only


def elsewhere(store, table: str, row_id: str, values: dict) -> None:
    """A write by someone else (another tab, a pulled change) in its own transaction."""
    with store.transaction():
        store.changes.update(table, row_id, values)


def test_a_save_writes_only_what_the_person_changed(store, company_id):
    repo = CompanyRepository(store)
    loaded = repo.get(company_id)
    elsewhere(store, "company", company_id, {"phase": 3, "city": "Fredericia"})
    pending = store.pending_changes()
    # The form sends its stale phase and city too: they are as loaded, so not edits.
    save_company(store, company_id, {"notes": "Ring i januar", "phase": "2", "city": "Vejle"},
                 loaded=loaded)
    company = repo.get(company_id)
    assert (company.phase, company.city, company.notes) == (Phase.ENGAGEMENT, "Fredericia",
                                                            "Ring i januar")
    assert store.pending_changes() == pending + 1
    assert outbox(store)[-1] == ("company", {"notes": "Ring i januar"})


def test_a_field_changed_underneath_is_not_overwritten_silently(store, company_id):
    repo = CompanyRepository(store)
    loaded = repo.get(company_id)
    elsewhere(store, "company", company_id, {"phone": "+4575999999"})
    pending = store.pending_changes()
    with pytest.raises(ChangedUnderneath) as caught:
        save_company(store, company_id, {"phone": "70 10 20 30", "notes": "ny"}, loaded=loaded)
    [conflict] = caught.value.conflicts
    assert (conflict.key, conflict.theirs, conflict.mine) == ("phone", "+4575999999",
                                                              "+4570102030")
    assert store.pending_changes() == pending  # nothing written, not even the notes
    # Keeping mine: the form saves again with the value it has now seen as loaded.
    loaded.phone = conflict.theirs
    save_company(store, company_id, {"phone": "70 10 20 30", "notes": "ny"}, loaded=loaded)
    assert (repo.get(company_id).phone, repo.get(company_id).notes) == ("+4570102030", "ny")


def test_the_same_value_typed_on_both_sides_is_no_conflict(store, company_id):
    loaded = CompanyRepository(store).get(company_id)
    elsewhere(store, "company", company_id, {"city": "Kolding"})
    save_company(store, company_id, {"city": "Kolding"}, loaded=loaded)
    assert CompanyRepository(store).get(company_id).city == "Kolding"


def test_child_rows_compare_with_what_was_loaded(store, company_id):
    repo = CompanyRepository(store)
    loaded = repo.get(company_id)
    contact = next(c for c in loaded.contacts if c.name == "Jens Hansen")
    unit = loaded.production_units[0]
    elsewhere(store, "contact", contact.id, {"phone": "+4520202020", "email": "j@h.dk"})
    elsewhere(store, "production_unit", unit.id, {"employees": 14})
    with pytest.raises(ChangedUnderneath) as caught:
        save_company(store, company_id, {}, loaded=loaded,
                     units=[{"id": unit.id, "name": "Værksted 2"}],
                     contacts=[{"id": contact.id, "email": "jens@hansen.com"}])
    assert [(c.key, c.theirs) for c in caught.value.conflicts] == [
        ("contacts[0].email", "j@h.dk")]
    save_company(store, company_id, {}, loaded=loaded,
                 units=[{"id": unit.id, "name": "Værksted 2", "employees": "12"}],
                 contacts=[{"id": contact.id, "name": "Jens Hansen"}])
    after = repo.get(company_id)
    assert (after.production_units[0].name, after.production_units[0].employees) == (
        "Værksted 2", 14)  # the employees were sent as loaded: theirs stays
    assert next(c for c in after.contacts if c.name == "Jens Hansen").phone == "+4520202020"


def test_a_saved_companys_cvr_cannot_change(store, company_id):
    before = counts(store)
    with pytest.raises(InvalidInput) as caught:
        set_company_fields(store, VALID_CVR, {"cvr": "10150817"})
    assert caught.value.errors == {"cvr": CVR_IS_IDENTITY}
    with pytest.raises(InvalidInput) as caught:
        save_company(store, company_id, {"cvr": "10150817", "name": "Nyt ApS"})
    assert caught.value.errors == {"cvr": CVR_IS_IDENTITY}
    assert counts(store) == before
    assert set_company_fields(store, VALID_CVR, {"cvr": VALID_CVR}) == {}  # no change: fine


def test_a_saved_p_units_number_cannot_change(store, company_id):
    unit = CompanyRepository(store).get(company_id).production_units[0]
    before = counts(store)
    with pytest.raises(InvalidInput) as caught:
        save_company(store, company_id, {}, units=[{"id": unit.id, "pnr": "1009999999"}])
    assert caught.value.errors == {"units[0].pnr": PNR_IS_IDENTITY}
    assert counts(store) == before


def test_a_p_nummer_another_company_has_is_refused_naming_it(store, company_id):
    other = save_company(store, None, {"cvr": "10150817", "name": "Anden ApS"})
    with pytest.raises(InvalidInput) as caught:
        save_company(store, other, {}, units=[{"pnr": "1003456789", "name": "Kopi"}])
    message = caught.value.errors["units[0].pnr"]
    assert "Hansens Tømrerfirma ApS" in message and VALID_CVR in message


def test_a_p_unit_removed_and_added_again_in_one_save_is_the_same_row(store, company_id):
    unit = CompanyRepository(store).get(company_id).production_units[0]
    save_company(store, company_id, {},
                 units=[{"pnr": "1003456789", "name": "Nyt værksted"},
                        {"id": unit.id, "deleted": True}])
    [again] = CompanyRepository(store).get(company_id).production_units
    assert (again.id, again.name) == (unit.id, "Nyt værksted")
