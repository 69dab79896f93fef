"""`lokomotiv demo --companies N`: realistic Danish demo data, for trying the app out."""
from __future__ import annotations

import signal
import sys
import threading

from ..services.demo import DemoRefused, load_demo
from ..store.database import Store
from .common import EXIT_INTERRUPTED, EXIT_OK, fail


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo", help="fyld databasen med realistiske danske demodata")
    parser.add_argument("--companies", type=int, default=500, metavar="N",
                        help="antal virksomheder (standard: 500)")
    parser.add_argument("--seed", type=int, default=1, metavar="TAL",
                        help="samme tal giver samme data (standard: 1)")
    parser.set_defaults(handler=run_demo)


def run_demo(args, store: Store) -> int:
    if args.companies < 1:
        return fail(f"--companies skal være mindst 1, ikke {args.companies}.")
    shown = False  # a progress line waits on stderr, without its newline

    def progress(done: int, total: int) -> None:
        nonlocal shown
        shown = True
        print(f"\r{done:,} af {total:,} virksomheder".replace(",", "."), end="",
              file=sys.stderr, flush=True)

    before = _companies(store)
    previous = _interrupt_once()
    try:
        added = load_demo(store, companies=args.companies, seed=args.seed,
                          progress=progress if sys.stderr.isatty() else None)
        if shown:
            print(file=sys.stderr)
        print(f"{added} demovirksomheder tilføjet til {store.path}.")
        return EXIT_OK
    except DemoRefused as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        if shown:
            print(file=sys.stderr)
        return _interrupted(store, before)
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _interrupt_once():
    """Ctrl+C stops the demo once; a second one while it rolls back and says so is
    ignored, so the message is the last word, not a traceback. Returns the handler to
    put back, or None where Ctrl+C is not Python's to handle."""
    if (threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler):
        return None

    def stop(signum, frame):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise KeyboardInterrupt

    return signal.signal(signal.SIGINT, stop)


def _interrupted(store: Store, before: int) -> int:
    """Says what the interruption left: the demo is one transaction, so nothing, unless
    Ctrl+C came after its COMMIT (while printing the result)."""
    if store.db.conn.in_transaction:  # stopped between the last write and COMMIT
        store.db.conn.rollback()
    kept = _companies(store) - before
    if kept:
        return fail(f"Afbrudt, men demodataene nåede at blive gemt: {kept} "
                    f"demovirksomheder i {store.path}.", EXIT_INTERRUPTED)
    return fail("Afbrudt — ingen demodata gemt.", EXIT_INTERRUPTED)


def _companies(store: Store) -> int:
    return store.db.execute("SELECT count(*) FROM company").fetchone()[0]
