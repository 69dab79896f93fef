"""What the server refuses at the door (docs/sync-protocol.md "Limits"): non-finite numbers,
integers beyond 64 bits, bodies and values over their limits; and what any answer says."""
from __future__ import annotations

import asyncio
import json

import pytest

from lokomotiv_desktop.server.limits import BodyLimit
from lokomotiv_desktop.sync.messages import MAX_FIELDS, MAX_PUSH_BYTES, MAX_TEXT_CHARS

from .conftest import cid, company, count

MAX_INT = 2**63 - 1


def _raw_push(api, body: str | bytes):
    """A push whose body is sent exactly as given (httpx's JSON encoder refuses NaN)."""
    return api.client.post("/api/v1/push", content=body,
                           headers={**api.headers, "content-type": "application/json"})


def _nothing_written(backend) -> None:
    assert count(backend, "SELECT count(*) FROM applied_change") == 0
    assert count(backend, "SELECT count(*) FROM row_state") == 0


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_a_non_finite_number_in_a_push_is_422_and_nothing_is_stored(login, backend, literal):
    anna = login("anna")
    change = company(anna, cid("c1"), phase=1)
    body = json.dumps({"device_id": anna.device, "changes": [change]})
    response = _raw_push(anna, body.replace('"phase": 1', f'"phase": {literal}'))
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "validation"
    _nothing_written(backend)
    assert anna.pull()["items"] == []  # and every pull stays possible


def test_a_text_value_that_spells_nan_is_an_ordinary_value(login, backend):
    anna = login("anna")
    change = company(anna, cid("c1"), notes="NaN og Infinity")
    response = _raw_push(anna, json.dumps({"device_id": anna.device, "changes": [change]}))
    assert response.status_code == 200, response.text
    assert response.json()["results"][0]["status"] == "applied"


def test_a_push_with_nan_that_meets_a_conflict_is_refused_before_anything_is_saved(login,
                                                                                    backend):
    """The case that used to be committed and then answered 500 "intet er gemt"."""
    anna, kim = login("anna"), login("kim")
    create = company(anna, cid("c1"), phase=1)
    anna.push(create)
    seen = {"phase": create["clocks"]["phase"]}
    kim.push(kim.change("company", cid("c1"), base=seen, phase=2))
    anna._ms = kim._ms + 10
    edit = anna.change("company", cid("c1"), base=seen, phase=3)
    body = json.dumps({"device_id": anna.device, "changes": [edit]})
    response = _raw_push(anna, body.replace('"phase": 3', '"phase": NaN'))
    assert response.status_code == 422, response.text
    assert count(backend, "SELECT count(*) FROM applied_change WHERE change_id = ?",
                 [edit["change_id"]]) == 0
    assert kim.pull_all()[-1]["values"]["phase"] == 2


def test_a_conflict_with_a_stored_non_finite_value_still_gets_its_answer(login, backend):
    """A value stored before pushes were checked: the push commits, so it must be answered
    (the value goes out as null, JSON has no NaN), and its resend gets the same answer."""
    anna, kim = login("anna"), login("kim")
    create = company(anna, cid("c1"), phase=1)
    anna.push(create)
    seen = {"phase": create["clocks"]["phase"]}
    kim._ms = anna._ms + 100
    kim.push(kim.change("company", cid("c1"), base=seen, phase=2))
    with backend.write() as db:  # as an old server stored it
        vals = db.one("SELECT vals FROM row_state WHERE id = ?", [cid("c1")])[0]
        db.execute("UPDATE row_state SET vals = ? WHERE id = ?",
                   [vals.replace('"phase":2', '"phase":NaN'), cid("c1")])
    edit = anna.change("company", cid("c1"), base=seen, phase=3)  # older than kim's: loses
    [result] = anna.push(edit)["results"]
    assert result["status"] == "conflict"
    [conflict] = result["conflicts"]
    assert conflict["winner_value"] is None and conflict["loser_value"] == 3
    assert anna.push(edit)["results"] == [result]


def test_an_unexpected_error_does_not_claim_that_nothing_was_saved(app):
    from fastapi.testclient import TestClient

    @app.get("/boom")
    def _boom():
        raise RuntimeError("after the commit")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom")
    assert response.status_code == 500
    body = response.json()
    assert body["code"] == "internal" and "intet" not in body["error"]
    assert "Synkronisér igen" in body["error"]


@pytest.mark.parametrize("value", [2**63, -(2**63) - 1, 2**64])
def test_an_integer_beyond_64_bits_is_422_and_nothing_is_stored(login, backend, value):
    anna = login("anna")
    response = _raw_push(anna, json.dumps(
        {"device_id": anna.device, "changes": [company(anna, cid("c1"), employees=value)]}))
    assert response.status_code == 422, response.text
    _nothing_written(backend)


def test_pull_since_and_push_cursor_are_bounded_to_64_bits(login, backend):
    anna = login("anna")
    assert anna.client.get("/api/v1/pull", headers=anna.headers,
                           params={"since": MAX_INT + 1}).status_code == 422
    assert anna.client.get("/api/v1/pull", headers=anna.headers,
                           params={"since": MAX_INT}).status_code == 200
    response = _raw_push(anna, json.dumps({"device_id": anna.device, "cursor": MAX_INT + 1,
                                           "changes": [company(anna, cid("c1"))]}))
    assert response.status_code == 422
    _nothing_written(backend)


