"""`lokomotiv provider|providers|course|courses|enrol|lesson|print` and `ics --course`."""
from __future__ import annotations

import json

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from tests.cli import course_fixtures as cf
from tests.cli import screening_fixtures as fx
from tests.cli.course_fixtures import COURSE, course_counts, show

# fixtures
db, run, company, add_person = fx.db, fx.run, fx.company, fx.add_person
provider, add_course, add_learner = cf.provider, cf.add_course, cf.add_learner


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


# -- providers ------------------------------------------------------------------------------

def test_a_provider_is_added_listed_and_not_doubled(run, company, db):
    status, out, err = run("provider", "add", "--name", "AOF Vejle", "--kind", "aof",
                           "--contact", "Per Berg", "--email", "pb@aof.dk", "--json")
    assert status == 0, err
    added = json.loads(out)
    assert added["name"] == "AOF Vejle" and added["kind"] == "AOF"
    assert added["municipality_code"] == "630"  # from the company on this laptop
    status, out, _ = run("providers", "--json")
    assert [p["id"] for p in json.loads(out)] == [added["id"]]
    status, out, _ = run("providers")
    assert "AOF Vejle" in out and "Per Berg" in out
    before = course_counts(db)
    status, out, err = run("provider", "add", "--name", "AOF Vejle", "--kind", "AOF")
    assert status == 2 and out == "" and "Udbyderen «AOF Vejle» findes allerede." in err
    status, _, err = run("provider", "add", "--name", "X", "--kind", "skole")
    assert status == 2 and err.startswith("lokomotiv: ")
    assert course_counts(db) == before


# -- course add and its bad input -----------------------------------------------------------

def test_course_add_with_lessons_and_with_hours(run, add_course):
    by_lessons = show(run, add_course("--lessons", "16"))
    assert by_lessons["lesson_count"] == 16 and by_lessons["hours"] == 40.0
    by_hours = show(run, add_course("--hours", "30", "--max", "10", "--place", "Kantinen"))
    assert by_hours["lesson_count"] == 12 and by_hours["hours"] == 30.0
    assert by_hours["max"] == 10 and by_hours["place"] == "Kantinen"


@pytest.mark.parametrize("change, message", [
    ({"--subject": "historie"}, "Ukendt fag «historie»"),
    ({"--trin": "7"}, "Trin 7 findes ikke i FVU-læsning; vælg 1, 2, 3 eller 4."),
    ({"--weekdays": "man,xyz"}, "Ukendt ugedag «xyz»"),
    ({"--time": "10:30-08:00"}, "Sluttidspunktet skal ligge efter starttidspunktet"),
    ({"--provider": "Ukendt Skole"}, "Der er ingen udbyder, der hedder «Ukendt Skole»"),
    ({"--closed-weeks": "42-99"}, "Uge 99 findes ikke"),
    ({"--start": "31.2.2027"}, "Startdato «31.2.2027» er ikke en gyldig dato."),
], ids=["subject", "trin", "weekday", "end-before-start", "provider", "closed-weeks", "date"])
def test_bad_course_input_writes_nothing(run, company, provider, db, change, message):
    before = course_counts(db)
    argv = list(COURSE)
    for option, value in change.items():
        if option in argv:
            argv[argv.index(option) + 1] = value
        else:
            argv += [option, value]
    status, out, err = run("course", "add", company, *argv, "--lessons", "16")
    assert status == 2, err
    assert out == "" and err.startswith("lokomotiv: ") and message in err
    assert course_counts(db) == before  # no row, nothing in the outbox


def test_lessons_and_hours_together_are_refused(run, company, provider, db):
    before = course_counts(db)
    status, out, err = run("course", "add", company, *COURSE, "--lessons", "16",
                           "--hours", "40")
    assert status == 2 and out == ""
    assert "Angiv enten antal lektioner eller timer i alt (ikke begge)." in err
    assert course_counts(db) == before


