"""Where Lokomotiv finds its shipped resources and keeps its user data."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Lokomotiv"
APP_AUTHOR = "Netvaerkslokomotivet"


def resources_dir() -> Path:
    override = os.environ.get("LOKOMOTIV_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)  # a PyInstaller bundle unpacks here
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_file(name: str) -> Path:
    return resources_dir() / "data" / name


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_database_path() -> Path:
    override = os.environ.get("LOKOMOTIV_DB")
    return Path(override) if override else user_data_dir() / "lokomotiv.db"


def log_file() -> Path:
    """Where the window writes its log (errors a person can send to support)."""
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)) / "lokomotiv.log"
