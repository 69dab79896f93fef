"""Counts shown to employers: 0 as "0", 1-4 as "<5", 5 and more as the number."""
import pytest

from lokomotiv_desktop.domain.small_counts import suppress_small


@pytest.mark.parametrize(("count", "shown"), [(0, "0"), (1, "<5"), (4, "<5"), (5, "5"),
                                              (12, "12"), (1000, "1000")])
def test_suppress_small(count, shown):
    assert suppress_small(count) == shown


def test_negative_count_is_a_bug():
    with pytest.raises(ValueError):
        suppress_small(-1)
