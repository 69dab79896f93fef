"""The SQLite backend under a server that runs for weeks: its worker threads come and go
(the ASGI thread pool lets idle ones end), and no connection may stay behind with each."""
from __future__ import annotations

import os
import sys
import threading

import pytest

from lokomotiv_desktop.server.backend import open_backend


def _open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts /proc/self/fd")
def test_threads_that_come_and_go_leave_no_open_files(tmp_path):
    backend = open_backend(f"sqlite:///{tmp_path / 'shared.db'}")
    backend.init_schema()
    try:
        def one_request():
            with backend.read() as db:
                assert db.one("SELECT value FROM server_meta WHERE key = 'schema'")

        one_request()
        before = _open_files()
        for _ in range(60):  # each request on a thread of its own, which then ends
            worker = threading.Thread(target=one_request)
            worker.start()
            worker.join()
        assert _open_files() <= before
    finally:
        backend.close()


def test_concurrent_writers_each_get_a_connection_and_all_commit(tmp_path):
    backend = open_backend(f"sqlite:///{tmp_path / 'shared.db'}")
    backend.init_schema()
    try:
        def write(n: int) -> None:
            with backend.write() as db:
                db.execute("INSERT INTO server_meta (key, value) VALUES (?, 'x')", [f"k{n}"])

        workers = [threading.Thread(target=write, args=(n,)) for n in range(8)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        with backend.read() as db:
            assert db.one("SELECT count(*) FROM server_meta WHERE key LIKE 'k%'") == (8,)
    finally:
        backend.close()
