"""The body walk: each line with its code-fence state and heading level."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE_OPEN = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_MARKUP_STARTS = frozenset("#`~")  # the first non-blank character of a heading or a fence


@dataclass(slots=True)
class Line:
    text: str
    fenced: bool = False  # inside a code fence (or one of its fence lines)
    level: int = 0  # heading level, 0 for a non-heading
    heading: str = ""  # heading text without the #'s
    role: str = "text"  # text, task, attendees, talk (a heading, its timing line or section)


def split_body(body: str) -> list[str]:
    # Not str.splitlines(): that would also split on form feeds and U+2028 inside a line.
    return body.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def scan_body(body: str) -> list[Line]:
    """Each body line with its fence state and heading level."""
    lines: list[Line] = []
    fence: str | None = None
    for raw in split_body(body):
        if fence is not None:
            lines.append(Line(raw, fenced=True))
            stripped = raw.strip()
            if stripped.startswith(fence[0] * len(fence)) and stripped.rstrip(fence[0]) == "":
                fence = None
            continue
        if raw.lstrip(" \t")[:1] not in _MARKUP_STARTS:  # most lines: neither regex can match
            lines.append(Line(raw))
            continue
        opening = _FENCE_OPEN.match(raw)
        if opening and not (opening["fence"][0] == "`" and "`" in opening["info"]):
            fence = opening["fence"]
            lines.append(Line(raw, fenced=True))
            continue
        heading = _HEADING.match(raw)
        if heading:
            text = (heading["text"] or "").strip()
            lines.append(Line(raw, level=len(heading["marks"]), heading=text))
        else:
            lines.append(Line(raw))
    return lines


def section_end(lines: list[Line], start: int) -> int:
    """Index of the next heading at the same or a higher level than ``lines[start]``."""
    level = lines[start].level
    for index in range(start + 1, len(lines)):
        other = lines[index]
        if other.level and not other.fenced and other.level <= level:
            return index
    return len(lines)
