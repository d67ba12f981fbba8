"""The search box in the toolbar and its results dock (Ctrl+Shift+F)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDockWidget,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from studyapp.core.db import Database
from studyapp.core.errors import StudyappError
from studyapp.core.services.search import SearchHit, SearchService
from studyapp.ui.editor import MarkdownEditor
from studyapp.ui.editor.selection import select_text
from studyapp.ui.errors_shown import describe

if TYPE_CHECKING:
    from studyapp.ui.window_contract import SessionWindow

SEARCH_DELAY_MS = 150
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
# The window's translation context: these texts belong to its toolbar and docks.
translate = QCoreApplication.translate


class SearchPanel(QObject):
    matchChosen = Signal(object)  # the SearchHit the user picked

    def __init__(self, window: QMainWindow, database: Database) -> None:
        super().__init__(window)
        self.window = window
        self.database = database
        toolbar = QToolBar(translate("MainWindow", "Search"), window, objectName="searchToolbar")
        toolbar.setMovable(False)
        self.search_box = QLineEdit(objectName="searchBox")
        self.search_box.setPlaceholderText(
            translate("MainWindow", "Search notes, papers and to-dos (Ctrl+Shift+F)")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMaximumWidth(420)
        toolbar.addWidget(self.search_box)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.results = QListWidget(objectName="searchResults")
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.dock = QDockWidget(
            translate("MainWindow", "Search results"), window, objectName="searchDock"
        )
        self.dock.setWidget(self.results)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.dock.hide()
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run)
        self.search_box.textChanged.connect(self._timer.start)
        self.search_box.returnPressed.connect(self.run)
        self.results.itemActivated.connect(self._open)
        self.results.itemClicked.connect(self._open)

    def focus(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def run(self) -> None:
        query = self.search_box.text().strip()
        self.results.clear()
        if not query:
            self.dock.hide()
            return
        try:
            hits = SearchService(self.database).search(query)
        except StudyappError as error:
            self.window.statusBar().showMessage(describe(error), 8000)
            return
        for hit in hits:
            self._add_hit(hit)
        if not hits:
            self.results.addItem(
                translate("MainWindow", "Nothing found for “{query}”").format(query=query)
            )
        self.dock.show()

    def _add_hit(self, hit: SearchHit) -> None:
        """A result row: date and title, the snippet, and where it matched in grey."""
        snippet = hit.snippet.replace("**", "")
        heading = f"{hit.date.isoformat()} · {hit.title}"
        item = QListWidgetItem(f"{heading}\n{snippet}")
        item.setData(HIT_ROLE, hit)
        self.results.addItem(item)
        row = QWidget(objectName="searchHit")
        layout = QGridLayout(row)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setVerticalSpacing(0)
        title = QLabel(heading, row)
        title.setTextFormat(Qt.TextFormat.PlainText)
        # A long title gives way to the label rather than widen the dock.
        title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        where = QLabel(matched_in_label(hit.matched_in), row, objectName="matchedIn")
        where.setTextFormat(Qt.TextFormat.PlainText)
        font = where.font()
        font.setPointSizeF(font.pointSizeF() * 0.85)
        where.setFont(font)
        where.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # grey in every theme
        text = QLabel(snippet, row, objectName="searchSnippet")
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        layout.addWidget(title, 0, 0)
        layout.addWidget(where, 0, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(text, 1, 0, 1, 2)
        layout.setColumnStretch(0, 1)
        # The row draws the item; its own text stays for accessibility and keyboard search.
        item.setForeground(Qt.GlobalColor.transparent)
        width = self.results.viewport().width()
        item.setSizeHint(QSize(width, row.heightForWidth(width)))
        self.results.setItemWidget(item, row)

    def _open(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if hit is not None:
            self.matchChosen.emit(hit)


def matched_in_label(matched_in: str) -> str:
    """A hit's ``matched_in`` as the results dock shows it, translated."""
    labels = {
        "title": translate("SearchPanel", "title"),
        "body": translate("SearchPanel", "notes"),
        "attendance": translate("SearchPanel", "attendance"),
        "tags": translate("SearchPanel", "tags"),
        "paper": translate("SearchPanel", "paper"),
        "presenter": translate("SearchPanel", "presenter"),
        "to-do": translate("SearchPanel", "to-do"),
        "front matter": translate("SearchPanel", "front matter"),
    }
    return labels.get(matched_in, matched_in)


def reveal_match(window: SessionWindow, hit: SearchHit) -> None:
    """Open the hit's session and select the matched text where it was found."""
    window.select_session(hit.session_id)
    window.tabs.setCurrentIndex(0)
    editor: MarkdownEditor | None = None
    if hit.field == "body":
        editor = window.body_editor
    elif hit.field == "title":
        window.header.title_edit.setFocus()
        if hit.start is not None and hit.length:
            window.header.title_edit.setSelection(hit.start, hit.length)
        return
    if editor is None or hit.start is None:
        return
    select_text(editor, hit.start, hit.length or 0)
    editor.setFocus()
