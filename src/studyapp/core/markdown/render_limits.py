"""What the HTML renderer is given: a note with its nesting flattened beyond what a reader
can follow, so no note reaches Python's recursion limit or takes minutes to render.

Python-Markdown parses every level of a nested quote or list again, and recursively: a line
of 10,000 ``>`` or ``- `` markers or a run of 10,000 ``*`` raised RecursionError, a list
5,000 levels deep rendered for minutes. This is for rendering only: the stored body and the
Markdown export stay as written. Quotes and lists deeper than :data:`MAX_DEPTH` are drawn at
that depth with their text; fenced code is left as it is (it is shown, never parsed).
"""

from __future__ import annotations

import bisect
import re

# Quote and list levels a line may open. Notes written by people stay far below it; the
# time a nested list takes grows with its depth (5,000 lines at this depth: about a second).
MAX_DEPTH = 12
MAX_INDENT = 4 * MAX_DEPTH  # columns of leading whitespace (four make a level)
# A longer run of emphasis marks is cut to this and "…" (Python-Markdown nests one element
# per mark; escaping every mark instead costs a pass over the paragraph per mark).
MAX_EMPHASIS_RUN = 32
# More "[" left open than this in one paragraph are shown as text: each one is followed to
# the paragraph's end in search of its "]".
MAX_OPEN_BRACKETS = 32

_CONTAINER = r" {0,3}(?:>|(?:[-*+]|\d{1,9}[.)])(?= |$))"
_KEPT_CONTAINERS = re.compile(f" *(?:{_CONTAINER}){{{MAX_DEPTH}}}")
_MORE_CONTAINERS = re.compile(f"(?:{_CONTAINER})+ *")
_LINE_STARTS = frozenset(" >*+-0123456789")
_LONG_RUN = re.compile(f"\\*{{{MAX_EMPHASIS_RUN + 1},}}|_{{{MAX_EMPHASIS_RUN + 1},}}")
_RULE = re.compile(r" {0,3}(?:(?:\* *){3,}|(?:_ *){3,})")
_BRACKET = re.compile(r"\\.|[\[\]]|\n *\n")
# Python-Markdown's fenced_code, one line at a time: an opening fence line (with its
# {attributes}, language or hl_lines) and a closing line of the same fence.
_FENCE_OPENING = re.compile(
    r"(?P<fence>~{3,}|`{3,}) *(?:\{.*\}|(?:\.?[\w#.+-]* *)?(?:hl_lines=([\"']).*?\2 *)?)"
)
_FENCE_CLOSING = re.compile(r"(?P<fence>~{3,}|`{3,}) *")


def within_limits(text: str) -> str:
    """``text`` as Python-Markdown renders it quickly and without deep recursion: quotes
    and lists deeper than :data:`MAX_DEPTH` flattened to it, long runs of ``*`` or ``_``
    cut and many unclosed ``[`` escaped. A note within the limits renders as before."""
    # What Python-Markdown does first itself, so fences are found where it finds them.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4).split("\n")
    pieces: list[str] = []
    start = 0
    for first, last in _fenced(lines):
        if first > start:
            pieces.append(_outside_code(lines[start:first]))
        pieces.append("\n".join(lines[first : last + 1]))
        start = last + 1
    if start < len(lines):
        pieces.append(_outside_code(lines[start:]))
    return "\n".join(pieces)


def _fenced(lines: list[str]) -> list[tuple[int, int]]:
    """The first and last line of each fenced code block, as Python-Markdown pairs them:
    the earliest opening line that a later line of the same fence closes, and so on. A
    fence left open is no block. Linear, where a regex over the text is quadratic."""
    closing: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        if line[:1] in "`~" and (match := _FENCE_CLOSING.fullmatch(line)):
            closing.setdefault(match["fence"], []).append(number)
    blocks: list[tuple[int, int]] = []
    number = 0
    while closing and number < len(lines):
        line = lines[number]
        if line[:1] in "`~" and (match := _FENCE_OPENING.fullmatch(line)):
            later = closing.get(match["fence"], [])
            place = bisect.bisect_right(later, number)
            if place < len(later):
                blocks.append((number, later[place]))
                number = later[place] + 1
                continue
        number += 1
    return blocks


def _outside_code(lines: list[str]) -> str:
    text = "\n".join(_flatten(line) if line[:1] in _LINE_STARTS else line for line in lines)
    if _LONG_RUN.search(text) is not None:
        text = "\n".join(map(_cut_runs, text.split("\n")))
    if text.count("[") > MAX_OPEN_BRACKETS:
        text = _escape_open_brackets(text)
    return text


def _flatten(line: str) -> str:
    body = line.lstrip(" ")
    if len(line) - len(body) > MAX_INDENT:
        line = " " * MAX_INDENT + body
    kept = _KEPT_CONTAINERS.match(line)
    if kept is None:
        return line
    more = _MORE_CONTAINERS.match(line, kept.end())
    if more is None:
        return line
    # The markers past the limit go; the line's text stays, at the deepest level kept.
    return f"{line[: kept.end()]} {line[more.end() :]}"


def _cut_runs(line: str) -> str:
    if _RULE.fullmatch(line):  # a line of stars or underscores is a horizontal rule
        return line
    return _LONG_RUN.sub(lambda run: run[0][:MAX_EMPHASIS_RUN] + "…", line)


def _escape_open_brackets(text: str) -> str:
    """The unclosed ``[`` of a paragraph with many of them, escaped (pairs stay links)."""
    escaped: list[int] = []
    opened: list[int] = []
    for match in _BRACKET.finditer(text):
        token = match[0]
        if token == "[":
            opened.append(match.start())
        elif token == "]":
            if opened:
                opened.pop()
        elif token[0] != "\\":  # a blank line: the paragraph ends
            if len(opened) > MAX_OPEN_BRACKETS:
                escaped += opened
            opened = []
    if len(opened) > MAX_OPEN_BRACKETS:
        escaped += opened
    if not escaped:
        return text
    pieces: list[str] = []
    last = 0
    for place in escaped:
        pieces += (text[last:place], "\\")
        last = place
    pieces.append(text[last:])
    return "".join(pieces)
