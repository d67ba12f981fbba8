"""Exporting minutes to a folder (Jekyll, Obsidian or HTML), on a worker thread.

The caller remembers the folder and flavor between runs: it passes them in and reads
``folder()``/``flavor()`` back once the dialog was accepted (closed after an export).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QDir, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.db import Database
from studyapp.core.errors import StudyappError
from studyapp.core.markdown.exporter import FLAVORS
from studyapp.core.markdown.jekyll import JekyllOptions
from studyapp.core.markdown.writer import ExportResult
from studyapp.core.services.exports import ExportService
from studyapp.core.services.publish import PUBLISH_FLAVORS, PublishResult, PublishService
from studyapp.core.services.sessions import SessionService
from studyapp.ui.dialogs.job_dialog import JobDialog
from studyapp.ui.errors_shown import describe
from studyapp.ui.workers import JobControl


class ExportDialog(JobDialog):
    """Pick folder, flavor, group and dates; Export writes one file per session.

    ``exported(folder, flavor)`` is emitted after each successful export.
    """

    exported = Signal(str, str)

    def __init__(
        self,
        database: Database,
        initial_folder: str | None = None,
        initial_flavor: str = "jekyll",
        initial_layout: str = "post",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export minutes"))
        self._database = database
        self._result: ExportResult | None = None
        self._exported_folder: Path | None = None
        self._build()
        self._load_groups()
        self._folder.setText(initial_folder or "")
        self._layout.setText(initial_layout)
        index = self._flavor.findData(initial_flavor)
        self._flavor.setCurrentIndex(max(index, 0))
        self._show_flavor()
        self._set_running(False)
        self.resize(620, self.sizeHint().height())

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self._folder = QLineEdit(objectName="exportFolder")
        self._folder.setPlaceholderText(self.tr("The folder the files go to"))
        self._folder.setClearButtonEnabled(True)
        self._choose = QPushButton(self.tr("Choose…"), objectName="chooseFolderButton")
        self._choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self._folder, 1)
        folder_row.addWidget(self._choose)

        self._flavor = QComboBox(objectName="exportFlavor")
        names = {"jekyll": "Jekyll", "obsidian": "Obsidian", "html": "HTML"}
        for flavor in FLAVORS:
            self._flavor.addItem(names.get(flavor, flavor), flavor)
        self._flavor.currentIndexChanged.connect(self._show_flavor)
        self._flavor_note = QLabel(objectName="flavorDescription", wordWrap=True)
        self._layout = QLineEdit(objectName="exportLayout")
        self._layout.setPlaceholderText("post")
        self._layout.setToolTip(self.tr("The layout the blog's theme gives posts (post, single…)"))
        self._publish = QCheckBox(
            self.tr("Publish: the folder is a Jekyll site or an Obsidian vault"),
            objectName="publishCheck",
        )
        self._publish.setToolTip(
            self.tr(
                "Posts go to _posts/ and their images to assets/ (a vault: its top folder); "
                "nothing else is touched. In a git repository the changed files are committed."
            )
        )

        self._group = QComboBox(objectName="exportGroup")
        self._all_dates = QCheckBox(self.tr("All dates"), objectName="allDatesCheck")
        self._all_dates.setChecked(True)
        self._all_dates.toggled.connect(self._update_dates)
        today = QDate.currentDate()
        self._since = self._date_edit("sinceDate", QDate(today.year(), 1, 1))
        self._until = self._date_edit("untilDate", today)
        dates = QHBoxLayout()
        dates.addWidget(self._all_dates)
        dates.addSpacing(12)
        dates.addWidget(QLabel(self.tr("From")))
        dates.addWidget(self._since)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self._until)
        dates.addStretch(1)

        form = QFormLayout()
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self._folder)  # a layout row gets no buddy of its own
        form.addRow(folder_label, folder_row)
        form.addRow(self.tr("F&lavor:"), self._flavor)
        form.addRow("", self._flavor_note)
        form.addRow(self.tr("La&yout:"), self._layout)
        form.addRow("", self._publish)
        form.addRow(self.tr("&Group:"), self._group)
        self._form = form
        form.addRow(self.tr("Dates:"), dates)

        self._progress = QProgressBar(objectName="exportProgress")
        self._progress.setTextVisible(False)
        self._status = QLabel(objectName="exportStatus", wordWrap=True)
        self._status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._error = QLabel(objectName="exportError", wordWrap=True)
        self._error.setStyleSheet("color: #b3261e;")
        self._error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._open = QPushButton(self.tr("Open folder"), objectName="openFolderButton")
        self._open.clicked.connect(self._open_folder)
        self._export = QPushButton(self.tr("&Export"), objectName="exportButton")
        self._export.setDefault(True)
        self._export.clicked.connect(self.start)
        self._cancel = QPushButton(self.tr("Cancel"), objectName="cancelExportButton")
        self._cancel.clicked.connect(self.cancel)
        self._close = QPushButton(self.tr("Close"), objectName="closeButton")
        self._close.clicked.connect(self._close_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self._open)
        buttons.addStretch(1)
        for button in (self._export, self._cancel, self._close):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self._progress)
        layout.addWidget(self._status)
        layout.addWidget(self._error)
        layout.addLayout(buttons)

    def _date_edit(self, name: str, value: QDate) -> QDateEdit:
        edit = QDateEdit(value, objectName=name, calendarPopup=True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(False)
        return edit

    def _load_groups(self) -> None:
        self._group.addItem(self.tr("All groups"), None)
        try:
            groups = SessionService(self._database).groups()
        except StudyappError as error:
            self._show_error(describe(error))
            return
        for group in groups:
            self._group.addItem(group.name, group.name)

    # -- choices ---------------------------------------------------------------------------

    def folder(self) -> str:
        return self._folder.text().strip()

    def flavor(self) -> str:
        return str(self._flavor.currentData())

    def layout_name(self) -> str:
        return self._layout.text().strip() or "post"

    def publishes(self) -> bool:
        return self._publish.isChecked() and self._publish.isEnabled()

    def group(self) -> str | None:
        data = self._group.currentData()
        return None if data is None else str(data)

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        if self._all_dates.isChecked():
            return None, None
        return self._since.date().toPython(), self._until.date().toPython()

    def result_of_export(self) -> ExportResult | None:
        """What the last export wrote (None before one succeeded)."""
        return self._result

    @Slot()
    def _show_flavor(self) -> None:
        notes = {
            "jekyll": self.tr("Markdown posts with YAML front matter, for a Jekyll blog."),
            "obsidian": self.tr("Markdown for an Obsidian vault: wikilinks and Tasks lines."),
            "html": self.tr("One sanitized web page per session, to share or print."),
        }
        note = notes.get(self.flavor(), "")
        self._flavor_note.setText(note)
        self._flavor.setToolTip(note)
        self._form.setRowVisible(self._layout, self.flavor() == "jekyll")
        self._publish.setEnabled(self.flavor() in PUBLISH_FLAVORS)

    @Slot(bool)
    def _update_dates(self, all_dates: bool) -> None:
        self._since.setEnabled(not all_dates)
        self._until.setEnabled(not all_dates)

    @Slot()
    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the export folder"), self.folder() or QDir.homePath()
        )
        if folder:
            self._folder.setText(QDir.toNativeSeparators(folder))

    # -- running ---------------------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        if self.is_running():
            return
        self._show_error("")
        self._status.clear()
        self._open.setVisible(False)
        text = self.folder()
        if not text:
            self._show_error(self.tr("Choose a folder to export to."))
            return
        folder = Path(text).expanduser()
        if not folder.is_absolute():
            self._show_error(self.tr("Give the folder's full path, for example ~/minutes."))
            return
        since, until = self.date_range()
        if since is not None and until is not None and since > until:
            self._show_error(self.tr("The first date is after the last date."))
            return
        flavor, group, database = self.flavor(), self.group(), self._database
        blog = JekyllOptions(layout=self.layout_name())
        publish = self.publishes()

        def work(control: JobControl) -> ExportResult | PublishResult:
            if publish:
                return PublishService(database).publish(
                    folder, flavor=flavor, group=group, jekyll=blog, since=since, until=until
                )
            return ExportService(database).export(
                folder,
                flavor=flavor,
                group=group,
                since=since,
                until=until,
                progress=lambda done, total: control.progress(done, -1 if total is None else total),
                cancelled=control.cancelled,
                jekyll=blog,
            )

        self._result = None
        self._exported_folder = folder
        self._progress.setRange(0, 0)
        self._status.setText(self.tr("Preparing the export…"))
        self._run_job(work)

    def _stopping_text(self) -> str:
        return self.tr("Stopping…")

    @Slot()
    def _close_clicked(self) -> None:
        # Accepted only after an export, so the caller remembers a folder that worked.
        if self._result is not None:
            self.accept()
        else:
            self.reject()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, _label: str) -> None:
        if total < 0:
            self._progress.setRange(0, 0)
            self._status.setText(self.tr("Exported {done} sessions…").format(done=done))
            return
        self._progress.setRange(0, max(total, 1))
        self._progress.setValue(done)
        if not (self._job is not None and self._job.is_cancelled()):
            self._status.setText(
                self.tr("Exporting {done} of {total} sessions…").format(done=done, total=total)
            )

    @Slot(object)
    def _on_succeeded(self, result: ExportResult | PublishResult) -> None:
        if isinstance(result, PublishResult):
            self._on_published(result)
            return
        self._result = result
        count = len(result.written) + len(result.unchanged)
        folder = str(self._exported_folder)
        self._progress.setRange(0, max(count, 1))
        self._progress.setValue(count)
        if result.cancelled:
            text = self.tr("Cancelled: {count} sessions exported to {folder}.")
        elif count == 0:
            text = self.tr("No sessions match; nothing was written to {folder}.")
        else:
            text = self.tr("Exported {count} sessions to {folder} ({unchanged} unchanged).")
        self._status.setText(
            text.format(count=count, folder=folder, unchanged=len(result.unchanged))
        )
        self._open.setVisible(True)
        self.exported.emit(folder, self.flavor())

    def _on_published(self, result: PublishResult) -> None:
        self._result = ExportResult(written=result.changed)
        folder = str(self._exported_folder)
        self._progress.setRange(0, 1)
        self._progress.setValue(1)
        if not result.changed:
            text = self.tr("Nothing to publish: {folder} already has these minutes.")
        elif result.committed:
            text = self.tr("Published {count} files to {folder} and committed them ({commit}).")
        else:
            text = self.tr("Published {count} files to {folder}.")
        self._status.setText(
            text.format(
                count=len(result.changed), folder=folder, commit=(result.committed or "")[:10]
            )
        )
        self._open.setVisible(True)
        self.exported.emit(folder, self.flavor())

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._status.clear()
        self._progress.setRange(0, 1)
        self._progress.setValue(0)
        self._show_error(message)

    @Slot()
    def _on_finished(self) -> None:
        self._set_running(False)

    @Slot()
    def _open_folder(self) -> None:
        if self._exported_folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._exported_folder)))

    # -- showing ---------------------------------------------------------------------------

    def _show_error(self, message: str) -> None:
        self._error.setText(message)
        self._error.setVisible(bool(message))

    def _set_running(self, running: bool) -> None:
        for widget in (
            self._folder,
            self._choose,
            self._flavor,
            self._layout,
            self._group,
            self._all_dates,
        ):
            widget.setEnabled(not running)
        self._publish.setEnabled(not running and self.flavor() in PUBLISH_FLAVORS)
        for edit in (self._since, self._until):
            edit.setEnabled(not running and not self._all_dates.isChecked())
        self._export.setEnabled(not running)
        self._cancel.setEnabled(running)
        self._cancel.setVisible(running)
        self._progress.setVisible(running or self._result is not None)
        self._open.setVisible(not running and self._result is not None)
