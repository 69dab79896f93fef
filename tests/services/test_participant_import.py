"""services/participant_import.py: reading an HR sheet of employees, all or nothing."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.domain.validation import ValidationError
from lokomotiv_desktop.services.participant_import import import_participants, read_rows
from lokomotiv_desktop.store.companies import CompanyRepository
from lokomotiv_desktop.store.participants import ParticipantRepository


@pytest.fixture
def company_id(store):
    with store.transaction():
        return CompanyRepository(store).create({
            "cvr": "12345674", "name": "Vejle Stål A/S", "city": "Vejle",
            "municipality_code": "630", "phase": 3, "consultant": "Anne Holm"})


def rows(text: str, encoding="utf-8"):
    return read_rows(text.encode(encoding))


def test_semicolon_or_comma_with_or_without_bom_and_header_spellings():
    expected = [(2, {"first_name": "Ole", "last_name": "Ærø", "team": "Nat"})]
    assert rows("fornavn;efternavn;team\nOle;Ærø;Nat\n") == expected
    assert rows("\ufeffFornavn,Efternavn,Team\r\nOle,Ærø,Nat\r\n") == expected
    assert rows("FORNAVN;efternavn;TEAM\n\n;;\nOle;Ærø;Nat\n")[0][1] == expected[0][1]
    found = rows("fornavn;stilling;sprog;telefon;e-mail\nOle;Smed;dansk;;ole@x.dk\n")
    assert found == [(2, {"first_name": "Ole", "job_title": "Smed", "language": "dansk",
                          "phone": "", "email": "ole@x.dk"})]


@pytest.mark.parametrize("header", ["CPR", "cpr-nr", "CPR nummer", "Personnummer",
                                    "Medarbejder CPR"])
def test_a_cpr_column_is_refused_by_name(header):
    with pytest.raises(ValidationError) as refused:
        rows(f"fornavn;{header}\nOle;\n")
    assert f"«{header}»" in refused.value.message


@pytest.mark.parametrize("cell", ["010190-1234", "0101901234", "01.01.90 - ikke", "290296 1234"])
def test_a_cpr_shaped_cell_is_refused_with_its_line(cell):
    text = f"fornavn;noter\nOle;\nBo;{cell}\n"
    if cell.startswith("01.01.90"):
        assert len(rows(text)) == 2  # a date is no CPR number
        return
    with pytest.raises(ValidationError) as refused:
        rows(text)
    assert "Linje 3" in refused.value.message


@pytest.mark.parametrize("text, word", [
    ("", "tom"), ("efternavn\nHolm\n", "fornavn"), ("fornavn;afdeling\nOle;A\n", "afdeling"),
    ("fornavn;team\nOle;A;B\n", "Linje 2"), ("fornavn;Fornavn\nOle;Ole\n", "to gange"),
])
def test_bad_sheets_are_refused(text, word):
    with pytest.raises(ValidationError) as refused:
        rows(text)
    assert word in refused.value.message


def test_a_sheet_that_is_not_utf8_is_refused():
    with pytest.raises(ValidationError) as refused:
        rows("fornavn\nSøren\n", encoding="cp1252")
    assert "UTF-8" in refused.value.message


def test_import_is_all_or_nothing_and_skips_people_already_there(store, company_id, tmp_path):
    path = tmp_path / "ansatte.csv"
    path.write_text("fornavn;efternavn;email\nOle;Olsen;\nBo;Lund;ikke-en-adresse\n",
                    encoding="utf-8")
    before = store.pending_changes()
    with pytest.raises(ValidationError) as refused:
        import_participants(store, company_id, path)
    assert "linje 3" in refused.value.message
    assert ParticipantRepository(store).of_company(company_id) == []
    assert store.pending_changes() == before
    path.write_text("fornavn;efternavn\nOle;Olsen\nBo;Lund\nole;olsen\n", encoding="utf-8")
    result = import_participants(store, company_id, path)
    assert len(result.added) == 2 and result.skipped == [4]
    people = ParticipantRepository(store).of_company(company_id)
    assert sorted(p.name for p in people) == ["Bo Lund", "Ole Olsen"]
    assert {p.consultant for p in people} == {"Anne Holm"}
    assert import_participants(store, company_id, path).added == []
