"""A plain main window: the session list beside a read-only preview of the minutes."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.db import Database
from studyapp.core.dto import SessionDetail
from studyapp.core.errors import StudyappError
from studyapp.core.services.sessions import SessionService

SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PlainWindow(QMainWindow):
    """Owns its database and disposes of it when closed."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.sessions = SessionService(database)
        self.setWindowTitle("studyapp")
        self.resize(1100, 700)

        self.session_list = QListWidget()
        self.session_list.setObjectName("sessionList")
        self.session_list.currentItemChanged.connect(self._show_current)

        self.demo_button = QPushButton(self.tr("Load demo study group"))
        self.demo_button.setObjectName("loadDemoButton")
        self.demo_button.clicked.connect(self.load_demo)
        self.empty_label = QLabel(self.tr("There are no sessions yet."))
        self.empty_label.setWordWrap(True)

        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.session_list)

        self.preview = QTextBrowser()
        self.preview.setObjectName("preview")
        self.preview.setReadOnly(True)
        self.preview.setOpenExternalLinks(True)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 720])  # titles are long; give the list room to show them
        self.setCentralWidget(splitter)

        location = database.path
        self.location_label = QLabel(
            str(location) if location else database.engine.url.render_as_string(hide_password=True)
        )
        self.statusBar().addPermanentWidget(self.location_label)
        self.refresh()

    # -- actions ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the list, keeping the selected session when it is still there."""
        current = self.current_session_id()
        self.session_list.clear()
        try:
            summaries = self.sessions.list_sessions()
        except StudyappError as error:
            self.statusBar().showMessage(str(error))
            summaries = []
        for summary in summaries:
            item = QListWidgetItem(
                f"{summary.date.isoformat()} · {summary.group} · {summary.title}"
            )
            item.setData(SESSION_ID_ROLE, summary.id)
            item.setToolTip(f"{summary.title}\n{summary.kind} · {summary.status}")
            self.session_list.addItem(item)
        empty = not summaries
        self.demo_button.setVisible(empty)
        self.empty_label.setVisible(empty)
        if empty:
            self.preview.clear()
            return
        row = 0
        for index in range(self.session_list.count()):
            if self.session_list.item(index).data(SESSION_ID_ROLE) == current:
                row = index
                break
        self.session_list.setCurrentRow(row)

    def load_demo(self) -> None:
        from studyapp.core.services.demo import load_demo

        try:
            result = load_demo(self.database)
        except StudyappError as error:
            self.statusBar().showMessage(str(error))
            return
        if result.created:
            self.statusBar().showMessage(
                self.tr("Loaded the demo: %n session(s).", "", result.sessions), 5000
            )
        self.refresh()

    def current_session_id(self) -> int | None:
        item = self.session_list.currentItem()
        return None if item is None else int(item.data(SESSION_ID_ROLE))

    # -- preview ---------------------------------------------------------------------------

    def _show_current(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None = None
    ) -> None:
        if current is None:
            self.preview.clear()
            return
        try:
            detail = self.sessions.get(int(current.data(SESSION_ID_ROLE)))
            self.preview.setHtml(self.preview_html(detail))
        except StudyappError as error:
            self.preview.clear()
            self.statusBar().showMessage(str(error))

    def preview_html(self, detail: SessionDetail) -> str:
        from studyapp.core.markdown.exporter import render_markdown
        from studyapp.core.markdown.html import render_fragment

        # The title lives in the front matter, which a fragment need not show; put it on top.
        meta = " · ".join((detail.date.isoformat(), detail.group, detail.kind, detail.status))
        return (
            f"<h1>{html.escape(detail.title)}</h1><p><i>{html.escape(meta)}</i></p>"
            f"{render_fragment(render_markdown(detail))}"
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.database.dispose()
        super().closeEvent(event)
