"""The window's thread and the database worker share one store connection. A statement
that calls back into Python (the Danish order) on one thread and a read with parameters on
the other used to wait for each other for ever (store/serialized.py says why). Run in a
child process: a deadlock would freeze this one."""
from __future__ import annotations

import subprocess
import sys
import textwrap

_BOTH_THREADS = textwrap.dedent("""
    import sys, threading
    from lokomotiv_desktop.store import Store
    store = Store(sys.argv[1])
    with store.transaction():
        for i in range(3000):
            store.db.execute("INSERT INTO sync_state(key, value) VALUES (?, ?)",
                             [f"k{i}", f"Ærø {i} Aabenraa"])
    def worker():
        for _ in range(40):
            store.db.execute("SELECT value FROM sync_state ORDER BY dansk_key(value), "
                             "value COLLATE dansk").fetchall()
    thread = threading.Thread(target=worker)
    thread.start()
    while thread.is_alive():
        store.get_state("device_id")
        for _ in store.db.execute("SELECT key FROM sync_state WHERE key > ? LIMIT 5", ["k1"]):
            pass
    print("done")
""")


def test_a_callback_statement_and_a_read_on_two_threads_both_finish(tmp_path):
    done = subprocess.run([sys.executable, "-c", _BOTH_THREADS, str(tmp_path / "s.db")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "done", done.stderr
