"""Adding a paper: paste an arXiv id or URL, a DOI or BibTeX, look it up, check, save.

The form is always editable: a lookup runs on a worker thread and only fills the form
when it succeeds, so offline the user types the fields by hand and nothing waits.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.db import Database
from studyapp.core.dto import PaperInfo
from studyapp.core.errors import StudyappError
from studyapp.core.papers.bibtex import looks_like_bibtex
from studyapp.core.papers.fields import split_authors, split_tags
from studyapp.core.papers.metadata import MetadataUnavailable
from studyapp.core.services.papers import DuplicatePaperError, PaperFields, PaperService
from studyapp.ui.errors_shown import describe
from studyapp.ui.papers.widgets import ErrorLabel
from studyapp.ui.workers import BackgroundJob, JobControl


@dataclass(frozen=True)
class _NoAnswer:
    """A lookup the network did not answer: the id alone, to save with details pending."""

    kept: PaperFields
    reason: str  # the lookup's error, as it says it


class AddPaperDialog(QDialog):
    """``paperAdded(id)`` after each paper saved; ``openPaperRequested(id)`` for a duplicate."""

    paperAdded = Signal(int)
    openPaperRequested = Signal(int)

    def __init__(
        self,
        database: Database,
        parent: QWidget | None = None,
        *,
        service: PaperService | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("addPaperDialog")
        self.setWindowTitle(self.tr("Add paper"))
        self._service = service or PaperService(database)
        self._job: BackgroundJob | None = None
        self._abandoned: list[BackgroundJob] = []
        self._parsed: list[PaperFields] = []
        self._bibtex_key: str | None = None
        self._existing: PaperInfo | None = None
        self._build()
        self._set_looking_up(False)
        self.resize(640, 680)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.paste = QPlainTextEdit(objectName="paperPasteBox")
        self.paste.setPlaceholderText(
            self.tr("Paste an arXiv id or URL, a DOI, or one or more BibTeX entries")
        )
        self.paste.setTabChangesFocus(True)
        self.paste.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.lookup_button = QPushButton(self.tr("Look up"), objectName="lookupButton")
        self.lookup_button.setAutoDefault(False)
        self.lookup_button.clicked.connect(self.look_up)
        self.cancel_lookup = QPushButton(self.tr("Cancel"), objectName="cancelLookupButton")
        self.cancel_lookup.setAutoDefault(False)
        self.cancel_lookup.clicked.connect(self.cancel_look_up)
        self.status = QLabel(objectName="lookupStatus")
        lookup_row = QHBoxLayout()
        lookup_row.addWidget(self.lookup_button)
        lookup_row.addWidget(self.cancel_lookup)
        lookup_row.addWidget(self.status, 1)

        self.title_edit = QLineEdit(objectName="paperTitleEdit")
        self.authors_edit = QPlainTextEdit(objectName="paperAuthorsEdit")
        self.authors_edit.setTabChangesFocus(True)
        self.authors_edit.setPlaceholderText(self.tr("One author per line, or separated by ;"))
        self.authors_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.venue_edit = QLineEdit(objectName="paperVenueEdit")
        self.venue_edit.setPlaceholderText(self.tr("e.g. ICLR 2025 spotlight"))
        self.year_edit = QLineEdit(objectName="paperYearEdit")
        self.year_edit.setValidator(QIntValidator(1000, 9999, self))
        self.url_edit = QLineEdit(objectName="paperUrlEdit")
        self.arxiv_edit = QLineEdit(objectName="paperArxivEdit")
        self.doi_edit = QLineEdit(objectName="paperDoiEdit")
        self.abstract_edit = QPlainTextEdit(objectName="paperAbstractEdit")
        self.abstract_edit.setTabChangesFocus(True)
        self.tags_edit = QLineEdit(objectName="paperTagsEdit")
        self.tags_edit.setPlaceholderText(self.tr("Comma-separated"))
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("A&uthors:"), self.authors_edit)
        form.addRow(self.tr("&Venue:"), self.venue_edit)
        form.addRow(self.tr("&Year:"), self.year_edit)
        form.addRow(self.tr("&URL:"), self.url_edit)
        form.addRow(self.tr("ar&Xiv id:"), self.arxiv_edit)
        form.addRow(self.tr("&DOI:"), self.doi_edit)
        form.addRow(self.tr("Abst&ract:"), self.abstract_edit)
        form.addRow(self.tr("Ta&gs:"), self.tags_edit)

        self.error = ErrorLabel("addPaperError", self)
        self.open_existing = QPushButton(
            self.tr("Open existing paper"), objectName="openExistingPaperButton"
        )
        self.open_existing.setAutoDefault(False)
        self.open_existing.clicked.connect(self._open_existing)
        self.open_existing.hide()
        self.add_all = QPushButton(objectName="addAllPapersButton")
        self.add_all.setAutoDefault(False)
        self.add_all.clicked.connect(self.add_all_entries)
        self.add_all.hide()
        self.save_button = QPushButton(self.tr("Save"), objectName="savePaperButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"), objectName="closeAddPaperButton")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_existing)
        buttons.addWidget(self.add_all)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.paste)
        layout.addLayout(lookup_row)
        layout.addLayout(form, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    # -- looking up ------------------------------------------------------------------------

    def look_up(self) -> None:
        """BibTeX is parsed here and now; an id or DOI is fetched on a worker thread."""
        text = self.paste.toPlainText().strip()
        self._clear_error()
        if not text:
            self._show_error(self.tr("Paste an arXiv id, a DOI or BibTeX first."))
            return
        if looks_like_bibtex(text):
            self._parse_bibtex(text)
            return
        self._abandon_job()
        service = self._service

        def work(_control: JobControl) -> PaperFields | _NoAnswer:
            try:
                return service.lookup(text)
            except MetadataUnavailable as error:
                kept = service.id_only(text)
                if kept is None:
                    raise
                return _NoAnswer(kept, describe(error))

        job = BackgroundJob(work, self)
        job.succeeded.connect(self._on_found)
        job.failed.connect(self._on_lookup_failed)
        job.finished.connect(self._on_lookup_finished)
        self._job = job
        self._set_looking_up(True)
        job.start()

    def cancel_look_up(self) -> None:
        """Stop waiting: the request may still finish, but its answer is ignored."""
        self._abandon_job()
        self._set_looking_up(False)
        self.status.setText(self.tr("Lookup cancelled; fill in the form by hand."))

    def is_looking_up(self) -> bool:
        return self._job is not None

    def _abandon_job(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job.succeeded.disconnect(self._on_found)
            self._job.failed.disconnect(self._on_lookup_failed)
            self._abandoned.append(self._job)
            self._job = None

    def _parse_bibtex(self, text: str) -> None:
        try:
            entries = self._service.parse_bibtex(text)
        except StudyappError as error:
            self._show_error(describe(error))
            return
        if not entries:
            self._show_error(self.tr("No BibTeX entries found."))
            return
        self._parsed = entries
        self.fill(entries[0])
        if len(entries) > 1:
            self.add_all.setText(self.tr("Add all {count} entries").format(count=len(entries)))
            self.add_all.show()
            self.status.setText(
                self.tr("{count} BibTeX entries read; the first is shown.").format(
                    count=len(entries)
                )
            )
        else:
            self.add_all.hide()
            self.status.setText(self.tr("BibTeX entry read."))

    @Slot(object)
    def _on_found(self, fields: object) -> None:
        if isinstance(fields, PaperFields):
            self.fill(fields)
            self.status.setText(self.tr("Found. Check the fields, then save."))
        elif isinstance(fields, _NoAnswer):
            # Offline in a meeting: the id is worth keeping, the details come later. Only
            # empty boxes are filled: what was typed meanwhile stays.
            for edit, value in (
                (self.title_edit, fields.kept.title),
                (self.arxiv_edit, fields.kept.arxiv_id),
                (self.doi_edit, fields.kept.doi),
            ):
                if value and not edit.text().strip():
                    edit.setText(value)
            self.status.setText(
                self.tr(
                    "No answer: save to keep the id; its details are looked up when the "
                    "network answers."
                )
            )
            self._show_error(fields.reason)

    @Slot(str)
    def _on_lookup_failed(self, message: str) -> None:
        self.status.setText(self.tr("Lookup failed; fill in the form by hand."))
        self._show_error(message)

    @Slot()
    def _on_lookup_finished(self) -> None:
        sender = self.sender()
        if sender is self._job:
            self._job = None
            self._set_looking_up(False)

    def _set_looking_up(self, running: bool) -> None:
        self.lookup_button.setEnabled(not running)
        self.cancel_lookup.setVisible(running)
        if running:
            self.status.setText(self.tr("Looking up…"))

    # -- the form --------------------------------------------------------------------------

    def fill(self, fields: PaperFields) -> None:
        self.title_edit.setText(fields.title or "")
        self.authors_edit.setPlainText("\n".join(fields.authors))
        self.venue_edit.setText(fields.venue or "")
        self.year_edit.setText(str(fields.year) if fields.year else "")
        self.url_edit.setText(fields.url or "")
        self.arxiv_edit.setText(fields.arxiv_id or "")
        self.doi_edit.setText(fields.doi or "")
        self.abstract_edit.setPlainText(fields.abstract or "")
        self.tags_edit.setText(", ".join(fields.tags))
        self._bibtex_key = fields.bibtex_key

    def fields(self) -> PaperFields:
        year = self.year_edit.text().strip()
        return PaperFields(
            title=self.title_edit.text().strip(),
            authors=split_authors(self.authors_edit.toPlainText()),
            venue=self.venue_edit.text().strip() or None,
            year=int(year) if year.isdigit() else None,
            url=self.url_edit.text().strip() or None,
            arxiv_id=self.arxiv_edit.text().strip() or None,
            doi=self.doi_edit.text().strip() or None,
            bibtex_key=self._bibtex_key,
            abstract=self.abstract_edit.toPlainText().strip(),
            tags=split_tags(self.tags_edit.text()),
        )

    def save(self) -> None:
        self._clear_error()
        if not self.title_edit.text().strip():
            self._show_error(self.tr("A paper needs a title."))
            self.title_edit.setFocus()
            return
        try:
            paper = self._service.add(self.fields())
        except DuplicatePaperError as error:
            self._show_duplicate(self._fill_existing(error.existing))
            return
        except StudyappError as error:
            self._show_error(describe(error))
            return
        self._abandon_job()
        self.paperAdded.emit(paper.id)
        self.accept()

    def add_all_entries(self) -> None:
        """Add every pasted BibTeX entry at once; duplicates are skipped and reported."""
        self._clear_error()
        try:
            result = self._service.add_from_text(self.paste.toPlainText(), fetch=False)
        except StudyappError as error:
            self._show_error(describe(error))
            return
        for paper in result.created:
            self.paperAdded.emit(paper.id)
        for paper_id, _names in result.filled:
            self.paperAdded.emit(paper_id)  # the library shows what was filled in
        skipped = len(result.duplicates)
        if skipped or result.warnings:
            lines = [
                self.tr("Added {added} papers; {skipped} were already in the library.").format(
                    added=len(result.created), skipped=skipped
                ),
                *[str(warning) for warning in result.warnings],
            ]
            if result.filled:
                lines.insert(
                    1,
                    self.tr("Empty fields filled in for {count} of them.").format(
                        count=len(result.filled)
                    ),
                )
            self._show_error("\n".join(lines))
            self.add_all.hide()
            return
        self.accept()

    def _fill_existing(self, existing: PaperInfo) -> tuple[PaperInfo, bool]:
        """The paper already there with its empty fields filled in from the form (a value it
        has is never replaced); whether anything was filled."""
        try:
            result = self._service.add_many([self.fields()])
        except StudyappError:
            return existing, False
        if not result.filled_in(existing.id):
            return existing, False
        self.paperAdded.emit(existing.id)
        now = next((paper for paper in result.duplicates if paper.id == existing.id), existing)
        return now, True

    def _show_duplicate(self, found: tuple[PaperInfo, bool]) -> None:
        existing, filled = found
        self._existing = existing
        message = self.tr("This paper is already in the library: “{title}”.")
        if filled:
            message = self.tr(
                "This paper is already in the library: “{title}”. Its empty fields were "
                "filled in from this form."
            )
        self._show_error(message.format(title=existing.title))
        self.open_existing.show()

    def _open_existing(self) -> None:
        if self._existing is not None:
            self.openPaperRequested.emit(self._existing.id)
            self.accept()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
        self.open_existing.hide()
        self._existing = None

    # -- closing ---------------------------------------------------------------------------

    def done(self, result: int) -> None:
        # No lookup thread may outlive the dialog.
        self._abandon_job()
        for job in self._abandoned:
            job.shutdown()
        self._abandoned.clear()
        super().done(result)