def test_an_unknown_company_or_course_is_exit_1(run, provider):
    status, _, err = run("course", "add", fx.OTHER_CVR, *COURSE, "--lessons", "16")
    assert status == 1 and err
    status, _, err = run("course", "show", "ffffffff-0000")
    assert status == 1 and "findes ikke" in err


# -- show and list --------------------------------------------------------------------------

def test_course_show_json_and_text(run, add_course, company):
    course_id = add_course()
    view = show(run, course_id)
    assert {"id", "subject", "trin", "provider", "start", "end", "status", "hours", "lessons",
            "skipped", "participants", "svu", "warnings"} <= view.keys()
    assert (view["id"], view["subject"], view["trin"], view["status"]) == \
        (course_id, "læsning", 2, "planlagt")
    assert view["provider"]["name"] == "VUC Vejle" and view["start"] == "2027-03-22"
    assert view["lessons"][0] == {"date": "2027-03-22", "start": "08:00", "end": "10:30",
                                  "hours": 2.5, "status": "planlagt", "note": ""}
    assert view["skipped"][:2] == [{"date": "2027-03-25", "reason": "Skærtorsdag"},
                                   {"date": "2027-03-29", "reason": "2. påskedag"}]
    assert view["svu"] == {"earliest": "2026-12-21", "latest": "2027-03-01"}
    assert view["participants"] == []
    status, out, _ = run("course", "show", course_id[:8])
    assert status == 0
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert lines[0].startswith("FVU-læsning, trin 2 (Planlagt)")
    assert "mandag 22. marts 2027 08.00–10.30" in lines
    assert "torsdag 25. marts 2027 Skærtorsdag" in lines
    assert "Virksomhed: Hansens Tømrerfirma ApS (13748136)" in lines


def test_courses_lists_all_or_one_companys(run, add_course, company):
    course_id = add_course()
    status, out, _ = run("courses", "--company", company, "--json")
    [row] = json.loads(out)
    assert row["id"] == course_id and row["companies"] == [company]
    assert row["provider"] == "VUC Vejle" and row["participants"] == 0
    status, out, _ = run("courses")
    assert course_id in out and "22.3.2027" in out
    status, _, _ = run("courses", "--company", fx.OTHER_CVR)
    assert status == 1


def test_course_status(run, add_course):
    course_id = add_course()
    status, out, _ = run("course", "status", course_id, "bekræftet")
    assert status == 0 and "Bekræftet" in out
    assert show(run, course_id)["status"] == "bekræftet"
    status, _, err = run("course", "status", course_id, "måske")
    assert status == 2 and err


# -- enrolment ------------------------------------------------------------------------------

def test_enrol_needs_a_consent_for_course_planning(run, add_course, add_learner, db):
    course_id = add_course()
    pid = add_learner("Bo", "Ærø", course_consent=False)
    before = course_counts(db)
    status, out, err = run("enrol", course_id, pid, "--date", "10.1.2027")
    assert status == 2 and out == ""
    assert ("Bo Ærø har ikke givet samtykke til kursusplanlægning (pr. 10.1.2027). "
            "Registrér samtykket først.") in err
    assert course_counts(db) == before


def test_enrol_with_consent_and_the_enrolment_commands(run, add_course, add_learner):
    course_id = add_course()
    pid = add_learner()
    status, out, err = run("enrol", course_id, pid, "--date", "10.1.2027")
    assert status == 0 and "Tilmeldt: Anna Jensen" in out
    assert "Advarsel: Anna Jensen har ingen screening i FVU-læsning." in err
    [person] = show(run, course_id)["participants"]
    assert (person["id"], person["name"], person["status"]) == (pid, "Anna Jensen", "tilmeldt")
    status, out, _ = run("enrol", course_id, pid)
    assert status == 0 and "allerede tilmeldt" in out
    status, _, err = run("attend", course_id, pid, "22.3.2027")
    assert status == 0, err
    status, _, err = run("enrolment", course_id, pid, "--result", "bestået", "--svu-applied")
    assert status == 0, err
    [person] = show(run, course_id)["participants"]
    assert person["attendance"] == {"2027-03-22": True} and person["status"] == "startet"
    assert person["result"] == "bestået" and person["svu_applied"]
    status, _, err = run("attend", course_id, pid, "25.3.2027")
    assert status == 2 and "ingen lektion 25.3.2027" in err
    status, _, err = run("unenrol", course_id, pid)
    assert status == 0, err
    assert show(run, course_id)["participants"] == []


