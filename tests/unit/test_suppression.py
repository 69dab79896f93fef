"""Secondary suppression: for every published table, an attacker who solves the printed
row and column sums (linear algebra and interval reasoning, knowing which cells are small)
gets no hidden cell back."""
from __future__ import annotations

from fractions import Fraction
from math import inf

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lokomotiv_desktop.domain.suppression import (
    SUPPRESSED,
    augmented,
    suppress_row,
    suppress_table,
    suppressed_cells,
)


def _equations(grid, hidden):
    """Each row and column of the augmented table: cells - total = 0, as
    (coefficients over the hidden cells, right-hand side from the printed ones)."""
    height, width = len(grid), len(grid[0])
    lines = [[(i, j) for j in range(width)] for i in range(height)]
    lines += [[(i, j) for i in range(height)] for j in range(width)]
    out = []
    for index, line in enumerate(lines):
        total = line[-1]
        coeffs, rhs = {}, 0
        for cell in line:
            sign = -1 if cell == total else 1
            if cell in hidden:
                coeffs[cell] = sign
            else:
                rhs -= sign * grid[cell[0]][cell[1]]
        if coeffs:
            out.append((coeffs, rhs))
        del index
    return out


def _rank(matrix):
    m = [row[:] for row in matrix]
    rank, cols = 0, len(m[0]) if m else 0
    for c in range(cols):
        pivot = next((r for r in range(rank, len(m)) if m[r][c] != 0), None)
        if pivot is None:
            continue
        m[rank], m[pivot] = m[pivot], m[rank]
        for r in range(len(m)):
            if r != rank and m[r][c] != 0:
                f = m[r][c] / m[rank][c]
                m[r] = [a - f * b for a, b in zip(m[r], m[rank], strict=True)]
        rank += 1
    return rank


def _linearly_determined(equations, cells):
    index = {cell: k for k, cell in enumerate(cells)}
    matrix = [[Fraction(0)] * len(cells) for _ in equations]
    for row, (coeffs, _) in zip(matrix, equations, strict=True):
        for cell, a in coeffs.items():
            row[index[cell]] = Fraction(a)
    base = _rank(matrix)
    determined = set()
    for cell in cells:
        unit = [Fraction(0)] * len(cells)
        unit[index[cell]] = Fraction(1)
        if _rank([*matrix, unit]) == base:
            determined.add(cell)
    return determined


def _intervals(grid, hidden, primary):
    bounds = {c: [1, 4] if c in primary else [1, inf] for c in hidden}
    equations = _equations(grid, hidden)
    for _ in range(200):
        changed = False
        for coeffs, rhs in equations:
            for cell, a in coeffs.items():
                lo_rest = hi_rest = 0
                for other, b in coeffs.items():
                    if other == cell:
                        continue
                    lo, hi = bounds[other]
                    lo_rest += min(b * lo, b * hi)
                    hi_rest += max(b * lo, b * hi)
                # a * x = rhs - rest
                lo_x, hi_x = sorted(((rhs - hi_rest) * a, (rhs - lo_rest) * a))
                cur = bounds[cell]
                if lo_x > cur[0]:
                    cur[0], changed = lo_x, True
                if hi_x < cur[1]:
                    cur[1], changed = hi_x, True
        if not changed:
            break
    return bounds, equations


def assert_safe(rows, force=(), keep=()):
    grid = augmented(rows)
    hidden = suppressed_cells(rows, force, keep)
    primary = {(i, j) for i, line in enumerate(grid) for j, v in enumerate(line) if 0 < v < 5}
    assert primary <= hidden
    assert all(grid[i][j] > 0 for i, j in hidden), "a 0 is never hidden"
    if not hidden:
        return
    bounds, equations = _intervals(grid, hidden, primary)
    for cell, (lo, hi) in bounds.items():
        assert lo <= grid[cell[0]][cell[1]] <= hi
        assert lo < hi, f"{cell} = {grid[cell[0]][cell[1]]} can be worked out from {rows}"
    assert not _linearly_determined(equations, sorted(hidden))


