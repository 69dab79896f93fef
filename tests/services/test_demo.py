"""Demo data: realistic, valid by the form's own rules, and repeatable."""
from __future__ import annotations

import csv

import pytest

from lokomotiv_desktop.domain.company_rules import (
    clean_company_field,
    clean_contact_field,
    clean_fields,
    clean_production_unit_field,
)
from lokomotiv_desktop.paths import data_file
from lokomotiv_desktop.services.demo import (
    DemoGenerator,
    DemoRefused,
    is_demo_store,
    load_demo,
)
from lokomotiv_desktop.services.demo_data import demo_words
from lokomotiv_desktop.store.companies import CompanyRepository


def test_postcodes_cover_every_municipality():
    with open(data_file("kommuner.csv"), encoding="utf-8") as handle:
        codes = {row["kode"].zfill(3) for row in csv.DictReader(handle)}
    assert len(codes) == 98
    assert set(demo_words().by_municipality) == codes


def test_every_generated_value_passes_the_forms_validation(store):
    codes = CompanyRepository(store).municipality_codes()
    postcodes = {(p.postcode, p.municipality_code) for p in demo_words().postcodes}
    generator = DemoGenerator(seed=7)
    for item in generator.companies(300):
        clean, errors = clean_fields(clean_company_field, item.company, codes)
        assert not errors, (item.company, errors)
        assert {k: v for k, v in clean.items() if k != "phase"} == {
            k: v for k, v in item.company.items() if k != "phase"}, "stored as the form would"
        assert (item.company["postcode"], item.company["municipality_code"]) in postcodes
        assert 1 <= len(item.units) <= 3 and 1 <= len(item.contacts) <= 4
        for unit in item.units:
            assert not clean_fields(clean_production_unit_field, unit, codes)[1]
            assert (unit["postcode"], unit["municipality_code"]) in postcodes
        for contact in item.contacts:
            assert not clean_fields(clean_contact_field, contact)[1]
        assert item.contacts[0]["role"] == "leder"


def test_load_demo_fills_the_store_with_searchable_companies(store):
    calls = []
    assert load_demo(store, companies=120, seed=3, progress=lambda d, t: calls.append((d, t))) \
        == 120
    repo = CompanyRepository(store)
    assert repo.count() == 120
    assert calls[-1] == (120, 120)
    phases = [r[0] for r in store.db.execute("SELECT phase FROM company")]
    assert phases.count(1) + phases.count(2) + phases.count(3) > phases.count(4) + phases.count(5)
    assert store.db.execute("SELECT count(DISTINCT pnr) FROM production_unit").fetchone()[0] \
        == store.db.execute("SELECT count(*) FROM production_unit").fetchone()[0]
    name = store.db.execute("SELECT name FROM company LIMIT 1").fetchone()[0]
    assert repo.search(name.split()[0])
    # Demo rows are local by design: nothing queued for the shared store, and the store says
    # it is a demo store (sync refuses to log in from it).
    assert store.pending_changes() == 0
    assert is_demo_store(store)


def test_demo_gives_the_overview_real_work_around_today(store):
    from datetime import timedelta

    from lokomotiv_desktop.services import outreach

    load_demo(store, companies=200, seed=2)
    today = outreach.today_local()
    data = outreach.overview(store, today=today)
    open_tasks = outreach.tasks(store)
    assert len(open_tasks) >= 100  # one next step per active company
    assert data.overdue, "some follow-ups are overdue"
    assert any(today <= t.item.due <= today + timedelta(days=7) for t in open_tasks)
    assert data.reminder is not None
    sessions = store.db.execute("SELECT count(*) FROM motivation_session").fetchone()[0]
    changes = store.db.execute("SELECT count(*) FROM phase_change").fetchone()[0]
    assert sessions > 10 and changes > 50
    assert store.pending_changes() == 0


def test_a_store_without_demo_data_is_not_a_demo_store(store):
    assert not is_demo_store(store)


def test_demo_is_refused_in_a_store_that_was_connected_to_a_shared_store(store):
    with store.transaction():
        store.set_state("server_url", "https://lager.example.dk")
    with pytest.raises(DemoRefused, match="ny databasefil"):
        load_demo(store, companies=5)
    assert CompanyRepository(store).count() == 0 and not is_demo_store(store)


def test_same_seed_same_data_and_no_duplicate_cvrs_on_a_second_load(store):
    first = [c.company["name"] for c in DemoGenerator(seed=5).companies(20)]
    assert first == [c.company["name"] for c in DemoGenerator(seed=5).companies(20)]
    load_demo(store, companies=30, seed=1)
    load_demo(store, companies=30, seed=1)
    assert store.db.execute("SELECT count(DISTINCT cvr) FROM company").fetchone()[0] == 60


def test_a_demo_stopped_part_way_keeps_nothing(store):
    def stop(done, total):
        if done > 1000:  # the second part is written: the first must go too
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        load_demo(store, companies=2500, seed=4, progress=stop)
    assert CompanyRepository(store).count() == 0 and not is_demo_store(store)
    assert store.db.execute("SELECT count(*) FROM production_unit").fetchone()[0] == 0
    assert store.pending_changes() == 0


def test_demo_people_are_screened_with_consent_and_within_the_rules(store):
    from lokomotiv_desktop.domain.row_rules import row_problems
    from lokomotiv_desktop.domain.screening_rules import screening_problem
    from lokomotiv_desktop.services.demo import load_demo

    load_demo(store, companies=300)
    screenings = store.db.execute(
        "SELECT s.subject, s.tool, s.outcome, s.trin, s.date, k.given_on FROM screening s "
        "LEFT JOIN consent k ON k.participant_id = s.participant_id "
        "AND k.purpose = 'screening'").fetchall()
    assert len(screenings) > 50
    for subject, tool, outcome, trin, day, given_on in screenings:
        values = {"subject": subject, "tool": tool, "outcome": outcome, "trin": trin}
        assert screening_problem(values) is None and given_on and given_on <= day
        assert row_problems("screening", {**values, "date": day, "participant_id": "p"}) == {}
    assert store.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
