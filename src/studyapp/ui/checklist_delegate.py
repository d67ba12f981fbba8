"""Row heights that fit wrapped Hangul: fallback fonts have taller lines than the base font."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSize
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

_CACHE_LIMIT = 4000


class WrappingItemDelegate(QStyledItemDelegate):
    """Sizes each row by laying its text out for real, fonts per script included.

    Qt's own size hint measures wrapped lines with the base font, so a two-line Korean
    to-do gets a row too short for it and is elided.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Laying text out is the slow part of showing a list, and the same rows are measured
        # again on every relayout and session switch; the answer depends only on these inputs.
        self._sizes: dict[tuple[str, str, int, int, int], QSize] = {}

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        key = (
            opt.text,
            opt.font.key(),
            opt.rect.width(),
            int(opt.features.value),
            int(opt.decorationSize.width()),
        )
        cached = self._sizes.get(key)
        if cached is not None:
            return QSize(cached)
        size = self._measure(option, index, opt)
        if len(self._sizes) > _CACHE_LIMIT:
            self._sizes.clear()
        self._sizes[key] = QSize(size)
        return size

    def _measure(
        self,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        opt: QStyleOptionViewItem,
    ) -> QSize:
        style = opt.widget.style() if opt.widget is not None else None
        if style is None:
            return super().sizeHint(option, index)
        # What QStyledItemDelegate.sizeHint does after initStyleOption, which ran already.
        size = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, opt, QSize(), opt.widget)
        if not opt.text or opt.rect.width() <= 0:
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
