"""The server's consent rule (server/consent_rule.py): no screening, referral or dyslexia
result is stored unless its participant has a consent for screening there that is valid on
the row's date; a screening must also fit its subject. On both backends."""
from __future__ import annotations

import pytest

from .conftest import cid, company, count

DAY = "2026-11-20"


def _person(bo, label="c1", pid="p1", consent: dict | None = None) -> list[dict]:
    changes = [company(bo, cid(label), municipality="630", consultant="Bo"),
               bo.change("participant", pid, company_id=cid(label), first_name="Ida",
                         last_name="Holm")]
    if consent is not None:
        changes.append(_consent(bo, pid, **consent))
    return changes


def _withdraw(api, changes, on):
    """Withdraws the consent k1 of `changes`, seen (no concurrent edit)."""
    [given] = [c for c in changes if c["row_id"] == "k1"]
    return api.change("consent", "k1", base=given["clocks"], withdrawn_on=on)


def _consent(api, pid, given_on="2026-11-01", withdrawn_on=None, row_id="k1"):
    return api.change("consent", row_id, participant_id=pid, purpose="screening",
                      given_on=given_on, how="skriftlig", witness="", withdrawn_on=withdrawn_on)


def _screening(api, pid="p1", row_id="s1", day=DAY, subject="læsning", tool="VLV-2",
               outcome="læsekursus", trin=2):
    return api.change("screening", row_id, participant_id=pid, date=day, subject=subject,
                      tool=tool, outcome=outcome, trin=trin, school="VUC", tester="Lis",
                      notes="")


def _stored(backend, table) -> int:
    return count(backend, "SELECT count(*) FROM row_state WHERE tbl = ?", [table])


def test_a_screening_without_consent_is_rejected_and_nothing_stored(login, backend):
    bo = login("bo")
    results = bo.push(*_person(bo), _screening(bo))["results"]
    assert [r["status"] for r in results] == ["applied", "applied", "rejected"]
    assert results[2]["reason"] == "no_consent"
    assert "gyldigt samtykke til screening" in results[2]["message"]
    assert _stored(backend, "screening") == 0


def test_consent_earlier_in_the_same_batch_lets_the_screening_through(login, backend):
    bo = login("bo")
    results = bo.push(*_person(bo, consent={}), _screening(bo))["results"]
    assert [r["status"] for r in results] == ["applied"] * 4
    assert _stored(backend, "screening") == 1


@pytest.mark.parametrize("consent", [
    {"given_on": "2026-11-21"},                               # given after the screening
    {"given_on": "2026-11-01", "withdrawn_on": DAY},          # withdrawn on the day
    {"given_on": "2026-11-01", "withdrawn_on": "2026-11-10"},  # withdrawn before
], ids=["given-after", "withdrawn-on-the-day", "withdrawn-before"])
def test_a_consent_not_valid_on_the_day_does_not_count(login, backend, consent):
    bo = login("bo")
    bo.push(*_person(bo, consent=consent))
    [result] = bo.push(_screening(bo))["results"]
    assert (result["status"], result["reason"]) == ("rejected", "no_consent")
    assert _stored(backend, "screening") == 0


def test_a_withdrawal_later_in_the_batch_is_what_counts(login, backend):
    bo = login("bo")
    made = _person(bo, consent={})
    bo.push(*made)
    results = bo.push(_withdraw(bo, made, "2026-11-05"), _screening(bo))["results"]
    assert [r["status"] for r in results] == ["applied", "rejected"]
    assert results[1]["reason"] == "no_consent"


def test_a_referral_and_a_dyslexia_result_need_consent_too(login, backend):
    bo = login("bo")
    bo.push(*_person(bo))
    referral = bo.change("referral", "r1", participant_id="p1", date=DAY, school="VUC")
    [refused] = bo.push(referral)["results"]
    assert (refused["status"], refused["reason"]) == ("rejected", "no_consent")
    assert _stored(backend, "referral") == 0

    # With consent: the referral goes in; the result after a withdrawal does not.
    given = _consent(bo, "p1")
    bo.push(given)
    assert bo.push(bo.change("referral", "r2", participant_id="p1", date=DAY,
                             school="VUC"))["results"][0]["status"] == "applied"
    bo.push(_withdraw(bo, [given], "2026-11-25"))
    [late] = bo.push(bo.change("dyslexia_result", "d1", referral_id="r2", result="rød",
                               date="2026-12-01", school="VUC"))["results"]
    assert (late["status"], late["reason"]) == ("rejected", "no_consent")
    assert _stored(backend, "dyslexia_result") == 0
    [ok] = bo.push(bo.change("dyslexia_result", "d2", referral_id="r2", result="gul",
                             date="2026-11-24", school="VUC"))["results"]
    assert ok["status"] == "applied"
    assert _stored(backend, "dyslexia_result") == 1


def test_deleting_a_screening_needs_no_consent(login, backend):
    bo = login("bo")
    made = _person(bo, consent={})
    bo.push(*made, _screening(bo))
    bo.push(_withdraw(bo, made, "2026-11-10"))
    # An edit now is refused; the deletion alone goes through.
    [edit] = bo.push(bo.change("screening", "s1", notes="ny note"))["results"]
    assert edit["reason"] == "no_consent"
    [delete] = bo.push(bo.change("screening", "s1", deleted=1))["results"]
    assert delete["status"] == "applied"
    with backend.read() as db:
        import json

        values = json.loads(db.one("SELECT vals FROM row_state WHERE id = 's1'")[0])
    assert values["deleted"] == 1 and values["notes"] == ""


def test_a_trin_outside_the_subjects_range_is_invalid(login, backend):
    bo = login("bo")
    bo.push(*_person(bo, consent={}))
    [too_high] = bo.push(_screening(bo, row_id="s1", trin=5))["results"]
    [start] = bo.push(_screening(bo, row_id="s2", subject="start", tool="samtaleguide",
                                 outcome="egnet", trin=1))["results"]
    for result in (too_high, start):
        assert (result["status"], result["reason"]) == ("rejected", "invalid_value")
        assert result["message"].startswith("Screeningen er ikke gemt")
    assert _stored(backend, "screening") == 0
    # The same rows within range are stored.
    [ok] = bo.push(_screening(bo, row_id="s3", trin=4))["results"]
    [ok_start] = bo.push(_screening(bo, row_id="s4", subject="start", tool="samtaleguide",
                                    outcome="egnet", trin=None))["results"]
    assert ok["status"] == ok_start["status"] == "applied"
