"""The SQL behind the KPI funnel (issue 13): set-based, one query per number group, each
starting from the dated table's date index and reaching the company by its primary key.
Deleted rows never count. Bounds are ISO text [lo, hi) (domain.kpi.bounds).

The scope (the filter without its period) is a company condition for company numbers and
a person condition for person numbers: an employed participant is placed by their
company, an unemployed one (no company) by their own municipality and consultant."""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from ..domain.courses import Course
from ..domain.kpi import KpiFilter
from .courses import CourseRepository
from .database import Store

_PERSON_JOIN = ("JOIN participant p ON p.id = {col} AND p.deleted = 0 "
                "LEFT JOIN company c ON c.id = p.company_id AND c.deleted = 0")

# Company numbers: name -> (dated table, condition on its rows, date column). The rows are
# grouped by company before the company is joined: one lookup per company, not per row.
COMPANY_ROWS: dict[str, tuple[str, str, str]] = {
    "companies_contacted": ("visit", "", "date"),
    "first_meetings": ("visit", " AND x.kind = 'første møde'", "date"),
    "companies_motivation": ("phase_change", " AND x.to_phase >= 2", "changed_at"),
    "sessions": ("motivation_session", "", "date"),
}


def _per_company(name: str, aggregates: str = "") -> str:
    """FROM-part: the period's rows of a company number, one row g per live company c."""
    table, condition, column = COMPANY_ROWS[name]
    return (f"(SELECT x.company_id AS id{aggregates} FROM {table} x WHERE x.deleted = 0"
            f"{condition} AND x.{column} >= ? AND x.{column} < ? GROUP BY x.company_id) g "
            "JOIN company c ON c.id = g.id AND c.deleted = 0")


# Person numbers: name -> (FROM ... with joins, WHERE with two placeholders for the period)
PERSON_SOURCES: dict[str, tuple[str, str]] = {
    "screened": (
        "screening s " + _PERSON_JOIN.format(col="s.participant_id"),
        "s.deleted = 0 AND s.date >= ? AND s.date < ?"),
    "referred_dyslexia": (
        "referral r " + _PERSON_JOIN.format(col="r.participant_id"),
        "r.deleted = 0 AND r.date >= ? AND r.date < ?"),
    "dyslexia_results": (
        "dyslexia_result d JOIN referral r ON r.id = d.referral_id AND r.deleted = 0 "
        + _PERSON_JOIN.format(col="r.participant_id"),
        "d.deleted = 0 AND d.date >= ? AND d.date < ?"),
    "enrolled": (
        "enrolment e JOIN course k ON k.id = e.course_id AND k.deleted = 0 "
        + _PERSON_JOIN.format(col="e.participant_id"),
        "e.deleted = 0 AND e.date >= ? AND e.date < ?"),
}
_PERSON_MUNICIPALITY = ("(CASE WHEN p.company_id IS NULL THEN p.municipality_code "
                        "ELSE c.municipality_code END)")


class PerMunicipality(dict):
    """An answer per municipality code; a code without rows gets the answer to no rows."""
    def __init__(self, values: dict, empty):
        super().__init__(values)
        self.empty = empty

    def __missing__(self, code):
        return self.empty


def _key(scope: Scope, expression: str) -> str:
    return f"{expression} AS municipality, " if scope.per_municipality else ""


def _group(scope: Scope, groups: str = "") -> str:
    keys = ", ".join(k for k in ("1" if scope.per_municipality else "", groups) if k)
    return f" GROUP BY {keys}" if keys else ""


def _shaped(scope: Scope, rows: list[tuple], make):
    """make(rows) as asked; per municipality, make(its rows) for each code."""
    if not scope.per_municipality:
        return make(rows)
    parts: dict[str, list[tuple]] = {}
    for row in rows:
        parts.setdefault(row[0], []).append(row[1:])
    return PerMunicipality({code: make(part) for code, part in parts.items()}, make([]))


_EMPLOYMENT = "CASE WHEN p.employment = 'ledig' THEN 'ledig' ELSE 'beskæftiget' END"


@dataclass(frozen=True)
class Scope:
    """The filter without its period, the consultant resolved to the stored spellings."""
    municipality: str | None = None
    consultants: tuple[str, ...] | None = None  # None: any consultant
    company_id: str | None = None
    industry: str | None = None
    # Every answer per municipality: {code: the answer} (PerMunicipality), for
    # services.kpi.per_municipality, from the same queries grouped once.
    per_municipality: bool = False

    def company_where(self) -> tuple[str, list]:
        sql, args = ["1"], []
        if self.municipality is not None:
            sql.append("c.municipality_code = ?")
            args.append(self.municipality)
        if self.consultants is not None:
            sql.append("c.consultant IN (SELECT value FROM json_each(?))")
            args.append(json.dumps(self.consultants))
        if self.company_id is not None:
            sql.append("c.id = ?")
            args.append(self.company_id)
        if self.industry is not None:
            sql.append("substr(c.industry_code, 1, ?) = ?")
            args += [len(self.industry), self.industry]
        return " AND ".join(sql), args

    def person_where(self) -> tuple[str, list]:
        # An employed person's company must be alive; an unemployed one has none.
        sql, args = ["(p.company_id IS NULL OR c.id IS NOT NULL)"], []
        if self.municipality is not None:
            sql.append("(CASE WHEN p.company_id IS NULL THEN p.municipality_code "
                       "ELSE c.municipality_code END) = ?")
            args.append(self.municipality)
        if self.consultants is not None:
            sql.append("(CASE WHEN p.company_id IS NULL THEN p.consultant ELSE c.consultant "
                       "END) IN (SELECT value FROM json_each(?))")
            args.append(json.dumps(self.consultants))
        if self.company_id is not None:
            sql.append("p.company_id = ?")
            args.append(self.company_id)
        if self.industry is not None:
            sql.append("substr(c.industry_code, 1, ?) = ?")
            args += [len(self.industry), self.industry]
        return " AND ".join(sql), args


