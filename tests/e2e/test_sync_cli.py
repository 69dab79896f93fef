"""End to end: a real `lokomotiv-server serve` process on loopback (over PostgreSQL from the
fixture, and over SQLite) and two laptops driven only through the `lokomotiv` CLI."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
PASSWORD = "hemmelig-kode"
CVR = "13748136"
CSV = ("cvr;navn;adresse;postnr;by;kommunekode;pnr\n"
       f"{CVR};Bageriet ApS;Vestergade 1;1456;København K;101;1003456789\n")


def env(tmp_path) -> dict[str, str]:
    return {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}


def run(tmp_path, program: str, *args: str, stdin: str | None = None, ok: bool = True):
    done = subprocess.run([str(BIN / program), *args], input=stdin, capture_output=True,
                          text=True, env=env(tmp_path), timeout=60)
    if ok:
        assert done.returncode == 0, f"{program} {args}: {done.stderr}{done.stdout}"
    return done


class ServerProcess:
    def __init__(self, tmp_path: Path, db_url: str):
        self.tmp_path, self.db_url = tmp_path, db_url
        run(tmp_path, "lokomotiv-server", "init", "--db", db_url)
        for name in ("anna", "bo"):
            run(tmp_path, "lokomotiv-server", "adduser", name, "--db", db_url, "--role",
                "konsulent", "--municipalities", "101", "--password-stdin",
                stdin=PASSWORD + "\n")

    def start(self) -> str:
        self.process = subprocess.Popen(
            [str(BIN / "lokomotiv-server"), "serve", "--db", self.db_url, "--host",
             "127.0.0.1", "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(self.tmp_path))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            found = re.search(r"(https?://[\d.]+:\d+)", line)
            if found:
                return found.group(1)
            if self.process.poll() is not None:
                break
        raise AssertionError(f"server did not start: {self.process.stderr.read()}")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        assert self.process.wait(timeout=20) == 0


class Laptop:
    def __init__(self, tmp_path: Path, name: str):
        self.tmp_path, self.name = tmp_path, name
        self.db = str(tmp_path / f"{name}.db")

    def cli(self, *args: str, stdin: str | None = None, ok: bool = True):
        return run(self.tmp_path, "lokomotiv", "--db", self.db, *args, stdin=stdin, ok=ok)

    def sync(self) -> dict:
        return json.loads(self.cli("sync", "--json").stdout)

    def company(self) -> dict:
        return json.loads(self.cli("company", "show", CVR, "--json").stdout)


def scenario(tmp_path: Path, db_url: str) -> None:
    server = ServerProcess(tmp_path, db_url)
    url = server.start()
    try:
        anna, bo = Laptop(tmp_path, "anna"), Laptop(tmp_path, "bo")
        for laptop in (anna, bo):
            out = laptop.cli("login", "--server", url, "--user", laptop.name,
                             "--password-stdin", stdin=PASSWORD + "\n").stdout
            assert f"som {laptop.name}" in out
        # Each store keeps its own token, beside it, readable only by its owner.
        assert oct(Path(anna.db + ".credentials").stat().st_mode & 0o777) == "0o600"
        (tmp_path / "firma.csv").write_text(CSV, encoding="utf-8")
        anna.cli("import-cvr", str(tmp_path / "firma.csv"))
        assert anna.sync()["pushed"] >= 2
        assert bo.sync()["pulled"] >= 2
        assert bo.company()["name"] == "Bageriet ApS"

        anna.cli("company", "set", CVR, "phone=+4511111111")
        bo.cli("company", "set", CVR, "phone=+4522222222")  # later: it wins
        assert anna.sync()["conflicts"] == 0
        assert bo.sync()["conflicts"] == 1
        anna.sync()
        assert anna.company()["phone"] == bo.company()["phone"] == "+4522222222"
        [conflict] = json.loads(bo.cli("conflicts", "--json").stdout)
        assert (conflict["field"], conflict["mine"], conflict["theirs"], conflict["theirs_by"]) \
            == ("phone", "+4522222222", "+4511111111", "anna")
        # Anna's value lost: she is told on her next sync, with who won.
        [told] = json.loads(anna.cli("conflicts", "--json").stdout)
        assert (told["field"], told["mine"], told["theirs"], told["theirs_by"]) \
            == ("phone", "+4511111111", "+4522222222", "bo")
    finally:
        server.stop()

    # Server down: exit 1, a Danish message saying so, and the edit stays queued.
    anna.cli("company", "set", CVR, "phone=+4533333333")
    down = anna.cli("sync", ok=False)
    assert down.returncode == 1
    assert "Kan ikke få forbindelse til serveren" in down.stderr
    assert anna.company()["phone"] == "+4533333333"
    anna.cli("logout")
    assert not Path(anna.db + ".credentials").exists()
    assert anna.cli("sync", ok=False).returncode == 1


@pytest.mark.slow
def test_two_laptops_through_the_cli_over_sqlite(tmp_path):
    """`scenario` asserts each step: convergence, the conflict inbox, server down."""
    scenario(tmp_path, f"sqlite:///{tmp_path}/shared.db")


@pytest.mark.slow
@pytest.mark.postgres
def test_two_laptops_through_the_cli_over_postgresql(tmp_path, postgres_url):
    """`scenario` asserts each step, here over the real PostgreSQL."""
    scenario(tmp_path, postgres_url)
