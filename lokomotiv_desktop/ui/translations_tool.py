"""Developer tool for the window's translations (not used at run time).

    python -m lokomotiv_desktop.ui.translations_tool

updates resources/translations/lokomotiv_da.ts from the tr() calls in ui/ (keeping what is
translated), then compiles it to lokomotiv_da.qm, which is committed: a bundle built without
the Qt tools still has its Danish. Translate new strings in the .ts (Qt Linguist:
.venv/bin/pyside6-linguist, or any editor) and run it again; tests/ui fail until every
string is translated and the .qm matches the .ts.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .i18n import translations_dir

UI_DIR = Path(__file__).resolve().parent
LANGUAGE = "da"


def ts_file() -> Path:
    return translations_dir() / f"lokomotiv_{LANGUAGE}.ts"


def qm_file() -> Path:
    return translations_dir() / f"lokomotiv_{LANGUAGE}.qm"


def qt_extra_ts() -> Path:
    """Danish for Qt's own dialogs that qtbase lacks: written by hand, only compiled here."""
    return translations_dir() / f"qt_extra_{LANGUAGE}.ts"


def qt_extra_qm() -> Path:
    return translations_dir() / f"qt_extra_{LANGUAGE}.qm"


def ui_sources() -> list[Path]:
    return sorted(p for p in UI_DIR.rglob("*.py") if p.name != Path(__file__).name)


def qt_tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from this environment, else from PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise FileNotFoundError(f"pyside6-{name} not found; install PySide6-Essentials")
    return found


def lupdate(target: Path) -> None:
    """Writes the tr() strings of ui/ into `target` (merging into it when it exists)."""
    subprocess.run(
        [qt_tool("lupdate"), *map(str, ui_sources()), "-locations", "none",
         "-target-language", f"{LANGUAGE}_DK", "-no-obsolete", "-ts", str(target)],
        check=True, capture_output=True, text=True)


def lrelease(source: Path, target: Path) -> None:
    subprocess.run([qt_tool("lrelease"), "-silent", str(source), "-qm", str(target)],
                   check=True, capture_output=True, text=True)


def main() -> int:
    lupdate(ts_file())
    lrelease(ts_file(), qm_file())
    lrelease(qt_extra_ts(), qt_extra_qm())
    print(f"updated {ts_file()} and {qm_file()}; compiled {qt_extra_qm()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
