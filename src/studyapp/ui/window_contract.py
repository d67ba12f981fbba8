"""The main window as its menus and actions see it.

``main_actions.py``, ``session_actions.py`` and ``search_panel.py`` act on the window through
this face instead of its class, so the window imports them and none of them imports it.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget

from studyapp.core.db import Database
from studyapp.core.services.sessions import SessionService
from studyapp.ui.editor import MarkdownEditor
from studyapp.ui.papers.assignments_view import AssignmentsView
from studyapp.ui.papers.papers_view import PapersView
from studyapp.ui.session_header import SessionHeader
from studyapp.ui.sidebar import SessionSidebar


class SessionWindow(Protocol):
    """A ``QMainWindow`` (its own methods are used too) with these parts and duties."""

    database: Database
    sessions: SessionService
    session_id: int | None
    successor: QMainWindow | None  # the window of a database opened instead
    tabs: QTabWidget
    sidebar: SessionSidebar
    header: SessionHeader
    body_editor: MarkdownEditor
    papers_view: PapersView
    assignments_view: AssignmentsView
    main_split: QSplitter
    side_column: QSplitter

    def flush(self) -> bool: ...

    def select_session(self, session_id: int) -> None: ...

    def reload_sessions(self, select: int | None = None) -> None: ...

    def set_focus_mode(self, on: bool) -> None: ...

    def open_database_window(self, database: Database) -> QMainWindow:
        """A new window of the same kind on ``database``."""
        ...
