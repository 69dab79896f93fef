"""The Synkronisering page's list of runs writes its times the Danish way, as every other
table does (docs/ui-conventions.md)."""
from __future__ import annotations

import re
from datetime import UTC, datetime

from lokomotiv_desktop.domain.danish_format import stored_time as local_time


def test_a_run_started_is_shown_as_a_danish_date_and_time():
    started = datetime(2026, 12, 3, 12, 7, 22, tzinfo=UTC)
    shown = local_time(started.isoformat())
    here = started.astimezone()
    assert shown == f"{here.day}.{here.month}.{here.year} kl. {here:%H.%M}"
    assert re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4} kl\. \d\d\.\d\d", shown)
    assert local_time(None) == "" and local_time("ikke en tid") == "ikke en tid"
