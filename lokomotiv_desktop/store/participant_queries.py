"""Read-only queries over participants for lists, the screening day, suggested classes and
retention: one SQL statement each, so that 50 000 participants list and filter quickly."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from weakref import WeakKeyDictionary

from ..domain.danish_format import sort_key
from ..domain.text import fold_danish
from .database import Store
from .participants import _P_COLUMNS, participant_from_row

# Consent state of a row, for the lists: the latest screening consent decides.
CONSENT_NONE, CONSENT_VALID, CONSENT_WITHDRAWN = "none", "valid", "withdrawn"


@dataclass(frozen=True)
class ParticipantRow:
    id: str
    name: str
    company_id: str | None
    company_name: str
    team: str
    employment: str
    consent: str  # CONSENT_*
    screenings: int
    last_screened: str | None  # ISO date
    referral: bool


_ROW_SQL = f"""
    SELECT p.id, trim(p.first_name || ' ' || p.last_name) AS name, p.company_id,
           coalesce(c.name, ''), p.team, p.employment,
           (SELECT CASE WHEN k.withdrawn_on IS NULL OR k.withdrawn_on > :today THEN '{CONSENT_VALID}'
                        ELSE '{CONSENT_WITHDRAWN}' END
              FROM consent k WHERE k.participant_id = p.id AND k.purpose = 'screening'
               AND k.deleted = 0 ORDER BY k.given_on DESC, k.id DESC LIMIT 1),
           (SELECT count(*) FROM screening s WHERE s.participant_id = p.id AND s.deleted = 0),
           (SELECT max(s.date) FROM screening s WHERE s.participant_id = p.id
               AND s.deleted = 0),
           EXISTS (SELECT 1 FROM referral r WHERE r.participant_id = p.id AND r.deleted = 0)
      FROM participant p LEFT JOIN company c ON c.id = p.company_id
