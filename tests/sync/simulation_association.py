"""The association's rows in the sync simulation (test_simulation.py): members, yearly rates,
P-number counts and activity grants, written through the services by the one laptop that
may (a coordinator's or an admin's: konsulent laptops never see them). After healing: one
member row per municipality, one rate per year and one count per (municipality, year),
because their ids are derived (sync/identity.natural_id), all in the scope "forening"."""
from __future__ import annotations

from datetime import date

from hypothesis import strategies as st
from hypothesis.stateful import rule

from lokomotiv_desktop.domain.validation import ValidationError
from lokomotiv_desktop.services import association, grants
from lokomotiv_desktop.sync.tables import ASSOCIATION_SCOPE

TODAY = date(2026, 12, 3)
CODES = ["101", "147"]
YEARS = [2026, 2027]
CREATING = {("member", "kind"), ("board_member", "name"), ("grant_rate", "year"),
            ("pnr_count", "municipality_code"), ("activity_grant", "task")}
TABLES = {table for table, _ in CREATING}


def is_association_creation(edit: dict) -> bool:
    return edit["base"] == "" and (edit["key"][0], edit["field"]) in CREATING


class AssociationRules:
    """Rules mixed into the simulation; `self` has laptops and _noted (PeopleRules)."""

    def _coordinator(self, i):
        allowed = [lap for lap in self.laptops if lap.everything]
        return allowed[i % len(allowed)] if allowed else None

    @rule(i=st.integers(0, 4), code=st.sampled_from(CODES), year=st.sampled_from(YEARS),
          rate=st.sampled_from(["10", "12,50"]), by_hand=st.booleans())
    def finance_year(self, i, code, year, rate, by_hand):
        """A rate and a municipality's P-number count (from the CVR data, or by hand)."""
        laptop = self._coordinator(i)
        if laptop is None:
            return
        grants.set_rate(laptop.store, year, rate)
        grants.pnr_count(laptop.store, code, year, count=1200 if by_hand else None,
                         reason="Udtrækket er delvist" if by_hand else "", today=TODAY)
        self._noted(laptop)

    @rule(i=st.integers(0, 4), code=st.sampled_from(CODES), end=st.booleans())
    def membership(self, i, code, end):
        """A municipality joins (or leaves), and orders a task."""
        laptop = self._coordinator(i)
        if laptop is None:
            return
        try:
            if end:
                association.end_membership(laptop.store, municipality=code, until="31.12.2026")
            else:
                association.add_municipality_member(laptop.store, code, "1.1.2025")
        except ValidationError:
            return  # a member already, not one, or ended already
        grants.add_activity(laptop.store, code, 2027, "Temamøde", "2.750,50")
        self._noted(laptop)

    def _check_association(self, rows) -> None:
        members, rates, counts = set(), set(), set()
        for (table, _row_id), (values, _) in rows.items():
            if table not in TABLES:
                continue
            assert values["scope"] == ASSOCIATION_SCOPE, f"{table} outside the association"
            key = {"member": values.get("municipality_code"), "grant_rate": values.get("year"),
                   "pnr_count": (values.get("municipality_code"), values.get("year"))}.get(table)
            seen = {"member": members, "grant_rate": rates, "pnr_count": counts}.get(table)
            if seen is not None:
                assert key not in seen, f"two {table} rows for {key}"
                seen.add(key)
