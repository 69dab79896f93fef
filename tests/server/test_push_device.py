"""The device of a push is the token's: a body naming another device is not believed."""
from __future__ import annotations

from .conftest import cid, company


def _push_as(api, device_id: str, *changes: dict):
    response = api.client.post("/api/v1/push", headers=api.headers,
                               json={"device_id": device_id, "changes": list(changes)})
    return response


def _audited_devices(backend, action: str) -> set[str]:
    with backend.read() as db:
        return {r[0] for r in db.all("SELECT device_id FROM audit WHERE action = ?", [action])}


def test_the_audit_names_the_token_s_device_not_the_body_s(login, backend):
    anna = login("anna", "annas-laptop")
    response = _push_as(anna, "bos-laptop", company(anna, cid("c1")))
    assert response.status_code == 200  # ignored, not refused: the token says who it is
    assert response.json()["results"][0]["status"] == "applied"
    assert _audited_devices(backend, "push") == {"annas-laptop"}


def test_a_refused_batch_is_audited_under_the_token_s_device(login, backend):
    anna = login("anna", "annas-laptop")
    response = _push_as(anna, "bos-laptop", company(anna, cid("c2"), "630"))
    assert response.status_code == 403
    assert _audited_devices(backend, "push_refused") == {"annas-laptop"}
