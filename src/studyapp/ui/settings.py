"""Typed access to the user's preferences, stored with QSettings.

Every getter falls back to its default when the stored value is missing or has the wrong
type: the file may have been edited by hand or written by another version.
``STUDYAPP_DATA_DIR`` moves the file into that folder (tests and portable installs).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QFont

from studyapp.core.actor import Actor, default_actor
from studyapp.core.connection import DEFAULT_PORT, SSL_MODES, ConnectionSettings

ORGANIZATION = "studyapp"
APPLICATION = "studyapp"
SETTINGS_FILE = "settings.ini"

THEMES = ("system", "light", "dark")
LANGUAGES = ("system", "en", "ko")
MAX_RECENT_DATABASES = 8


def export_flavors() -> tuple[str, ...]:
    # The exporter (and PyYAML) load when export is first used, not with the window.
    from studyapp.core.markdown.exporter import FLAVORS

    return tuple(FLAVORS)


def _settings_store() -> QSettings:
    override = os.environ.get("STUDYAPP_DATA_DIR")
    if override:
        folder = Path(override).expanduser()
        return QSettings(str(folder / SETTINGS_FILE), QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)


def _url_key(url: str) -> str:
    # URLs hold "/" (QSettings' group separator) and ":"; a digest is a safe, stable key.
    return hashlib.sha1(url.encode("utf-8")).hexdigest()


class AppSettings:
    """The preferences of one user; cheap to create, reads and writes go straight through."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else _settings_store()

    @property
    def store(self) -> QSettings:
        return self._store

    def file_name(self) -> str:
        return self._store.fileName()

    def sync(self) -> None:
        self._store.sync()

    # -- raw helpers ---------------------------------------------------------------------

    def _get(self, key: str) -> Any:
        try:
            return self._store.value(key)
        except Exception:  # a value Qt cannot even decode: treat as absent
            return None

    def _choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        value = self._get(key)
        return value if isinstance(value, str) and value in choices else default

    def _set_choice(self, key: str, value: str, choices: tuple[str, ...]) -> None:
        if value not in choices:
            raise ValueError(f"{key} must be one of {', '.join(choices)}, not {value!r}")
        self._store.setValue(key, value)

    def _optional_text(self, key: str) -> str | None:
        value = self._get(key)
        return value if isinstance(value, str) and value else None

    def _set_optional_text(self, key: str, value: str | None) -> None:
        if value:
            self._store.setValue(key, value)
        else:
            self._store.remove(key)

    def _bytes(self, key: str) -> QByteArray:
        value = self._get(key)
        if isinstance(value, QByteArray):
            return value
        if isinstance(value, bytes):
            return QByteArray(value)
        return QByteArray()

    # -- appearance ----------------------------------------------------------------------

    @property
    def theme(self) -> str:
        return self._choice("appearance/theme", THEMES, "system")

    @theme.setter
    def theme(self, value: str) -> None:
        self._set_choice("appearance/theme", value, THEMES)

    @property
    def language(self) -> str:
        return self._choice("appearance/language", LANGUAGES, "system")

    @language.setter
    def language(self, value: str) -> None:
        self._set_choice("appearance/language", value, LANGUAGES)

    @property
    def editor_font(self) -> QFont | None:
        """The notes font, or None for the application's default."""
        value = self._get("editor/font")
        if not isinstance(value, str) or not value:
            return None
        font = QFont()
        if not font.fromString(value) or not font.family():
            return None
        return font

    @editor_font.setter
    def editor_font(self, value: QFont | None) -> None:
        if value is None:
            self._store.remove("editor/font")
        else:
            self._store.setValue("editor/font", value.toString())

    # -- export --------------------------------------------------------------------------

    @property
    def export_folder(self) -> str | None:
        return self._optional_text("export/folder")

    @export_folder.setter
    def export_folder(self, value: str | None) -> None:
        self._set_optional_text("export/folder", value)

    @property
    def export_flavor(self) -> str:
        return self._choice("export/flavor", export_flavors(), "jekyll")

    @export_flavor.setter
    def export_flavor(self, value: str) -> None:
        self._set_choice("export/flavor", value, export_flavors())

    @property
    def export_layout(self) -> str:
        """The layout a blog's posts name (``post``; some themes call it ``single``)."""
        return self._optional_text("export/layout") or "post"

    @export_layout.setter
    def export_layout(self, value: str) -> None:
        self._set_optional_text("export/layout", value.strip() or None)

    # -- who is typing -------------------------------------------------------------------

    @property
    def member_name(self) -> str | None:
        """The name set in the settings; None means the computer user's (``your_name``)."""
        return self._optional_text("members/name")

    @member_name.setter
    def member_name(self, value: str | None) -> None:
        self._set_optional_text("members/name", (value or "").strip() or None)

    def actor(self) -> Actor | None:
        """Who this window writes as: the settings' name, else the computer user."""
        return default_actor(self.member_name)

    # -- databases -----------------------------------------------------------------------

    @property
    def database_url(self) -> str | None:
        """The database opened last; None means the default file."""
        return self._optional_text("database/url")

    @database_url.setter
    def database_url(self, value: str | None) -> None:
        self._set_optional_text("database/url", value)

    @property
    def uses_server(self) -> bool:
        """True when the group's shared server is chosen over the file on this computer."""
        return self._get("server/use") in (True, "true")

    @uses_server.setter
    def uses_server(self, value: bool) -> None:
        self._store.setValue("server/use", bool(value))

    @property
    def server(self) -> ConnectionSettings | None:
        """The shared server's host, port, database, user and sslmode (never a password)."""
        host, name = self._optional_text("server/host"), self._optional_text("server/database")
        if host is None or name is None:
            return None
        port = self._get("server/port")
        try:
            number = int(port) if port is not None else DEFAULT_PORT
        except (TypeError, ValueError):
            number = DEFAULT_PORT
        mode = self._choice("server/sslmode", SSL_MODES, "prefer")
        user = self._optional_text("server/user") or ""
        return ConnectionSettings(host=host, database=name, user=user, port=number, sslmode=mode)

    @server.setter
    def server(self, value: ConnectionSettings | None) -> None:
        if value is None:
            self._store.remove("server")
            return
        self._set_optional_text("server/host", value.host.strip())
        self._store.setValue("server/port", int(value.port))
        self._set_optional_text("server/database", value.database.strip())
        self._set_optional_text("server/user", value.user.strip())
        self._set_choice("server/sslmode", value.sslmode, SSL_MODES)

    @property
    def recent_databases(self) -> list[str]:
        value = self._get("database/recent")
        # A one-item list comes back from an ini file as a plain string.
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list | tuple):
            return []
        unique: list[str] = []
        for item in items:
            if isinstance(item, str) and item and item not in unique:
                unique.append(item)
        return unique[:MAX_RECENT_DATABASES]

    @recent_databases.setter
    def recent_databases(self, value: list[str]) -> None:
        unique = list(dict.fromkeys(item for item in value if item))
        self._store.setValue("database/recent", unique[:MAX_RECENT_DATABASES])

    def add_recent_database(self, url: str) -> None:
        """Put ``url`` first in the recent list (moving it if already there)."""
        self.recent_databases = [url, *(item for item in self.recent_databases if item != url)]

    def last_session(self, url: str) -> int | None:
        value = self._get(f"lastSession/{_url_key(url)}")
        if isinstance(value, bool):
            return None
        if isinstance(value, int):
            return value if value > 0 else None
        if isinstance(value, str) and value.strip().isdigit():
            number = int(value.strip())
            return number if number > 0 else None
        return None

    def set_last_session(self, url: str, session_id: int | None) -> None:
        key = f"lastSession/{_url_key(url)}"
        if session_id is None:
            self._store.remove(key)
        else:
            self._store.setValue(key, int(session_id))

    # -- window layout -------------------------------------------------------------------

    @property
    def window_geometry(self) -> QByteArray:
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", QByteArray(value))

    @property
    def window_state(self) -> QByteArray:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._store.setValue("window/state", QByteArray(value))

    def splitter_state(self, name: str) -> QByteArray:
        return self._bytes(f"splitters/{name}")

    def set_splitter_state(self, name: str, value: QByteArray) -> None:
        self._store.setValue(f"splitters/{name}", QByteArray(value))
