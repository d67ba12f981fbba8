import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QApplication

from studyapp.ui.editor import MarkdownEditor, MarkdownHighlighter
from studyapp.ui.editor.highlighter import KIND_PROPERTY


def u16(text):
    return len(text.encode("utf-16-le")) // 2


@pytest.fixture
def highlighted(qapp):
    document = QTextDocument()
    highlighter = MarkdownHighlighter(document)

    def spans(text, line=0):
        document.setPlainText(text)
        # Without a view the document does not report the change; highlight explicitly.
        highlighter.rehighlight()
        block = document.findBlockByNumber(line)
        return [
            (r.start, r.length, r.format.property(KIND_PROPERTY)) for r in block.layout().formats()
        ]

    spans.document = document
    spans.highlighter = highlighter
    yield spans
    highlighter.setDocument(None)


def kind_at(spans, offset):
    for start, length, kind in spans:
        if start <= offset < start + length:
            return kind
    return None


def format_at(document, line, offset):
    ranges = document.findBlockByNumber(line).layout().formats()
    for r in ranges:
        if r.start <= offset < r.start + r.length:
            return QTextCharFormat(r.format)
    return None


def test_heading_with_emoji_uses_utf16_offsets(highlighted):
    line = "# 🎉 회의 **중요** 끝"
    spans = highlighted(line)
    assert spans[0] == (0, 1, "marker")
    bold_start = u16("# 🎉 회의 ")
    assert bold_start == line.index("**") + 1  # the emoji is two UTF-16 units
    assert (bold_start, u16("**중요**"), "bold") in spans
    assert kind_at(spans, u16(line) - 1) == "heading1"
    bold = format_at(highlighted.document, 0, bold_start)
    assert bold.fontWeight() == QFont.Weight.Bold
    # Bold inside a heading keeps the heading colour.
    heading = format_at(highlighted.document, 0, 1)
    assert bold.foreground().color() == heading.foreground().color()


def test_emoji_before_bold_on_a_plain_line(highlighted):
    spans = highlighted("📌🎉 **굵게** and *기울임*")
    assert (u16("📌🎉 "), u16("**굵게**"), "bold") in spans
    assert u16("📌🎉 ") == 5
    italic_start = u16("📌🎉 **굵게** and ")
    assert (italic_start, u16("*기울임*"), "italic") in spans


@pytest.mark.parametrize("level", range(1, 7))
def test_heading_levels(highlighted, level):
    spans = highlighted("#" * level + " Title")
    assert kind_at(spans, level + 1) == f"heading{level}"
    assert highlighted("#" * level + "no space") == []


def test_seven_hashes_is_not_a_heading(highlighted):
    assert highlighted("####### x") == []


def test_inline_code_hides_markdown(highlighted):
    spans = highlighted("run `**not bold**` now")
    assert spans == [(4, 14, "code")]


@pytest.mark.parametrize("fence", ["```", "~~~", "````"])
def test_fenced_code_block(highlighted, fence):
    text = f"{fence}python\n# not heading\n- not list\n{fence}\n**bold**"
    for line, kind in [(0, "fence"), (1, "code_block"), (2, "code_block"), (3, "fence")]:
        assert highlighted(text, line) == [(0, len(text.split("\n")[line]), kind)]
    assert highlighted(text, 4) == [(0, 8, "bold")]


def test_shorter_or_other_fence_does_not_close(highlighted):
    text = "````\n```\n~~~\n````\nafter"
    assert highlighted(text, 1)[0][2] == "code_block"
    assert highlighted(text, 2)[0][2] == "code_block"
    assert highlighted(text, 3)[0][2] == "fence"
    assert highlighted(text, 4) == []


def test_editing_closes_fence_incrementally(qtbot):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.setPlainText("```\ncode\n# heading")
    doc = editor.document()
    kinds = [r.format.property(KIND_PROPERTY) for r in doc.findBlockByNumber(2).layout().formats()]
    assert kinds == ["code_block"]
    cursor = editor.textCursor()
    cursor.setPosition(doc.findBlockByNumber(1).position() + 4)
    cursor.insertText("\n```")
    kinds = [r.format.property(KIND_PROPERTY) for r in doc.findBlockByNumber(3).layout().formats()]
    assert kinds == ["marker", "heading1"]


def test_list_markers_and_tasks(highlighted):
    assert highlighted("  - item")[:1] == [(2, 1, "bullet")]
    assert highlighted("12. item")[:1] == [(0, 3, "bullet")]
    open_task = highlighted("- [ ] 할 일")
    assert (2, 3, "task_box") in open_task
    assert kind_at(open_task, 7) is None
    done = highlighted("- [x] 끝난 일 📅 2025-03-17")
    assert (2, 3, "task_box") in done
    assert kind_at(done, 7) == "task_done"
    date_start = u16("- [x] 끝난 일 ")
    assert (date_start, u16("📅 2025-03-17"), "date") in done
    # The date of a done task is struck through too.
    assert format_at(highlighted.document, 0, date_start).fontStrikeOut()


