"""The association in the demo store, so that Forening and the yearly statements show real-
looking work on the first start: the municipalities of the most demo companies as members
(with a vote), DI, FH and 3F without, a board, this year's rate, P-number counts from the
demo's CVR data, and a few ordered tasks. Fictitious; never synced."""
from __future__ import annotations

import random
from datetime import date

from ..store.database import Store
from . import outreach
from .association import add_board_member, add_municipality_member, add_organisation_member
from .association import members as association_members
from .grants import add_activity, pnr_count, set_rate

_ORGANISATIONS = ("DI", "FH", "3F")
_BOARD = (("Karen Mølgaard", "formand"), ("Jens Østergaard", "medlem"),
          ("Birgitte Aagaard", "medlem"))
_TASKS = (("Screeningsdag på en virksomhed", 4500), ("Informationsmøde", 2500),
          ("Nøglepersonkursus", 6000), ("Kommunal temadag om FVU", 8000))


def add_demo_association(store: Store, seed: int = 1, today: date | None = None,
                         members: int = 8) -> int:
    """Adds the demo association (once: a second demo load keeps the first one's); returns
    how many municipalities became members."""
    if association_members(store):
        return 0
    rng = random.Random(seed)
    today = today or outreach.today_local()
    codes = [r[0] for r in store.db.execute(
        "SELECT municipality_code FROM company WHERE deleted = 0 AND municipality_code IS NOT "
        "NULL GROUP BY municipality_code ORDER BY count(*) DESC, municipality_code LIMIT ?",
        [members])]
    for code in codes:
        add_municipality_member(store, code, date(2015, 1, 1))
        pnr_count(store, code, today.year, today=today)
        for task, price in rng.sample(_TASKS, 2):
            add_activity(store, code, today.year, task, price)
    for name in _ORGANISATIONS:
        add_organisation_member(store, name, date(2018, 1, 1))
    for name, role in _BOARD:
        add_board_member(store, name, role, since=date(today.year, 1, 1))
    set_rate(store, today.year, 10)
    return len(codes)
