"""import-cvr: encodings, delimiters, header synonyms, bad rows, re-import, updates."""
from __future__ import annotations

import csv

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lokomotiv_desktop.services.import_cvr import ImportFileError, import_cvr_file
from lokomotiv_desktop.store import Store
from lokomotiv_desktop.store.companies import CompanyRepository

HEADER = ["cvr", "navn", "adresse", "postnr", "by", "kommunekode", "branchekode",
          "branchetekst", "ansatte", "reklamebeskyttet", "pnr", "p_navn", "p_adresse",
          "p_postnr", "p_by", "p_kommunekode", "p_ansatte"]
TOEMRER = ["13748136", "Hansens Tømrerfirma ApS", "Vestergade 12", "7100", "Vejle", "630",
           "433200", "Tømrer- og bygningssnedkervirksomhed", "10-19", "nej"]
METAL = ["10150817", "Århus Stål A/S", "Åboulevarden 3", "8000", "Aarhus C", "751",
         "251100", "Fremstilling af metalkonstruktioner", "50", "ja"]
ROWS = [
    TOEMRER + ["1003456789", "Værkstedet", "Vestergade 12", "7100", "Vejle", "630", "12"],
    TOEMRER + ["1003456790", "Lageret", "Industrivej 4", "7120", "Vejle Øst", "630", "3"],
    METAL + ["1012345678", "Århus Stål", "Åboulevarden 3", "8000", "Aarhus C", "751", "55"],
]


