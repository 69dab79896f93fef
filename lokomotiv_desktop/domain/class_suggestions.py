"""Suggested classes (hold) from the latest screenings of the companies the caller chose.

One class holds one subject and one trin (different trin are never merged). A group larger
than a class is split into the fewest classes, sizes kept within [min, max] when the count
allows it (20 -> 10 + 10, 27 -> 9 + 9 + 9) and as even as possible when it does not (14 with
max 13 -> 7 + 7, noted on the classes). Colleagues from one team stay together: whole teams
are placed largest first into the least-full class they fit, and a team is split only when
it does not fit (larger than a class, or to lift a class to the minimum). A group below the
minimum is not a class: its people are returned as unplaced, with the reason in Danish.
OBU (ordblindeundervisning) classes are separate, at most obu_max, with no minimum.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .screening_catalog import Catalog, catalog


@dataclass(frozen=True)
class Screened:
    """A participant's latest screening in one subject."""

    participant_id: str
    company_id: str
    subject: str
    trin: int | None
    places: bool  # the outcome puts the person on a class in this subject
    team: str  # "" when unknown: then the person is placed alone
    municipality_code: str
    obu: bool = False


@dataclass(frozen=True)
class SuggestedClass:
    subject: str
    trin: int | None
    participant_ids: tuple[str, ...]
    company_ids: tuple[str, ...]
    teams: tuple[str, ...]
    obu: bool = False
    note: str = ""  # Danish; set when the class is below the minimum size


@dataclass(frozen=True)
class Unplaced:
    participant_id: str
    subject: str
    trin: int | None
    reason: str  # Danish


@dataclass
class Suggestion:
    classes: list[SuggestedClass] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)


