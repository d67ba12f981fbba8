"""To-do rows that wrap: sized and drawn from one text layout, fonts per script included."""

from __future__ import annotations

import math
from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPointF, QRect, QSize
from PySide6.QtGui import QColor, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

Index = QModelIndex | QPersistentModelIndex
_CACHE_LIMIT = 2000  # laid-out texts kept: a few sessions' worth of to-dos
_LayoutKey = tuple[str, str, int, int]


class WrappingItemDelegate(QStyledItemDelegate):
    """Lays each row's text out once, for its height and for drawing it.

    Qt's own delegate measures wrapped lines with the base font, so a two-line Korean to-do
    got a row too short for it and was elided; and it shaped the text again on every size
    request and every paint, which was most of the time a session switch spent on its to-dos.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._layouts: OrderedDict[_LayoutKey, QTextLayout] = OrderedDict()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget, text = opt.widget, opt.text
        if widget is None or not text or opt.rect.width() <= 0:
            return super().sizeHint(option, index)
        style = widget.style()
        layout = self._layout(opt, self._text_rect(style, opt, widget).width())
        lines = [layout.lineAt(n) for n in range(layout.lineCount())]
        opt.text = ""  # the check box and margins alone; the text is measured above
        frame = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, opt, QSize(), widget)
        margin = _text_margin(style, widget)
        width = frame.width() + math.ceil(max(line.naturalTextWidth() for line in lines))
        height = math.ceil(sum(line.height() for line in lines)) + 2 * margin + 2
        # Never wider than the row Qt offers: the text already wraps to fit it.
        return QSize(min(width + 2 * margin, opt.rect.width()), max(frame.height(), height))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        if widget is None or not opt.text:
            super().paint(painter, option, index)
            return
        style = widget.style()
        text_rect = self._text_rect(style, opt, widget)
        margin = _text_margin(style, widget)
        layout = self._layout(opt, text_rect.width())
        opt.text = ""  # background, check box and focus frame as the style draws them
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        height = sum(layout.lineAt(n).height() for n in range(layout.lineCount()))
        top = text_rect.top() + max(0.0, (text_rect.height() - height) / 2)
        painter.save()
        painter.setPen(_text_color(opt))
        painter.setClipRect(text_rect)
        layout.draw(painter, QPointF(text_rect.left() + margin, top))
        painter.restore()

    # -- the layouts -----------------------------------------------------------------------

    def _text_rect(self, style: QStyle, opt: QStyleOptionViewItem, widget: QWidget) -> QRect:
        return style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)

    def _layout(self, opt: QStyleOptionViewItem, text_width: int) -> QTextLayout:
        """``opt.text`` laid out in its font, wrapped to the text area of ``text_width``."""
        widget = opt.widget
        margin = _text_margin(widget.style(), widget) if widget is not None else 0
        width = max(1, text_width - 2 * margin)
        key = (opt.text, opt.font.key(), width, int(opt.direction.value))
        layout = self._layouts.get(key)
        if layout is not None:
            self._layouts.move_to_end(key)
            return layout
        layout = QTextLayout(opt.text, opt.font)
        text_option = QTextOption()
        # Long links and unbroken Hangul runs wrap anywhere rather than run out of the row.
        text_option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        text_option.setTextDirection(opt.direction)
        text_option.setAlignment(QStyle.visualAlignment(opt.direction, opt.displayAlignment))
        layout.setTextOption(text_option)
        layout.setCacheEnabled(True)  # keeps the shaped glyphs for the paints to come
        y = 0.0
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        self._layouts[key] = layout
        if len(self._layouts) > _CACHE_LIMIT:
            self._layouts.popitem(last=False)
        return layout


def _text_margin(style: QStyle, widget: QWidget) -> int:
    """The padding Qt keeps on each side of an item's text."""
    return style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1


def _text_color(opt: QStyleOptionViewItem) -> QColor:
    """The pen Qt's item views write text with: highlighted when selected, dim when disabled."""
    state = opt.state
    if not state & QStyle.StateFlag.State_Enabled:
        group = QPalette.ColorGroup.Disabled
    elif not state & QStyle.StateFlag.State_Active:
        group = QPalette.ColorGroup.Inactive
    else:
        group = QPalette.ColorGroup.Normal
    selected = bool(state & QStyle.StateFlag.State_Selected)
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    return opt.palette.color(group, role)
