"""Importing notes dropped on the window: which drops to accept, and starting the import.

The main window calls ``accept_note_drag`` from ``dragEnterEvent``/``dragMoveEvent`` and, in
``dropEvent``, ``import_dropped(self, database, note_paths_from_mime(event.mimeData()))``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from studyapp.core.db import Database
from studyapp.core.markdown.reading import NOTE_SUFFIXES
from studyapp.ui.dialogs.import_dialog import ImportDialog


def note_paths_from_mime(mime: QMimeData) -> list[Path]:
    """Local note files (.md, .markdown, .txt) and folders among the dropped URLs."""
    if not mime.hasUrls():
        return []
    found: list[Path] = []
    for url in mime.urls():
        if not url.isLocalFile():
            continue  # a web link or a remote file: nothing to read from disk
        path = Path(url.toLocalFile())
        try:
            wanted = path.is_dir() or (path.is_file() and path.name.lower().endswith(NOTE_SUFFIXES))
        except OSError:  # an unreadable network share must not break dragging
            wanted = False
        if wanted and path not in found:
            found.append(path)
    return found


def accepts_drop(mime: QMimeData) -> bool:
    return bool(note_paths_from_mime(mime))


def accept_note_drag(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
    """Accept the drag when it carries notes (the cursor shows a copy), else ignore it."""
    if accepts_drop(event.mimeData()):
        event.acceptProposedAction()
        return True
    event.ignore()
    return False


def import_dropped(parent: QWidget, database: Database, paths: Sequence[Path]) -> ImportDialog:
    """Show an import dialog for ``paths`` and start importing at once.

    An idle import dialog already open on ``parent`` is reused, so repeated drops do not
    pile up windows; one still busy is left alone and a new one opens.
    """
    dialog = next(
        (
            child
            for child in parent.findChildren(ImportDialog)
            if child.parent() is parent and not child.is_running()
        ),
        None,
    )
    if dialog is None:
        dialog = ImportDialog(database, parent=parent)
    dialog.set_paths(paths)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.start()
    return dialog
