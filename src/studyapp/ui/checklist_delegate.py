"""Row heights that fit wrapped Hangul: fallback fonts have taller lines than the base font."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem


class WrappingItemDelegate(QStyledItemDelegate):
    """Sizes each row by laying its text out for real, fonts per script included.

    Qt's own size hint measures wrapped lines with the base font, so a two-line Korean
    to-do gets a row too short for it and is elided.
    """

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        if not opt.text or opt.rect.width() <= 0:
            return size
        style = opt.widget.style() if opt.widget is not None else None
        if style is None:
            return size
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, opt, opt.widget) + 1
        width = max(1, text_rect.width() - 2 * margin)
        layout = QTextLayout(opt.text, opt.font)
        text_option = QTextOption()
        text_option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(text_option)
        height = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            height += line.height()
        layout.endLayout()
        needed = int(height + 0.999) + 2 * margin + 2
        return QSize(size.width(), max(size.height(), needed))
