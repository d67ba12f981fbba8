"""What a form or an importer knows about a paper before it is in the library."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class BibtexEntry:
    """A .bib entry as its file wrote it: the type and every field in order, each value as
    written (LaTeX kept, ``@string`` macros resolved, the outer braces or quotes off)."""

    entry_type: str
    fields: tuple[tuple[str, str], ...]

    def to_json(self) -> dict[str, Any]:
        return {"type": self.entry_type, "fields": [list(field) for field in self.fields]}

    @classmethod
    def from_json(cls, data: object) -> BibtexEntry | None:
        """The entry stored as ``data``; None for anything else (a hand-edited value)."""
        if not isinstance(data, dict):
            return None
        entry_type, fields = data.get("type"), data.get("fields")
        if not isinstance(entry_type, str) or not entry_type or not isinstance(fields, list):
            return None
        pairs = tuple(
            (pair[0], pair[1])
            for pair in fields
            if isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(part, str) for part in pair)
        )
        return cls(entry_type, pairs)


@dataclass(frozen=True)
class PaperFields:
    title: str
    authors: tuple[str, ...] = ()
    venue: str | None = None
    year: int | None = None
    url: str | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    bibtex_key: str | None = None
    abstract: str = ""
    tags: tuple[str, ...] = ()
    bibtex: BibtexEntry | None = None


_AUTHOR_BREAKS = re.compile(r"[;\n]")


def split_authors(text: str) -> tuple[str, ...]:
    """Authors as typed: one per line or separated by ';' (a name may hold a comma)."""
    return tuple(part.strip() for part in _AUTHOR_BREAKS.split(text) if part.strip())


def split_tags(text: str) -> tuple[str, ...]:
    """Tags as typed: separated by commas."""
    return tuple(part.strip() for part in text.split(",") if part.strip())
