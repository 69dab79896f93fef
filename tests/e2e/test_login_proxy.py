"""A real `lokomotiv-server serve` process: a faked X-Forwarded-For does not get a guesser
past the login limiter; with --trusted-proxy the proxy's header is believed."""
from __future__ import annotations

import re
import signal
import subprocess
import time

import httpx
import pytest

from .test_sync_cli import BIN, PASSWORD, env, run

HEADERS = {"X-Lokomotiv-Protocol": "2", "X-Lokomotiv-Schema": "1"}


@pytest.fixture
def serve(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'shared.db'}"
    run(tmp_path, "lokomotiv-server", "init", "--db", db_url)
    run(tmp_path, "lokomotiv-server", "adduser", "anna", "--db", db_url, "--role",
        "konsulent", "--municipalities", "101", "--password-stdin", stdin=PASSWORD + "\n")
    processes = []

    def _serve(*extra: str) -> str:
        process = subprocess.Popen(
            [str(BIN / "lokomotiv-server"), "serve", "--db", db_url, "--host", "127.0.0.1",
             "--port", "0", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(tmp_path))
        processes.append(process)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            found = re.search(r"(http://[\d.]+:\d+)", process.stdout.readline())
            if found:
                return found.group(1)
            if process.poll() is not None:
                break
        raise AssertionError(f"server did not start: {process.stderr.read()}")
    yield _serve
    for process in processes:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0


def _login(http: httpx.Client, user: str, password: str, forwarded: str | None = None):
    headers = {**HEADERS, **({"X-Forwarded-For": forwarded} if forwarded else {})}
    return http.post("/api/v1/login", headers=headers, json={
        "user": user, "password": password, "device_id": "d1", "device_name": "pc"})


def test_a_faked_forwarded_for_from_loopback_does_not_reset_the_limiter(serve):
    with httpx.Client(base_url=serve(), timeout=10) as http:
        # A new "address" for each guess, over many names: all one address, 127.0.0.1.
        codes = [_login(http, f"navn{n}", "gæt", forwarded=f"10.9.{n}.1").status_code
                 for n in range(40)]
    # Past the address's 30 free failures each try waits 1 s, 2 s, ...: a slow machine may
    # let one through after its wait; believing the header would let every one through.
    assert codes[:30] == [401] * 30 and codes[30:].count(429) >= 7


def test_a_trusted_proxy_is_believed_and_the_real_user_gets_in(serve):
    with httpx.Client(base_url=serve("--trusted-proxy", "127.0.0.1"), timeout=10) as http:
        codes = [_login(http, "anna", "forkert-kode", forwarded="203.0.113.9").status_code
                 for _ in range(8)]
        assert codes[:5] == [401] * 5 and 429 in codes[5:]
        assert _login(http, "anna", PASSWORD, forwarded="192.0.2.10").status_code == 200