def test_a_suggested_class_becomes_a_course_in_one_step(run, company, provider, add_learner,
                                                       db):
    cf.set_state(db, "class_min", "2")
    ids = [add_learner("Anna", "Jensen", screened=True),
           add_learner("Bo", "Ærø", screened=True),
           add_learner("Carl", "Lund", screened=True, course_consent=False)]
    status, out, err = run("course", "from-suggestion", company, "--pick", "1",
                           *COURSE[4:], "--lessons", "16", "--json")
    assert status == 0, err
    made = json.loads(out)
    assert sorted(made["enrolled"]) == sorted(ids[:2])
    [refused] = made["refused"]
    assert refused["participant_id"] == ids[2] and "samtykke" in refused["reason"]
    view = show(run, made["id"])
    assert (view["subject"], view["trin"]) == ("læsning", 2)
    assert {p["name"] for p in view["participants"]} == {"Anna Jensen", "Bo Ærø"}
    before = course_counts(db)
    status, out, err = run("course", "from-suggestion", company, "--pick", "9",
                           *COURSE[4:], "--lessons", "16")
    assert status == 2 and out == "" and "Vælg et hold fra 1 til" in err
    assert course_counts(db) == before


# -- single lessons -------------------------------------------------------------------------

def test_lesson_move_cancel_and_restore_show_in_the_course(run, add_course, db):
    course_id = add_course()
    status, out, err = run("lesson", "move", course_id, "22.3.2027", "--to", "23.3.2027",
                           "--time", "09:00-11:30")
    assert status == 0, err
    status, _, err = run("lesson", "cancel", course_id, "2027-04-01", "--reason", "Lærer syg")
    assert status == 0, err
    lessons = {x["date"]: x for x in show(run, course_id)["lessons"]}
    assert "2027-03-22" not in lessons
    assert lessons["2027-03-23"] == {"date": "2027-03-23", "start": "09:00", "end": "11:30",
                                     "hours": 2.5, "status": "flyttet",
                                     "note": "flyttet fra 22.3.2027"}
    assert lessons["2027-04-01"]["status"] == "aflyst"
    assert lessons["2027-04-01"]["note"] == "aflyst: Lærer syg"
    before = course_counts(db)
    status, _, err = run("lesson", "cancel", course_id, "5.4.2027", "--reason", " ")
    assert status == 2 and "hvorfor" in err
    status, _, err = run("lesson", "move", course_id, "5.4.2027", "--to", "8.4.2027")
    assert status == 2 and "allerede en lektion 8.4.2027" in err
    status, _, err = run("lesson", "move", course_id, "6.4.2027", "--to", "7.4.2027")
    assert status == 1 and "ingen lektion 6.4.2027" in err
    assert course_counts(db) == before
    status, _, err = run("lesson", "restore", course_id, "1.4.2027")
    assert status == 0, err
    lessons = {x["date"]: x for x in show(run, course_id)["lessons"]}
    assert lessons["2027-04-01"]["status"] == "planlagt"


# -- printing -------------------------------------------------------------------------------

