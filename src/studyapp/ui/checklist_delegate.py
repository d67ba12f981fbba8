"""To-do rows that wrap: sized and drawn from one text layout, fonts per script included."""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from studyapp.ui.theme import mix

Index = QModelIndex | QPersistentModelIndex
_CACHE_LIMIT = 2000  # laid-out texts kept: a few sessions' worth of to-dos
_LayoutKey = tuple[str, str, int, int]  # text, font, wrap width, direction
_FrameKey = tuple[int, str, bool, int]  # row width, font, check box, direction


@dataclass(frozen=True)
class _Frame:
    """Where a row of one width puts its text, and the height its check box needs."""

    text_left: int  # from the row's left edge
    text_width: int
    wrap_width: int  # the text area less Qt's text margins
    margin: int
    min_height: int


@dataclass(frozen=True)
class _Laid:
    layout: QTextLayout
    height: float


class WrappingItemDelegate(QStyledItemDelegate):
    """Lays each row's text out once, for its height and for drawing it.

    Qt's own delegate measures wrapped lines with the base font, so a two-line Korean to-do
    got a row too short for it and was elided; and it shaped the text again on every size
    request and every paint, which was most of the time a session switch spent on its to-dos.
    Rows span the list's width, so the size and the paint of a row share one layout.
    """

    def __init__(
        self, parent: QObject | None = None, *, crossed_out_role: int | None = None
    ) -> None:
        super().__init__(parent)
        # Rows true for this role have their ticked box drawn as a box crossed out (☒).
        self._crossed_out_role = crossed_out_role
        self._laid: OrderedDict[_LayoutKey, _Laid] = OrderedDict()
        self._frames: dict[_FrameKey, _Frame] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text or option.rect.width() <= 0:
            return super().sizeHint(option, index)
        # The few roles a row's size depends on, not the dozen initStyleOption reads.
        font = index.data(Qt.ItemDataRole.FontRole)
        font = font.resolve(option.font) if isinstance(font, QFont) else option.font
        font_key = font.key()
        frame = self._frame(option, index, font_key)
        laid = self._lay_out(text, font, font_key, frame.wrap_width, option.direction)
        height = math.ceil(laid.height) + 2 * frame.margin + 2
        return QSize(option.rect.width(), max(frame.min_height, height))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        if widget is None or not opt.text:
            super().paint(painter, option, index)
            return
        font_key = opt.font.key()
        frame = self._frame(option, index, font_key)
        laid = self._lay_out(opt.text, opt.font, font_key, frame.wrap_width, opt.direction)
        rect = opt.rect
        left, top = rect.left() + frame.text_left, rect.top()
        opt.text = ""  # background, check box and focus frame as the style draws them
        crossed = self._crossed_out_role is not None and bool(index.data(self._crossed_out_role))
        if crossed:
            opt.checkState = Qt.CheckState.Unchecked  # an empty box, crossed out below
        widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if opt.features & QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator:
            _outline_dark_check_box(painter, opt)
            if crossed:
                _cross_out_check_box(painter, opt)
        painter.save()
        painter.setPen(_text_color(opt))
        painter.setClipRect(QRect(left, top, frame.text_width, rect.height()))
        y = top + max(0.0, (rect.height() - laid.height) / 2)
        laid.layout.draw(painter, QPointF(left + frame.margin, y))
        painter.restore()

    # -- measuring, once per kind of row and once per text ---------------------------------

    def _frame(self, option: QStyleOptionViewItem, index: Index, font_key: str) -> _Frame:
        checkable = index.data(Qt.ItemDataRole.CheckStateRole) is not None
        width = _row_width(option)
        key = (width, font_key, checkable, int(option.direction.value))
        frame = self._frames.get(key)
        if frame is None:
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            opt.rect.setWidth(width)
            widget = opt.widget
            style = widget.style() if widget is not None else QApplication.style()
            text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
            margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
            opt.text = ""  # the check box and margins alone
            size = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, opt, QSize(), widget)
            frame = _Frame(
                text_left=text_rect.left() - opt.rect.left(),
                text_width=text_rect.width(),
                wrap_width=max(1, text_rect.width() - 2 * margin),
                margin=margin,
                min_height=size.height(),
            )
            if len(self._frames) > _CACHE_LIMIT // 8:  # a window resized through many widths
                self._frames.clear()
            self._frames[key] = frame
        return frame

    def _lay_out(
        self, text: str, font: QFont, font_key: str, width: int, direction: Qt.LayoutDirection
    ) -> _Laid:
        """``text`` laid out in ``font``, wrapped at ``width``."""
        key = (text, font_key, width, int(direction.value))
        laid = self._laid.get(key)
        if laid is not None:
            self._laid.move_to_end(key)
            return laid
        layout = QTextLayout(text, font)
        text_option = QTextOption()
        # Long links and unbroken Hangul runs wrap anywhere rather than run out of the row.
        text_option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        text_option.setTextDirection(direction)
        text_option.setAlignment(Qt.AlignmentFlag.AlignLeft)  # mirrored for right-to-left
        layout.setTextOption(text_option)
        layout.setCacheEnabled(True)  # keeps the shaped glyphs for the paints to come
        height = 0.0
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            line.setPosition(QPointF(0, height))
            height += line.height()
        layout.endLayout()
        laid = self._laid[key] = _Laid(layout, height)
        if len(self._laid) > _CACHE_LIMIT:
            self._laid.popitem(last=False)
        return laid


def _row_width(option: QStyleOptionViewItem) -> int:
    """The width a list lays its rows out at. Qt also asks a row's size with the whole
    viewport's width (for the scroll step), which would lay each text out a second time."""
    view = option.widget
    if isinstance(view, QListView):
        return view.viewport().width() - 2 * view.spacing()
    return option.rect.width()


def _outline_dark_check_box(painter: QPainter, opt: QStyleOptionViewItem) -> None:
    """Fusion draws a check box's border in the window color made darker: on a dark base
    that is near-black on near-black, and an unticked to-do showed no box at all."""
    palette = opt.palette
    base = palette.color(QPalette.ColorRole.Base)
    if base.lightnessF() >= 0.5 or opt.widget is None:
        return
    box = opt.widget.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, opt, opt.widget
    )
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    # A little over half way from the base color to the text color.
    border = mix(base, palette.color(QPalette.ColorRole.Text), 0.55)
    painter.setPen(QPen(border, 1))
    painter.drawRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5))  # Fusion's own box outline
    painter.restore()


def _cross_out_check_box(painter: QPainter, opt: QStyleOptionViewItem) -> None:
    """Two strokes across the box, in the text's colour: a cancelled to-do's ☒."""
    if opt.widget is None:
        return
    box = opt.widget.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, opt, opt.widget
    )
    inner = QRectF(box).adjusted(3.5, 3.5, -3.5, -3.5)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(opt.palette.color(QPalette.ColorRole.Text), 1.5))
    painter.drawLine(inner.topLeft(), inner.bottomRight())
    painter.drawLine(inner.topRight(), inner.bottomLeft())
    painter.restore()


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
