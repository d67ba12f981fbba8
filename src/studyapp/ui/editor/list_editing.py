"""Markdown list continuation and indentation on plain strings.

No Qt here so the rules can be tested quickly and reused. Column positions are Python
indices into one line; the editor converts them to QTextCursor positions (UTF-16 units)
before use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

INDENT = "  "
TAB_WIDTH = 4

_QUOTE = re.compile(r"^(?P<indent>[ \t]*)(?P<quote>(?:>[ \t]?)+)")
_ITEM = re.compile(
    r"^(?P<indent>[ \t]*)"
    r"(?:(?P<bullet>[-*+])|(?P<number>\d{1,9})(?P<delim>[.)]))"
    r"(?P<gap>[ \t]+)"
    r"(?P<task>\[.\](?:[ \t]+|$))?"  # any status: [/] in progress, [-] cancelled, …
)


@dataclass(frozen=True)
class LinePrefix:
    """The structural start of a line: indentation, quote marks and a list marker.

    ``end`` is where the user's own text begins; ``content`` is that text.
    """

    indent: str
    quote: str
    item_indent: str
    bullet: str | None
    number: int | None
    delim: str
    gap: str
    task: str | None
    end: int
    content: str

    @property
    def is_item(self) -> bool:
        return self.bullet is not None or self.number is not None

    @property
    def is_empty(self) -> bool:
        return not self.content.strip()

    def next_prefix(self) -> str:
        """The prefix a new line after this one starts with."""
        head = self.indent + self.quote
        if not self.is_item:
            # A bare ">" has no trailing space; a continued quote reads better with one.
            return head if head.endswith((" ", "\t")) else head + " "
        marker = self.bullet if self.bullet is not None else f"{(self.number or 0) + 1}{self.delim}"
        task = "[ ] " if self.task is not None else ""
        return f"{head}{self.item_indent}{marker}{self.gap}{task}"

    def without_item(self) -> str:
        """What remains of the line once its (empty) innermost marker is removed."""
        if self.is_item and self.quote:
            return self.indent + self.quote
        return ""


def parse_prefix(line: str) -> LinePrefix | None:
    """Split ``line`` into its quote/list prefix and content; ``None`` for plain lines."""
    indent = quote = ""
    rest = line
    quote_match = _QUOTE.match(line)
    if quote_match:
        indent, quote = quote_match["indent"], quote_match["quote"]
        rest = line[quote_match.end() :]
    item = _ITEM.match(rest)
    if item is None:
        if not quote:
            return None
        return LinePrefix(
            indent, quote, "", None, None, "", "", None, len(indent) + len(quote), rest
        )
    if not quote:
        indent, item_indent = item["indent"], ""
    else:
        item_indent = item["indent"]
    end = len(line) - len(rest) + item.end()
    return LinePrefix(
        indent=indent,
        quote=quote,
        item_indent=item_indent,
        bullet=item["bullet"],
        number=int(item["number"]) if item["number"] else None,
        delim=item["delim"] or "",
        gap=item["gap"],
        task=item["task"],
        end=end,
        content=line[end:],
    )


@dataclass(frozen=True)
class EnterAction:
    """What Enter should do: insert ``insert`` at the cursor, or replace the whole line."""

    insert: str | None = None
    replace_line: str | None = None


def enter_action(line: str, column: int) -> EnterAction | None:
    """How Enter at ``column`` of ``line`` continues a list; ``None`` means a plain newline."""
    prefix = parse_prefix(line)
    if prefix is None or column < prefix.end:
        # Inside the marker itself a plain newline is the least surprising result.
        return None
    if prefix.is_empty and not line[column:].strip():
        return EnterAction(replace_line=prefix.without_item())
    return EnterAction(insert="\n" + prefix.next_prefix())


def is_structured(line: str) -> bool:
    """True for list items and quotes, the lines Tab indents as a whole."""
    return parse_prefix(line) is not None


def indent_line(line: str, unit: str = INDENT) -> str:
    return unit + line


def outdent_amount(line: str, unit: str = INDENT) -> int:
    """How many leading characters Shift+Tab removes from ``line``."""
    if line.startswith("\t"):
        return 1
    spaces = len(line) - len(line.lstrip(" "))
    return min(spaces, len(unit))


def outdent_line(line: str, unit: str = INDENT) -> str:
    return line[outdent_amount(line, unit) :]


def spaces_to_tab_stop(column: int, width: int = TAB_WIDTH) -> str:
    """Spaces that move ``column`` to the next tab stop."""
    return " " * (width - column % width)