HAND_BUILT = [
    [[3]],
    [[3, 12]],                        # 15 - 12 gives the 3 back
    [[3, 0]],
    [[1, 1]],
    [[4, 1]],
    [[3, 10], [7, 20]],
    [[12, 3, 20], [15, 25, 30], [40, 50, 60]],
    [[2, 0, 0], [0, 0, 0]],           # the row total equals the single visible sum
    [[1, 5], [0, 5]],
    [[10, 20, 30], [40, 50, 60]],     # nothing small: nothing hidden
    [[0, 0], [0, 0]],
    [[2, 2, 2], [2, 2, 2]],
    [[6, 0, 0], [0, 7, 0], [0, 0, 1]],
    [[100, 1, 100], [100, 100, 100], [100, 100, 100]],
    [[1], [1], [1], [20]],
]


@pytest.mark.parametrize("rows", HAND_BUILT)
def test_no_hidden_cell_can_be_worked_out(rows):
    assert_safe(rows)


def test_a_single_small_cell_in_a_row_gets_a_second_one():
    printed = suppress_table([[3, 12], [10, 20]])
    assert printed[0][0] == SUPPRESSED
    assert sum(cell == SUPPRESSED for cell in printed[0]) >= 2
    assert printed[1] == ["10", "20", "30"] or SUPPRESSED in printed[1]


def test_the_smallest_cells_are_chosen():
    # 3 in the corner: hiding 10 (row) and 10 (column) and their crossing 20 is cheapest.
    printed = suppress_table([[3, 10, 50], [10, 20, 60], [50, 60, 70]])
    assert printed[0][:2] == [SUPPRESSED, SUPPRESSED]
    assert printed[1][0] == SUPPRESSED and printed[1][1] == SUPPRESSED
    assert printed[2] == ["50", "60", "70", "180"]
    assert printed[0][2:] == ["50", "63"] and printed[3] == ["63", "90", "180", "333"]


def test_without_small_counts_the_table_prints_as_is():
    assert suppress_table([[10, 20], [30, 40]]) == [["10", "20", "30"], ["30", "40", "70"],
                                                    ["40", "60", "100"]]
    assert suppress_table([[10, 20], [30, 40]], with_totals=False) == [["10", "20"],
                                                                       ["30", "40"]]


def test_zero_prints_as_zero_and_an_empty_table_is_empty():
    assert suppress_table([[0, 7]])[0] == ["0", "7", "7"]
    assert suppress_table([]) == []
    assert suppress_row([]) == []


def test_a_row_with_its_total():
    assert suppress_row([3, 12, 20]).count(SUPPRESSED) >= 2
    assert suppress_row([5, 6]) == ["5", "6", "11"]


def test_a_total_printed_elsewhere_is_kept():
    printed = suppress_row([3, 10, 20], keep_total=True)
    assert printed[-1] == "33" and printed.count(SUPPRESSED) == 2
    grid_rows = [[3, 10, 20]]
    hidden = suppressed_cells(grid_rows, keep=[(0, -1), (-1, -1)])
    assert (0, 3) not in hidden and (1, 3) not in hidden
    assert_safe(grid_rows, keep=[(0, -1), (-1, -1)])


def test_a_forced_total_is_hidden_and_protected():
    rows = [[10, 20], [30, 40]]
    printed = suppress_table(rows, force=[(-1, -1)])
    assert printed[-1][-1] == SUPPRESSED
    assert_safe(rows, force=[(-1, -1)])
    assert suppress_row([7, 8], hide_total=True).count(SUPPRESSED) >= 2
    assert suppress_row([0, 0], hide_total=True) == ["0", "0", "0"]


@pytest.mark.parametrize("rows", [[[1, -1]], [[1, 2], [3]], [[1.5]]])
def test_bad_tables_are_refused(rows):
    with pytest.raises(ValueError):
        suppress_table(rows)


_counts = st.integers(min_value=0, max_value=12)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.integers(1, 4).flatmap(
    lambda width: st.lists(st.lists(_counts, min_size=width, max_size=width),
                           min_size=1, max_size=4)))
def test_property_no_hidden_cell_can_be_worked_out(rows):
    assert_safe(rows)
