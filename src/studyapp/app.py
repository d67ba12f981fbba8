"""Start-up: the database, the application object and the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from studyapp import __version__
from studyapp.core.db import open_database
from studyapp.core.errors import StudyappError
from studyapp.core.paths import resolve_database_url
from studyapp.ui.plain_window import PlainWindow

APP_NAME = "studyapp"


def create_main_window(database_url: str) -> QMainWindow:
    """Open (and migrate) the database and build the window; the caller shows it.

    Raises ``DatabaseError`` when the database cannot be used (locked, damaged, too new).
    """
    database = open_database(database_url)
    try:
        return PlainWindow(database)
    except BaseException:
        database.dispose()
        raise


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def run_gui(database_url: str | None = None) -> int:
    """Show the main window and run the event loop; 1 when the database cannot be opened."""
    app = _application()
    try:
        window = create_main_window(resolve_database_url(database_url))
    except StudyappError as error:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("app", "studyapp"),
            QCoreApplication.translate("app", "The database cannot be opened:\n%1").replace(
                "%1", str(error)
            ),
        )
        return 1
    window.setWindowTitle(APP_NAME)
    window.show()
    return int(app.exec())
