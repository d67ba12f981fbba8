"""Line helpers shared by the exporter and its front matter: split, trim, close fences."""

from __future__ import annotations

import re

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")


def split_lines(text: str) -> list[str]:
    # Not str.splitlines(): that would also split on form feeds and U+2028 inside a line.
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def trim_blank(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def _close_fences(lines: list[str]) -> list[str]:
    """Close a code fence left open, so it cannot swallow the sections written after it."""
    opening: tuple[str, str] | None = None
    for line in lines:
        match = _FENCE.match(line)
        if not match:
            continue
        indent, fence, rest = match.groups()
        if opening is None:
            if not (fence[0] == "`" and "`" in rest):
                opening = (indent, fence)
        elif fence[0] == opening[1][0] and len(fence) >= len(opening[1]) and not rest.strip():
            opening = None
    return lines if opening is None else [*lines, opening[0] + opening[1]]


def verbatim(text: str) -> str:
    """The user's text as written, minus blank lines at its ends."""
    lines = trim_blank(split_lines(text))
    if "```" not in text and "~~~" not in text:  # no fence to close; spares a regex a line
        return "\n".join(lines)
    return "\n".join(_close_fences(lines))


def one_line(text: str) -> str:
    return " ".join(text.split())
