"""Start-up: settings, translations, theme, the database and the main window."""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

# The database layer first: modules loaded after PySide6 are each read again as source by
# its import hook (to look for its feature switches), which costs a start about 60 ms.
from studyapp.core.db import open_database
from studyapp.core.services.damage import READING_BUDGET
from studyapp.core.services.recovery import Inspection, inspect

from PySide6.QtCore import QCoreApplication, Qt, QTimer  # isort: skip
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox  # isort: skip

from studyapp import __version__
from studyapp.core.errors import StudyappError
from studyapp.core.paths import resolve_database_url
from studyapp.ui.errors_shown import describe
from studyapp.ui.settings import AppSettings

if TYPE_CHECKING:
    from studyapp.ui.main_window import MainWindow
    from studyapp.ui.recovery import RestoreOffer

APP_NAME = "studyapp"


def create_main_window(database_url: str) -> MainWindow:
    """Open (and migrate) the database and build the window; the caller shows it.

    A database that fails the damage check opens read-only, with a banner saying so and a
    button offering its newest good backup. Raises ``DatabaseError`` when the database
    cannot be used at all (locked, unreadable, too new).
    """
    _application()
    # A glance, newest meetings first, so a large database still opens at once; every
    # backup checks the whole file before it copies it. SQLite reads on a thread of its
    # own while the window's modules load here: the check's time is no longer added to it.
    inspection = _inspect_while(database_url, _load_window_modules)
    from studyapp.ui.main_window import MainWindow

    damaged = inspection is not None and inspection.damaged
    try:
        database = open_database(database_url, damaged=damaged)
    except StudyappError:
        if inspection is not None and damaged:  # say what the check found, not the symptom
            from studyapp.core.services.recovery import DamagedDatabaseError

            raise DamagedDatabaseError(inspection) from None
        raise
    try:
        window = MainWindow(database, actor=AppSettings().actor())
    except BaseException:
        database.dispose()
        raise
    from studyapp.ui.recovery import RestoreOffer, damage_banner, read_only_reason

    if inspection is not None and damaged:
        window.set_read_only(damage_banner(inspection))
        if inspection.backup is not None:
            offer = RestoreOffer(window, database, inspection)
            offer.restored.connect(lambda: _reopen(window, offer, database_url))
    else:
        reason = read_only_reason(database)
        if reason:
            window.set_read_only(reason)
    # Everything built so far lives as long as the window: keep it out of the collector's
    # full passes, which otherwise stall a session switch now and then (50 ms at 10,000).
    gc.freeze()
    return window


def _load_window_modules() -> None:
    import studyapp.ui.main_window
    import studyapp.ui.recovery  # noqa: F401


def _inspect_while(database_url: str, meanwhile: Callable[[], None]) -> Inspection | None:
    """The damage check of ``database_url`` (within its budget) on a thread, while
    ``meanwhile`` runs here; an error of either is raised here."""
    outcome: list[Inspection | None] = []
    failure: list[BaseException] = []

    def check() -> None:
        try:
            outcome.append(inspect(database_url, budget=READING_BUDGET))
        except BaseException as error:  # raised again on the caller's thread
            failure.append(error)

    worker = threading.Thread(target=check, name="damage-check", daemon=True)
    worker.start()
    try:
        meanwhile()
    finally:
        worker.join()
    if failure:
        raise failure[0]
    return outcome[0]


def _reopen(old: MainWindow, offer: RestoreOffer, database_url: str) -> None:
    """The backup is in place: show it in a new window, then close the read-only one."""
    try:
        window = create_main_window(database_url)
    except StudyappError as error:
        QMessageBox.critical(old, QCoreApplication.translate("app", "studyapp"), str(error))
        return
    offer.replacement = window
    window.show()  # before the old one closes, or the application would quit
    old.close()


def _open_or_ask(url: str) -> MainWindow:
    """The window on ``url``; a server that cannot be reached is said plainly, with the
    choice to try again or to open the local database instead."""
    from studyapp.core.db import sqlite_path

    while True:
        try:
            return create_main_window(url)
        except StudyappError as error:
            if sqlite_path(url) is not None:
                raise
            choice = server_unreachable(url, error)
            if choice is None:
                raise
            if choice == LOCAL:
                from studyapp.core.paths import default_database_url

                url = default_database_url()


RETRY, LOCAL = "retry", "local"


