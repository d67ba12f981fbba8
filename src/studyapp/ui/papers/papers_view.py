"""The papers library: a filterable, sortable table with a detail pane."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.db import Database
from studyapp.core.dto import PaperInfo
from studyapp.core.errors import StudyappError
from studyapp.core.services.papers import PaperService
from studyapp.core.services.trash import TrashService
from studyapp.ui.errors_shown import describe
from studyapp.ui.focus_refresh import RefreshWhenShown
from studyapp.ui.models.paper_model import PaperColumn, PaperRole, PaperTableModel
from studyapp.ui.papers.pending_lookups import PendingLookups

if TYPE_CHECKING:
    from studyapp.ui.papers.add_paper_dialog import AddPaperDialog


class _FilterProxy(QSortFilterProxyModel):
    """Filters only: sorting is left to the source model, which sorts a list in one pass
    instead of being asked for two cells per comparison (seconds at 20,000 papers)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)


class PapersView(QWidget):
    """Every paper in the library; ``changed`` is emitted after a paper was added.

    The library is read when the tab is first shown, not when the window is built: a large
    library would otherwise slow every start for a tab most starts never open.
    """

    changed = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("papersView")
        self._service = PaperService(database)
        self._database = database
        self._dialog: AddPaperDialog | None = None
        self.model = PaperTableModel(self)
        self._refresh = RefreshWhenShown(self._load, self)
        self.proxy = _FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(PaperRole.FILTER)
        self.proxy.setFilterKeyColumn(PaperColumn.TITLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(PaperRole.SORT)
        # Started by the application (app.py), so a window built in a test asks nobody.
        self.lookups = PendingLookups(database, self)
        self.lookups.roundFinished.connect(self._on_lookups_done)
        self._build()

    def _build(self) -> None:
        self.filter_edit = QLineEdit(objectName="papersFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by title, author, venue, year or tag"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.add_button = QPushButton(self.tr("Add paper…"), objectName="addPaperButton")
        self.add_button.clicked.connect(self.add_paper)
        self.lookup_status = QLabel(objectName="pendingLookupStatus")
        self.lookup_status.hide()
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.lookup_status)
        top.addWidget(self.add_button)

        self.table = QTableView(objectName="papersTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PaperColumn.TITLE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PaperColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in PaperColumn:
            if column != PaperColumn.TITLE:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(0)  # fit the rows on screen, not all 20,000
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _build_detail(self) -> QWidget:
        pane = QWidget(objectName="paperDetail")
        self.title_label = QLabel(objectName="paperDetailTitle")
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.authors_label = QLabel(objectName="paperDetailAuthors")
        self.venue_label = QLabel(objectName="paperDetailVenue")
        self.ids_label = QLabel(objectName="paperDetailIds")
        for label in (self.title_label, self.authors_label, self.venue_label, self.ids_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pending_label = QLabel(objectName="paperDetailPending")
        self.pending_label.setWordWrap(True)
        self.look_up_button = QPushButton(self.tr("Look up now"), objectName="lookUpNowButton")
        self.look_up_button.clicked.connect(self.look_up_pending)
        self.abstract_view = QPlainTextEdit(objectName="paperDetailAbstract")
        self.abstract_view.setReadOnly(True)
        self.open_button = QPushButton(self.tr("Open link"), objectName="openPaperLinkButton")
        self.open_button.clicked.connect(self.open_link)
        self.trash_button = QPushButton(self.tr("Move to trash"), objectName="trashPaperButton")
        self.trash_button.clicked.connect(self.trash_current)
        row = QHBoxLayout()
        row.addWidget(self.ids_label, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.trash_button)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        pending_row = QHBoxLayout()
        pending_row.addWidget(self.pending_label, 1)
        pending_row.addWidget(self.look_up_button)
        layout.addLayout(pending_row)
        layout.addWidget(self.authors_label)
        layout.addWidget(self.venue_label)
        layout.addLayout(row)
        layout.addWidget(self.abstract_view, 1)
        self._show(None)
        return pane

    # -- public API ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the library again (now if shown, else when next shown), keeping the selection."""
        self._refresh.request()

    def _load(self) -> None:
        current = self.current_paper()
        try:
            rows = self._service.rows()
        except StudyappError as error:
            QMessageBox.warning(self, self.tr("Papers"), describe(error))
            return
        self.model.set_rows(rows)
        if current is not None:
            self.select_paper(current.id)
        else:
            self._show(None)

    def current_paper(self) -> PaperInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        paper = rows[0].data(PaperRole.PAPER)
        return paper if isinstance(paper, PaperInfo) else None

    def select_paper(self, paper_id: int) -> bool:
        """Select and show one paper, clearing the filter if it hides that paper."""
        if self._refresh.stale:
            self._refresh.refresh_now()  # asked for one paper: read the library even hidden
        row = self.model.row_of(paper_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def add_paper(self) -> AddPaperDialog:
        """Open the add-paper dialog (window-modal); it stays reachable as ``add_dialog``."""
        # BibTeX parsing (bibtexparser) loads with the dialog, not with the window.
        from studyapp.ui.papers.add_paper_dialog import AddPaperDialog

        dialog = AddPaperDialog(self._database, self)
        dialog.paperAdded.connect(self._on_added)
        dialog.openPaperRequested.connect(self.select_paper)
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()
        return dialog

    @property
    def add_dialog(self) -> AddPaperDialog | None:
        return self._dialog

    def trash_current(self) -> None:
        """Move the selected paper to the trash (File → Trash… brings it back)."""
        paper = self.current_paper()
        if paper is None:
            return
        try:
            TrashService(self._database).trash_paper(paper.id)
        except StudyappError as error:
            QMessageBox.warning(self, self.tr("Papers"), describe(error))
            return
        self.reload()
        self.changed.emit()

    def look_up_pending(self) -> None:
        """Ask now for the details of papers known by their id alone."""
        if self.lookups.check_now():
            self._set_lookup_status(self.tr("Looking up details…"))

    def open_link(self) -> None:
        paper = self.current_paper()
        if paper is not None and paper.link:
            QDesktopServices.openUrl(QUrl(paper.link))

    # -- reactions -------------------------------------------------------------------------

    def _on_added(self, paper_id: int) -> None:
        self.reload()
        self.select_paper(paper_id)
        self.changed.emit()

    def _on_lookups_done(self, filled: int, unanswered: int) -> None:
        if filled:
            self.reload()
            self.changed.emit()
            self._set_lookup_status(
                self.tr("Details filled in: {count} papers").format(count=filled)
            )
        elif unanswered:
            self._set_lookup_status(
                self.tr("Waiting for details: {count} papers (no answer yet)").format(
                    count=unanswered
                )
            )
        else:
            self._set_lookup_status("")

    def _set_lookup_status(self, text: str) -> None:
        self.lookup_status.setText(text)
        self.lookup_status.setVisible(bool(text))

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show(self.current_paper())

    def _show(self, paper: PaperInfo | None) -> None:
        pending = paper is not None and paper.details_pending
        self.pending_label.setVisible(pending)
        self.look_up_button.setVisible(pending)
        if paper is None:
            self.title_label.setText(self.tr("No paper selected"))
            for label in (self.authors_label, self.venue_label, self.ids_label):
                label.clear()
            self.abstract_view.clear()
            self.open_button.setEnabled(False)
            self.trash_button.setEnabled(False)
            return
        if pending:
            known = self.tr("arXiv id") if paper.arxiv_id else self.tr("DOI")
            self.pending_label.setText(
                self.tr(
                    "Details pending: only its {known} is known so far. They are looked up "
                    "when the network answers, and filled in without changing what you typed."
                ).format(known=known)
            )
        self.title_label.setText(paper.title)
        self.authors_label.setText(", ".join(paper.authors))
        venue = " · ".join(part for part in (paper.venue or "", str(paper.year or "")) if part)
        self.venue_label.setText(venue)
        # Empty lines take no room: a paper known by its id alone has neither yet.
        self.authors_label.setVisible(bool(paper.authors))
        self.venue_label.setVisible(bool(venue))
        ids = []
        if paper.arxiv_id:
            ids.append(self.tr("arXiv {id}").format(id=paper.arxiv_id))
        if paper.doi:
            ids.append(self.tr("DOI {doi}").format(doi=paper.doi))
        if paper.bibtex_key:
            ids.append(self.tr("BibTeX key {key}").format(key=paper.bibtex_key))
        self.ids_label.setText("  ·  ".join(ids))
        self.abstract_view.setPlainText(paper.abstract)
        self.open_button.setEnabled(bool(paper.link))
        self.open_button.setToolTip(paper.link or "")
        self.trash_button.setEnabled(True)
