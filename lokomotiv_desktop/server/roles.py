"""Who may do what on the shared store: the one place the role matrix lives.

docs/sync-protocol.md ("Roles") describes it for people; change both together.
- konsulent: reads and writes the outreach work of their own municipalities, and erases a
  person there (the person asks the consultant who met them; the right to erasure must not
  wait for someone else).
- koordinator: reads everything (KPIs, municipality reports) and writes everywhere
  (corrections, plans), and erases participants whose retention period has run out (the
  coordinator confirms `lokomotiv retention`), but no other rows: an erasure destroys
  colleagues' data for good, which is not part of reporting.
- admin: everything, erasure in every municipality included (the association's data
  protection role). Accounts are managed with `lokomotiv-server adduser/revoke` on the
  server host, not over the API.
"""
from __future__ import annotations

ROLES = ("konsulent", "koordinator", "admin")

# Outreach work under a company: what a consultant does at a workplace. A table registered
# later (association data: members, grants) is not in it, so only koordinator and admin
# write it until it is added here on purpose.
FIELD_WORK = frozenset({
    "company", "production_unit", "contact", "visit", "follow_up", "motivation_session",
    "phase_change", "kpi_target", "participant", "consent", "screening", "referral",
    "dyslexia_result", "provider", "course", "lesson", "enrolment", "attendance",
})
_EVERY_MUNICIPALITY = frozenset({"koordinator", "admin"})
_ERASERS = frozenset({"konsulent", "admin"})


def may_read_all(role: str) -> bool:
    """Reads (and writes) in every municipality; else only in the account's own."""
    return role in _EVERY_MUNICIPALITY


def may_push(role: str, table: str) -> bool:
    """May write rows of `table` at all (scope is checked separately)."""
    if role in _EVERY_MUNICIPALITY:
        return True
    return role == "konsulent" and table in FIELD_WORK


def may_erase(role: str, table: str | None = None) -> bool:
    """May erase a person (GDPR); a konsulent only within their municipalities, a
    koordinator only participants (retention)."""
    return role in _ERASERS or (role == "koordinator" and table == "participant")


def may_read_audit(role: str) -> bool:
    """Reads the audit log (who saw whose screening data): not the consultants it audits."""
    return role in _EVERY_MUNICIPALITY