def write(path, rows, header=HEADER, delimiter=";", encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def counts(store) -> tuple[int, int, int]:
    return tuple(store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("company", "production_unit", "outbox"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_encodings_and_delimiters(store, tmp_path, encoding, delimiter):
    path = write(tmp_path / "udtraek.csv", ROWS, delimiter=delimiter, encoding=encoding)
    report = import_cvr_file(store, path)
    assert report.summary_line() == (
        "Importeret: 2 nye virksomheder med 3 P-enheder · 0 opdateret · 0 uændret · "
        "0 rækker afvist")
    repo = CompanyRepository(store)
    metal = repo.get_by_cvr("10150817")
    assert metal.name == "Århus Stål A/S" and metal.address == "Åboulevarden 3"
    assert metal.marketing_protected is True and metal.employees == "50-99"
    toemrer = repo.get_by_cvr("13748136")
    assert [u.name for u in toemrer.production_units] == ["Værkstedet", "Lageret"]
    assert toemrer.marketing_protected is False
    assert report.report_path is None


def test_header_synonyms_in_any_case(store, tmp_path):
    header = ["CVR-nummer", "Virksomhedsnavn", "POSTNUMMER", "Postdistrikt", "Kommunekode",
              "Reklamebeskyttelse", "P-nummer", "P-navn", "Antal ansatte"]
    rows = [["13748136", "Hansens Tømrerfirma ApS", "7100", "Vejle", "0630", "Ja",
             "1003456789", "Værkstedet", "12"]]
    report = import_cvr_file(store, write(tmp_path / "x.csv", rows, header=header))
    assert (report.companies.new, report.production_units.new) == (1, 1)
    company = CompanyRepository(store).get_by_cvr("13748136")
    assert (company.postcode, company.city, company.municipality_code) == ("7100", "Vejle", "630")
    assert company.marketing_protected is True and company.employees == "10-19"
    assert company.production_units[0].name == "Værkstedet"


def test_bad_rows_are_rejected_with_line_and_reason_and_written_next_to_the_file(store, tmp_path):
    rows = [
        ROWS[0],
        ["13748137", *TOEMRER[1:], "1000000001", "", "", "", "", "", ""],  # line 3: CVR
        [*METAL, "12345", "", "", "", "", "", ""],                          # line 4: P-nummer
        [*METAL[:3], "71", *METAL[4:], "1000000002", "", "", "", "", "", ""],  # line 5: postnr
        ROWS[1],
        [*TOEMRER, "1003456789", "", "", "", "", "", ""],                   # line 7: same P-nr
    ]
    path = write(tmp_path / "udtraek.csv", rows)
    report = import_cvr_file(store, path)
    assert report.summary_line() == (
        "Importeret: 1 ny virksomhed med 2 P-enheder · 0 opdateret · 0 uændret · "
        "4 rækker afvist")
    reasons = {r.line: r.reason for r in report.rejections}
    assert sorted(reasons) == [3, 4, 5, 7]
    assert "cvr:" in reasons[3] and "kontrolcifferet" in reasons[3]
    assert "pnr:" in reasons[4] and "10 cifre" in reasons[4]
    assert "postnr:" in reasons[5] and "4 cifre" in reasons[5]
    assert "linje 2" in reasons[7]
    # never half-imported: the metal company's rows were all bad, so it is not there at all
    assert CompanyRepository(store).get_by_cvr("10150817") is None
    assert counts(store)[:2] == (1, 2)
    assert report.report_path == tmp_path / "udtraek.afviste.csv"
    with open(report.report_path, encoding="utf-8-sig", newline="") as handle:
        written = list(csv.reader(handle, delimiter=";"))
    assert written[0] == ["linje", "fejl", *HEADER]
    assert [row[0] for row in written[1:]] == ["3", "4", "5", "7"]
    assert written[2][2:] == rows[2]


@pytest.mark.parametrize("multiline", [False, True])
def test_line_numbers_count_blank_lines_and_cells_that_span_lines(store, tmp_path, multiline):
    """The reported line is the file's line as an editor shows it, also after a blank line
    and after a quoted cell with a line break in it (a note typed with Enter in Excel)."""
    name = "Værkstedet\n(gården)" if multiline else "Værkstedet"
    path = tmp_path / "udtraek.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerow([*TOEMRER, "1003456789", name, "", "", "", "", ""])
        handle.write("\n;;;\n")  # a blank line and a line of only delimiters
        writer.writerow([*METAL, "12345", "", "", "", "", "", ""])
    report = import_cvr_file(store, path)
    assert report.summary_line() == (
        "Importeret: 1 ny virksomhed med 1 P-enhed · 0 opdateret · 0 uændret · 1 række afvist")
    expected_line = 6 if multiline else 5
    assert [r.line for r in report.rejections] == [expected_line]
    unit = CompanyRepository(store).get_by_cvr("13748136").production_units[0]
    assert unit.name == name


def test_reimport_changes_nothing(store, tmp_path):
    path = write(tmp_path / "x.csv", ROWS)
    import_cvr_file(store, path)
    before = counts(store)
    report = import_cvr_file(store, path)
    assert report.summary_line() == (
        "Importeret: 0 nye virksomheder · 0 opdateret · 2 uændret · "
        "P-enheder i eksisterende virksomheder: 3 uændrede · 0 rækker afvist")
    assert counts(store) == before


def test_a_known_company_with_only_new_p_units_in_the_file_still_gets_its_new_values(
        store, tmp_path):
    import_cvr_file(store, write(tmp_path / "x.csv", ROWS))
    moved = [*TOEMRER[:2], "Fabriksvej 7", *TOEMRER[3:]]  # the company moved
    report = import_cvr_file(store, write(tmp_path / "y.csv", [
        [*moved, "1003456791", "Nyt lager", "Fabriksvej 7", "7100", "Vejle", "630", "2"]]))
    assert report.summary_line() == (
        "Importeret: 0 nye virksomheder · 1 opdateret · 0 uændret · "
        "P-enheder i eksisterende virksomheder: 1 ny · 0 rækker afvist")
    company = CompanyRepository(store).get_by_cvr("13748136")
    assert company.address == "Fabriksvej 7"
    assert sorted(u.pnr for u in company.production_units) == [
        "1003456789", "1003456790", "1003456791"]


def test_existing_company_is_updated_not_duplicated(store, tmp_path):
    import_cvr_file(store, write(tmp_path / "x.csv", ROWS))
    outbox_before = counts(store)[2]
    changed = [row[:] for row in ROWS]
    changed[0][1] = changed[1][1] = "Hansens Tømrerfirma og Snedkeri ApS"
    changed[2][16] = "60"
    changed.append([*METAL, "1012345679", "Filialen", "", "", "", "", ""])
    report = import_cvr_file(store, write(tmp_path / "y.csv", changed))
    assert report.summary_line() == (
        "Importeret: 0 nye virksomheder · 1 opdateret · 1 uændret · "
        "P-enheder i eksisterende virksomheder: 1 ny, 1 opdateret, 2 uændrede · "
        "0 rækker afvist")
    assert report.as_json() == {
        "companies": {"new": 0, "updated": 1, "unchanged": 1},
        "production_units": {"new": 1, "updated": 1, "unchanged": 2},
        "rejected_rows": 0, "repeated_rows": 0, "report": None}
    assert counts(store)[:2] == (2, 4)
    repo = CompanyRepository(store)
    assert repo.get_by_cvr("13748136").name == "Hansens Tømrerfirma og Snedkeri ApS"
    assert {u.pnr: u.employees for u in repo.get_by_cvr("10150817").production_units} == {
        "1012345678": 60, "1012345679": None}
    # one outbox row per changed row: company name, unit employees, the new unit
    assert counts(store)[2] - outbox_before == 3


def test_consultants_own_fields_survive_a_reimport(store, tmp_path):
    path = write(tmp_path / "x.csv", ROWS)
    import_cvr_file(store, path)
    company = CompanyRepository(store).get_by_cvr("13748136")
    with store.transaction():
        store.changes.update("company", company.id, {"phase": 3, "notes": "Møde i maj"})
    assert import_cvr_file(store, path).production_units.unchanged == 3
    company = CompanyRepository(store).get_by_cvr("13748136")
    assert (int(company.phase), company.notes) == (3, "Møde i maj")


def test_an_exact_repeat_is_skipped_and_a_conflicting_p_nummer_is_rejected(store, tmp_path):
    rows = [ROWS[0], ROWS[1], ROWS[0], ROWS[0],                    # lines 4, 5: repeats
            [*ROWS[1][:11], "Andet navn", *ROWS[1][12:]],          # line 6: same P-nr, other
            [*ROWS[0][:1], "Andet ApS", *ROWS[0][2:]]]             # line 7: other company
    report = import_cvr_file(store, write(tmp_path / "x.csv", rows))
    assert report.summary_line() == (
        "Importeret: 1 ny virksomhed med 2 P-enheder · 0 opdateret · 0 uændret · "
        "2 rækker afvist · 2 gentagne rækker sprunget over")
    assert {r.line: r.reason for r in report.rejections} == {
        6: "P-nummer 1003456790 står også i linje 3.",
        7: "P-nummer 1003456789 står også i linje 2."}
    assert counts(store)[:2] == (1, 2)
    assert [u.name for u in CompanyRepository(store).get_by_cvr("13748136").production_units
            ] == ["Værkstedet", "Lageret"]
    report = import_cvr_file(store, write(tmp_path / "y.csv", [ROWS[2], ROWS[2]]))
    assert report.summary_line() == (
        "Importeret: 1 ny virksomhed med 1 P-enhed · 0 opdateret · 0 uændret · "
        "0 rækker afvist · 1 gentaget række sprunget over")
    assert (report.repeated, report.rejected, report.report_path) == (1, 0, None)


def test_a_deleted_company_is_neither_imported_again_nor_brought_back(store, tmp_path):
    path = write(tmp_path / "x.csv", ROWS)
    import_cvr_file(store, path)
    repo = CompanyRepository(store)
    with store.transaction():
        assert repo.delete(repo.get_by_cvr("13748136").id)
    before = counts(store)
    changed = [[*TOEMRER[:2], "Fabriksvej 7", *TOEMRER[3:], *ROWS[0][10:]],  # a new value
               ROWS[1],
               [*TOEMRER, "1003456791", "Nyt lager", "", "", "", "", ""]]   # a new P-unit
    report = import_cvr_file(store, write(tmp_path / "y.csv", changed))
    assert report.as_json()["companies"] == {"new": 0, "updated": 0, "unchanged": 1}
    assert report.as_json()["production_units"] == {"new": 0, "updated": 0, "unchanged": 3}
    assert report.rejected == 0
    assert counts(store) == before  # nothing written, not even to the outbox
    assert repo.get_by_cvr("13748136") is None
    assert store.db.execute("SELECT deleted, address FROM company WHERE cvr = '13748136'"
                            ).fetchall() == [(1, "Vestergade 12")]


def test_a_deleted_p_unit_of_a_live_company_stays_deleted(store, tmp_path):
    path = write(tmp_path / "x.csv", ROWS)
    import_cvr_file(store, path)
    repo = CompanyRepository(store)
    [lageret] = [u for u in repo.get_by_cvr("13748136").production_units if u.name == "Lageret"]
    with store.transaction():
        assert repo.delete_unit(lageret.id)
    before = counts(store)
    report = import_cvr_file(store, path)
    assert report.as_json()["production_units"] == {"new": 0, "updated": 0, "unchanged": 3}
    assert counts(store) == before
    assert [u.name for u in repo.get_by_cvr("13748136").production_units] == ["Værkstedet"]


def test_a_p_unit_the_register_moved_to_another_company_moves_and_is_not_doubled(
        store, tmp_path):
    import_cvr_file(store, write(tmp_path / "x.csv", ROWS))
    # Lageret (1003456790) was sold to a new company, and Værkstedet to Århus Stål.
    buyer = ["25313763", "Vejle Lager ApS", "Industrivej 4", "7120", "Vejle Øst", "630",
             "521000", "Oplagring", "1-4", "nej"]
    rows = [buyer + ROWS[1][10:], METAL + ROWS[2][10:], METAL + ROWS[0][10:]]
    report = import_cvr_file(store, write(tmp_path / "y.csv", rows))
    assert report.as_json()["companies"] == {"new": 1, "updated": 0, "unchanged": 1}
    assert report.as_json()["production_units"] == {"new": 0, "updated": 2, "unchanged": 1}
    assert report.rejected == 0
    owners = dict(store.db.execute(
        "SELECT u.pnr, c.cvr FROM production_unit u JOIN company c ON c.id = u.company_id"))
    assert owners == {"1003456789": "10150817", "1003456790": "25313763",
                      "1012345678": "10150817"}
    repo = CompanyRepository(store)
    assert [c.cvr for c in repo.search("1003456790")] == ["25313763"]  # the old one's gone


def test_an_erased_company_is_not_imported_again(store, tmp_path):
    from lokomotiv_desktop.store.sync_apply import erase_local

    import_cvr_file(store, write(tmp_path / "x.csv", ROWS))
    erased = CompanyRepository(store).get_by_cvr("13748136").id
    with store.transaction():
        erase_local(store, "company", erased)
    report = import_cvr_file(store, write(tmp_path / "x.csv", ROWS))
    assert report.as_json()["companies"] == {"new": 0, "updated": 0, "unchanged": 2}
    assert CompanyRepository(store).get_by_cvr("13748136") is None


@pytest.mark.parametrize("header", [["navn", "pnr"], ["cvr", "navn"], ["foo", "bar", "baz"]])
def test_missing_required_columns_is_an_error_and_writes_nothing(store, tmp_path, header):
    path = write(tmp_path / "x.csv", [["a"] * len(header)], header=header)
    with pytest.raises(ImportFileError, match="mangler kolonnen"):
        import_cvr_file(store, path)
    assert counts(store) == (0, 0, 0)


def test_unreadable_files(store, tmp_path):
    with pytest.raises(ImportFileError, match="kan ikke læses"):
        import_cvr_file(store, tmp_path / "findes-ikke.csv")
    (tmp_path / "tom.csv").write_bytes(b"")
    with pytest.raises(ImportFileError, match="tom"):
        import_cvr_file(store, tmp_path / "tom.csv")
    (tmp_path / "binaer.csv").write_bytes(b"cvr;navn;pnr\n\x81\x8d\x8f\x90")
    with pytest.raises(ImportFileError, match="hverken UTF-8 eller Windows-1252"):
        import_cvr_file(store, tmp_path / "binaer.csv")
    assert counts(store) == (0, 0, 0)


_text = st.text(st.characters(codec="cp1252", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
                max_size=30).map(str.strip)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(st.tuples(_text.filter(bool), _text, _text), min_size=1, max_size=5),
       delimiter=st.sampled_from([";", ",", "\t"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
def test_csv_round_trip(tmp_path_factory, names, delimiter, encoding):
    """Whatever text Danish Excel can hold (quotes, delimiters, æøå) comes back unchanged."""
    folder = tmp_path_factory.mktemp("rt")
    cvrs = ["13748136", "10150817", "10000157", "10000459", "10000262"]
    rows = [[cvr, name, address, "", "", "", "", "", "", "", f"10000000{i:02d}", unit_name,
             "", "", "", "", ""]
            for i, (cvr, (name, address, unit_name))
            in enumerate(zip(cvrs[:len(names)], names, strict=True))]
    path = write(folder / "rt.csv", rows, delimiter=delimiter, encoding=encoding)
    store = Store(folder / "rt.db")
    try:
        report = import_cvr_file(store, path)
        assert report.production_units.new == len(rows) and report.rejected == 0
        repo = CompanyRepository(store)
        for row in rows:
            company = repo.get_by_cvr(row[0])
            assert (company.name, company.address) == (row[1], row[2])
            assert company.production_units[0].name == row[11]
        assert import_cvr_file(store, path).production_units.unchanged == len(rows)
    finally:
        store.close()
