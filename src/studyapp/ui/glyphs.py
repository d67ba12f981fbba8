"""Whether text can be drawn with the fonts installed, fallbacks included.

Qt draws a character no installed font has as an empty box: an emoji in a hint is worse
than none on a system without an emoji font.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextLayout


def can_draw(text: str, font: QFont) -> bool:
    """True when every character of ``text`` gets a glyph from ``font`` or a font Qt falls
    back to; a missing one is glyph 0 (the box)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return all(0 not in run.glyphIndexes() for run in layout.glyphRuns())
