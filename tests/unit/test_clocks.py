"""Compact and explicit clock maps read alike (sync/clocks.py)."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lokomotiv_desktop.sync.clocks import compact, expand, field_stamp
from lokomotiv_desktop.sync.hlc import ZERO, make_stamp

OLD, NEW, NEWER = make_stamp(1_000, 0, "a"), make_stamp(2_000, 0, "b"), make_stamp(3_000, 1, "a")
FIELDS = ("cvr", "name", "city", "notes", "deleted")


def test_an_explicit_map_reads_as_it_is():
    clocks = {"name": OLD, "city": NEW}
    assert field_stamp(clocks, "name") == OLD and field_stamp(clocks, "city") == NEW
    assert field_stamp(clocks, "notes") == ZERO
    assert expand(clocks, FIELDS) == clocks


def test_star_stamps_every_field_not_listed_and_an_empty_stamp_means_never_written():
    clocks = {"*": OLD, "city": NEW, "notes": ZERO}
    assert [field_stamp(clocks, f) for f in FIELDS] == [OLD, OLD, NEW, ZERO, OLD]
    assert expand(clocks, FIELDS) == {"cvr": OLD, "name": OLD, "city": NEW, "deleted": OLD}


def test_expand_covers_only_the_fields_asked_for():
    assert expand({"*": OLD}, ["name", "cvr"]) == {"name": OLD, "cvr": OLD}
    assert expand({"*": OLD, "name": NEW}, ["name"]) == {"name": NEW}
    assert expand({"*": OLD}, []) == {} and expand({}, FIELDS) == {}


def test_compact_lists_the_unwritten_fields_as_never_written():
    assert compact(NEWER) == {"*": NEWER}
    clocks = compact(NEWER, ["notes", "deleted"])
    assert expand(clocks, FIELDS) == {"cvr": NEWER, "name": NEWER, "city": NEWER}


_stamps = st.sampled_from([ZERO, OLD, NEW, NEWER])
_maps = st.dictionaries(st.sampled_from(FIELDS), _stamps, max_size=5)


@given(_maps, st.one_of(st.none(), _stamps))
def test_field_stamp_and_expand_agree(explicit, star):
    clocks = explicit if star is None else {"*": star, **explicit}
    expanded = expand(clocks, FIELDS)
    for field in FIELDS:
        assert field_stamp(clocks, field) == expanded.get(field, ZERO)
        assert field_stamp(expanded, field) == field_stamp(clocks, field)
    assert ZERO not in expanded.values() and "*" not in expanded
