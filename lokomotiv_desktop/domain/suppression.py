"""Secondary suppression for a published table of person counts with row and column sums.

small_counts.py hides 1-4 as "<5" (primary suppression). In a table with sums that is not
enough: a row "3, 12, total 15" gives the 3 back as 15 - 12. So further cells are hidden
(secondary suppression), the fewest and smallest that work, until every hidden cell could
take at least two values given everything printed.

The check is constructive. The table with its sums is a set of equations (each row and
column adds up to its total). Moving +1/-1 around a closed loop of hidden cells keeps every
equation true; if such a loop exists through a hidden cell, with the small cells staying in
1-4 and the others at 1 or more, then two different tables print the same, and the cell
cannot be worked out. Every hidden cell gets such a loop.

Secondary cells print as "<5" too: a separate mark would tell a reader they are 5 or more,
which is itself enough to work some small cells out. The documents say under the table that
"<5" also marks a number hidden so a small one can't be computed.

The sums are protected whether or not they are printed (with_totals=False leaves them off
the table only): the same totals appear elsewhere in a report ("I alt" in the summary).
"""
from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence

from .small_counts import THRESHOLD, suppress_small

SUPPRESSED = suppress_small(1)  # "<5"

# Dijkstra costs: a cell already hidden costs little (prefer short loops); a new one costs
# a lot, plus its value, so the fewest and then the smallest new cells are chosen.
_HIDDEN_COST = 1
_NEW_COST = 1_000_000

Cell = tuple[int, int]


def augmented(rows: Sequence[Sequence[int]]) -> list[list[int]]:
    """The table with its row totals as a last column and column totals as a last row."""
    _check(rows)
    width = len(rows[0]) if rows else 0
    grid = [[*row, sum(row)] for row in rows]
    grid.append([sum(row[j] for row in grid) for j in range(width + 1)])
    return grid


def suppressed_cells(rows: Sequence[Sequence[int]], force: Iterable[Cell] = (),
                     keep: Iterable[Cell] = ()) -> set[Cell]:
    """The cells of augmented(rows) to hide: the small ones and what protects them.

    force: further cells (of the augmented grid; (-1, -1) is the grand total) to hide and
    protect, e.g. a total another table of the same report had to hide: the same number
    must print the same everywhere, or one table gives away what the other hides.
    keep: cells never chosen as secondary (a total printed elsewhere anyway)."""
    if not rows:
        return set()
    grid = augmented(rows)
    primary = {(i, j) for i, line in enumerate(grid) for j, v in enumerate(line)
               if 0 < v < THRESHOLD}
    height, width = len(grid), len(grid[0])
    forced = {(i % height, j % width) for i, j in force}
    hidden = primary | {(i, j) for i, j in forced if grid[i][j] > 0}
    kept = {(i % height, j % width) for i, j in keep} - hidden
    protected: set[Cell] = set()
    # Deterministic order: the same table always gets the same cells hidden.
    work = sorted(hidden)
    while work:
        cell = work.pop(0)
        if cell in protected:
            continue
        loop = _cheapest_loop(grid, primary, hidden, cell, kept)
        if loop is None:
            # No loop with non-zero cells: hide every non-zero cell (never expected for
            # real tables, but a safe end rather than a published small count).
            return {(i, j) for i, line in enumerate(grid) for j, v in enumerate(line) if v}
        new = [c for c in loop if c not in hidden]
        hidden.update(new)
        protected.update(loop)
        work.extend(sorted(new))
    return hidden


def suppress_table(rows: list[list[int]], with_totals: bool = True,
                   force: Iterable[Cell] = (), keep: Iterable[Cell] = ()) -> list[list[str]]:
    """The table as printed: counts as text, hidden cells as "<5"; with_totals adds the row
    totals as the last column and the column totals as the last row."""
    if not rows:
        return []
    grid = augmented(rows)
    hidden = suppressed_cells(rows, force, keep)
    printed = [[SUPPRESSED if (i, j) in hidden else str(v) for j, v in enumerate(line)]
               for i, line in enumerate(grid)]
    if with_totals:
        return printed
    return [line[:-1] for line in printed[:-1]]


def suppress_row(values: list[int], hide_total: bool = False,
                 keep_total: bool = False) -> list[str]:
    """One row of counts and its total (last) as printed, for a table whose rows are
    separate (e.g. screened, enrolled, completed split by employment: their column sums
    mean nothing and are not printed)."""
    if not values:
        return []
    total = [(0, -1), (-1, -1)]  # the row's total and its copy in the totals row
    return suppress_table([list(values)], force=total if hide_total else (),
                          keep=total if keep_total else ())[0]


def _check(rows: Sequence[Sequence[int]]) -> None:
    if rows and any(len(row) != len(rows[0]) for row in rows):
        raise ValueError("every row of a table must have the same number of cells")
    for row in rows:
        for value in row:
            if not isinstance(value, int) or value < 0:
                raise ValueError(f"a count must be a whole number of 0 or more: {value!r}")


def _sign(grid: list[list[int]], i: int, j: int) -> int:
    """How a +1 step on the loop changes the cell: a total counts with the opposite sign
    in its row or column equation (row: cells - total = 0)."""
    last_row, last_col = len(grid) - 1, len(grid[0]) - 1
    return (-1 if i == last_row else 1) * (-1 if j == last_col else 1)


def _can_move(grid, primary, i: int, j: int, step: int) -> bool:
    value = grid[i][j] + _sign(grid, i, j) * step
    if (i, j) in primary:
        return 1 <= value < THRESHOLD
    return value >= 1


def _cheapest_loop(grid, primary, hidden, cell: Cell, kept=frozenset()) -> list[Cell] | None:
    """The cheapest closed loop through cell along which a +1 or a -1 step is possible."""
    best: tuple[int, list[Cell]] | None = None
    for step in (1, -1):
        if not _can_move(grid, primary, *cell, step):
            continue
        found = _path_back(grid, primary, hidden, cell, step, kept)
        if found and (best is None or found[0] < best[0]):
            best = found
    return [cell, *best[1]] if best else None


def _path_back(grid, primary, hidden, cell: Cell, step: int, kept):
    """Dijkstra from the cell's column back to its row over row and column nodes; a cell
    (i, j) is the edge between row i and column j. Going row→column the loop adds step,
    column→row it subtracts it (so every equation keeps its sum)."""
    start, goal = ("c", cell[1]), ("r", cell[0])
    dist = {start: 0}
    back: dict[tuple[str, int], tuple[tuple[str, int], Cell]] = {}
    queue = [(0, start)]
    height, width = len(grid), len(grid[0])
    while queue:
        cost, node = heapq.heappop(queue)
        if cost > dist.get(node, cost):
            continue
        if node == goal:
            path, at = [], node
            while at != start:
                at, used = back[at]
                path.append(used)
            return cost, path[::-1]
        kind, index = node
        if kind == "r":
            edges = [((index, j), ("c", j), step) for j in range(width)]
        else:
            edges = [((i, index), ("r", i), -step) for i in range(height)]
        for used, nxt, change in edges:
            if used == cell or grid[used[0]][used[1]] == 0 or used in kept:
                continue
            if not _can_move(grid, primary, *used, change):
                continue
            extra = _HIDDEN_COST if used in hidden else _NEW_COST + grid[used[0]][used[1]]
            total = cost + extra
            if total < dist.get(nxt, total + 1):
                dist[nxt] = total
                back[nxt] = (node, used)
                heapq.heappush(queue, (total, nxt))
    return None
