"""Participants for the Screeninger tests, made through the services (as the window does)."""
from __future__ import annotations

from datetime import date, timedelta

from lokomotiv_desktop.services import participants as people
from lokomotiv_desktop.services import screenings
from lokomotiv_desktop.store.companies import CompanyRepository

from ..window_data import valid_cvr

TODAY = date.today()


def company(store, seed: int = 0):
    return CompanyRepository(store).get_by_cvr(valid_cvr(seed))


def add(store, first: str, last: str = "Hansen", seed: int = 0, team: str = "", **kw):
    return people.add_participant(store, company(store, seed).id, first_name=first,
                                  last_name=last, team=team, **kw)


def screened(store, person, trin: int = 2, day: date | None = None):
    on = day or TODAY - timedelta(days=3)
    people.give_consent(store, person.id, "screening", "skriftlig", given_on=on)
    return screenings.record_screening(store, person.id, subject="læsning", tool="VLV-2",
                                       outcome="læsekursus", trin=trin, day=on)
