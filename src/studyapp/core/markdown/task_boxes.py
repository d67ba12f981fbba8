"""Tasks lines as check boxes in rendered Markdown: ☐ to do, ☑ done, ◐ in progress, ☒ and
struck through when cancelled (the box's character read as the Tasks plugin reads it).

Obsidian starts a list where a Tasks line follows a line of text, in a block quote or a
callout too (CommonMark lets a list interrupt a paragraph); Python-Markdown would run the
line into the paragraph, so a blank line is put before it first. The characters are ones
the usual fonts have (DejaVu Sans; ◐ is in Noto Sans CJK as well).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from studyapp.core.tasks import TASK_LINE, StatusType, status_type

BOXES = {
    StatusType.TODO: "☐",
    StatusType.DONE: "☑",
    StatusType.IN_PROGRESS: "◐",
    StatusType.CANCELLED: "☒",
    StatusType.ON_HOLD: "☐",
    StatusType.NON_TASK: "☐",
}
_BOX = re.compile(r"\[(.)\](?=\s|$)")
_QUOTES = re.compile(r"^(?:[ \t]*>[ \t]?)*")
_LIST_ITEM = re.compile(r"^(?P<indent>\s*)(?P<bullet>[-*+]|[0-9]+[.)])(?:\s|$)")
_NESTED = 4  # columns of indentation that make a line part of the list item before it


class _ListsAfterText(Preprocessor):
    """A blank line (in the same quote) between a line of text and a Tasks line after it,
    or between a list and a Tasks line of the other kind (numbered after bullets)."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        for line in lines:
            task = TASK_LINE.match(line)
            if task is not None and out and _starts_a_list(out[-1], task):
                out.append(">" * task["indent"].count(">"))
            out.append(line)
        return out


def _starts_a_list(before: str, task: re.Match[str]) -> bool:
    """Whether the Tasks line starts a list of its own after ``before``, in its quote."""
    indent = task["indent"]
    quote = _QUOTES.match(before)
    prefix = quote.group() if quote else ""
    rest = before[len(prefix) :]
    own = indent.split(">")[-1]  # the Tasks line's indentation inside its quote
    if not rest.strip() or prefix.count(">") != indent.count(">"):
        return False
    item = _LIST_ITEM.match(rest)
    if item is not None:
        numbered = item["bullet"][0].isdigit()
        return item["indent"] == own and numbered != task["bullet"][0].isdigit()
    # An indented line goes on an item above it; so does a Tasks line indented under it.
    return not rest[0].isspace() and len(own.expandtabs(4)) < _NESTED


class _Boxes(Treeprocessor):
    """``<li>[x] text`` -> ``<li>☑ text``; a cancelled one's text inside ``<del>``."""

    def run(self, root: etree.Element) -> None:
        for item in root.iter("li"):
            holder = item
            if not (item.text or "").strip() and len(item) and item[0].tag == "p":
                holder = item[0]  # a loose list: the text is in a paragraph
            text = holder.text or ""
            found = _BOX.match(text)
            if found is None:
                continue
            kind = status_type(found[1])
            rest = text[found.end() :].lstrip(" \t")
            holder.text = f"{BOXES[kind]} "
            if kind is not StatusType.CANCELLED:
                holder.text += rest
                continue
            struck = etree.Element("del")
            struck.text = rest
            for child in list(holder):
                if child.tag in ("ul", "ol"):  # its own sub-items are not struck through
                    break
                holder.remove(child)
                struck.append(child)
            holder.insert(0, struck)


class TaskBoxes(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the fenced code blocks are set aside (25): a Tasks line in code stays code.
        md.preprocessors.register(_ListsAfterText(md), "task_lists_after_text", 15)
        # After the inline patterns (20): the item's text is final, its links are elements.
        md.treeprocessors.register(_Boxes(md), "task_boxes", 5)
