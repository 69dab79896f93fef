"""The checked rows of a CVR extract, a part at a time, read and checked ahead of the writer.

Reading and checking is pure Python and takes about half of an import's time on the
importing thread. On Linux, a large file is read and checked in a worker process forked
for the import, which hands over each part's valid rows and rejections while the importer
writes the part before: the two then run on two processors, not taking turns at Python's
lock. Elsewhere (macOS and Windows start a new interpreter instead of forking, which costs
more than it saves), and for small files, the parts are checked on the calling thread.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterator
from typing import Any

from .cvr_file import CvrFile
from .cvr_rows import Rejection, RowChecker

ValidRows = list[tuple[int, dict[str, Any], dict[str, Any]]]

# Below this many characters (about 40 000 rows) a worker's start and hand-over cost more
# than it saves.
WORKER_FROM = 4_000_000
# A part takes a fraction of a second: a worker silent this long is stuck, not slow.
STALLED_AFTER_S = 120


def checked_parts(source: CvrFile, codes: set[str], rejections: list[Rejection],
                  size: int) -> Iterator[tuple[ValidRows, int]]:
    """The valid rows of each part of the file, in file order, with the number of the
    part's rows skipped as exact repeats of an earlier row; the rejected rows are added to
    `rejections` as their part comes. Raises what reading the file raises
    (ImportFileError)."""
    if _worker_allowed(source):
        yield from _from_worker(source, codes, rejections, size)
        return
    checker = RowChecker(source, codes)
    for rows in source.chunks(size):
        yield checker.check(rows, rejections)


def _worker_allowed(source: CvrFile) -> bool:
    # A forked child gets a copy of this process with only the forking thread: safe while
    # no other thread holds a lock the child might need (the import starts its own helper
    # thread only after this).
    return (sys.platform == "linux" and source.size >= WORKER_FROM
            and threading.active_count() == 1)


def _from_worker(source: CvrFile, codes: set[str], rejections: list[Rejection],
                 size: int) -> Iterator[tuple[ValidRows, int]]:
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    worker = context.Process(target=_check_in_worker,
                             args=(source, codes, size, sending, receiving, os.getpid()),
                             name="lokomotiv-cvr-check", daemon=True)
    for stream in (sys.stdout, sys.stderr):  # else the child may write out a copy of
        if stream is not None:               # what is still in their buffers
            stream.flush()
    worker.start()
    sending.close()  # the worker's end: the parent keeps only its own
    ended = False  # the worker sent its last part and is ending by itself
    try:
        while True:
            if not receiving.poll(STALLED_AFTER_S):
                raise RuntimeError("Kontrollen af filen svarer ikke. Prøv igen.")
            message = receiving.recv()
            if message is None:
                ended = True
                return
            kind, *payload = message
            if kind == "error":
                raise payload[0]
            valid, repeated, rejected = payload
            rejections.extend(rejected)
            yield valid, repeated
    except EOFError:
        raise RuntimeError("Kontrollen af filen stoppede uventet.") from None
    finally:
        receiving.close()
        if ended:
            worker.join(timeout=5)
        if worker.is_alive():
            worker.terminate()  # the importer stopped early (an error): so does the worker
            worker.join()


def _check_in_worker(source: CvrFile, codes: set[str], size: int, sending, receiving,
                     parent: int) -> None:
    """The worker process: never touches the store (the parent's open database is not for
    a forked child), and ends with os._exit, running no cleanup: not even the flushing of
    output streams whose locks another thread of the parent may have held at the fork.

    It ends with its parent, however that ends (SIGKILL, SIGTERM): its copy of the
    parent's end of the pipe is closed, so a send to a parent that is gone fails, and it
    checks between parts that the parent is still there."""
    # Ctrl+C in the terminal reaches the whole process group: the importer handles it and
    # stops the worker, which should not print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    receiving.close()  # else the pipe outlives the parent and a full one blocks us forever
    _die_with_parent()
    try:
        checker = RowChecker(source, codes)
        for rows in source.chunks(size):
            if os.getppid() != parent:  # the parent is gone: no one wants this part
                break
            rejected: list[Rejection] = []
            valid, repeated = checker.check(rows, rejected)
            sending.send(("part", valid, repeated, rejected))
        else:
            sending.send(None)
    except Exception as exc:  # handed to the parent, which raises it
        sending.send(("error", exc))
    finally:
        sending.close()
        os._exit(0)


def _die_with_parent() -> None:
    """On Linux the kernel ends the worker the moment the forking thread dies (the only
    thread: see _worker_allowed); elsewhere the pipe and the parent check do it a part
    later, as they do when the parent died before this call."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
