"""Fixtures for the window: Danish UI, settings in a temp folder, a store with companies."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from lokomotiv_desktop.domain.enums import ContactRole
from lokomotiv_desktop.store.companies import CompanyRepository

from .window_data import COMPANIES, valid_cvr


@pytest.fixture(scope="session", autouse=True)
def danish_ui(qapp, tmp_path_factory):
    """The app as users get it: Danish translations, settings kept out of the home folder."""
    from lokomotiv_desktop.ui.i18n import install_translators

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path_factory.mktemp("qsettings")))
    QCoreApplication.setOrganizationName("LokomotivTests")
    QCoreApplication.setApplicationName("LokomotivTests")
    translators = install_translators(qapp, "da")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def fresh_mine_filters():
    """Each test starts with the pages' "Kun mine" / "Alle" choice unset (mine by default)."""
    yield
    QSettings().remove("mine_filter")


@pytest.fixture(autouse=True)
def no_window_left_open(qapp):
    """Fails a test that leaves a window open (as napari's fixture does)."""
    yield
    QApplication.processEvents()
    left = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in left:
        widget.close()
    assert not left, f"windows left open: {[type(w).__name__ for w in left]}"


@pytest.fixture
def filled_store(store):
    repository = CompanyRepository(store)
    with store.transaction():
        for seed, (name, city, code, phase, consultant, protected) in enumerate(COMPANIES):
            company_id = repository.create({
                "cvr": valid_cvr(seed), "name": name, "city": city,
                "municipality_code": code, "phase": phase, "consultant": consultant,
                "marketing_protected": protected, "address": f"Hovedgaden {seed + 1}",
                "postcode": "7100",
            })
            if seed == 0:
                repository.add_unit(company_id, {"pnr": "1012345678", "name": "Værkstedet",
                                                 "city": "Vejle", "employees": 12})
                repository.add_contact(company_id, {"name": "Mette Madsen",
                                                    "role": ContactRole.TR, "phone": "75123456"})
    return store


@pytest.fixture
def runner(qapp):
    from lokomotiv_desktop.ui.tasks import TaskRunner

    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown(wait=True)


@pytest.fixture
def window(qtbot, filled_store, runner):
    from lokomotiv_desktop.ui.main_window import MainWindow

    main = MainWindow(filled_store, runner)
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(main.companies.model.loaded, timeout=5000):
        main.start()
    yield main
    if main.editor is not None:
        main.editor.done(0)
    main.close()


@pytest.fixture
def wait_idle(qtbot, runner):
    """Waits until the background runner has delivered every result."""
    def wait(timeout: int = 5000) -> None:
        qtbot.waitUntil(lambda: not runner.busy, timeout=timeout)

    return wait
