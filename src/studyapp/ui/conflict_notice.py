"""What the window says when another writer's change overlapped the user's typing.

The user's text was saved and the other one kept in the note's history. A bar above the
editor says so without taking the keyboard (typing goes on); its button opens the two
texts side by side, each read-only, the lines only one of them has tinted.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.services.history import DiffKind, DiffLine, diff
from studyapp.ui.history_dialog import GREEN, RED, TINT, blend


class ConflictNotice(QFrame):
    """Hidden until :meth:`show_conflict`; closed by its × or by opening another session."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictNotice")
        self.setStyleSheet(
            "QFrame#conflictNotice { background: #8a5a00; }"
            " QFrame#conflictNotice QLabel { color: white; font-weight: bold; }"
        )
        self.session_id: int | None = None
        self.theirs = ""
        self.mine = ""
        self.dialog: CompareDialog | None = None
        self.label = QLabel(
            self.tr(
                "Another writer changed this note while you were typing; your text was kept "
                "and theirs saved in the history."
            ),
            objectName="conflictMessage",
            wordWrap=True,
        )
        self.compare_button = QPushButton(
            self.tr("Compare side by side"), objectName="conflictCompareButton"
        )
        self.close_button = QPushButton("×", objectName="conflictCloseButton")
        self.close_button.setToolTip(self.tr("Hide this notice"))
        for button in (self.compare_button, self.close_button):
            # Clicking the bar must not take the keyboard from the editor.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
        self.compare_button.clicked.connect(self.compare)
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.compare_button)
        layout.addWidget(self.close_button)
        self.hide()

    def show_conflict(self, session_id: int, theirs: str, mine: str) -> None:
        self.session_id, self.theirs, self.mine = session_id, theirs, mine
        self.show()

    def dismiss(self) -> None:
        self.session_id = None
        self.hide()

    def compare(self) -> CompareDialog:
        """The two texts side by side, in a window of its own that leaves the editor usable."""
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = CompareDialog(self.theirs, self.mine, self.window())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget_dialog)
        self.dialog.show()
        return self.dialog

    def _forget_dialog(self) -> None:
        self.dialog = None


class CompareDialog(QDialog):
    def __init__(self, theirs: str, mine: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(self.tr("Two versions of this note"))
        self.setModal(False)
        self.resize(1000, 600)
        lines = diff(theirs, mine)
        self.theirs_view = self._view("compareTheirs", lines, "removed")
        self.mine_view = self._view("compareMine", lines, "added")
        split = QSplitter(Qt.Orientation.Horizontal, objectName="compareSplitter")
        split.addWidget(self._titled(self.tr("Theirs (kept in the history)"), self.theirs_view))
        split.addWidget(self._titled(self.tr("Yours (saved)"), self.mine_view))
        legend = QLabel(
            self.tr(
                "Tinted lines are in one version only. Copy what you need from theirs into "
                "the editor; the history (Ctrl+Shift+H) can also bring theirs back whole."
            ),
            objectName="compareLegend",
            wordWrap=True,
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(legend)
        layout.addWidget(buttons)

    def _view(self, name: str, lines: list[DiffLine], own: DiffKind) -> QTextBrowser:
        """One side: the lines both have, and (tinted) the lines only this one has."""
        view = QTextBrowser(objectName=name)
        view.setOpenLinks(False)
        base = self.palette().color(QPalette.ColorRole.Base)
        tint = blend(base, RED if own == "removed" else GREEN, TINT)
        family = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        rows = []
        for line in lines:
            if line.kind not in ("same", own):
                continue
            style = "margin:0; white-space:pre-wrap;"
            if line.kind == own:
                style += f" background-color:{tint};"
            rows.append(f'<p style="{style}">{html.escape(line.text) or "&nbsp;"}</p>')
        view.setHtml(f"<div style=\"font-family:'{family}';\">{''.join(rows)}</div>")
        return view

    @staticmethod
    def _titled(title: str, view: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"<b>{html.escape(title)}</b>"))
        layout.addWidget(view, 1)
        return box