def _oversized(api) -> list[tuple[str, dict]]:
    base = company(api, cid("c1"))
    stamp = base["clocks"]["name"]
    wide = {f"f{i}": 1 for i in range(MAX_FIELDS + 1)}
    return [
        ("text", {**base, "fields": {**base["fields"], "notes": "x" * (MAX_TEXT_CHARS + 1)}}),
        ("fields", {**base, "fields": wide, "clocks": dict.fromkeys(wide, stamp)}),
        ("clocks", {**base, "clocks": {**base["clocks"], **dict.fromkeys(wide, stamp)}}),
        ("base", {**base, "base": dict.fromkeys(wide, stamp)}),
        ("stamp", {**base, "clocks": {**base["clocks"], "name": stamp + "x" * 100}}),
        ("base stamp", {**base, "base": {"name": stamp + "x" * 100}}),
        ("field name", {**base, "fields": {"x" * 65: 1}, "clocks": {"x" * 65: stamp}}),
    ]


def test_values_and_maps_over_their_limits_are_422_and_nothing_is_stored(login, backend):
    anna = login("anna")
    for what, change in _oversized(anna):
        response = anna.client.post("/api/v1/push", headers=anna.headers,
                                    json={"device_id": anna.device, "changes": [change]})
        assert response.status_code == 422, (what, response.text)
    _nothing_written(backend)


def test_a_text_of_the_maximum_length_passes_the_door(login, backend):
    """Up to the generic maximum the push is answered per change (a field's own, smaller
    maximum is a per-change refusal, not a 422 for the whole batch)."""
    anna = login("anna")
    [result] = anna.push(company(anna, cid("c1"), notes="x" * MAX_TEXT_CHARS))["results"]
    assert result["change_id"]


def test_a_body_over_the_limit_is_413_in_danish_and_nothing_is_stored(login, backend):
    anna = login("anna")
    # Within the text limit per value, over the body limit all together.
    changes = [company(anna, cid(f"c{i}"), notes="x" * MAX_TEXT_CHARS)
               for i in range(MAX_PUSH_BYTES // MAX_TEXT_CHARS + 1)]
    response = anna.client.post("/api/v1/push", headers=anna.headers,
                                json={"device_id": anna.device, "changes": changes})
    assert response.status_code == 413
    body = response.json()
    assert body["code"] == "too_large" and "for stor" in body["error"]
    _nothing_written(backend)


def test_a_chunked_body_without_a_length_is_counted_as_it_streams(login, backend):
    anna = login("anna")
    chunk = b" " * (1024 * 1024)

    def endless_whitespace():
        yield b'{"device_id": "x", "changes": []'
        for _ in range(MAX_PUSH_BYTES // len(chunk) + 2):
            yield chunk
        yield b"}"

    response = anna.client.post("/api/v1/push", content=endless_whitespace(),
                                headers={**anna.headers, "content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"

    def small():
        yield json.dumps({"device_id": anna.device, "changes": [company(anna, cid("c1"))]}
                         ).encode()

    response = anna.client.post("/api/v1/push", content=small(),
                                headers={**anna.headers, "content-type": "application/json"})
    assert response.status_code == 200, response.text


def test_the_middleware_stops_reading_at_the_limit_whatever_content_length_says():
    """A lying Content-Length (small) does not let a big body through, and the rest of a
    big body is never read into memory."""
    reached = []

    async def app(scope, receive, send):  # pragma: no cover - must not be reached
        reached.append(scope)

    reads = 0

    async def receive():
        nonlocal reads
        reads += 1
        return {"type": "http.request", "body": b"x" * 1000, "more_body": True}

    sent = []

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/v1/push",
             "headers": [(b"content-length", b"10")]}
    asyncio.run(BodyLimit(app, max_bytes=5000)(scope, receive, send))
    assert not reached and reads == 6
    assert sent[0]["status"] == 413
    assert json.loads(sent[1]["body"])["code"] == "too_large"


def test_the_schema_documents_every_error_answer_as_it_is_sent(app):
    schema = app.openapi()
    error = schema["components"]["schemas"]["ErrorResponse"]
    assert "details" in error["properties"]  # 422 answers carry it
    responses = schema["paths"]["/api/v1/push"]["post"]["responses"]
    assert {"400", "413", "422"} <= set(responses)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf"), 2**63, 2**64,
                                   -(2**63) - 1, "x" * (MAX_TEXT_CHARS + 1)])
def test_the_shared_change_model_refuses_what_no_store_can_hold(value):
    """The model itself, as the server's body parse and any other user of it sees it."""
    from pydantic import ValidationError

    from lokomotiv_desktop.sync.messages import Change

    change = {"change_id": "c1", "table": "company", "row_id": "r1",
              "fields": {"employees": value}, "clocks": {"employees": "s"}}
    with pytest.raises(ValidationError):
        Change.model_validate(change)
    accepted = Change.model_validate({**change, "fields": {"employees": 2**63 - 1}})
    assert accepted.fields["employees"] == 2**63 - 1  # and stays an integer
    assert type(Change.model_validate({**change, "fields": {"employees": 12}})
                .fields["employees"]) is int
