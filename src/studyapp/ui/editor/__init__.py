"""The Markdown note editor: highlighting, list editing, find and replace."""

from studyapp.ui.editor.find_bar import FindBar
from studyapp.ui.editor.highlighter import MarkdownHighlighter
from studyapp.ui.editor.markdown_editor import (
    MarkdownEditor,
    MarkdownEditorPane,
    count_stats,
    default_editor_font,
)

__all__ = [
    "FindBar",
    "MarkdownEditor",
    "MarkdownEditorPane",
    "MarkdownHighlighter",
    "count_stats",
    "default_editor_font",
]