@pytest.mark.parametrize("box", ["[x]", "[X]", "[-]"])
def test_done_or_cancelled_task_is_struck_and_dimmed(highlighted, box):
    highlighted(f"- {box} done")
    fmt = format_at(highlighted.document, 0, 7)
    assert fmt.fontStrikeOut()
    text = QApplication.palette().color(QPalette.ColorRole.Text)
    assert fmt.foreground().color() != text


def test_a_task_in_progress_is_not_struck_and_its_signs_show(highlighted):
    spans = highlighted("- [/] started 🆔 a1 ⛔ b2 🏁 delete")
    assert (2, 3, "task_box") in spans
    plain = format_at(highlighted.document, 0, 7)
    assert plain is None or not plain.fontStrikeOut()
    for sign in ("🆔", "⛔", "🏁"):
        assert kind_at(spans, u16("- [/] started 🆔 a1 ⛔ b2 🏁 delete".split(sign)[0])) == (
            "task_sign"
        )


def test_task_dates_after_emoji(highlighted):
    line = "- [ ] 🎉 발표 ⏫ ➕ 2025-03-01 ⏳ 2025-03-10 📅 2025-03-17"
    spans = highlighted(line)
    for sign in ("➕", "⏳", "📅"):
        start = u16(line[: line.index(sign)])
        assert (start, u16(sign + " 2025-03-17"), "date") in spans
    assert (u16(line[: line.index("⏫")]), 1, "task_sign") in spans


def test_links_and_wikilinks(highlighted):
    line = "논문 [링크](https://arxiv.org/abs/1503.02531) 와 [[Distillation]]"
    spans = highlighted(line)
    link = line[line.index("[링크]") : line.index(")") + 1]
    assert (u16(line[: line.index("[링크]")]), u16(link), "link") in spans
    assert (u16(line[: line.index("[[")]), u16("[[Distillation]]"), "wikilink") in spans


def test_quote(highlighted):
    spans = highlighted("> 인용 **강조**")
    assert spans[0] == (0, 2, "marker")
    assert kind_at(spans, 2) == "quote"
    assert kind_at(spans, u16("> 인용 ")) == "bold"
    assert highlighted("> - item")[1] == (2, 1, "bullet")
    assert kind_at(highlighted("> # 제목"), 4) == "heading1"


def test_horizontal_rule_is_not_a_list(highlighted):
    assert highlighted("---") == [(0, 3, "rule")]
    assert highlighted("* * *") == [(0, 5, "rule")]


def test_snake_case_is_not_italic(highlighted):
    assert highlighted("call my_var_name here") == []
    assert highlighted("2 * 3 * 4") == []


def test_colours_follow_palette(highlighted):
    light = QPalette()
    light.setColor(QPalette.ColorRole.Base, QColor("white"))
    light.setColor(QPalette.ColorRole.Text, QColor("black"))
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#dddddd"))
    highlighter = highlighted.highlighter
    highlighter.set_palette_colors(light)
    on_light = highlighter.format_for("heading1").foreground().color()
    highlighter.set_palette_colors(dark)
    on_dark = highlighter.format_for("heading1").foreground().color()
    assert on_light.lightnessF() < 0.5 < on_dark.lightnessF()
    # The document was highlighted again with the new colours.
    highlighted("# Title")
    assert format_at(highlighted.document, 0, 3).foreground().color() == on_dark


def test_editor_recolours_on_palette_change(qtbot):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.setPlainText("# Title")
    dark = QPalette(editor.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#101010"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    editor.setPalette(dark)
    QApplication.sendPostedEvents(editor, QEvent.Type.PaletteChange)
    colour = editor.highlighter().format_for("heading1").foreground().color()
    assert colour.lightnessF() > 0.5


def test_recolouring_is_not_an_edit(qtbot):
    # A theme change used to reach the window as typing: every open note was saved again.
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.setPlainText("# Title\n\n**bold** and `code`")
    edits = []
    editor.textChanged.connect(lambda: edits.append(1))
    dark = QPalette(editor.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#101010"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    editor.setPalette(dark)
    QApplication.sendPostedEvents(editor, QEvent.Type.PaletteChange)
    assert editor.highlighter().format_for("heading1").foreground().color().lightnessF() > 0.5
    assert edits == []
    editor.insertPlainText("x")  # typing still is
    assert edits == [1]
