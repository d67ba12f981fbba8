"""What a form or an importer knows about a paper before it is in the library."""

from __future__ import annotations

from dataclasses import dataclass


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
