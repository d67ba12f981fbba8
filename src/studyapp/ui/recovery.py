"""The window's side of a damaged or read-only database: the banner's words and the dialogs.

What is damaged and which backup brings it back is decided in core
(``core/services/recovery.py``); this module only asks the person and says what happened.
A damaged file is never overwritten in place: it is kept as ``<name>.damaged-<time>`` beside
the restored copy, so a person (or a recovery tool) can still read what is left.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QMessageBox, QPushButton, QWidget

from studyapp.core.db import Database, sqlite_path
from studyapp.core.errors import StudyappError
from studyapp.core.services.recovery import (
    GoodBackup,
    Inspection,
    cannot_write,
    inspect_file,
    restore_over_damaged,
)
from studyapp.ui.errors_shown import describe


def damage_banner(inspection: Inspection) -> str:
    """The banner over a damaged database opened read-only."""
    if inspection.emptied:
        return QCoreApplication.translate(
            "recovery",
            "The database is empty, but a backup of it holds {count} sessions: nothing is "
            "saved until it is restored.",
        ).format(count=inspection.backup.sessions if inspection.backup else 0)
    return QCoreApplication.translate(
        "recovery",
        "The database is damaged ({reason}): you can read what is left, but changes are not saved.",
    ).format(reason=inspection.report.summary())


def ask_restore(parent: QWidget | None, reason: str, backup: GoodBackup) -> bool:
    """Ask whether to put ``backup`` in place of the damaged database."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("recovery", "studyapp"),
        QCoreApplication.translate(
            "recovery",
            "{reason}\n\nRestore the backup from {time}?\nIt holds {count} sessions. "
            "The damaged file is kept beside it.",
        ).format(reason=reason, time=backup.when(), count=backup.sessions),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def _restore(parent: QWidget | None, inspection: Inspection, backup: GoodBackup) -> bool:
    try:
        restore_over_damaged(backup.path, inspection.path)
    except StudyappError as failure:
        QMessageBox.critical(
            parent, QCoreApplication.translate("recovery", "studyapp"), str(failure)
        )
        return False
    return True


def offer_backup(parent: QWidget | None, error: Exception, database_url: str) -> str | None:
    """For a database that cannot even be opened: ask to restore its newest good backup.

    Returns the URL to open, or None when the file is not damaged, there is no good backup,
    or the person says no; the caller then shows its own message about ``error``.
    """
    path = sqlite_path(database_url)
    if path is None or not path.is_file():
        return None
    inspection = inspect_file(path)
    backup = inspection.backup
    if not inspection.damaged or backup is None:
        return None
    reason = QCoreApplication.translate(
        "recovery", "The database cannot be opened:\n{reason}"
    ).format(reason=describe(error))
    if not ask_restore(parent, reason, backup) or not _restore(parent, inspection, backup):
        return None
    return database_url


class RestoreOffer(QObject):
    """A "Restore the backup from …" button in the status bar of a window showing a damaged
    database. ``restored`` once the backup is in place: the caller opens it again."""

    restored = Signal()

    def __init__(self, window: QMainWindow, database: Database, inspection: Inspection) -> None:
        super().__init__(window)
        self.setObjectName("restoreOffer")
        if inspection.backup is None:
            raise ValueError("an offer needs a backup")
        self._window = window
        self._database = database
        self._inspection = inspection
        self.backup: GoodBackup = inspection.backup
        self.replacement: QWidget | None = None  # the window that shows the restored file
        self.button = QPushButton(
            QCoreApplication.translate("recovery", "Restore the backup from {time}…").format(
                time=self.backup.when()
            ),
            objectName="restoreBackupButton",
        )
        self.button.clicked.connect(self.restore)
        window.statusBar().addPermanentWidget(self.button)

    @Slot()
    def restore(self) -> None:
        reason = damage_banner(self._inspection)
        if not ask_restore(self._window, reason, self.backup):
            return
        self._database.dispose()  # no pooled connection may keep the damaged file open
        if _restore(self._window, self._inspection, self.backup):
            self.button.setEnabled(False)
            self.restored.emit()


def read_only_reason(database: Database) -> str | None:
    """Why changes to ``database`` cannot be saved, or None when they can."""
    if not cannot_write(database):
        return None
    return QCoreApplication.translate(
        "recovery", "The database is read-only: you can read your notes, but changes are not saved."
    )
