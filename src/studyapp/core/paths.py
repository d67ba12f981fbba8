"""Where studyapp keeps its files. Computed on every call; nothing happens at import.

``STUDYAPP_DATA_DIR`` overrides the data folder (tests and portable installs use it);
``STUDYAPP_DATABASE_URL`` overrides the database.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "studyapp"
DATABASE_FILE = "studyapp.sqlite3"


def data_dir() -> Path:
    override = os.environ.get("STUDYAPP_DATA_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs  # only when no folder is given: a few ms of every command's start

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def backups_dir() -> Path:
    return data_dir() / "backups"


def default_database_path() -> Path:
    return data_dir() / DATABASE_FILE


def default_database_url() -> str:
    return f"sqlite:///{default_database_path()}"


def resolve_database_url(explicit: str | None = None) -> str:
    """The URL to open: the explicit one, else the environment's, else the default file.

    A bare file path is accepted and turned into a SQLite URL.
    """
    url = explicit or os.environ.get("STUDYAPP_DATABASE_URL") or default_database_url()
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    return url
