"""`lokomotiv person show|export|erase`, `retention` and `audit`, and the JSON shapes that
docs/cli-screenings.md documents, checked against real runs."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from lokomotiv_desktop.services.sync import SyncService
from lokomotiv_desktop.sync.errors import SyncError
from tests.cli import screening_fixtures as fx
from tests.cli.screening_fixtures import counts, sql

db, run, company, add_person = fx.db, fx.run, fx.company, fx.add_person  # fixtures

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli-screenings.md"
PEOPLE = ("participant", "consent", "screening", "referral", "dyslexia_result")


def screened(run, add_person, first="Anne", date="2.11.2026", consent_date="1.11.2026"):
    pid = add_person(first, consent_date=consent_date, extra=("--team", "Nat"))
    status, _, err = run("screening", "add", pid, "--subject", "læsning", "--tool", "VLV-2",
                         "--outcome", "ordblindetest", "--date", date, "--school", "VUC")
    assert status == 0, err
    return pid


def access_log(db) -> list[tuple]:
    return sql(db, "SELECT participant_id, what FROM access_log ORDER BY id")


def documented() -> dict[str, object]:
    """Heading (the command) -> the JSON example under it."""
    text = DOC.read_text(encoding="utf-8")
    return {m.group(1): json.loads(m.group(2)) for m in re.finditer(
        r"^### `([^`]+)`\n(?:(?!#)[^\n]*\n)*?```json\n(.*?)```", text, re.MULTILINE | re.DOTALL)}


def shape(value):
    """The keys of a JSON value, nested (a list by its first element)."""
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value and isinstance(value[0], dict | list) else []
    return None


def same_keys(doc, real) -> bool:
    """Every key documented is printed and the other way round; a null or an empty list on
    either side (an example without a result) matches anything."""
    if isinstance(doc, dict) and isinstance(real, dict):
        return doc.keys() == real.keys() and all(same_keys(doc[k], real[k]) for k in doc)
    if isinstance(doc, list) and isinstance(real, list) and doc and real:
        return same_keys(doc[0], real[0])
    return True


def test_person_show_logs_the_view_and_prints_everything(run, add_person, db):
    pid = screened(run, add_person)
    run("referral", "add", pid, "--date", "3.11.2026", "--school", "VUC")
    run("referral", "result", pid, "--result", "gul", "--date", "10.11.2026")
    assert access_log(db) == []
    status, out, err = run("person", "show", pid[:13])
    assert status == 0, err
    assert out.startswith(f"Anne Holm [{pid}]\n(Visningen logges.)\n")
    assert "Screening: skriftlig, 1.11.2026 · gyldigt" in out
    assert "2.11.2026  FVU-læsning, VLV-2: henvis til ordblindetest (VUC)" in out
    assert "gul «Usikker fonologisk kodning» 10.11.2026, gyldigt til 10.11.2041" in out
    status, out, _ = run("person", "show", pid, "--json")
    data = json.loads(out)
    assert data["name"] == "Anne Holm" and data["company"]["cvr"] == fx.CVR
    assert data["consents"][0]["valid"] is True
    assert data["referrals"][0]["result"]["result"] == "gul"
    assert [what for who, what in access_log(db)] == ["så screeninger og ordblindetest"] * 2
    assert {who for who, _ in access_log(db)} == {pid}
    status, _, err = run("person", "show", "ffffffff")
    assert status == 1 and "Ingen deltager" in err
    assert len(access_log(db)) == 2


def test_export_writes_json_and_a_pdf_with_the_name(run, add_person, db, tmp_path):
    pid = screened(run, add_person)
    status, out, err = run("person", "export", pid, "--out", str(tmp_path / "anne.json"))
    assert status == 0, err
    assert "Alt om Anne Holm er gemt i" in out
    data = json.loads((tmp_path / "anne.json").read_text(encoding="utf-8"))
    assert data["person"]["first_name"] == "Anne" and data["screenings"][0]["trin"] is None
    status, _, err = run("person", "export", pid, "--out", str(tmp_path / "anne.pdf"))
    assert status == 0, err
    pdf = tmp_path / "anne.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Anne Holm" in text
    assert [what for _, what in access_log(db)] == ["eksporterede alt (JSON)",
                                                    "eksporterede alt (PDF)"]
    status, _, err = run("person", "export", pid, "--out", str(tmp_path / "anne.txt"))
    assert status == 2 and ".json eller .pdf" in err
    assert not (tmp_path / "anne.txt").exists() and len(access_log(db)) == 2


def test_withdrawal_then_erase(run, add_person, db):
    pid = screened(run, add_person)
    keep = screened(run, add_person, "Bo")
    status, out, _ = run("consent", pid, "--purpose", "screening", "--withdraw")
    assert status == 0 and f"lokomotiv person erase {pid}" in out
    before = counts(db, *PEOPLE)
    status, out, err = run("person", "erase", pid)  # no terminal to ask on
    assert status == 2 and "--yes" in err and "Intet er slettet" in err
    assert counts(db, *PEOPLE) == before
    status, out, err = run("person", "erase", pid[:13], "--yes")
    assert status == 0, err
    assert out.startswith("Slettet: Anne Holm")
    assert run("person", "show", pid)[0] == 1
    assert run("person", "show", keep)[0] == 0
    assert sql(db, "SELECT count(*) FROM screening WHERE participant_id = ?", [pid]) == [(0,)]
    assert sql(db, "SELECT tbl, row_id FROM erasure_request") == [("participant", pid)]


def test_erase_asks_on_a_terminal(run, add_person, monkeypatch):
    pid = screened(run, add_person)
    asked = []

    class Terminal:
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("builtins.input", lambda q: asked.append(q) or "n")
    status, out, _ = run("person", "erase", pid)
    assert status == 0 and out == "Intet er slettet.\n"
    assert asked == ["Slet Anne Holm og alt om personen for altid? [j/N] "]
    monkeypatch.setattr("builtins.input", lambda q: "j")
    assert run("person", "erase", pid)[0] == 0
    assert run("person", "show", pid)[0] == 1


def test_withdraw_and_erase_at_once(run, add_person, db):
    pid = screened(run, add_person)
    status, out, err = run("consent", pid, "--purpose", "screening", "--withdraw",
                           "--erase", "--yes")
    assert status == 0, err
    assert "trukket tilbage" in out and "Slettet: Anne Holm" in out
    assert counts(db, "participant")["participant"] == 0


def _make_old(db, pid: str) -> None:
    """The person's own edits three years ago (their clocks), as after a long pause."""
    [(clocks,)] = sql(db, "SELECT clocks FROM participant WHERE id = ?", [pid])
    old = {field: "1669000000000.00000.0000000000000000" for field in json.loads(clocks)}
    sql(db, "UPDATE participant SET clocks = ? WHERE id = ?", [json.dumps(old), pid])