class KpiQueries:
    def __init__(self, store: Store):
        self.store, self.db = store, store.db

    def scope(self, flt: KpiFilter) -> Scope:
        consultants = None
        if flt.consultant is not None:
            wanted = flt.consultant.strip().casefold()
            names = {r[0] for r in self.db.execute(
                "SELECT DISTINCT consultant FROM company UNION "
                "SELECT DISTINCT consultant FROM participant")}
            consultants = tuple(sorted(n for n in names if n and n.casefold() == wanted))
        return Scope(flt.municipality, consultants, flt.company_id, flt.industry)

    def _run(self, sql: str, args: list) -> list[tuple]:
        return self.db.execute(sql, args).fetchall()

    # -- company numbers -------------------------------------------------------------------
    def _per_company_rows(self, name: str, aggregates: str, select: str, scope: Scope,
                          lo: str, hi: str) -> list[tuple]:
        scoped, args = scope.company_where()
        return self._run(f"SELECT {_key(scope, 'c.municipality_code')}{select} FROM "
                         f"{_per_company(name, aggregates)} WHERE {scoped}{_group(scope)}",
                         [lo, hi, *args])

    def company_count(self, name: str, scope: Scope, lo: str, hi: str) -> int:
        rows = self._per_company_rows(name, "", "COUNT(*)", scope, lo, hi)
        return _shaped(scope, rows, lambda r: r[0][0] if r else 0)

    def visit_counts(self, scope: Scope, lo: str, hi: str) -> tuple[int, int]:
        """(companies contacted, companies with a first meeting): one pass over the visits."""
        rows = self._per_company_rows("companies_contacted",
                                      ", MAX(x.kind = 'første møde') AS met",
                                      "COUNT(*), TOTAL(g.met)", scope, lo, hi)
        return _shaped(scope, rows, lambda r: (r[0][0], int(r[0][1])) if r else (0, 0))

    def session_totals(self, scope: Scope, lo: str, hi: str) -> tuple[int, int]:
        rows = self._per_company_rows("sessions", ", COUNT(*) AS n, TOTAL(x.attended) AS att",
                                      "TOTAL(g.n), TOTAL(g.att)", scope, lo, hi)
        return _shaped(scope, rows, lambda r: (int(r[0][0]), int(r[0][1])) if r else (0, 0))

    def company_ids(self, name: str, scope: Scope, lo: str, hi: str) -> list[str]:
        scoped, args = scope.company_where()
        return [r[0] for r in self._run(f"SELECT c.id FROM {_per_company(name)} "
                                        f"WHERE {scoped}", [lo, hi, *args])]

    def companies_in_scope(self, scope: Scope, ids: Iterable[str]) -> set[str]:
        scoped, args = scope.company_where()
        rows = self._run(
            f"SELECT {_key(scope, 'c.municipality_code')}c.id FROM company c WHERE c.id IN "
            f"(SELECT value FROM json_each(?)) AND c.deleted = 0 AND {scoped}",
            [json.dumps(list(ids)), *args])
        return _shaped(scope, rows, lambda r: {row[0] for row in r})

    def first_visits(self, ids: Iterable[str]) -> dict[str, str]:
        """Company id -> the ISO date of its first visit ever (companies with a visit)."""
        return {r[0]: r[1] for r in self._run(
            "SELECT v.company_id, MIN(v.date) FROM visit v WHERE v.company_id IN "
            "(SELECT value FROM json_each(?)) AND v.deleted = 0 GROUP BY v.company_id",
            [json.dumps(list(ids))])}

    # -- person numbers --------------------------------------------------------------------
    def person_groups(self, name: str, scope: Scope, lo: str, hi: str,
                      columns: tuple[str, ...] = (), distinct: str | None = None) -> list[tuple]:
        """(employment, *columns, n) rows; n counts rows, or distinct `distinct` values."""
        source, where = PERSON_SOURCES[name]
        scoped, args = scope.person_where()
        counted = f"COUNT(DISTINCT {distinct})" if distinct else "COUNT(*)"
        select = ", ".join((_EMPLOYMENT, *columns))
        first = 2 if scope.per_municipality else 1
        group = ", ".join(str(first + i) for i in range(len(columns) + 1))
        rows = self._run(f"SELECT {_key(scope, _PERSON_MUNICIPALITY)}{select}, {counted} "
                         f"FROM {source} WHERE {where} AND {scoped}{_group(scope, group)}",
                         [lo, hi, *args])
        return _shaped(scope, rows, list)

    def screened_groups(self, scope: Scope, lo: str, hi: str) -> list[tuple]:
        """(employment, subject, n) distinct people per subject, and (employment, None, n)
        distinct people in all: one pass over the period's screenings. The people are
        found first and their companies looked up once each (many people share one), then
        the person condition applies as everywhere (p and c carry the same columns)."""
        scoped, args = scope.person_where()
        keyed = "municipality, " if scope.per_municipality else ""
        group = "2, 3" if scope.per_municipality else "1, 2"
        rows = self._run(
            "WITH p AS MATERIALIZED (SELECT DISTINCT q.id, q.employment, q.company_id, "
            "q.municipality_code, q.consultant, s.subject FROM screening s JOIN participant q "
            "ON q.id = s.participant_id AND q.deleted = 0 WHERE s.deleted = 0 "
            "AND s.date >= ? AND s.date < ?), "
            "c AS MATERIALIZED (SELECT id, municipality_code, consultant, industry_code "
            "FROM company WHERE id IN (SELECT company_id FROM p) AND deleted = 0), "
            f"x AS MATERIALIZED (SELECT {_key(scope, _PERSON_MUNICIPALITY)}p.id AS pid, "
            f"{_EMPLOYMENT} AS employment, p.subject FROM p LEFT JOIN c "
            f"ON c.id = p.company_id WHERE {scoped}) "
            f"SELECT {keyed}employment, subject, COUNT(*) FROM x{_group(scope, group)} "
            f"UNION ALL SELECT {keyed}employment, NULL, COUNT(DISTINCT pid) "
            f"FROM x{_group(scope, group[:1] if scope.per_municipality else '1')}",
            [lo, hi, *args])
        return _shaped(scope, rows, list)

    def participant_ids(self, name: str, scope: Scope, lo: str, hi: str) -> list[str]:
        source, where = PERSON_SOURCES[name]
        scoped, args = scope.person_where()
        return [r[0] for r in self._run(f"SELECT DISTINCT p.id FROM {source} WHERE {where} "
                                        f"AND {scoped}", [lo, hi, *args])]

    def completed_rows(self, scope: Scope, course_ids: Iterable[str]) -> list[tuple]:
        """(participant id, employment, subject, result) of the "gennemført" enrolments in
        the given courses, in scope."""
        scoped, args = scope.person_where()
        rows = self._run(
            f"SELECT {_key(scope, _PERSON_MUNICIPALITY)}p.id, {_EMPLOYMENT}, k.subject, "
            "e.result FROM enrolment e JOIN course k ON k.id = e.course_id AND k.deleted = 0 "
            + _PERSON_JOIN.format(col="e.participant_id")
            + " WHERE e.course_id IN (SELECT value FROM json_each(?)) AND e.deleted = 0 "
            f"AND e.status = 'gennemført' AND {scoped}", [json.dumps(list(course_ids)), *args])
        return _shaped(scope, rows, list)

    # -- courses ---------------------------------------------------------------------------
    def courses_until(self, hi: str) -> list[Course]:
        """The courses that can have held lessons before `hi`: alive, not aflyst, started."""
        return CourseRepository(self.store).started_before(hi)

    def participants(self, ids: Iterable[str]) -> list[tuple]:
        """(id, first name, last name, company name) for the drill-down, in name order."""
        return self._run(
            "SELECT p.id, p.first_name, p.last_name, COALESCE(c.name, '') FROM participant p "
            "LEFT JOIN company c ON c.id = p.company_id WHERE p.id IN "
            "(SELECT value FROM json_each(?)) ORDER BY p.first_name, p.last_name, p.id",
            [json.dumps(list(ids))])

    def companies(self, ids: Iterable[str]) -> list[tuple]:
        """(id, cvr, name) for the drill-down, in name order."""
        return self._run(
            "SELECT c.id, c.cvr, c.name FROM company c WHERE c.id IN "
            "(SELECT value FROM json_each(?)) ORDER BY c.name, c.id", [json.dumps(list(ids))])

    def active_municipalities(self, lo: str, hi: str) -> list[str]:
        """Municipality codes with any company or person activity dated in the period."""
        parts = []
        for name in ("companies_contacted", "companies_motivation", "sessions"):
            parts.append(f"SELECT c.municipality_code FROM {_per_company(name)}")
        for source, where in PERSON_SOURCES.values():
            parts.append("SELECT CASE WHEN p.company_id IS NULL THEN p.municipality_code "
                         f"ELSE c.municipality_code END FROM {source} WHERE {where}")
        rows = self._run(" UNION ".join(parts), [lo, hi] * len(parts))
        return sorted(r[0] for r in rows if r[0])
