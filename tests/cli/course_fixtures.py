"""Fixtures for the course commands: a provider, a course starting Monday 22.3.2027 (man,tor,
so Skærtorsdag and 2. påskedag are skipped) and participants with consent for course
planning, all made through the CLI as a user would (tests/cli/screening_fixtures.py)."""
from __future__ import annotations

import json

import pytest

from lokomotiv_desktop.store import Store
from tests.cli import screening_fixtures as fx

PROVIDER = "VUC Vejle"
COURSE = ("--subject", "læsning", "--trin", "2", "--provider", PROVIDER, "--start", "22.3.2027",
          "--weekdays", "man,tor", "--time", "08:00-10:30", "--consultant", "Karin Lund")
COURSE_TABLES = ("provider", "course", "lesson", "enrolment", "attendance")


@pytest.fixture
def provider(run, company):
    status, _, err = run("provider", "add", "--name", PROVIDER, "--kind", "VUC",
                         "--contact", "Lise Holm", "--phone", "70112233")
    assert status == 0, err
    return PROVIDER


@pytest.fixture
def add_course(run, company, provider):
    """add_course(*extra options) -> the new course's id (16 lessons unless told)."""
    def add(*extra):
        amount = () if {"--lessons", "--hours"} & set(extra) else ("--lessons", "16")
        status, out, err = run("course", "add", company, *COURSE, *amount, "--teacher",
                               "Mette Sørensen", *extra, "--json")
        assert status == 0, err
        return json.loads(out)["id"]
    return add


@pytest.fixture
def add_learner(run, add_person):
    """add_learner(first, last, course_consent=True, screened=False) -> participant id."""
    def add(first="Anna", last="Jensen", *, course_consent=True, screened=False):
        pid = add_person(first, last)  # with a consent for screening from 1.11.2026
        if course_consent:
            status, _, err = run("consent", pid, "--purpose", "course", "--how", "skriftlig",
                                 "--date", "1.11.2026")
            assert status == 0, err
        if screened:
            status, _, err = run("screening", "add", pid, "--subject", "læsning", "--tool",
                                 "VLV-2", "--outcome", "læsekursus", "--trin", "2",
                                 "--date", "2.11.2026")
            assert status == 0, err
        return pid
    return add


def show(run, course_id) -> dict:
    status, out, err = run("course", "show", course_id, "--json")
    assert status == 0, err
    return json.loads(out)


def set_state(db, key: str, value: str) -> None:
    store = Store(db)
    try:
        with store.transaction():
            store.set_state(key, value)
    finally:
        store.close()


def course_counts(db) -> dict[str, int]:
    return fx.counts(db, *COURSE_TABLES)
