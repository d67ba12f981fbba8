"""Two writers' changes of one text brought together, line by line (a three-way merge).

``base`` is the text both started from, ``mine`` what one writer made of it, ``theirs``
what the other made of it meanwhile. Changes to different lines both stay; changes to the
same lines (or lines next to each other) overlap, and then nobody's text is pieced
together: the caller keeps both whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from merge3 import Merge3


@dataclass(frozen=True, slots=True)
class Merged:
    text: str  # both writers' changes; ``mine`` unchanged when they overlap
    clean: bool  # False: the changes overlap


def merge_texts(base: str, mine: str, theirs: str) -> Merged:
    """Both writers' changes of ``base`` in one text, when they touch different lines."""
    if mine == theirs or theirs == base:
        return Merged(mine, clean=True)
    if mine == base:
        return Merged(theirs, clean=True)
    # Each text gets a final line break while merging, so that a line added after a last
    # line without one does not count as a change of that line.
    merger = Merge3(_lines(base), _lines(mine), _lines(theirs))
    pieces: list[str] = []
    for group in merger.merge_groups():
        if group[0] == "conflict":
            return Merged(mine, clean=False)
        pieces.extend(group[1])
    text = "".join(pieces)
    if not _ends_line(mine, theirs, base):
        text = text.removesuffix("\n")
    return Merged(text, clean=True)


def _lines(text: str) -> list[str]:
    return (text if text.endswith("\n") or not text else text + "\n").splitlines(keepends=True)


def _ends_line(mine: str, theirs: str, base: str) -> bool:
    """Whether the merged text ends with a line break: as the writer who changed that."""
    ends = [text.endswith("\n") for text in (mine, theirs, base)]
    return ends[1] if ends[0] == ends[2] else ends[0]
