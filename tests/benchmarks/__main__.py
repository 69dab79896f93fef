"""`make bench`: runs every tests/benchmarks/bench_*.py, or the ones named on the line.

    python -m tests.benchmarks            # all
    python -m tests.benchmarks search     # bench_search.py only

Each module exposes ``run(report)``; see README.md for the interface.
"""
from __future__ import annotations

import importlib
import os
import sys
import time
import traceback
from pathlib import Path

from .reporting import Reporter

HERE = Path(__file__).resolve().parent


def discover() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    available = discover()
    wanted = argv or available
    unknown = [name for name in wanted if name not in available]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; "
              f"available: {', '.join(available)}", file=sys.stderr)
        return 2
    reporter = Reporter()
    for name in wanted:
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"tests.benchmarks.bench_{name}")
            module.run(reporter.scoped(name))
        except Exception:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            reporter.error(name)
        print(f"   ({time.perf_counter() - started:.1f} s)", flush=True)
    return reporter.summary()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
