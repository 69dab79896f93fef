"""Failed logins slow the guesser down without locking the real user out
(server/login_limits.py has the numbers)."""
from __future__ import annotations

import warnings

import pytest

from lokomotiv_desktop.server import login_limits
from lokomotiv_desktop.server.login_limits import LoginLimiter

from .conftest import HEADERS, PASSWORD


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def limiter(clock):
    return LoginLimiter(clock=clock)


@pytest.fixture
def from_address(backend, limiter):
    """A client at a given address, all against one app (and one limiter)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from lokomotiv_desktop.server.app import create_app

    app = create_app(backend, limiter=limiter)
    clients = []

    def _client(address: str):
        client = TestClient(app, client=(address, 40000))
        clients.append(client)
        return client
    yield _client
    for client in clients:
        client.close()


def _login(client, user="anna", password=PASSWORD):
    return client.post("/api/v1/login", headers=HEADERS, json={
        "user": user, "password": password, "device_id": "d1", "device_name": "pc"})


def test_a_guesser_elsewhere_never_locks_the_real_user_out(from_address):
    guesser, anna = from_address("203.0.113.9"), from_address("192.0.2.10")
    codes = {_login(guesser, password=f"gæt-{n}").status_code for n in range(40)}
    assert codes == {401, 429}  # the guesser is slowed down ...
    assert _login(anna).status_code == 200  # ... the right password elsewhere goes through


def test_the_right_password_from_the_guessing_address_waits_then_works(from_address, clock):
    client = from_address("192.0.2.10")
    for _ in range(5):
        assert _login(client, password="forkert-kode").status_code == 401
    waiting = _login(client)
    assert waiting.status_code == 429 and waiting.json()["code"] == "rate_limited"
    assert waiting.headers["Retry-After"] == "1" and "sekunder" in waiting.json()["error"]
    clock.now += 1.5
    assert _login(client).status_code == 200


def test_the_delay_doubles_with_every_failure_and_is_capped(limiter, clock):
    waits = []
    for _ in range(20):
        limiter.failed("anna", "a1")
        waits.append(limiter.retry_after("anna", "a1"))
    assert waits[:4] == [0, 0, 0, 0]
    assert waits[4:9] == [1, 2, 4, 8, 16]
    assert max(waits) == login_limits.MAX_DELAY_S
    assert limiter.retry_after("anna", "a2") == 0  # only that address
    clock.now += login_limits.WINDOW_S + 1
    assert limiter.retry_after("anna", "a1") == 0  # forgotten after a quiet hour


def test_a_success_clears_the_address_and_name(limiter):
    for _ in range(6):
        limiter.failed("anna", "a1")
    limiter.succeeded("anna", "a1")
    assert limiter.retry_after("anna", "a1") == 0


def test_one_address_trying_many_names_is_slowed(limiter):
    for n in range(login_limits.PER_ADDRESS):
        assert limiter.retry_after(f"navn{n}", "a1") == 0
        limiter.failed(f"navn{n}", "a1")
    assert limiter.retry_after("endnu-et-navn", "a1") > 0
    assert limiter.retry_after("endnu-et-navn", "a2") == 0


def test_a_name_guessed_from_many_addresses_is_slowed_never_locked(limiter, clock):
    for n in range(login_limits.PER_NAME):
        limiter.failed("anna", f"10.0.{n // 250}.{n % 250}")
    wait = limiter.retry_after("anna", "192.0.2.77")  # a new address: at most 30 s
    assert 0 < wait <= login_limits.NAME_PACE_S
    assert limiter.retry_after("bo", "192.0.2.77") == 0
    clock.now += login_limits.NAME_PACE_S + 1
    assert limiter.retry_after("anna", "192.0.2.77") == 0


def test_an_address_the_user_logged_in_from_is_exempt_from_the_name_cap(limiter):
    limiter.succeeded("anna", "192.0.2.10")
    for n in range(login_limits.PER_NAME + 20):
        limiter.failed("anna", f"10.1.{n // 250}.{n % 250}")
    assert limiter.retry_after("anna", "192.0.2.10") == 0
    assert limiter.retry_after("anna", "192.0.2.11") > 0


def test_a_spray_of_names_does_not_grow_memory_for_ever(limiter, clock):
    for n in range(3 * login_limits._PRUNE_EVERY):
        limiter.failed(f"navn{n}", f"10.2.{n // 250 % 250}.{n % 250}")
        clock.now += 2
    # Only the last hour's keys (~1800 failures, three keys each) are left.
    assert len(limiter._failures) < 3 * (login_limits.WINDOW_S / 2 + login_limits._PRUNE_EVERY)
