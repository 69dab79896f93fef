"""The `lokomotiv-server` command: init, adduser, revoke, and serve as a real process."""
from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading

import httpx
import pytest

from lokomotiv_desktop.server.cli import main

from .conftest import HEADERS, count


@pytest.fixture
def fresh_url(db_url):
    assert main(["init", "--db", db_url]) == 0
    return db_url


def _adduser(url, name, *extra, password="hemmelig-kode", monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))
    return main(["adduser", name, "--db", url, "--password-stdin", *extra])


def test_init_is_repeatable_and_adduser_and_revoke_work(fresh_url, monkeypatch, capsys):
    from lokomotiv_desktop.server.backend import open_backend

    assert main(["init", "--db", fresh_url]) == 0
    assert _adduser(fresh_url, "anna", "--role", "konsulent", "--municipalities", "615,630",
                    monkeypatch=monkeypatch) == 0
    assert "Brugeren anna er oprettet" in capsys.readouterr().out
    assert _adduser(fresh_url, "anna", "--role", "admin", monkeypatch=monkeypatch) == 1
    assert "findes allerede" in capsys.readouterr().err
    assert main(["revoke", "anna", "--db", fresh_url]) == 0
    assert "spærret" in capsys.readouterr().out
    backend = open_backend(fresh_url)
    try:
        assert count(backend, "SELECT disabled FROM account WHERE name = 'anna'") == 1
    finally:
        backend.close()


@pytest.mark.parametrize("extra, message", [
    (["--role", "konsulent"], "mindst én kommune"),
    (["--role", "konsulent", "--municipalities", "61x"], "Ugyldig kommunekode"),
])
def test_adduser_refuses_bad_input_in_danish(fresh_url, monkeypatch, capsys, extra, message):
    assert _adduser(fresh_url, "bo", *extra, monkeypatch=monkeypatch) == 1
    assert message in capsys.readouterr().err


def test_short_password_is_refused(fresh_url, monkeypatch, capsys):
    assert _adduser(fresh_url, "bo", "--role", "admin", password="kort",
                    monkeypatch=monkeypatch) == 1
    assert "mindst 8 tegn" in capsys.readouterr().err


def test_commands_on_an_uninitialised_database_say_run_init(tmp_path, capsys):
    assert main(["revoke", "x", "--db", f"sqlite:///{tmp_path / 'x.db'}"]) == 2
    assert "lokomotiv-server init" in capsys.readouterr().err
    assert main(["init", "--db", "mysql://nope"]) == 2
    assert "Ukendt database-adresse" in capsys.readouterr().err


def test_serve_runs_as_a_real_process_and_stops_on_sigterm(fresh_url, monkeypatch):
    assert _adduser(fresh_url, "anna", "--role", "koordinator", monkeypatch=monkeypatch) == 0
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "lokomotiv_desktop.server.cli", "serve", "--db", fresh_url,
         "--host", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        line = _read_line(process, timeout=20)
        assert line.startswith("Lytter på http://127.0.0.1:"), line
        address = line.split()[-1]
        response = httpx.post(f"{address}/api/v1/login", headers=HEADERS, timeout=10, json={
            "user": "anna", "password": "hemmelig-kode", "device_id": "d1"})
        assert response.status_code == 200 and response.json()["role"] == "koordinator"
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
        assert "Serveren er stoppet." in process.stdout.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _read_line(process: subprocess.Popen, timeout: float) -> str:
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(process.stdout.readline()))
    reader.start()
    reader.join(timeout)
    if not lines or not lines[0]:
        process.kill()
        raise AssertionError(f"serve printed no address: {process.stderr.read()}")
    return lines[0].strip()
