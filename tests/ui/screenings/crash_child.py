"""The crash test's child: opens the screening day, types two finished rows and half of a
third, prints READY and waits to be killed (SIGKILL: no clean shutdown of any kind)."""
from __future__ import annotations

import sys
import time

from PySide6.QtWidgets import QApplication

from lokomotiv_desktop.store import Store
from lokomotiv_desktop.ui.dialogs.screening_day_dialog import ScreeningDayDialog

from .grid_keys import DAY, person


def main(path: str, company_id: str) -> None:
    app = QApplication([])
    store = Store(path)
    dialog = ScreeningDayDialog(store, company_id, DAY)
    dialog.show()
    dialog.activateWindow()
    app.processEvents()
    person(["", "", "", "laes", "vlv", "laes", "", ""])
    person(["", "", "", "mat", "vmv", "egnet", "", ""])
    person(["Halv", "Person", "", "dig", "samt"], next_person=False)  # no outcome yet
    print("READY", flush=True)
    while True:
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
