"""Wrapped to-do rows: tall enough for every line, and every line drawn."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QListView

from studyapp.ui.checklist_delegate import WrappingItemDelegate

LONG = "교사-학생 distillation 실험 결과를 표로 정리해서 공유하기 and rerun the evaluation"


def make_view(qtbot, *texts):
    model = QStandardItemModel()
    for text in texts:
        item = QStandardItem(text)
        item.setCheckable(True)
        model.appendRow(item)
    view = QListView()
    view.setModel(model)
    view.setItemDelegate(WrappingItemDelegate(view))
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    qtbot.addWidget(view)
    view.resize(220, 300)
    view.show()
    qtbot.waitExposed(view)
    return view, model


def ink_rows(image: QImage, left: int, top: int, bottom: int, background: QColor) -> set[int]:
    """The pixel rows between top and bottom holding anything but the background."""
    return {
        y
        for y in range(top, bottom)
        for x in range(left, image.width() - 4)
        if QColor(image.pixel(x, y)).lightness() != background.lightness()
    }


def test_a_long_mixed_line_wraps_into_a_row_tall_enough_for_it(qtbot):
    view, model = make_view(qtbot, "짧은 일", LONG)
    short, long = (view.visualRect(model.index(row, 0)) for row in range(2))
    assert long.height() >= 2.5 * view.fontMetrics().height() > short.height()
    assert long.width() <= view.viewport().width()  # wraps rather than scrolls sideways


def test_every_wrapped_line_is_drawn(qtbot):
    view, model = make_view(qtbot, LONG)
    rect = view.visualRect(model.index(0, 0))
    image = view.viewport().grab().toImage()
    background = view.palette().color(view.viewport().backgroundRole())
    line = view.fontMetrics().height()
    inked = ink_rows(image, rect.left() + 24, rect.top(), rect.bottom(), background)
    # Text in the first, a middle and the last line of the row, not only the first.
    assert inked & set(range(rect.top(), rect.top() + line))
    assert inked & set(range(rect.bottom() - line, rect.bottom()))


def test_the_selected_row_is_written_in_the_highlighted_text_color(qtbot):
    view, model = make_view(qtbot, "선택된 할 일")
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    rect = view.visualRect(model.index(0, 0))
    image = view.viewport().grab().toImage()
    highlight = view.palette().color(view.palette().ColorRole.Highlight)
    text = view.palette().color(view.palette().ColorRole.HighlightedText)
    colors = {
        QColor(image.pixel(x, y)).rgb()
        for y in range(rect.top(), rect.bottom())
        for x in range(rect.left() + 24, rect.right())
    }
    assert highlight.rgb() in colors and text.rgb() in colors


def test_rows_wrap_again_when_the_list_gets_narrower(qtbot):
    view, model = make_view(qtbot, LONG)
    wide = view.visualRect(model.index(0, 0))
    view.resize(150, 300)
    qtbot.waitUntil(lambda: view.visualRect(model.index(0, 0)).width() < wide.width())
    narrow = view.visualRect(model.index(0, 0))
    assert narrow.height() > wide.height()
    assert narrow.width() <= view.viewport().width()


def test_on_a_dark_palette_an_unticked_box_has_a_border_that_shows(qtbot):
    from studyapp.ui.theme import dark_palette

    view, model = make_view(qtbot, "다크 모드의 할 일")
    view.setPalette(dark_palette())
    rect = view.visualRect(model.index(0, 0))
    image = view.viewport().grab().toImage()
    base = dark_palette().color(dark_palette().ColorRole.Base)
    lightest = max(
        QColor(image.pixel(x, y)).lightness()
        for x in range(rect.left(), rect.left() + 22)
        for y in range(rect.top(), rect.bottom())
    )
    assert lightest > base.lightness() + 60  # Fusion's own border is darker than the base
