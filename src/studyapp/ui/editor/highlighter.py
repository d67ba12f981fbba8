"""Per-block Markdown highlighting.

Every offset comes from QRegularExpression run on the block text, so offsets are UTF-16
code units like QSyntaxHighlighter.setFormat expects: an emoji before a bold span moves
the span by two, a Hangul syllable by one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRegularExpression, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
)

from studyapp.ui.theme import mix

# Tests and tools read the kind of a span from this format property.
KIND_PROPERTY = QTextFormat.Property.UserProperty + 1

_UNICODE = QRegularExpression.PatternOption.UseUnicodePropertiesOption


def _rx(pattern: str) -> QRegularExpression:
    return QRegularExpression(pattern, _UNICODE)


# Block states: 0 is plain Markdown; inside a fence the state is length * 2 + kind bit,
# so a ```` fence is only closed by four or more backticks.
_NORMAL = 0
# A loaded text's blocks past the screen are highlighted this long after it shows, so a
# session switch paints first, then this many blocks at a time.
REST_DELAY_MS = 100
REST_CHUNK = 120
_FENCE_OPEN = _rx(r"^[ \t]*(`{3,}(?=[^`]*$)|~{3,})")
_FENCE_CLOSE = _rx(r"^[ \t]*(`{3,}|~{3,})[ \t]*$")

_QUOTE = _rx(r"^[ \t]*(?:>[ \t]?)+")
# \G anchors where matching starts, which is just after a quote prefix when there is one.
_HEADING = _rx(r"\G {0,3}(#{1,6})(?=[ \t]|$)")
_RULE = _rx(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# Any character in the box is a status, as the Tasks plugin reads it ([/] in progress, [-] …).
_ITEM = _rx(r"\G[ \t]*([-*+]|\d{1,9}[.)])[ \t]+(?:(\[.\])(?=[ \t]|$))?")

_CODE = _rx(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_BOLD = _rx(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC_STAR = _rx(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)")
_ITALIC_UNDERSCORE = _rx(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_LINK = _rx(r"!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_WIKILINK = _rx(r"!?\[\[([^\]\n]+?)\]\]")
_URL = _rx(r"(?<![(<\w])https?://[^\s)>\]]+")
_TASK_DATE = _rx(r"(?:📅|🗓|📆|⏳|⌛|🛫|➕|✅|❌)\x{FE0F}?[ \t]*\d{4}-\d{2}-\d{2}")
_TASK_SIGN = _rx(r"(?:🔁|🔺|⏫|🔼|🔽|⏬|🏁|🆔|⛔)\x{FE0F}?")

# Inline rules, each with strings one of which any match contains: a line holding none of
# them skips the rule (most lines of notes have no markup at all, and highlighting every
# line of a note again is part of opening a session). Later rules win where spans overlap;
# code goes last so nothing inside it is styled.
_INLINE: tuple[tuple[QRegularExpression, str, tuple[str, ...]], ...] = (
    (_TASK_SIGN, "task_sign", ("🔁", "🔺", "⏫", "🔼", "🔽", "⏬", "🏁", "🆔", "⛔")),
    (_TASK_DATE, "date", ("📅", "🗓", "📆", "⏳", "⌛", "🛫", "➕", "✅", "❌")),
    (_ITALIC_STAR, "italic", ("*",)),
    (_ITALIC_UNDERSCORE, "italic", ("_",)),
    (_BOLD, "bold", ("**", "__")),
    (_URL, "url", ("://",)),
    (_LINK, "link", ("](",)),
    (_WIKILINK, "wikilink", ("[[",)),
    (_CODE, "code", ("`",)),
)


def _fmt(
    kind: str,
    color: QColor | None = None,
    *,
    bold: bool = False,
    italic: bool = False,
    strike: bool = False,
    underline: bool = False,
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setProperty(KIND_PROPERTY, kind)
    if color is not None:
        fmt.setForeground(color)
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if strike:
        fmt.setFontStrikeOut(True)
    if underline:
        fmt.setFontUnderline(True)
    return fmt


class MarkdownHighlighter(QSyntaxHighlighter):
    """Highlights Markdown one block at a time; colours follow a palette."""

    def __init__(self, document: QTextDocument, palette: QPalette | None = None) -> None:
        super().__init__(document)
        self._formats: dict[str, QTextCharFormat] = {}
        # Loading a whole text: blocks from _lazy_from on only get their fence state; the
        # rest of their highlighting waits for _rest_timer (from block _pending on).
        self._lazy_from: int | None = None
        self._pending: int | None = None
        self._rest_timer = QTimer(self, singleShot=True, interval=REST_DELAY_MS)
        self._rest_timer.timeout.connect(self._highlight_some)
        self.set_palette_colors(palette if palette is not None else QPalette())

    def load_lazily(self, load: Callable[[], None], eager_blocks: int | None) -> None:
        """Run ``load``, which replaces the whole text, highlighting only its first
        ``eager_blocks`` blocks (what the screen shows) at once; the rest follow from the
        event loop a chunk at a time, or at once by :meth:`finish`. None: all at once."""
        self._pending = None
        self._rest_timer.stop()
        self._lazy_from = eager_blocks
        try:
            load()
        finally:
            self._lazy_from = None
        if eager_blocks is not None and self.document().blockCount() > eager_blocks:
            self._pending = eager_blocks
            self._rest_timer.start(REST_DELAY_MS)

    def pending(self) -> bool:
        """Blocks of the loaded text are still waiting for their highlighting."""
        return self._pending is not None

    def finish(self) -> None:
        """Highlight every block still waiting (the view is about to show more of them)."""
        while self._pending is not None:
            self._highlight_some(limit=None)

    def _highlight_some(self, limit: int | None = REST_CHUNK) -> None:
        document = self.document()
        if self._pending is None or document is None:
            return
        block = document.findBlockByNumber(self._pending)
        done = 0
        # Formats are no change of the text: the editor must not take them for typing
        # (a save, a revision, the word count again).
        was_blocked = document.blockSignals(True)
        try:
            while block.isValid() and (limit is None or done < limit):
                self.rehighlightBlock(block)  # its fence state is right: no cascade
                block = block.next()
                done += 1
        finally:
            document.blockSignals(was_blocked)
        if block.isValid():
            self._pending = block.blockNumber()
            self._rest_timer.start(0)
        else:
            self._pending = None

    def format_for(self, kind: str) -> QTextCharFormat:
        """The format used for ``kind`` (``"heading1"``, ``"bold"``, ``"task_done"`` …)."""
        return QTextCharFormat(self._formats[kind])

    def set_palette_colors(self, palette: QPalette) -> None:
        """Derive every colour from ``palette`` and highlight again."""
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        dark = base.lightnessF() < 0.5
        link = palette.color(QPalette.ColorRole.Link)
        accent = palette.color(QPalette.ColorRole.Highlight)
        # Fixed hues keep headings and dates distinct; mixing with the text colour keeps
        # them readable on both light and dark backgrounds.
        blue = QColor("#7aa2f7") if dark else QColor("#1f4e9c")
        orange = QColor("#e0af68") if dark else QColor("#9a5b00")
        green = QColor("#9ece6a") if dark else QColor("#2e7d32")
        dim = mix(text, base, 0.45)
        code_bg = mix(base, text, 0.08)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).families()

        formats = {
            "marker": _fmt("marker", dim),
            "quote": _fmt("quote", mix(text, base, 0.25), italic=True),
            "rule": _fmt("rule", dim),
            "bullet": _fmt("bullet", mix(accent, text, 0.3), bold=True),
            "task_box": _fmt("task_box", mix(accent, text, 0.3), bold=True),
            "task_done": _fmt("task_done", dim, strike=True),
            "bold": _fmt("bold", bold=True),
            "italic": _fmt("italic", italic=True),
            "link": _fmt("link", link, underline=True),
            "url": _fmt("url", mix(link, base, 0.35)),
            "wikilink": _fmt("wikilink", link, underline=True),
            "date": _fmt("date", orange, bold=True),
            "task_sign": _fmt("task_sign", orange),
            "code": _fmt("code", green),
            "fence": _fmt("fence", dim),
            "code_block": _fmt("code_block", green),
        }
        for kind in ("code", "code_block", "fence"):
            formats[kind].setFontFamilies(mono)
            formats[kind].setBackground(code_bg)
        for level in range(1, 7):
            strength = 1.0 - (level - 1) * 0.12
            formats[f"heading{level}"] = _fmt(
                f"heading{level}", mix(text, blue, strength), bold=True
            )
        self._formats = formats
        self.rehighlight()

    # QSyntaxHighlighter calls this for each changed block only.
    def highlightBlock(self, text: str) -> None:
        previous = self.previousBlockState()
        if self._lazy_from is not None and self.currentBlock().blockNumber() >= self._lazy_from:
            self._fence_state(text, previous)
            return
        if previous > _NORMAL:
            self._continue_fence(text, previous)
            return
        self.setCurrentBlockState(_NORMAL)
        opening = _FENCE_OPEN.match(text)
        if opening.hasMatch():
            fence = opening.captured(1)
            self.setFormat(0, len(text.encode("utf-16-le")) // 2, self._formats["fence"])
            self.setCurrentBlockState(len(fence) * 2 + (1 if fence[0] == "~" else 0))
            return
        self._markdown_line(text)

    def _fence_state(self, text: str, previous: int) -> None:
        """The block state highlightBlock would leave, without any formats: the blocks
        after it are highlighted later, one at a time, and must start in the right state."""
        if previous > _NORMAL:
            closing = _FENCE_CLOSE.match(text)
            fence = closing.captured(1) if closing.hasMatch() else ""
            kind_bit = 1 if fence[:1] == "~" else 0
            closed = fence and kind_bit == previous % 2 and len(fence) >= previous // 2
            self.setCurrentBlockState(_NORMAL if closed else previous)
            return
        opening = _FENCE_OPEN.match(text)
        if opening.hasMatch():
            fence = opening.captured(1)
            self.setCurrentBlockState(len(fence) * 2 + (1 if fence[0] == "~" else 0))
        else:
            self.setCurrentBlockState(_NORMAL)

    def _continue_fence(self, text: str, state: int) -> None:
        length = len(text.encode("utf-16-le")) // 2
        closing = _FENCE_CLOSE.match(text)
        fence = closing.captured(1) if closing.hasMatch() else ""
        kind_bit = 1 if fence[:1] == "~" else 0
        if fence and kind_bit == state % 2 and len(fence) >= state // 2:
            self.setFormat(0, length, self._formats["fence"])
            self.setCurrentBlockState(_NORMAL)
            return
        self.setFormat(0, length, self._formats["code_block"])
        self.setCurrentBlockState(state)

    def _markdown_line(self, text: str) -> None:
        length = len(text.encode("utf-16-le")) // 2
        lead = text.lstrip(" \t")[:1]  # rules, quotes and list items start with a mark
        if lead in ("-", "*", "_") and _RULE.match(text).hasMatch():
            self.setFormat(0, length, self._formats["rule"])
            return
        pos = 0
        base = QTextCharFormat()
        quote = _QUOTE.match(text) if lead == ">" else None
        if quote is not None and quote.hasMatch():
            pos = quote.capturedEnd()
            self.setFormat(0, pos, self._formats["marker"])
            base = QTextCharFormat(self._formats["quote"])

        heading = _HEADING.match(text, pos) if "#" in text else None
        if heading is not None and heading.hasMatch():
            level = heading.capturedLength(1)
            base.merge(self._formats[f"heading{level}"])
            marker = QTextCharFormat(base)
            marker.merge(self._formats["marker"])
            self.setFormat(pos, heading.capturedEnd() - pos, marker)
            pos = heading.capturedEnd()
        else:
            pos, base = self._list_marker(text, pos, base)
        if base.propertyCount():
            self.setFormat(pos, length - pos, base)
        self._inline(text, pos, base)

    def _list_marker(
        self, text: str, pos: int, base: QTextCharFormat
    ) -> tuple[int, QTextCharFormat]:
        item = _ITEM.match(text, pos)
        if not item.hasMatch():
            return pos, base
        self.setFormat(item.capturedStart(1), item.capturedLength(1), self._formats["bullet"])
        if item.capturedLength(2):
            self.setFormat(item.capturedStart(2), item.capturedLength(2), self._formats["task_box"])
            if item.captured(2)[1] in "xX-":  # done, or cancelled: nothing left to do
                base = QTextCharFormat(base)
                base.merge(self._formats["task_done"])
        return item.capturedEnd(), base

    def _inline(self, text: str, start: int, base: QTextCharFormat) -> None:
        for regex, kind, needles in _INLINE:
            if not any(needle in text for needle in needles):
                continue
            matches = regex.globalMatch(text, start)
            if not matches.hasNext():
                continue
            fmt = QTextCharFormat(base)
            fmt.merge(self._formats[kind])
            while matches.hasNext():
                match = matches.next()
                self.setFormat(match.capturedStart(), match.capturedLength(), fmt)
