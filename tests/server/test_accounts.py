"""Login, tokens, revocation, rate limiting, versions and the error format."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from lokomotiv_desktop.server.accounts import add_user, revoke_user
from lokomotiv_desktop.sync.errors import from_response

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


def _status(client, api) -> int:
    return client.get("/api/v1/status", headers=api.headers).status_code


def test_a_password_change_ends_every_token_of_the_user(login, backend, client):
    laptop, desktop, other = login("anna", "laptop"), login("anna", "desktop"), login("bo")
    add_user(backend, "anna", "ny-hemmelig-kode", "konsulent", ["615"], update=True)
    assert (_status(client, laptop), _status(client, desktop)) == (401, 401)
    said = from_response(client.get("/api/v1/status", headers=laptop.headers))
    assert said.kind == "unauthorized" and "tilbagekaldt" in said.message
    assert "Log ind igen" in said.message
    assert _status(client, other) == 200  # only that user's
    assert _login(client, password="ny-hemmelig-kode").status_code == 200
    assert _login(client, device="d2").status_code == 401  # the old password is gone


def test_a_role_or_municipality_change_ends_every_token_of_the_user(login, backend, client):
    anna = login("anna")
    add_user(backend, "anna", PASSWORD, "konsulent", ["615", "630"], update=True)
    assert _status(client, anna) == 401
    kim = login("kim")
    add_user(backend, "kim", PASSWORD, "admin", [], update=True)
    assert _status(client, kim) == 401


def test_the_same_account_terms_again_leave_tokens_alone(login, backend, client):
    anna = login("anna")
    add_user(backend, "anna", PASSWORD, "konsulent", ["615"], update=True)
    assert _status(client, anna) == 200


def test_the_cli_update_ends_the_tokens_too(login, backend, client, db_url, monkeypatch):
    import io

    from lokomotiv_desktop.server.cli import main

    anna = login("anna")
    monkeypatch.setattr("sys.stdin", io.StringIO("ny-hemmelig-kode\n"))
    assert main(["adduser", "anna", "--db", db_url, "--role", "konsulent",
                 "--municipalities", "615", "--password-stdin", "--update"]) == 0
    assert _status(client, anna) == 401


def _last_used(backend, account: str, days_ago: float) -> None:
    when = (datetime.now(UTC) - timedelta(days=days_ago)).isoformat(timespec="milliseconds")
    with backend.write() as db:
        db.execute("UPDATE token SET last_used = ? WHERE account = ?", [when, account])


def test_a_token_idle_for_30_days_expires_with_its_own_code(login, backend, client):
    anna, bo = login("anna"), login("bo")
    _last_used(backend, "anna", 30.1)
    _last_used(backend, "bo", 29.9)
    response = client.get("/api/v1/status", headers=anna.headers)
    assert response.status_code == 401
    body = response.json()
    assert body["code"] == "token_expired" and "Log ind igen" in body["error"]
    assert "30 dage" in body["error"]
    said = from_response(response)  # what the laptop shows
    assert (said.kind, said.code) == ("unauthorized", "token_expired")
    assert "udløbet" in said.message and "Log ind igen" in said.message
    assert _status(client, bo) == 200  # used within the idle time: still valid
    assert _login(client).status_code == 200  # logging in again is all it takes


def test_the_idle_time_is_a_server_option(backend, login):
    from fastapi.testclient import TestClient

    from lokomotiv_desktop.server.app import create_app

    anna = login("anna")
    _last_used(backend, "anna", 2)
    with TestClient(create_app(backend, token_idle_days=1)) as short:
        response = short.get("/api/v1/status", headers=anna.headers)
        assert response.json()["code"] == "token_expired" and "1 dag." in response.json()["error"]
    with TestClient(create_app(backend, token_idle_days=3)) as long:
        assert long.get("/api/v1/status", headers=anna.headers).status_code == 200
