"""Automatic backups while the window is open.

At :meth:`BackupScheduler.start` a backup is made when the newest one is older than 30
minutes, then one every 30 minutes, each followed by thinning. The copy runs on a worker
thread so typing never stops. PostgreSQL databases are left to pg_dump: nothing happens.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from studyapp.core.db import Database
from studyapp.core.services.maintenance import AUTO_BACKUP_AGE, MaintenanceService
from studyapp.ui.workers import BackgroundJob, JobControl

INTERVAL_MS = int(AUTO_BACKUP_AGE.total_seconds() * 1000)


class BackupScheduler(QObject):
    """``backed_up(path)`` after each backup, ``skipped()`` when none was due,
    ``failed(message)`` with one readable line when a backup could not be made."""

    backed_up = Signal(str)
    skipped = Signal()
    failed = Signal(str)

    def __init__(
        self,
        database: Database,
        parent: QObject | None = None,
        *,
        interval_ms: int = INTERVAL_MS,
        min_age: dt.timedelta = AUTO_BACKUP_AGE,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backupScheduler")
        self._service = MaintenanceService(database)
        self._min_age = min_age
        self._job: BackgroundJob | None = None
        self._timer = QTimer(self)
        self._timer.setObjectName("backupTimer")
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.run_now)

    def is_enabled(self) -> bool:
        """False for databases studyapp does not back up itself (PostgreSQL, in-memory) and
        for a damaged file, which must never become the newest backup."""
        return self._service.is_sqlite_file() and not self._service.db.damaged

    def is_active(self) -> bool:
        return self._timer.isActive()

    def is_running(self) -> bool:
        return self._job is not None and self._job.is_running()

    def start(self) -> None:
        """Back up now if one is due, then every interval; does nothing for PostgreSQL."""
        if not self.is_enabled():
            return
        self._timer.start()
        self.run_now()

    @Slot()
    def run_now(self) -> None:
        """Start one backup check on the worker thread, unless one is still running."""
        if not self.is_enabled() or self.is_running():
            return
        service, min_age = self._service, self._min_age

        def work(control: JobControl) -> Path | None:
            # The check before the copy reads the whole file: a closing window stops it.
            return service.auto_backup(min_age=min_age, stop=control.cancelled)

        job = BackgroundJob(work, self)
        job.succeeded.connect(self._on_succeeded)
        job.failed.connect(self.failed)
        job.finished.connect(self._on_finished)
        self._job = job
        job.start()

    def stop(self) -> None:
        """Stop the timer and wait for a backup in progress: call when the window closes."""
        self._timer.stop()
        if self._job is not None:
            self._job.shutdown()
            self._job = None

    @Slot()
    def _on_finished(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.deleteLater()

    @Slot(object)
    def _on_succeeded(self, made: object) -> None:
        if isinstance(made, Path):
            self.backed_up.emit(str(made))
        else:
            self.skipped.emit()
