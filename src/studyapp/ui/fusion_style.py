"""Fusion, with check boxes that can be seen on a dark palette."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget


class ReadableFusion(QProxyStyle):
    """Fusion draws a check box's border in the window color made darker. On a dark palette
    that is near-black on near-black: an unticked to-do showed no box at all. Here the
    border is redrawn between the text and base colors, as visible as in the light theme."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element != QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            return  # item views' check boxes come here too, through Fusion's own proxy call
        palette = option.palette
        if palette.color(QPalette.ColorRole.Base).lightnessF() >= 0.5:
            return
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(border_color(palette, enabled), 1))
        # Fusion's own box: the option's rectangle less a pixel, on pixel centers.
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.drawRect(rect)
        painter.restore()


def border_color(palette: QPalette, enabled: bool = True) -> QColor:
    """A check box border for a dark palette: a little over half way from base to text."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    amount = 0.55 if enabled else 0.3
    return QColor.fromRgbF(
        base.redF() + (text.redF() - base.redF()) * amount,
        base.greenF() + (text.greenF() - base.greenF()) * amount,
        base.blueF() + (text.blueF() - base.blueF()) * amount,
    )
