"""Importing Markdown notes from files or folders, on a worker thread.

``ImportService`` writes each file in its own savepoint (many files a transaction), so Cancel
stops after the file being read and leaves nothing half imported. The dialog stays open
afterwards with one row per file (what happened, the reason a file failed, the parser's
warnings).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QDir, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.db import Database
from studyapp.core.errors import StudyappError
from studyapp.core.services.import_files import EMPTY_FILE
from studyapp.core.services.imports import FileOutcome, ImportReport, ImportService
from studyapp.core.services.sessions import SessionService
from studyapp.ui.dialogs.job_dialog import JobDialog
from studyapp.ui.errors_shown import describe
from studyapp.ui.workers import JobControl

SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_CHANGED = ("created", "updated")


class ImportDialog(JobDialog):
    """Choose notes, then import them; ``imported`` carries the created/updated session ids.

    ``imported`` is emitted after every import that was not a dry run (also a cancelled
    one: the files before the cancel are in the database).
    """

    imported = Signal(list)
    finished_import = Signal(object)  # the ImportReport, or None when the import failed

    def __init__(
        self,
        database: Database,
        paths: Iterable[Path | str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import notes"))
        self._database = database
        self._report: ImportReport | None = None
        self._total = 0
        self._dry_run_running = False
        self._last_folder = QDir.homePath()
        self._build()
        self._load_groups()
        self.add_paths(paths)
        self._set_running(False)
        self.resize(680, 560)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self._paths = QListWidget(objectName="importPaths")
        self._paths.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._paths.setToolTip(self.tr("Files and folders to import; folders are searched"))
        self._add_files = QPushButton(self.tr("Add files…"), objectName="addFilesButton")
        self._add_folder = QPushButton(self.tr("Add folder…"), objectName="addFolderButton")
        self._remove = QPushButton(self.tr("Remove"), objectName="removePathsButton")
        self._add_files.clicked.connect(self._choose_files)
        self._add_folder.clicked.connect(self._choose_folder)
        self._remove.clicked.connect(self._remove_selected)
        choose = QHBoxLayout()
        for button in (self._add_files, self._add_folder, self._remove):
            choose.addWidget(button)
        choose.addStretch(1)

        self._group = QComboBox(objectName="importGroup", editable=True)
        self._group.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self._group.lineEdit()
        line.setPlaceholderText(self.tr("From each note, or the folder name"))
        line.setClearButtonEnabled(True)
        self._dry_run = QCheckBox(
            self.tr("Dry run (show what would be created)"), objectName="dryRunCheck"
        )
        self._split = QCheckBox(
            self.tr("Split a log of dated meetings into a session for each"),
            objectName="splitLogsCheck",
        )
        self._split.setChecked(True)
        self._split.setToolTip(
            self.tr(
                "A note with a dated heading for each meeting (# 0303 스터디, ## 2025-03-10) "
                "becomes one session per meeting, each with its own date."
            )
        )
        form = QFormLayout()
        form.addRow(self.tr("&Group:"), self._group)
        form.addRow("", self._split)
        form.addRow("", self._dry_run)

        self._progress = QProgressBar(objectName="importProgress")
        self._progress.setTextVisible(False)
        self._status = QLabel(objectName="importStatus")
        self._status.setWordWrap(True)
        self._error = QLabel(objectName="importError", wordWrap=True)
        self._error.setStyleSheet("color: #b3261e;")
        self._error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._results = QTreeWidget(objectName="importResults")
        self._results.setHeaderLabels([self.tr("Result"), self.tr("File"), self.tr("Details")])
        self._results.setRootIsDecorated(False)
        self._results.setUniformRowHeights(True)
        header = self._results.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 240)
        header.setStretchLastSection(True)
        self._summary = QLabel(objectName="importSummary", wordWrap=True)

        self._import = QPushButton(self.tr("&Import"), objectName="importButton")
        self._import.setDefault(True)
        self._cancel = QPushButton(self.tr("Cancel"), objectName="cancelImportButton")
        self._close = QPushButton(self.tr("Close"), objectName="closeButton")
        self._import.clicked.connect(self.start)
        self._cancel.clicked.connect(self.cancel)
        self._close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self._import, self._cancel, self._close):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Notes to import (.md, .markdown, .txt):")))
        layout.addWidget(self._paths, 1)
        layout.addLayout(choose)
        layout.addLayout(form)
        layout.addWidget(self._progress)
        layout.addWidget(self._status)
        layout.addWidget(self._error)
        layout.addWidget(self._results, 3)
        layout.addWidget(self._summary)
        layout.addLayout(buttons)

    def _load_groups(self) -> None:
        self._group.addItem("")
        try:
            groups = SessionService(self._database).groups()
        except StudyappError as error:
            self._show_error(describe(error))
            return
        for group in groups:
            self._group.addItem(group.name)

    # -- choosing --------------------------------------------------------------------------

    def paths(self) -> list[Path]:
        return [Path(self._paths.item(row).text()) for row in range(self._paths.count())]

    def add_paths(self, paths: Iterable[Path | str]) -> None:
        """Add files or folders (from the file dialogs, a drop, the caller); no duplicates."""
        known = set(self.paths())
        for given in paths:
            path = Path(given)
            if path not in known:
                known.add(path)
                self._paths.addItem(str(path))
        self._update_buttons()

    def set_paths(self, paths: Iterable[Path | str]) -> None:
        self._paths.clear()
        self.add_paths(paths)

    def group(self) -> str | None:
        """The group typed or chosen; None lets each note (or its folder) decide."""
        return self._group.currentText().strip() or None

    def set_group(self, name: str | None) -> None:
        self._group.setCurrentText(name or "")

    def is_dry_run(self) -> bool:
        return self._dry_run.isChecked()

    def splits_logs(self) -> bool:
        return self._split.isChecked()

    @Slot()
    def _choose_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose notes to import"),
            self._last_folder,
            self.tr("Notes (*.md *.markdown *.txt);;All files (*)"),
        )
        if files:
            self._last_folder = str(Path(files[0]).parent)
            self.add_paths(files)

    @Slot()
    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder of notes"), self._last_folder
        )
        if folder:
            self._last_folder = folder
            self.add_paths([folder])

    @Slot()
    def _remove_selected(self) -> None:
        for item in self._paths.selectedItems():
            self._paths.takeItem(self._paths.row(item))
        self._update_buttons()

    # -- running ---------------------------------------------------------------------------

    def report(self) -> ImportReport | None:
        """The last finished import's report."""
        return self._report

    @Slot()
    def start(self) -> None:
        paths = self.paths()
        if self.is_running() or not paths:
            return
        group, dry_run, split = self.group(), self.is_dry_run(), self.splits_logs()
        database = self._database

        def work(control: JobControl) -> ImportReport:
            return ImportService(database).import_paths(
                paths,
                group=group,
                dry_run=dry_run,
                split=split,
                progress=lambda index, total, path: control.progress(index, total, str(path)),
                cancelled=control.cancelled,
            )

        self._report = None
        self._total = 0
        self._results.clear()
        self._summary.clear()
        self._show_error("")
        self._progress.setRange(0, 0)  # busy until the files are counted
        self._status.setText(self.tr("Looking for notes…"))
        self._dry_run_running = dry_run
        self._run_job(work)

    @Slot(int, int, str)
    def _on_progress(self, index: int, total: int, path: str) -> None:
        self._total = total
        self._progress.setRange(0, max(total, 1))
        self._progress.setValue(index)
        if index < total and not (self._job is not None and self._job.is_cancelled()):
            self._status.setText(
                self.tr("Importing {number} of {total}: {name}").format(
                    number=index + 1, total=total, name=Path(path).name
                )
            )

    @Slot(object)
    def _on_succeeded(self, report: ImportReport) -> None:
        self._report = report
        for outcome in report.outcomes:
            self._add_result(outcome)
        self._results.expandAll()
        self._status.setText("")
        self._progress.setRange(0, max(self._total, 1))
        self._progress.setValue(len(report.outcomes) if report.outcomes else self._total)
        self._summary.setText(self._summary_text(report))
        if not self._dry_run_running:
            self.imported.emit(
                [o.session_id for o in report.outcomes if o.status in _CHANGED and o.session_id]
            )
        self.finished_import.emit(report)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._status.setText("")
        self._progress.setRange(0, 1)
        self._progress.setValue(0)
        self._show_error(message)
        self.finished_import.emit(None)

    @Slot()
    def _on_finished(self) -> None:
        self._set_running(False)

    # -- showing ---------------------------------------------------------------------------

    def _status_name(self, status: str) -> str:
        names = {
            "created": self.tr("Created"),
            "updated": self.tr("Updated"),
            "unchanged": self.tr("Unchanged"),
            "skipped": self.tr("Skipped"),
            "failed": self.tr("Failed"),
            "would create": self.tr("Would create"),
            "would update": self.tr("Would update"),
        }
        return names.get(status, status)

    def _add_result(self, outcome: FileOutcome) -> None:
        if outcome.status == "skipped" and outcome.message == EMPTY_FILE:
            details = self.tr("Empty file: nothing to import")
        elif outcome.status in ("failed", "skipped"):
            details = outcome.message or ""
        else:
            parts = [outcome.date.isoformat() if outcome.date else "", outcome.title or ""]
            details = " · ".join(part for part in parts if part)
            if outcome.message:
                details = f"{details} ({outcome.message})" if details else outcome.message
        item = QTreeWidgetItem([self._status_name(outcome.status), outcome.path.name, details])
        item.setData(0, SESSION_ID_ROLE, outcome.session_id)
        item.setData(0, Qt.ItemDataRole.UserRole, outcome.status)
        item.setToolTip(1, str(outcome.path))
        item.setToolTip(2, details)
        if outcome.status == "failed":
            item.setForeground(0, Qt.GlobalColor.red)
        for warning in outcome.warnings:
            child = QTreeWidgetItem([self.tr("Warning"), "", warning])
            child.setToolTip(2, warning)
            item.addChild(child)
        self._results.addTopLevelItem(item)
        if outcome.warnings:
            self._results.setRootIsDecorated(True)

    def _summary_text(self, report: ImportReport) -> str:
        if not report.outcomes and not report.cancelled:
            return self.tr("No notes found (.md, .markdown or .txt files).")
        counts = report.counts
        phrases = {
            "created": self.tr("{count} created"),
            "would create": self.tr("{count} would be created"),
            "updated": self.tr("{count} updated"),
            "would update": self.tr("{count} would be updated"),
            "unchanged": self.tr("{count} unchanged"),
            "skipped": self.tr("{count} skipped"),
            "failed": self.tr("{count} failed"),
        }
        text = ", ".join(
            phrase.format(count=counts[status])
            for status, phrase in phrases.items()
            if counts.get(status)
        )
        if report.cancelled:
            text = self.tr("Cancelled after {done} of {total} files. {counts}").format(
                done=len({outcome.path for outcome in report.outcomes}),
                total=self._total,
                counts=text,
            )
        if self._dry_run_running:
            text = self.tr("Dry run, nothing was saved: {counts}").format(counts=text)
        return text.strip()

    def _show_error(self, message: str) -> None:
        self._error.setText(message)
        self._error.setVisible(bool(message))

    def _set_running(self, running: bool) -> None:
        for widget in (
            self._paths,
            self._add_files,
            self._add_folder,
            self._group,
            self._split,
            self._dry_run,
        ):
            widget.setEnabled(not running)
        self._cancel.setEnabled(running)
        self._cancel.setVisible(running)
        self._progress.setVisible(running or self._report is not None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.is_running()
        self._import.setEnabled(not running and self._paths.count() > 0)
        self._remove.setEnabled(not running and self._paths.count() > 0)
