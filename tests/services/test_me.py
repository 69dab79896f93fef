"""Who I am: the consultant's own name and municipalities, kept on this laptop."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.domain.validation import ValidationError
from lokomotiv_desktop.services import me
from lokomotiv_desktop.services.outreach import current_consultant


def test_no_name_until_one_is_set_or_a_login_gives_one(store):
    assert me.my_name(store) is None
    with store.transaction():
        store.set_state("user", "hhansen")
    assert me.my_name(store) == "hhansen"
    me.set_my_name(store, "  Hanne Hansen ")
    assert me.my_name(store) == "Hanne Hansen"
    me.set_my_name(store, "")
    assert me.my_name(store) == "hhansen"


def test_municipalities_keep_their_order_once_each(store):
    assert me.my_municipalities(store) == []
    me.set_my_municipalities(store, ["630", "615", "630", " "])
    assert me.my_municipalities(store) == ["630", "615"]
    me.set_my_municipalities(store, [])
    assert me.my_municipalities(store) == []


def test_the_name_is_local_state_and_never_queued_for_sync(store):
    before = store.pending_changes()
    me.set_my_name(store, "Hanne Hansen")
    me.set_my_municipalities(store, ["630"])
    assert store.pending_changes() == before


def test_new_work_is_done_by_me_and_the_hint_names_the_setting(store):
    with pytest.raises(ValidationError, match="Indstillinger → Mig"):
        current_consultant(store)
    me.set_my_name(store, "Hanne Hansen")
    assert current_consultant(store) == "Hanne Hansen"
    assert current_consultant(store, "Ole") == "Ole"
