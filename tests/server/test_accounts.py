"""Login, tokens, revocation, rate limiting, versions and the error format."""
from __future__ import annotations

from lokomotiv_desktop.server.accounts import revoke_user

from .conftest import HEADERS, PASSWORD, count


def _login(client, user="anna", password=PASSWORD, device="d1"):
    return client.post("/api/v1/login", headers=HEADERS, json={
        "user": user, "password": password, "device_id": device, "device_name": "Annas PC"})


def test_login_returns_a_token_stored_only_as_its_hash(client, backend):
    response = _login(client)
    assert response.status_code == 200
    body = response.json()
    assert body["role"] == "konsulent" and body["municipalities"] == ["615"]
    with backend.read() as db:
        hashes = [r[0] for r in db.all("SELECT token_hash FROM token")]
    assert body["token"] not in hashes and len(hashes) == 1 and len(hashes[0]) == 64


def test_status_needs_a_token(client):
    response = client.get("/api/v1/status", headers=HEADERS)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized" and "Log ind" in response.json()["error"]
    bogus = client.get("/api/v1/status", headers={**HEADERS, "Authorization": "Bearer nope"})
    assert bogus.status_code == 401


def test_status_reports_the_caller(login):
    api = login("anna")
    body = api.client.get("/api/v1/status", headers=api.headers).json()
    assert body["user"] == "anna" and body["protocol"] == 2 and body["role"] == "konsulent"


def test_revoked_user_gets_401_and_cannot_log_in_again(login, backend, client):
    api = login("anna")
    assert revoke_user(backend, "anna") == 1
    assert client.get("/api/v1/status", headers=api.headers).status_code == 401
    assert _login(client).status_code == 401


def test_logout_revokes_only_that_token(login, client):
    laptop, desktop = login("anna", "laptop"), login("anna", "desktop")
    assert client.post("/api/v1/logout", headers=laptop.headers).status_code == 204
    assert client.get("/api/v1/status", headers=laptop.headers).status_code == 401
    assert client.get("/api/v1/status", headers=desktop.headers).status_code == 200


def test_new_login_on_a_device_replaces_its_old_token(login, client):
    first, second = login("anna", "laptop"), login("anna", "laptop")
    assert client.get("/api/v1/status", headers=first.headers).status_code == 401
    assert client.get("/api/v1/status", headers=second.headers).status_code == 200


def test_wrong_password_401_then_rate_limited_429(client, backend):
    for _ in range(5):
        response = _login(client, password="forkert-kode")
        assert response.status_code == 401
        assert response.json() == {"error": "Forkert brugernavn eller adgangskode.",
                                   "code": "bad_credentials"}
    limited = _login(client)  # even the right password waits now
    assert limited.status_code == 429
    assert limited.json()["code"] == "rate_limited" and int(limited.headers["Retry-After"]) > 0
    assert _login(client, user="bo").status_code == 200  # other users are not locked out
    assert count(backend, "SELECT count(*) FROM token WHERE account = 'anna'") == 0


def test_unknown_user_is_refused_like_a_wrong_password(client):
    response = _login(client, user="ukendt")
    assert response.status_code == 401 and response.json()["code"] == "bad_credentials"


def test_too_old_protocol_gets_426_in_danish(client):
    for headers in ({"X-Lokomotiv-Protocol": "0", "X-Lokomotiv-Schema": "1"}, {}):
        response = client.post("/api/v1/login", headers=headers, json={})
        assert response.status_code == 426
        assert response.json()["code"] == "upgrade_required"
        assert "Opdater Lokomotiv" in response.json()["error"]


def test_schema_older_than_the_server_minimum_gets_426(backend):
    from fastapi.testclient import TestClient

    from lokomotiv_desktop.server.app import create_app

    with TestClient(create_app(backend, min_schema=3)) as client:
        response = client.get("/api/v1/status", headers={**HEADERS, "X-Lokomotiv-Schema": "2"})
    assert response.status_code == 426


def test_newer_protocol_than_the_server_says_the_server_is_old(client):
    response = client.get("/api/v1/status", headers={**HEADERS, "X-Lokomotiv-Protocol": "99"})
    assert response.status_code == 400 and response.json()["code"] == "server_too_old"


def test_unknown_address_is_json_404(client):
    response = client.get("/api/v1/findes-ikke", headers=HEADERS)
    assert response.status_code == 404
    assert response.json() == {"error": "Adressen findes ikke på serveren.", "code": "not_found"}


def test_malformed_login_is_422_with_a_message(client):
    response = client.post("/api/v1/login", headers=HEADERS, json={"user": "anna"})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation" and "password" in body["error"]


def test_openapi_schema_is_served(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/v1/login", "/api/v1/push", "/api/v1/pull", "/api/v1/erase"} <= set(
        schema["paths"])
    assert "ChangeResult" in schema["components"]["schemas"]
    assert client.get("/docs").status_code == 200


def test_login_and_logout_are_audited(login, client, backend):
    api = login("anna")
    client.post("/api/v1/logout", headers=api.headers)
    with backend.read() as db:
        actions = [r[0] for r in db.all(
            "SELECT action FROM audit WHERE account = 'anna' ORDER BY id")]
    assert actions == ["login", "logout"]
