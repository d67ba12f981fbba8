"""A dialog that runs one background job at a time: progress, cancel, and a safe close."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QWidget

from studyapp.ui.workers import BackgroundJob, JobControl


class JobDialog(QDialog):
    """Subclasses set ``_status`` and ``_cancel`` and define the ``_on_*`` handlers."""

    _status: QLabel
    _cancel: QPushButton

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._job: BackgroundJob | None = None

    def is_running(self) -> bool:
        return self._job is not None and self._job.is_running()

    def _run_job(self, work: Callable[[JobControl], Any]) -> None:
        if self._job is not None:
            self._job.deleteLater()  # finished: its thread has ended
        job = BackgroundJob(work, self)
        job.progress.connect(self._on_progress)
        job.succeeded.connect(self._on_succeeded)
        job.failed.connect(self._on_failed)
        job.finished.connect(self._on_finished)
        self._job = job
        job.start()
        self._set_running(True)

    def _stopping_text(self) -> str:
        return self.tr("Stopping after the current file…")

    @Slot()
    def cancel(self) -> None:
        if self.is_running() and self._job is not None:
            self._job.cancel()
            self._cancel.setEnabled(False)
            self._status.setText(self._stopping_text())

    def done(self, result: int) -> None:
        # Closing while the job runs: stop after the current file rather than leave a thread.
        if self._job is not None and self.is_running():
            self._job.shutdown()
        super().done(result)

    # Handlers every subclass provides.
    def _on_progress(self, done: int, total: int, label: str) -> None:
        raise NotImplementedError

    def _on_succeeded(self, result: object) -> None:
        raise NotImplementedError

    def _on_failed(self, message: str) -> None:
        raise NotImplementedError

    def _on_finished(self) -> None:
        raise NotImplementedError

    def _set_running(self, running: bool) -> None:
        raise NotImplementedError
