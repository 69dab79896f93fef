"""Row ids from natural keys (sync/identity.py): the standard UUIDv5, never anything else,
since every stored company and P-unit id depends on it."""
from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from lokomotiv_desktop.sync.identity import NAMESPACE, natural_id, natural_ids


def test_the_namespace_and_a_known_id_never_change():
    assert str(NAMESPACE) == "7aa92f67-816d-5c04-a414-70a6cbf8d391"
    assert natural_id("company", "13748136") == str(uuid.uuid5(NAMESPACE, "company:13748136"))


@given(st.sampled_from(["company", "production_unit"]), st.lists(st.text(min_size=1)))
def test_the_fast_ids_are_python_s_uuid5(table, keys):
    expected = [str(uuid.uuid5(NAMESPACE, f"{table}:{key}")) for key in keys]
    assert natural_ids(table, keys) == expected
    assert [natural_id(table, key) for key in keys] == expected