def server_unreachable(url: str, error: StudyappError) -> str | None:
    """Ask what to do about a server that cannot be reached: RETRY, LOCAL or None."""
    from studyapp.core.connection import shown_url

    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("app", "studyapp"),
        QCoreApplication.translate(
            "app", "The group's server {server} cannot be reached:\n{reason}"
        ).format(server=shown_url(url), reason=describe(error)),
    )
    box.setObjectName("serverUnreachable")
    retry = box.addButton(
        QCoreApplication.translate("app", "Try again"), QMessageBox.ButtonRole.AcceptRole
    )
    local = box.addButton(
        QCoreApplication.translate("app", "Open the local database"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return RETRY if clicked is retry else LOCAL if clicked is local else None


def _application() -> QApplication:
    # Qt's raster engine hands every large fill (a scroll bar's groove, a list's background)
    # to a thread pool and waits for it; on two cores the hand-off cost more than the fill:
    # a tall scroll bar took 1.4 ms to paint instead of 0.13, a session switch a quarter
    # longer. Read when the pool is first wanted, so setting it before any paint is enough.
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    return app


def _close_on_sigterm(window: MainWindow) -> QTimer:
    """SIGTERM (logout, `kill`) closes the window normally, so pending text is saved."""
    signal.signal(signal.SIGTERM, lambda *_: QTimer.singleShot(0, window.close))
    # Python runs signal handlers only between bytecodes; wake it while Qt's loop waits.
    ticker = QTimer(window, interval=250)
    ticker.timeout.connect(lambda: None)
    ticker.start()
    return ticker


def _thin_history(window: MainWindow) -> None:
    """Old note revisions are thinned at start (never all of them, never the newest)."""
    from studyapp.core.services.history import HistoryService

    if window.database.read_only is not None:
        return
    try:
        HistoryService(window.database).thin()
    except StudyappError as error:
        window.statusBar().showMessage(describe(error), 8000)


def _bring_forward(window: MainWindow) -> None:
    """Un-minimize (keeping a maximized window maximized) and raise, for a second launch."""
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


def _remembered_database(settings: AppSettings) -> str | None:
    """The server chosen in Settings (its password from the keyring, else asked for now),
    or the file last opened."""
    server = settings.server if settings.uses_server else None
    if server is None:
        return settings.database_url
    from studyapp.core.credentials import keyring_available, load_password

    password = load_password(server.keyring_user())
    if password is None:
        reason = (
            QCoreApplication.translate("app", "Password for {user} on {host}:").format(
                user=server.user, host=server.host
            )
            if keyring_available()
            else QCoreApplication.translate(
                "app",
                "This computer has no keyring to keep the password in.\n"
                "Password for {user} on {host}:",
            ).format(user=server.user, host=server.host)
        )
        typed, ok = QInputDialog.getText(None, APP_NAME, reason, QLineEdit.EchoMode.Password)
        password = typed if ok else None
    return server.url(password)


def run_gui(database_url: str | None = None) -> int:
    """Show the main window and run the event loop; 1 when the database cannot be opened."""
    from studyapp.ui.i18n import install_translator
    from studyapp.ui.single_instance import SingleInstance
    from studyapp.ui.theme import apply_theme

    app = _application()
    settings = AppSettings()
    install_translator(app, settings.language)
    apply_theme(app, settings.theme)
    # --database, then STUDYAPP_DATABASE_URL, then the group's server or the file last
    # opened in Settings.
    chosen = database_url or (
        None if os.environ.get("STUDYAPP_DATABASE_URL") else _remembered_database(settings)
    )
    url = resolve_database_url(chosen)
    guard = SingleInstance(url)
    if not guard.is_primary():
        guard.close()
        print("studyapp is already open on this database; switched to it.")
        return 0
    try:
        try:
            window = _open_or_ask(url)
        except StudyappError as first:
            from studyapp.ui.recovery import offer_backup

            # A damaged file: offer the newest backup before giving up.
            if offer_backup(None, first, url) is None:
                raise
            window = create_main_window(url)
    except StudyappError as error:
        guard.close()
        QMessageBox.critical(
            None,
            QCoreApplication.translate("app", "studyapp"),
            QCoreApplication.translate("app", "The database cannot be opened:\n{reason}").format(
                reason=describe(error)
            ),
        )
        return 1
    guard.activationRequested.connect(lambda: _bring_forward(window))
    _close_on_sigterm(window)
    window.after_first_paint.add(lambda: _thin_history(window))
    # Papers kept by their id alone: details when online.
    window.after_first_paint.add(window.papers_view.lookups.start)
    window.show()
    code = int(app.exec())
    guard.close()
    return code
