"""The History dialog: earlier versions of one note, a diff against today's text, restore.

Restoring keeps the replaced text as a "before restore" version first, so the list always
offers the way back. The dialog stays open after a restore and emits ``restored(text)``;
the window puts that text into its editor.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFontDatabase, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.actor import Actor
from studyapp.core.db import Database
from studyapp.core.errors import StudyappError
from studyapp.core.services.history import (
    DiffLine,
    HistoryService,
    RevisionInfo,
    diff,
)
from studyapp.core.services.revisions import BODY
from studyapp.ui.errors_shown import describe

REVISION_ID_ROLE = Qt.ItemDataRole.UserRole
TIME_COLUMN, REASON_COLUMN, SIZE_COLUMN, AUTHOR_COLUMN = range(4)
# How strongly added/removed lines are tinted over the base colour; the base comes from
# the palette, so the tint stays readable in light and dark themes.
TINT = 0.28
GREEN = QColor("#2ea043")
RED = QColor("#e5534b")


def blend(base: QColor, tint: QColor, amount: float) -> str:
    def mix(a: int, b: int) -> int:
        return round(a + (b - a) * amount)

    return QColor(
        mix(base.red(), tint.red()), mix(base.green(), tint.green()), mix(base.blue(), tint.blue())
    ).name()


class HistoryDialog(QDialog):
    restored = Signal(str)

    def __init__(
        self,
        database: Database,
        session_id: int,
        field: str = BODY,
        current_text: str = "",
        parent: QWidget | None = None,
        *,
        actor: Actor | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("Note history"))
        self.resize(900, 560)
        self._history = HistoryService(database, actor)
        self._session_id = session_id
        self._field = field
        self._current = current_text
        self._revisions: list[RevisionInfo] = []

        self.list = QTreeWidget(objectName="historyList")
        self.list.setHeaderLabels(
            [self.tr("Time"), self.tr("Reason"), self.tr("Size"), self.tr("Written by")]
        )
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAllColumnsShowFocus(True)
        self.list.currentItemChanged.connect(self._show_selected)
        self.diff_view = QTextBrowser(objectName="historyDiff")
        self.diff_view.setOpenLinks(False)
        self.legend = QLabel(
            self.tr(
                "Green lines are only in the current text; red lines are only in this version."
            ),
            objectName="historyLegend",
            wordWrap=True,
        )
        self.empty_label = QLabel(
            self.tr("No earlier versions yet. One is kept every few minutes while you type."),
            objectName="historyEmpty",
            wordWrap=True,
        )
        self.status = QLabel(objectName="historyStatus", wordWrap=True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.restore_button = QPushButton(
            self.tr("&Restore this version"), objectName="restoreRevisionButton"
        )
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("historyCloseButton")

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.diff_view, 1)
        right_layout.addWidget(self.legend)
        split = QSplitter(Qt.Orientation.Horizontal, objectName="historySplitter")
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.reload()
        self.list.setFocus()

    # -- public ----------------------------------------------------------------------------

    def current_revision_id(self) -> int | None:
        item = self.list.currentItem()
        if item is None:
            return None
        value = item.data(TIME_COLUMN, REVISION_ID_ROLE)
        return value if isinstance(value, int) else None

    def reload(self, select_id: int | None = None) -> None:
        """Read the list afresh; select ``select_id`` or the newest version."""
        try:
            self._revisions = self._history.revisions(self._session_id, self._field)
        except StudyappError as error:
            self._revisions = []
            self._show_error(describe(error))
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for info in self._revisions:
                self.list.addTopLevelItem(self._item(info))
        finally:
            self.list.blockSignals(False)
        for column in (TIME_COLUMN, REASON_COLUMN, SIZE_COLUMN, AUTHOR_COLUMN):
            self.list.resizeColumnToContents(column)
        self.empty_label.setVisible(not self._revisions)
        row = next((n for n, i in enumerate(self._revisions) if i.id == select_id), 0)
        item = self.list.topLevelItem(row)
        if item is not None:
            self.list.setCurrentItem(item)
        else:
            self._show_selected(None)

    def restore_selected(self) -> None:
        revision_id = self.current_revision_id()
        if revision_id is None:
            return
        try:
            text = self._history.restore(self._session_id, revision_id)
        except StudyappError as error:
            self._show_error(describe(error))
            return
        info = next((i for i in self._revisions if i.id == revision_id), None)
        self._current = text
        self.restored.emit(text)
        self.reload(select_id=revision_id)
        when = self._when(info) if info else ""
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr(
                "Restored the version from {when}. The text it replaced is kept as "
                "“Before restore” at the top of the list."
            ).format(when=when)
        )

    # -- helpers ---------------------------------------------------------------------------

    def _item(self, info: RevisionInfo) -> QTreeWidgetItem:
        who = info.author or self.tr("—")
        item = QTreeWidgetItem([self._when(info), self._reason(info.reason), self._size(info), who])
        if not info.author:
            item.setToolTip(AUTHOR_COLUMN, self.tr("Written before members were recorded"))
        item.setData(TIME_COLUMN, REVISION_ID_ROLE, info.id)
        item.setToolTip(TIME_COLUMN, info.preview)
        item.setTextAlignment(SIZE_COLUMN, Qt.AlignmentFlag.AlignRight)
        return item

    def _when(self, info: RevisionInfo) -> str:
        return info.created_at.astimezone().strftime("%Y-%m-%d %H:%M")

    def _size(self, info: RevisionInfo) -> str:
        return self.tr("{count} chars").format(count=f"{info.size:,}")

    def _reason(self, reason: str) -> str:
        names = {
            "edit": self.tr("Edited"),
            "switch": self.tr("Session switch"),
            "before restore": self.tr("Before restore"),
            "conflict": self.tr("Saved elsewhere"),
            "reimport": self.tr("Before re-import"),
            "merged": self.tr("Merged with your typing"),
            "removed": self.tr("Slot removed"),
        }
        return names.get(reason, reason)

    def _show_selected(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        revision_id = self.current_revision_id() if item is not None else None
        self.restore_button.setEnabled(revision_id is not None)
        if revision_id is None:
            self.diff_view.clear()
            return
        try:
            old = self._history.content(revision_id)
        except StudyappError as error:
            self._show_error(describe(error))
            return
        self.diff_view.setHtml(self._diff_html(diff(old, self._current)))

    def _diff_html(self, lines: list[DiffLine]) -> str:
        if not lines:
            return "<p><i>{}</i></p>".format(html.escape(self.tr("Both texts are empty.")))
        if all(line.kind == "same" for line in lines):
            note = self.tr("This version is the same as the current text.")
            head = f"<p><i>{html.escape(note)}</i></p>"
        else:
            head = ""
        base = self.palette().color(QPalette.ColorRole.Base)
        backgrounds = {"added": blend(base, GREEN, TINT), "removed": blend(base, RED, TINT)}
        markers = {"same": "  ", "added": "+ ", "removed": "− "}
        family = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        rows = []
        for line in lines:
            style = "margin:0; white-space:pre-wrap;"
            if line.kind in backgrounds:
                style += f" background-color:{backgrounds[line.kind]};"
            text = html.escape(markers[line.kind] + line.text)
            rows.append(f'<p style="{style}">{text}</p>')
        return f"{head}<div style=\"font-family:'{family}';\">{''.join(rows)}</div>"

    def _show_error(self, message: str) -> None:
        self.status.setStyleSheet("QLabel { color: #d93025; }")
        self.status.setText(message)


def replace_text_undoably(editor: QPlainTextEdit, text: str) -> None:
    """Put ``text`` into ``editor`` as one edit, so Ctrl+Z in the editor brings the old back."""
    cursor = editor.textCursor()
    cursor.beginEditBlock()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertText(text)
    cursor.endEditBlock()


def open_history(
    database: Database,
    session_id: int | None,
    editor: QPlainTextEdit,
    flush: Callable[[], object],
    parent: QWidget,
    *,
    actor: Actor | None = None,
) -> HistoryDialog | None:
    """Open the History dialog of the session's body; a restore puts the text back into
    ``editor`` as one undoable step."""
    if session_id is None:
        return None
    flush()  # the list and "before restore" must see what was just typed
    dialog = HistoryDialog(database, session_id, BODY, editor.toPlainText(), parent, actor=actor)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.restored.connect(lambda text: replace_text_undoably(editor, text))
    dialog.open()  # window-modal: the editor cannot change under the dialog
    return dialog
