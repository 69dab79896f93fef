"""The coordinator's KPI tiles on Oversigt: screened, enrolled and completed this year.

Shown when the logged-in role is koordinator or admin, or when this laptop works in several
municipalities. They are read last: after Oversigt's SVU reminders (its own delayed second
read), so the KPI computation never holds up the first look at the page."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ...domain.kpi import KpiFilter
from ...services.me import my_municipalities
from ...store.database import Store
from ..tasks import TaskRunner

TILE_NUMBERS = ("screened", "enrolled", "completed")
COORDINATOR_ROLES = ("koordinator", "admin")


def shows_kpi_tiles(store: Store) -> bool:
    """On the worker: does this laptop's user look after more than one municipality?"""
    return (store.get_state("role") in COORDINATOR_ROLES
            or len(my_municipalities(store)) > 1)


class KpiTiles(QObject):
    def __init__(self, overview: QWidget, store: Store, runner: TaskRunner):
        super().__init__(overview)
        self._overview, self._store, self._runner = overview, store, runner
        self.row = QWidget(overview)
        self.row.setObjectName("overview_kpi_tiles")
        tiles = QHBoxLayout(self.row)
        tiles.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600;")
        tiles.addWidget(self.heading)
        captions = {"screened": self.tr("Screened this year"),
                    "enrolled": self.tr("Enrolled this year"),
                    "completed": self.tr("Completed this year")}
        self.numbers: dict[str, QLabel] = {}
        for name in TILE_NUMBERS:
            # The page's own tile look; the number lands in overview.tiles["kpi_<name>"].
            tiles.addWidget(overview._tile(f"kpi_{name}", captions[name]))  # noqa: SLF001
            self.numbers[name] = overview.tiles[f"kpi_{name}"]
        self.row.hide()
        # Under the page's own tiles: the second item of its layout.
        overview.layout().insertWidget(2, self.row)
        overview.svu_loaded.connect(self.reload)

    def reload(self) -> None:
        if self._runner.shut_down:
            return
        store, year = self._store, date.today().year

        def read():
            if not shows_kpi_tiles(store):
                return None
            from ...services import kpi

            return kpi.compute(store, KpiFilter(date(year, 1, 1), date(year, 12, 31)))

        self._runner.run(read, on_done=lambda result: self._show(year, result),
                         cancellable=True)

    def _show(self, year: int, result) -> None:
        if result is None:
            self.row.hide()
            return
        self.heading.setText(self.tr("All municipalities, %s:") % year)
        for name, label in self.numbers.items():
            label.setText(QLocale().toString(int(result.numbers.get(name) or 0)))
        self.row.show()


def add_kpi_tiles(overview: QWidget, store: Store, runner: TaskRunner) -> KpiTiles:
    overview.kpi_tiles = KpiTiles(overview, store, runner)
    return overview.kpi_tiles
