"""The Screeninger page with 50 000 participants across 500 companies, beside the
Virksomheder page over 50 000 companies, both measured in this run on one store.

Figures, for each page's table model (runner-less, so the whole query is timed):
- open: the filter's ids in name order plus the first screen of rows the view paints
  (warm; and after a write, when the participants' in-memory search index is rebuilt);
- keystroke: p95 of a filter keystroke (the new ids plus the first screen of rows).
The issue's bound: the Screeninger page opens and filters within the same bounds as
Virksomheder, i.e. its open <= 150 ms and keystroke p95 <= 30 ms (bench_search's targets).
"""
from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from lokomotiv_desktop.store import Store

from .fixtures import fill_store

COMPANIES, WITH_PARTICIPANTS, PARTICIPANTS = 50_000, 500, 50_000
SCREEN = 30  # rows a first screen shows
ROUNDS = 2
FIRST = ["Søren", "Anne", "Mette", "Jens", "Åse", "Lars", "Karin", "Bo", "Ahmed", "Fatima",
         "Ole", "Birgitte", "Mads", "Jørgen", "Ida", "Peter", "Hanne", "Niels", "Zofia", "Ali"]
LAST = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Ærø", "Østergaard", "Kjær", "Møller",
        "Holm", "Lund", "Berg", "Madsen", "Andersen", "Kowalski", "Yilmaz", "Christensen"]
TEAMS = ["Nathold", "Dagskift", "Aftenskift", "Lager", "Produktion", "Rengøring", ""]
TYPED = ["soeren", "Østergaard", "nathold", "ahmed y"]  # Danish folding, team, two words


def _fill(store: Store, seed: int = 11) -> None:
    rng = random.Random(seed)
    fill_store(store, COMPANIES)
    companies = [r[0] for r in store.db.execute(
        f"SELECT id FROM company ORDER BY rowid LIMIT {WITH_PARTICIPANTS}")]
    people = [{"company_id": companies[n % WITH_PARTICIPANTS], "first_name": rng.choice(FIRST),
               "last_name": rng.choice(LAST), "team": rng.choice(TEAMS),
               "employment": "beskæftiget", "language": "dansk", "job_title": "",
               "consultant": "Anne Holm", "signed_up": 1} for n in range(PARTICIPANTS)]
    with store.transaction():
        ids = store.changes.insert_many("participant", people)
        screened = ids[::3]
        store.changes.insert_many("consent", [
            {"participant_id": i, "purpose": "screening", "given_on": "2026-10-01",
             "how": "skriftlig", "witness": ""} for i in ids[::2] + screened])
        store.changes.insert_many("screening", [
            {"participant_id": i, "date": "2026-10-02", "subject": "læsning", "tool": "vlv2",
             "outcome": "laesekursus", "trin": rng.randint(1, 4), "school": "VUC",
             "tester": "", "notes": ""} for i in screened])
    store.db.execute("ANALYZE")


def _time(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def _paint(model) -> None:
    for row in range(min(SCREEN, model.rowCount())):
        for column in range(model.columnCount()):
            model.index(row, column).data()


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def run(report) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from lokomotiv_desktop.store.companies import CompanyFilter, CompanyRepository
    from lokomotiv_desktop.ui.models.company_table import CompanyTableModel
    from lokomotiv_desktop.ui.models.participants_model import ParticipantsModel

    _app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "screenings.db")
        try:
            started = time.perf_counter()
            _fill(store)
            report.note(f"{COMPANIES:,} companies, {PARTICIPANTS:,} participants across "
                        f"{WITH_PARTICIPANTS} of them (a third screened) built in "
                        f"{time.perf_counter() - started:.1f} s")
            repo = CompanyRepository(store)
            people = ParticipantsModel(store)
            companies = CompanyTableModel(repo)

            def open_people() -> None:
                people.set_filter("")
                _paint(people)

            def open_companies() -> None:
                companies.set_filter(CompanyFilter())
                _paint(companies)

            def key_people(text: str) -> None:
                people.set_filter(text)
                _paint(people)

            def key_companies(text: str) -> None:
                companies.set_filter(CompanyFilter(text=text))
                _paint(companies)

            open_people(), open_companies()  # warm the page cache, as a session would
            opened = [_time(open_people) for _ in range(5)]
            base_open = [_time(open_companies) for _ in range(5)]
            report("open_median", statistics.median(opened), "ms",
                   statistics.median(base_open), "Virksomheder, 50 000 companies", "<= 150")
            report.note(f"{people.rowCount():,} participants listed; companies list "
                        f"{companies.rowCount():,}")
            # After any write the participants' in-memory search index is rebuilt: the
            # first open after a save or a sync pays for it (on the runner in the window).
            someone = people.id_at(0)

            def write_then_open() -> float:
                with store.transaction():
                    store.changes.update("participant", someone, {"notes": str(time.time())})
                return _time(open_people)

            cold = [write_then_open() for _ in range(3)]
            report("open_after_write_median", statistics.median(cold), "ms",
                   statistics.median(base_open), "Virksomheder, 50 000 companies", "<= 1500")
            keys = [t[:n] for t in TYPED for n in range(1, len(t) + 1) if t[:n].strip()]
            for k in keys[::4]:  # warm up
                key_people(k), key_companies(k)
            mine = [_time(lambda k=k: key_people(k)) for _ in range(ROUNDS) for k in keys]
            base = [_time(lambda k=k: key_companies(k)) for _ in range(ROUNDS) for k in keys]
            report("keystroke_p95", p95(mine), "ms", p95(base),
                   "Virksomheder, same keystrokes", "<= 30")
            slowest = sorted(zip(mine, keys * ROUNDS, strict=True))[-3:]
            report.note(f"{len(keys)} keystrokes x {ROUNDS}; median "
                        f"{statistics.median(mine):.1f} ms (Virksomheder "
                        f"{statistics.median(base):.1f} ms); slowest: "
                        + ", ".join(f"{q!r} {t:.0f} ms" for t, q in slowest))
        finally:
            store.close()
