"""Ctrl+P: jump to any session by typing a few letters, 초성 or a date."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QInputMethodEvent,
    QKeyEvent,
    QPainter,
    QPalette,
    QShowEvent,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.db import Database
from studyapp.core.dto import SessionSummary
from studyapp.core.errors import StudyappError
from studyapp.core.fuzzy import FuzzyHit, FuzzyIndex
from studyapp.core.services.sessions import SessionService
from studyapp.ui.errors_shown import describe

RESULT_LIMIT = 50
DEBOUNCE_MS = 50
Index = QModelIndex | QPersistentModelIndex


def entry_text(summary: SessionSummary) -> str:
    """What a row shows and what the query is matched against."""
    return f"{summary.date.isoformat()} · {summary.group} · {summary.title}"


class SwitcherRole(enum.IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    POSITIONS = Qt.ItemDataRole.UserRole + 2  # indexes of the matched characters
    SUMMARY = Qt.ItemDataRole.UserRole + 3


class SwitcherResultModel(QAbstractListModel):
    """The ranked hits of the current query."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[FuzzyHit[SessionSummary]] = []

    def set_hits(self, hits: list[FuzzyHit[SessionSummary]]) -> None:
        self.beginResetModel()
        self._hits = hits
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return hit.text
        if role == SwitcherRole.ID:
            return hit.item.id
        if role == SwitcherRole.POSITIONS:
            return hit.positions
        if role == SwitcherRole.SUMMARY:
            return hit.item
        return None


class HighlightDelegate(QStyledItemDelegate):
    """Draws a row's text with the matched characters in bold, elided to fit."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""  # the style draws background, selection and focus; we draw the text
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is None:
            super().paint(painter, option, index)
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        rect = rect.adjusted(4, 0, -4, 0)
        positions = index.data(SwitcherRole.POSITIONS) or ()
        bold = QFont(opt.font)
        bold.setBold(True)
        # Measured in bold (the wider face), so the elided text always fits.
        shown = QFontMetrics(bold).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        kept = len(shown) if shown == text else max(len(shown) - 1, 0)
        layout = QTextLayout(shown, opt.font)
        layout.setFormats(_bold_ranges([p for p in positions if p < kept]))
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(rect.width())
        layout.endLayout()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(opt.palette.color(role))
        top = rect.top() + (rect.height() - line.height()) / 2
        layout.draw(painter, QPointF(rect.left(), top))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 10))


def _bold_ranges(positions: list[int]) -> list[QTextLayout.FormatRange]:
    """Runs of consecutive positions as bold format ranges."""
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    ranges: list[QTextLayout.FormatRange] = []
    for position in sorted(positions):
        if ranges and ranges[-1].start + ranges[-1].length == position:
            ranges[-1].length += 1
            continue
        span = QTextLayout.FormatRange()
        span.start, span.length, span.format = position, 1, fmt
        ranges.append(span)
    return ranges


class SwitcherInput(QLineEdit):
    """A line edit whose query includes the syllable the input method is still composing."""

    queryEdited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preedit = ""
        self.textChanged.connect(self.queryEdited)

    def query(self) -> str:
        text = self.text()
        if not self._preedit:
            return text
        cursor = self.cursorPosition()
        return text[:cursor] + self._preedit + text[cursor:]

    def reset(self) -> None:
        self._preedit = ""
        self.clear()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        self._preedit = event.preeditString()
        super().inputMethodEvent(event)
        self.queryEdited.emit()


class QuickSwitcher(QDialog):
    """A popup listing sessions that match what is typed; Enter opens one, Esc closes.

    Every session is read once each time the switcher opens, then ranked in memory on each
    keystroke, so typing stays smooth with many thousands of sessions.
    """

    sessionChosen = Signal(int)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickSwitcher")
        self.setWindowTitle(self.tr("Go to session"))
        self.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self._service = SessionService(database)
        self._index: FuzzyIndex[SessionSummary] = FuzzyIndex([], entry_text)

        self.input = SwitcherInput(self)
        self.input.setObjectName("quickSwitcherInput")
        self.input.setPlaceholderText(self.tr("Go to a session: title, group, ㄹㄷ, 0310…"))
        self.input.setClearButtonEnabled(True)
        self.input.installEventFilter(self)

        self.model = SwitcherResultModel(self)
        self.results = QListView(self)
        self.results.setObjectName("quickSwitcherList")
        self.results.setModel(self.model)
        self.results.setItemDelegate(HighlightDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing always goes to the input
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.clicked.connect(self._choose)

        self.status = QLabel(self)
        self.status.setObjectName("quickSwitcherStatus")
        self.status.setWordWrap(True)

        frame = QFrame(self)  # frameless window: the frame draws the popup's edge
        frame.setObjectName("quickSwitcherFrame")
        frame.setFrameShape(QFrame.Shape.Box)
        frame.setForegroundRole(QPalette.ColorRole.Mid)  # a plain frame's line colour
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(8, 8, 8, 8)
        inner.addWidget(self.input)
        inner.addWidget(self.results, 1)
        inner.addWidget(self.status)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.input.queryEdited.connect(self._debounce.start)
        self.resize(680, 420)

    # -- opening ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        self._place()
        self.reload()
        super().showEvent(event)
        self.input.setFocus()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        window = parent.window()
        width = max(420, min(720, int(window.width() * 0.8)))
        self.resize(width, self.height())
        origin = window.mapToGlobal(window.rect().topLeft())
        self.move(origin.x() + (window.width() - width) // 2, origin.y() + window.height() // 8)

    def reload(self) -> None:
        """Read every session again and show the most recent ones."""
        self._debounce.stop()
        self.input.reset()
        try:
            entries = self._service.switcher_entries()
        except StudyappError as error:
            self._index = FuzzyIndex([], entry_text)
            self.model.set_hits([])
            self.status.setText(describe(error))
            return
        self._index = FuzzyIndex(entries, entry_text)
        self.refresh()

    # -- searching -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Rank the sessions for the current query now (normally after a short pause)."""
        self._debounce.stop()
        query = self.input.query()
        self.model.set_hits(self._index.search(query, RESULT_LIMIT))
        if self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0))
            self.status.setText(self.tr("↑↓ move · Enter opens · Esc closes"))
        elif not len(self._index):
            self.status.setText(self.tr("There are no sessions yet."))
        else:
            self.status.setText(self.tr("No session matches “{query}”.").format(query=query))

    def current_session_id(self) -> int | None:
        index = self.results.currentIndex()
        return index.data(SwitcherRole.ID) if index.isValid() else None

    # -- keys ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.input and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self._handle_key(event):
                return True
        return super().eventFilter(watched, event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._debounce.isActive():  # typed faster than the pause: rank what was typed
                self.refresh()
            self._choose(self.results.currentIndex())
            return True
        steps: dict[int, int] = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_PageDown: 10,
            Qt.Key.Key_PageUp: -10,
        }
        step = steps.get(key)
        if step is None:
            return False
        rows = self.model.rowCount()
        if rows:
            row = self.results.currentIndex().row()
            row = min(max(row + step, 0), rows - 1) if row >= 0 else 0
            self.results.setCurrentIndex(self.model.index(row))
        return True

    def _choose(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        session_id = int(index.data(SwitcherRole.ID))
        self.accept()
        self.sessionChosen.emit(session_id)