def test_every_document_prints_and_reads_back(run, add_course, add_learner, tmp_path, db):
    course_id = add_course()
    pid = add_learner()
    assert run("enrol", course_id, pid, "--date", "10.1.2027")[0] == 0
    texts = {}
    for document in ("course-plan", "notice", "invitations", "attendance"):
        out = tmp_path / f"{document}.pdf"
        status, _, err = run("print", document, course_id, "--out", str(out))
        assert status == 0, err
        texts[document] = pdf_text(out)
    assert "mandag 22. marts 2027" in texts["course-plan"] and "Anna Jensen" in texts["course-plan"]
    assert "Skærtorsdag" in texts["course-plan"]
    assert "22. marts 2027" in texts["notice"] and "Jensen" not in texts["notice"]
    assert "Anna Jensen" in texts["invitations"]
    assert "mandag 22. marts 2027" in texts["invitations"]
    assert "Anna Jensen" in texts["attendance"] and "22.3." in texts["attendance"]
    logged = fx.sql(db, "SELECT what FROM access_log WHERE participant_id = ?", [pid])
    assert sorted(w for (w,) in logged) == [
        "udskrev fremmødeliste for hold FVU-læsning, trin 2",
        "udskrev invitation til hold FVU-læsning, trin 2"]
    assert list(tmp_path.glob(".*.part")) == []


def test_print_refuses_a_bad_target_and_an_empty_class(run, add_course, tmp_path):
    course_id = add_course()
    tmp_path = tmp_path / "ud"
    tmp_path.mkdir()
    for target, message in ((tmp_path, "er en mappe"),
                            (tmp_path / "mangler" / "plan.pdf", "findes ikke"),
                            (tmp_path / "plan.txt", "skal hedde .pdf")):
        status, out, err = run("print", "course-plan", course_id, "--out", str(target))
        assert status == 2 and out == "" and message in err
    for document in ("invitations", "attendance"):
        status, _, err = run("print", document, course_id, "--out", str(tmp_path / "x.pdf"))
        assert status == 2 and "Holdet har ingen deltagere endnu." in err
    status, _, _ = run("print", "notice", "ffffffff-0000", "--out", str(tmp_path / "x.pdf"))
    assert status == 1
    assert list(tmp_path.iterdir()) == []


# -- the lesson calendar --------------------------------------------------------------------

def _events(text: str) -> dict[str, object]:
    return {str(e["uid"]): e for e in Calendar.from_ical(text).walk("VEVENT")}


def test_ics_course_keeps_uids_across_exports(run, add_course, tmp_path):
    course_id = add_course()
    status, first, err = run("ics", "--course", course_id)
    assert status == 0, err
    before = _events(first)
    assert len(before) == 16
    run("lesson", "move", course_id, "22.3.2027", "--to", "23.3.2027")
    run("lesson", "cancel", course_id, "1.4.2027", "--reason", "Lærer syg")
    out = tmp_path / "hold.ics"
    status, _, err = run("ics", "--course", course_id[:8], "-o", str(out))
    assert status == 0, err
    after = _events(out.read_text(encoding="utf-8"))
    assert after.keys() == before.keys()  # a newer export updates, never adds copies
    moved = next(e for uid, e in after.items() if "2027-03-22" in uid)
    assert moved["dtstart"].dt.date().isoformat() == "2027-03-23"
    cancelled = next(e for uid, e in after.items() if "2027-04-01" in uid)
    assert str(cancelled["status"]) == "CANCELLED"
    status, _, _ = run("ics", "--course", "ffffffff-0000")
    assert status == 1


def test_a_failed_print_leaves_the_old_file_whole(run, add_course, tmp_path, monkeypatch):
    from lokomotiv_desktop import files

    course_id = add_course()
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"%PDF old")

    def full_disk(source, target):
        raise OSError(28, "Der er ikke mere plads på disken")

    monkeypatch.setattr(files.os, "replace", full_disk)  # where every document is written
    status, _, err = run("print", "course-plan", course_id, "--out", str(out))
    assert status == 2 and "Kan ikke skrive" in err
    assert out.read_bytes() == b"%PDF old" and list(tmp_path.glob(".*.part")) == []
