"""The search box in the toolbar and its results dock (Ctrl+Shift+F)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QToolBar,
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
            snippet = hit.snippet.replace("**", "")
            item = QListWidgetItem(f"{hit.date.isoformat()} · {hit.title}\n{snippet}")
            item.setData(HIT_ROLE, hit)
            self.results.addItem(item)
        if not hits:
            self.results.addItem(
                translate("MainWindow", "Nothing found for “{query}”").format(query=query)
            )
        self.dock.show()

    def _open(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if hit is not None:
            self.matchChosen.emit(hit)


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