def suggest_classes(screened: Iterable[Screened], min_size: int | None = None,
                    max_size: int | None = None, obu_max: int | None = None, *,
                    cat: Catalog | None = None) -> Suggestion:
    """Classes for the `screened` rows; sizes default to the catalog's (8, 13, OBU 6)."""
    cat = cat or catalog()
    low = cat.class_min if min_size is None else min_size
    high = cat.class_max if max_size is None else max_size
    obu_high = cat.obu_max if obu_max is None else obu_max
    if not 1 <= low <= high or obu_high < 1:
        raise ValueError(f"class sizes need 1 <= min <= max and obu_max >= 1, "
                         f"got {low}, {high}, {obu_high}")
    order = {s.code: n for n, s in enumerate(cat.subjects)}
    trin_of = {s.code: s.trin for s in cat.subjects}

    result = Suggestion()
    groups: dict[tuple[str, int | None, bool], list[Screened]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()
    for row in screened:
        if (row.participant_id, row.subject) in seen:
            raise ValueError(f"participant {row.participant_id} is screened twice in "
                             f"{row.subject}: pass only the latest screening")
        seen.add((row.participant_id, row.subject))
        reason = _why_not_placed(row, cat.subject_label(row.subject), trin_of.get(row.subject))
        if reason:
            result.unplaced.append(Unplaced(row.participant_id, row.subject, row.trin, reason))
        else:
            groups[(row.subject, row.trin, row.obu)].append(row)

    def group_order(key: tuple[str, int | None, bool]):
        subject, trin, obu = key
        return (order.get(subject, len(order)), subject, -1 if trin is None else trin, obu)

    for key in sorted(groups, key=group_order):
        subject, trin, obu = key
        rows = sorted(groups[key], key=lambda r: (r.team, r.participant_id))
        name = _group_name(cat.subject_label(subject), trin)
        smallest = 1 if obu else low
        if len(rows) < smallest:
            people = "deltager" if len(rows) == 1 else "deltagere"
            reason = (f"Kun {len(rows)} {people} på {name}; et hold kræver mindst {low}.")
            result.unplaced.extend(Unplaced(r.participant_id, subject, trin, reason)
                                   for r in rows)
            continue
        for members, note in _split(rows, smallest, obu_high if obu else high, name):
            result.classes.append(SuggestedClass(
                subject, trin, tuple(r.participant_id for r in members),
                tuple(sorted({r.company_id for r in members})),
                tuple(sorted({r.team for r in members if r.team})), obu, note))
    result.unplaced.sort(key=lambda u: (order.get(u.subject, len(order)), u.subject,
                                        -1 if u.trin is None else u.trin, u.participant_id))
    return result


def _group_name(label: str, trin: int | None) -> str:
    return label if trin is None else f"{label} trin {trin}"


def _why_not_placed(row: Screened, label: str, trin_range: tuple[int, ...] | None) -> str:
    if not row.places:
        return f"Udfaldet giver ikke et hold i {label}."
    if trin_range is None:  # a subject the catalog does not know: group it as given
        return ""
    if trin_range and row.trin is None:
        return f"Trin mangler i {label}; skolen placerer deltageren på et trin først."
    if trin_range and row.trin not in trin_range:
        return f"Trin {row.trin} findes ikke i {label}."
    if not trin_range and row.trin is not None:
        return f"{label} har ingen trin, men screeningen har trin {row.trin}."
    return ""


def _split(rows: list[Screened], low: int, high: int, name: str):
    """(members, note) per class for one group of at least `low` rows."""
    count = len(rows)
    classes = -(-count // high)  # the fewest classes of at most `high`
    note = ""
    if count // classes < low:
        # Too many for one class, too few for full ones: even sizes below the minimum.
        note = (f"Under {low} deltagere: {count} deltagere på {name} er for mange til ét "
                f"hold på højst {high}, så de er delt i {classes} hold så lige som muligt.")
        low = count // classes
    pieces = _team_pieces(rows, high, -(-count // classes))
    bins: list[list[list[Screened]]] = [[] for _ in range(classes)]
    sizes = [0] * classes
    for piece in pieces:
        _place(piece, bins, sizes, high)
    _lift_to_minimum(bins, sizes, low)
    for members in bins:
        flat = sorted((r for piece in members for r in piece),
                      key=lambda r: (r.team, r.participant_id))
        yield flat, note


def _team_pieces(rows: list[Screened], high: int, even: int) -> list[list[Screened]]:
    """Teams (per company) largest first. A team larger than a class is cut into pieces of
    an even class size (`even`), so the rest of its class is left for whole smaller teams."""
    teams: dict[tuple[str, str], list[Screened]] = defaultdict(list)
    pieces: list[list[Screened]] = []
    for row in rows:
        if row.team:
            teams[(row.company_id, row.team)].append(row)
        else:
            pieces.append([row])  # no team known: nothing to keep together
    for members in teams.values():
        step = even if len(members) > high else len(members)
        pieces.extend(members[start:start + step] for start in range(0, len(members), step))
    pieces.sort(key=lambda p: (-len(p), p[0].team, p[0].participant_id))
    return pieces


def _place(piece: list[Screened], bins, sizes: list[int], high: int) -> None:
    """Into the least-full class with room for the whole piece; else split over the
    classes with the most room."""
    fitting = [n for n in range(len(bins)) if sizes[n] + len(piece) <= high]
    if fitting:
        target = min(fitting, key=lambda n: (sizes[n], n))
        bins[target].append(piece)
        sizes[target] += len(piece)
        return
    rest = piece
    while rest:
        target = min(range(len(bins)), key=lambda n: (sizes[n], n))
        room = high - sizes[target]
        bins[target].append(rest[:room])
        sizes[target] += len(rest[:room])
        rest = rest[room:]


def _lift_to_minimum(bins, sizes: list[int], low: int) -> None:
    """Move people from the fullest classes into any class below `low`: a whole team piece
    when one fits, else single people from the donor's smallest piece."""
    while True:
        short = [n for n in range(len(bins)) if sizes[n] < low]
        if not short:
            return
        receiver = min(short, key=lambda n: (sizes[n], n))
        need = low - sizes[receiver]
        donor = max(range(len(bins)), key=lambda n: (sizes[n], -n))
        spare = sizes[donor] - low
        if spare <= 0:
            return  # cannot happen when count >= classes * low; stop rather than loop
        whole = [p for p in bins[donor] if need <= len(p) <= spare]
        if whole:
            piece = min(whole, key=lambda p: (len(p), p[0].participant_id))
            _remove(bins[donor], piece)
            moved = piece
        else:
            piece = min(bins[donor], key=lambda p: (len(p), p[0].participant_id))
            take = min(need, spare, len(piece))
            moved = piece[len(piece) - take:]
            del piece[len(piece) - take:]
            if not piece:
                _remove(bins[donor], piece)
        bins[receiver].append(moved)
        sizes[donor] -= len(moved)
        sizes[receiver] += len(moved)


def _remove(pieces: list[list[Screened]], piece: list[Screened]) -> None:
    # By identity: list.remove compares contents, which is slower and could pick a twin.
    del pieces[next(n for n, p in enumerate(pieces) if p is piece)]
