"""The editor of one presentation slot: presenter, paper, notes, discussion and timer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.dto import PaperInfo, PresentationInfo
from studyapp.core.errors import StudyappError
from studyapp.core.markdown.document import PaperRef
from studyapp.core.markdown.headings import parse_paper
from studyapp.core.services.library import LibraryService
from studyapp.core.services.presentations import PresentationService
from studyapp.ui.editor import MarkdownEditorPane
from studyapp.ui.focus_refresh import RefreshOnFocus
from studyapp.ui.models.presentation_model import paper_text
from studyapp.ui.save_queue import SaveQueue
from studyapp.ui.slot_timer import SlotTimer

PAPER_LOOKUP_DELAY_MS = 150


def _completer(parent: QWidget) -> QCompleter:
    completer = QCompleter(QStringListModel(parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return completer


def typed_paper(text: str) -> PaperRef:
    """What a typed paper line names: ``Title (Venue 2024)``, arXiv ids and DOIs are read."""
    parsed = parse_paper(text)
    if parsed is not None and (parsed.venue or parsed.arxiv_id or parsed.doi or parsed.url):
        return parsed
    return PaperRef(title=" ".join(text.split()))


class PresentationEditor(QWidget):
    """Edits the slot given to :meth:`set_slot`; every edit goes through a service call."""

    edited = Signal(PresentationInfo)  # presenter or paper changed in the database
    textSaved = Signal()  # notes or discussion reached the database
    failed = Signal(str)  # a readable message

    def __init__(
        self,
        service: PresentationService,
        library: LibraryService,
        save_queue: SaveQueue,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("presentationEditor")
        self._service = service
        self._library = library
        self._queue = save_queue
        self._info: PresentationInfo | None = None
        self._loading = False
        self._papers: dict[str, PaperInfo] = {}

        self.presenter_edit = QLineEdit(self)
        self.presenter_edit.setObjectName("presenterEdit")
        self.presenter_edit.setPlaceholderText(self.tr("Who presents; Enter to set"))
        self.presenter_completer = _completer(self.presenter_edit)
        self.presenter_completer.setObjectName("presenterCompleter")
        self.presenter_edit.setCompleter(self.presenter_completer)
        RefreshOnFocus(self._load_people, self.presenter_edit)
        self.presenter_completer.activated[str].connect(self._presenter_chosen)
        self.presenter_edit.editingFinished.connect(self._presenter_finished)

        self.paper_edit = QLineEdit(self)
        self.paper_edit.setObjectName("paperEdit")
        self.paper_edit.setPlaceholderText(
            self.tr("Paper title, e.g. Tiny Teachers (CVPR 2024), or an arXiv id or DOI")
        )
        self.paper_completer = _completer(self.paper_edit)
        self.paper_completer.setObjectName("paperCompleter")
        self.paper_edit.setCompleter(self.paper_completer)
        self.paper_completer.activated[str].connect(self._paper_chosen)
        self.paper_edit.editingFinished.connect(self._paper_finished)
        self._paper_lookup = QTimer(self, singleShot=True, interval=PAPER_LOOKUP_DELAY_MS)
        self._paper_lookup.timeout.connect(self._look_up_papers)
        self.paper_edit.textEdited.connect(lambda _text: self._paper_lookup.start())

        self.timer = SlotTimer(service, self)
        self.timer.failed.connect(self.failed)

        self.notes_pane = MarkdownEditorPane(self)
        self.notes_pane.setObjectName("presentationNotesPane")
        self.notes_pane.editor.setObjectName("presentationNotesEditor")
        self.notes_pane.editor.setPlaceholderText(self.tr("Notes on this presentation"))
        self.discussion_pane = MarkdownEditorPane(self)
        self.discussion_pane.setObjectName("presentationDiscussionPane")
        self.discussion_pane.editor.setObjectName("presentationDiscussionEditor")
        self.discussion_pane.editor.setPlaceholderText(
            self.tr("Questions and discussion (exported as quotes)")
        )
        self.notes_pane.editor.textChanged.connect(lambda: self._text_changed("notes"))
        self.discussion_pane.editor.textChanged.connect(lambda: self._text_changed("discussion"))

        form = QFormLayout()
        form.addRow(self._label(self.tr("&Presenter:"), self.presenter_edit), self.presenter_edit)
        form.addRow(self._label(self.tr("P&aper:"), self.paper_edit), self.paper_edit)
        form.addRow(self.tr("Timer:"), self.timer)
        texts = QSplitter(Qt.Orientation.Vertical, self)
        texts.setObjectName("presentationTextSplitter")
        texts.setChildrenCollapsible(False)
        texts.addWidget(self._titled(self.tr("Notes"), self.notes_pane))
        texts.addWidget(self._titled(self.tr("Discussion"), self.discussion_pane))
        texts.setStretchFactor(0, 3)
        texts.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(texts, 1)
        self.set_slot(None)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _titled(self, title: str, pane: QWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(QLabel(title, box))
        layout.addWidget(pane, 1)
        return box

    # -- public API ------------------------------------------------------------------------

    def info(self) -> PresentationInfo | None:
        return self._info

    def set_slot(self, info: PresentationInfo | None) -> None:
        """Show ``info`` (None: nothing, disabled); the previous slot's unsaved text is kept."""
        self._freeze_pending()
        self.timer.set_slot(info)
        self._info = info
        self._loading = True
        try:
            self.presenter_edit.setText((info.presenter or "") if info else "")
            self.paper_edit.setText(paper_text(info) if info else "")
            for field, pane in (("notes", self.notes_pane), ("discussion", self.discussion_pane)):
                text = ""
                if info is not None:
                    pending = self._queue.pending_value(self._key(info.id, field))
                    text = pending if isinstance(pending, str) else getattr(info, field)
                pane.editor.setPlainText(text)
        finally:
            self._loading = False
        self.setEnabled(info is not None)

    def refresh(self, info: PresentationInfo) -> None:
        """The same slot changed elsewhere (its presenter or paper); texts stay as typed."""
        if self._info is not None and info.id == self._info.id:
            self._info = info
            self.presenter_edit.setText(info.presenter or "")
            self.paper_edit.setText(paper_text(info))

    # -- presenter and paper ---------------------------------------------------------------

    def _load_people(self) -> None:
        try:
            names = self._library.people()
        except StudyappError as error:
            self.failed.emit(str(error))
            return
        model = self.presenter_completer.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(names)

    def _presenter_finished(self) -> None:
        # Enter with the popup open picks the highlighted name; ``activated`` handles that.
        if not self.presenter_completer.popup().isVisible():
            self._set_presenter(self.presenter_edit.text())

    def _presenter_chosen(self, name: str) -> None:
        self.presenter_edit.setText(name)
        self._set_presenter(name)

    def _set_presenter(self, text: str) -> None:
        name = " ".join(text.split())
        if self._info is None or name == (self._info.presenter or ""):
            return
        self._apply(lambda pid: self._service.update(pid, presenter=name or None))
        self._load_people()  # a new name is offered from now on

    def _look_up_papers(self) -> None:
        try:
            papers = self._library.papers(self.paper_edit.text())
        except StudyappError as error:
            self.failed.emit(str(error))
            return
        self._papers = {paper.title: paper for paper in papers}
        model = self.paper_completer.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(list(self._papers))
        if self.paper_edit.hasFocus() and self._papers:
            self.paper_completer.setCompletionPrefix(self.paper_edit.text())
            self.paper_completer.complete()

    def _paper_finished(self) -> None:
        if not self.paper_completer.popup().isVisible():
            self._set_paper(self.paper_edit.text())

    def _paper_chosen(self, title: str) -> None:
        known = self._papers.get(title)
        # After the completer is done: it writes the bare title into the edit last.
        QTimer.singleShot(0, self, lambda: self._set_paper(title, known))

    def _set_paper(self, text: str, known: PaperInfo | None = None) -> None:
        if self._info is None or " ".join(text.split()) == paper_text(self._info):
            return
        ref: PaperRef | None
        if known is not None:
            # The library's own paper: its ids make the lookup find exactly this one.
            ref = PaperRef(
                title=known.title,
                venue=known.venue,
                year=known.year,
                arxiv_id=known.arxiv_id,
                doi=known.doi,
                url=known.url,
            )
        else:
            ref = typed_paper(text) if text.strip() else None
        self._apply(lambda pid: self._service.update(pid, paper=ref))

    def _apply(self, change: Callable[[int], PresentationInfo]) -> None:
        assert self._info is not None
        try:
            info = change(self._info.id)
        except StudyappError as error:
            self.failed.emit(str(error))
            self.refresh(self._info)  # show what the database still says
            return
        self.refresh(info)
        self.edited.emit(info)

    # -- notes and discussion --------------------------------------------------------------

    @staticmethod
    def _key(presentation_id: int, field: str) -> tuple[str, int, str]:
        return ("presentation", presentation_id, field)

    def _pane(self, field: str) -> MarkdownEditorPane:
        return self.notes_pane if field == "notes" else self.discussion_pane

    def _text_changed(self, field: str) -> None:
        if self._loading or self._info is None:
            return
        presentation_id = self._info.id
        editor = self._pane(field).editor
        self._queue.mark(
            self._key(presentation_id, field),
            editor.toPlainTextCommitted,
            lambda text: self._write_text(presentation_id, field, text),
        )

    def _write_text(self, presentation_id: int, field: str, text: str) -> None:
        if field == "notes":
            self._service.update(presentation_id, notes=text)
        else:
            self._service.update(presentation_id, discussion=text)
        self.textSaved.emit()

    def _freeze_pending(self) -> None:
        """Pin unsaved text of the slot being left: the editors are about to show another."""
        if self._info is None:
            return
        presentation_id = self._info.id
        for field in ("notes", "discussion"):
            key = self._key(presentation_id, field)
            if self._queue.pending_value(key) is None:
                continue
            text = self._pane(field).editor.toPlainTextCommitted()
            self._queue.mark(
                key,
                lambda value=text: value,
                lambda value, f=field: self._write_text(presentation_id, f, value),
            )