"""


# participant_ids() filters in memory: folding every row in SQL through a Python function
# cost ~0.5 s a keystroke at 50 000 participants. The index is rebuilt when the connection
# has written anything (total_changes) or another connection has (data_version).
_INDEXES: WeakKeyDictionary = WeakKeyDictionary()


def _search_index(store: Store) -> list[tuple[str, str, str | None, str | None]]:
    """(id, folded name/team/company, company id, municipality) of every live participant,
    in Danish name order."""
    conn = store.db.conn
    version = (conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0])
    cached = _INDEXES.get(store)
    if cached is not None and cached[0] is conn and cached[1] == version:
        return cached[2]
    rows = store.db.execute(
        "SELECT p.id, p.first_name || ' ' || p.last_name, p.team, coalesce(c.name, ''), "
        "p.company_id, coalesce(c.municipality_code, p.municipality_code) "
        "FROM participant p LEFT JOIN company c ON c.id = p.company_id "
        "WHERE p.deleted = 0").fetchall()
    keyed = sorted((sort_key(name), pid, fold_danish(f"{name} {team} {company}"), cid, code)
                   for pid, name, team, company, cid, code in rows)
    index = [(pid, hay, cid, code) for _key, pid, hay, cid, code in keyed]
    _INDEXES[store] = (conn, version, index)
    return index


def participant_ids(store: Store, *, company_id: str | None = None,
                    municipality: str | None = None, text: str = "") -> list[str]:
    """Ids of live participants in Danish name order, filtered by company, municipality
    (the company's, or an unemployed person's own) and typed text (name, team, company;
    Danish spellings fold). A list shows them by fetching rows_for() the visible ids."""
    if company_id is not None:
        # One company's people (its Deltagere tab): a short query, no index to rebuild
        # after every save elsewhere.
        rows = [(pid, fold_danish(f"{name} {team} {company}"), company_id, code)
                for pid, name, team, company, code in store.db.execute(
                    "SELECT p.id, p.first_name || ' ' || p.last_name, p.team, "
                    "coalesce(c.name, ''), coalesce(c.municipality_code, p.municipality_code) "
                    "FROM participant p LEFT JOIN company c ON c.id = p.company_id "
                    "WHERE p.deleted = 0 AND p.company_id = ? "
                    "ORDER BY dansk_key(p.first_name || ' ' || p.last_name), p.id",
                    [company_id])]
    else:
        rows = _search_index(store)
    if municipality:
        rows = [r for r in rows if r[3] == municipality]
    for word in fold_danish(text).split():  # each word narrows the last one's rows
        rows = [r for r in rows if word in r[1]]
    return [r[0] for r in rows]


def rows_for(store: Store, ids: Sequence[str]) -> dict[str, ParticipantRow]:
    """The list rows of these participants (id -> row; erased ones are missing)."""
    found: dict[str, ParticipantRow] = {}
    today = date.today().isoformat()
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        marks = ", ".join("?" * len(chunk))
        sql = _ROW_SQL.replace(":today", "?") + f" WHERE p.id IN ({marks})"
        for r in store.db.execute(sql, [today, *chunk]):
            found[r[0]] = ParticipantRow(r[0], r[1], r[2], r[3], r[4], r[5],
                                         r[6] or CONSENT_NONE, r[7], r[8], bool(r[9]))
    return found


def participant_rows(store: Store, *, company_id: str | None = None,
                     municipality: str | None = None, text: str = "") -> list[ParticipantRow]:
    """participant_ids() with their rows, for short lists (a company's participants)."""
    ids = participant_ids(store, company_id=company_id, municipality=municipality, text=text)
    rows = rows_for(store, ids)
    return [rows[i] for i in ids if i in rows]


def screening_day(store: Store, company_id: str, day: date) -> list[tuple]:
    """(participant, screening or None) for the grid of one day at a company: every
    participant invited (signed up) or screened that day, screened ones with their row."""
    rows = store.db.execute(
        f"SELECT {_P_COLUMNS}, s.id FROM participant p LEFT JOIN screening s "
        "ON s.participant_id = p.id AND s.date = ? AND s.deleted = 0 "
        "WHERE p.company_id = ? AND p.deleted = 0 AND (p.signed_up = 1 OR s.id IS NOT NULL) "
        "ORDER BY s.id IS NULL, s.id, p.first_name COLLATE dansk, p.id",
        [day.isoformat(), company_id]).fetchall()
    return [(participant_from_row(r[:-1]), r[-1]) for r in rows]


def screened_for_classes(store: Store, company_ids: Sequence[str]) -> list[tuple]:
    """(participant id, company id, subject, trin, tool, outcome, team, municipality, obu)
    of the latest live screening per participant and subject in these companies; obu: the
    participant's newest dyslexia result this laptop holds is rød (Ordblind)."""
    if not company_ids:
        return []
    marks = ", ".join("?" * len(company_ids))
    return store.db.execute(
        "SELECT p.id, p.company_id, s.subject, s.trin, s.tool, s.outcome, p.team, "
        "coalesce(c.municipality_code, p.municipality_code, ''), "
        "coalesce((SELECT d.result = 'rød' FROM referral r JOIN dyslexia_result d "
        "  ON d.referral_id = r.id AND d.deleted = 0 WHERE r.participant_id = p.id "
        "  AND r.deleted = 0 ORDER BY d.date DESC LIMIT 1), 0) "
        "FROM participant p JOIN company c ON c.id = p.company_id "
        "JOIN screening s ON s.participant_id = p.id AND s.deleted = 0 "
        f"WHERE p.deleted = 0 AND p.company_id IN ({marks}) "
        "AND s.id = (SELECT s2.id FROM screening s2 WHERE s2.participant_id = p.id "
        "  AND s2.subject = s.subject AND s2.deleted = 0 ORDER BY s2.date DESC, s2.id DESC "
        "  LIMIT 1) ORDER BY p.id, s.subject", list(company_ids)).fetchall()


def companies_in_municipality(store: Store, code: str) -> list[str]:
    return [r[0] for r in store.db.execute(
        "SELECT DISTINCT p.company_id FROM participant p JOIN company c ON c.id = p.company_id "
        "WHERE c.municipality_code = ? AND p.deleted = 0 AND c.deleted = 0", [code])]


def _stamp_day(stamp: str | None) -> str | None:
    if not stamp:
        return None
    try:
        ms = int(stamp.split(".", 1)[0])
    except ValueError:
        return None
    return datetime.fromtimestamp(ms / 1000, UTC).date().isoformat()


def last_activity(store: Store) -> list[tuple[str, str, str | None, str]]:
    """(participant id, name, company name, last activity as ISO date) of every
    participant: the newest of their own last edit and every dated row about them
    (screenings, consents, referrals, results, enrolments and attendance)."""
    rows = store.db.execute(
        "SELECT p.id, trim(p.first_name || ' ' || p.last_name), coalesce(c.name, ''), "
        "(SELECT max(value) FROM json_each(p.clocks)), "
        "max(coalesce((SELECT max(date) FROM screening WHERE participant_id = p.id), ''), "
        "    coalesce((SELECT max(max(given_on), coalesce(max(withdrawn_on), '')) FROM consent "
        "              WHERE participant_id = p.id), ''), "
        "    coalesce((SELECT max(date) FROM referral WHERE participant_id = p.id), ''), "
        "    coalesce((SELECT max(d.date) FROM referral r JOIN dyslexia_result d "
        "              ON d.referral_id = r.id WHERE r.participant_id = p.id), ''), "
        "    coalesce((SELECT max(date) FROM enrolment WHERE participant_id = p.id), ''), "
        "    coalesce((SELECT max(a.date) FROM enrolment e JOIN attendance a "
        "              ON a.enrolment_id = e.id WHERE e.participant_id = p.id), '')) "
        "FROM participant p LEFT JOIN company c ON c.id = p.company_id").fetchall()
    out = []
    for pid, name, company, stamp, dated in rows:
        days = [d for d in (_stamp_day(stamp), dated or None) if d]
        out.append((pid, name, company, max(days) if days else "0001-01-01"))
    return out


def count_participants(store: Store) -> int:
    return store.db.execute("SELECT count(*) FROM participant WHERE deleted = 0").fetchone()[0]

