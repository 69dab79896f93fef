"""Participants for the demo store, so that Screeninger shows real-looking work on the first
start: employees of the companies in Engagement or later, with their consent, screenings in
reading and maths (the outcomes a VLV-2 and a VMV-2 give), a few referrals to Ordblindetesten
and some results. Fictitious people; the store is a demo store and never syncs."""
from __future__ import annotations

import random
from datetime import date, timedelta

from ..store.database import Store
from . import outreach
from .demo_activity import workday_before
from .demo_data import demo_words

_TEAMS = ("Dag", "Aften", "Nat", "Lager", "Produktion", "Kantine")
_READING = (("læsekursus", 0.7), ("andetsprog", 0.15), ("ordblindetest", 0.15))
_MATHS = (("egnet", 0.6), ("ikke_klar", 0.25), ("over_fvu", 0.15))


def _pick(rng: random.Random, weighted) -> str:
    roll, total = rng.random(), 0.0
    for value, weight in weighted:
        total += weight
        if roll < total:
            return value
    return weighted[-1][0]


def add_demo_people(store: Store, seed: int = 1, today: date | None = None,
                    companies: int = 25) -> int:
    """Adds participants to up to `companies` demo companies in phase 3 or later; returns
    how many people were added."""
    rng = random.Random(seed)
    today = today or outreach.today_local()
    words = demo_words()
    rows = store.db.execute(
        "SELECT id, consultant FROM company WHERE deleted = 0 AND phase >= 3 "
        "AND consultant != '' ORDER BY id LIMIT ?", [companies]).fetchall()
    people, consents, screenings, referrals, results = [], [], [], [], []
    for company_id, consultant in rows:
        day = workday_before(today - timedelta(days=rng.randint(3, 90)))
        for _ in range(rng.randint(6, 24)):
            people.append({
                "company_id": company_id, "first_name": rng.choice(words.first_names),
                "last_name": rng.choice(words.surnames), "team": rng.choice(_TEAMS),
                "language": "andetsprog" if rng.random() < 0.15 else "dansk",
                "consultant": consultant, "signed_up": True})
            consents.append(day)
    ids = store.changes.insert_many("participant", people)
    # Screening and course planning are asked for on the same form.
    consent_rows = [{"participant_id": pid, "purpose": purpose, "given_on": d.isoformat(),
                     "how": "skriftlig"} for pid, d in zip(ids, consents, strict=True)
                    for purpose in ("screening", "course")]
    store.changes.insert_many("consent", consent_rows)
    for pid, day in zip(ids, consents, strict=True):
        reading = _pick(rng, _READING)
        screenings.append({"participant_id": pid, "date": day.isoformat(),
                           "subject": "læsning", "tool": "VLV-2", "outcome": reading,
                           "trin": rng.randint(1, 4) if reading == "læsekursus" else None,
                           "school": "VUC", "tester": "Testvejleder"})
        if rng.random() < 0.6:
            maths = _pick(rng, _MATHS)
            screenings.append({"participant_id": pid, "date": day.isoformat(),
                               "subject": "matematik", "tool": "VMV-2", "outcome": maths,
                               "trin": rng.randint(1, 2) if maths == "egnet" else None,
                               "school": "VUC", "tester": "Testvejleder"})
        if reading == "ordblindetest":
            referrals.append((pid, day + timedelta(days=rng.randint(1, 10))))
    store.changes.insert_many("screening", screenings)
    referral_ids = store.changes.insert_many("referral", [
        {"participant_id": pid, "date": d.isoformat(), "school": "VUC"} for pid, d in referrals])
    for referral_id, (_, referred) in zip(referral_ids, referrals, strict=True):
        answered = referred + timedelta(days=rng.randint(7, 30))
        if answered < today and rng.random() < 0.6:
            results.append({"referral_id": referral_id, "date": answered.isoformat(),
                            "result": rng.choice(("rød", "gul", "grøn")), "school": "VUC"})
    store.changes.insert_many("dyslexia_result", results)
    return len(ids)