def test_retention_lists_who_is_due_and_erases_them(run, add_person, db):
    old = screened(run, add_person, "Gammel", date="2.12.2022", consent_date="1.12.2022")
    _make_old(db, old)
    recent = screened(run, add_person, "Ny")
    status, out, err = run("retention")
    assert status == 0, err
    assert re.search(r"Gammel Holm +Hansens Tømrerfirma ApS +sidste aktivitet 2\.12\.2022 "
                     rf"· slettes 2\.12\.2024  \[{old}\]", out)
    assert "Ny Holm" not in out and "lokomotiv retention --erase --yes" in out
    status, out, _ = run("retention", "--json")
    data = json.loads(out)
    assert data["months"] == 24 and [d["participant_id"] for d in data["due"]] == [old]
    assert data["due"][0]["last_activity"] == "2022-12-02"
    before = counts(db, *PEOPLE)
    status, _, err = run("retention", "--erase", "--months", "60")  # no --yes, no terminal
    assert status == 2 and "--yes" in err
    assert counts(db, *PEOPLE) == before
    assert json.loads(run("retention", "--json")[1])["months"] == 24
    status, _, err = run("retention", "--months", "0")
    assert status == 2 and "240" in err
    status, out, _ = run("retention", "--months", "60", "--json")
    assert json.loads(out) == {"months": 60, "erased": [], "due": []}
    status, out, err = run("retention", "--months", "24", "--erase", "--yes", "--json")
    assert status == 0, err
    assert json.loads(out)["erased"] == [old]
    assert run("person", "show", old)[0] == 1 and run("person", "show", recent)[0] == 0
    assert run("retention")[1].startswith("Ingen skal slettes")


def test_audit_without_login_or_refused_is_exit_2(run, monkeypatch):
    status, out, err = run("audit")
    assert status == 2 and out == ""
    assert "ikke logget ind" in err and "koordinatorer" in err

    def refused(self, person=None):
        raise SyncError("forbidden", "Kun koordinatorer kan se loggen.", 403)

    monkeypatch.setattr(SyncService, "audit", refused)
    status, _, err = run("audit", "--person", "01a2b3c4-dead")
    assert status == 2 and "Kun koordinatorer kan se loggen." in err


def test_the_documented_json_is_what_the_commands_print(run, add_person, company, db,
                                                        tmp_path, monkeypatch):
    docs = documented()
    (tmp_path / "a.csv").write_text("fornavn;efternavn\nCia;Berg\n", encoding="utf-8")
    pid = screened(run, add_person, date="2.12.2022", consent_date="1.12.2022")
    run("referral", "add", pid, "--date", "3.12.2022", "--school", "VUC")
    run("referral", "result", pid, "--result", "rød", "--date", "10.12.2022")
    _make_old(db, pid)
    real = {
        "participant add --json": run("participant", "add", company, "--first", "Bo",
                                      "--json")[1],
        "participant import --json": run("participant", "import", company,
                                         str(tmp_path / "a.csv"), "--json")[1],
        "participants CVR --json": run("participants", company, "--json")[1],
        "screening add --json": run("screening", "add", pid, "--subject", "matematik",
                                    "--tool", "VMV-2", "--outcome", "egnet", "--trin", "1",
                                    "--date", "4.12.2022", "--json")[1],
        "screenings CVR --json": run("screenings", company, "--json")[1],
        "person show ID --json": run("person", "show", pid, "--json")[1],
        "classes suggest --json": run("classes", "suggest", company, "--min", "1",
                                      "--json")[1],
        "retention --json": run("retention", "--json")[1],
    }
    rows = docs["audit --json"]
    monkeypatch.setattr(SyncService, "audit", lambda self, person=None: rows)
    real["audit --json"] = run("audit", "--json")[1]
    assert set(docs) == set(real)
    for command, out in real.items():
        printed = json.loads(out)
        assert same_keys(shape(docs[command]), shape(printed)), command
    assert json.loads(real["retention --json"])["due"]  # the example's list was compared
