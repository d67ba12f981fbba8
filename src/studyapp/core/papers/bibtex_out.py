"""The library as BibTeX: entries as they came in, keys people expect.

A paper from a .bib is written back as its entry: its type, its key and every field in its
order with the value as written there; only a field whose paper changed since (a title
corrected, details filled in) is written anew. Other papers get an entry made from their
fields (``@inproceedings`` for a conference, ``@article`` for a journal, else ``@misc``)
and a key of the usual form, ``hinton2015distilling``. LaTeX escaping of new text is left to
pylatexenc; Hangul stays UTF-8.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bibtexparser import model
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.middlewares.names import parse_single_name_into_parts
from pylatexenc.latexencode import (  # type: ignore[import-untyped]
    RULE_REGEX,
    UnicodeToLatexConversionRule,
    UnicodeToLatexEncoder,
)

from studyapp.core.dto import PaperInfo
from studyapp.core.papers.bibtex import VENUE_FIELDS, read_stored
from studyapp.core.papers.fields import BibtexEntry, PaperFields
from studyapp.core.papers.names import romanized_family_name

_CONFERENCE = re.compile(
    r"conference|proceedings|workshop|symposium|\b[A-Z]{2,}[A-Za-z]*\s*'?\d{2,4}\b", re.IGNORECASE
)
_STOP_WORDS = {"a", "an", "the", "on", "of", "for", "in", "to", "and", "with", "towards"}
_VENUE_OF_TYPE = {"inproceedings": "booktitle", "article": "journal", "misc": "howpublished"}


def _encoder() -> UnicodeToLatexEncoder:
    keep_math = UnicodeToLatexConversionRule(
        rule_type=RULE_REGEX, rule=[(re.compile(r"(?<!\\)(\$.*[^\\]\$)"), r"\1")]
    )
    # Hangul has no LaTeX form; it is kept as UTF-8 (biber and XeLaTeX read it) quietly.
    return UnicodeToLatexEncoder(
        conversion_rules=[keep_math, "defaults"],
        unknown_char_policy="keep",
        unknown_char_warning=False,
    )


# -- keys ------------------------------------------------------------------------------------


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def _family_word(name: str) -> str:
    korean = romanized_family_name(name)
    if korean:
        return korean
    parts = parse_single_name_into_parts(name, strict=False) if name.strip() else None
    return _ascii_word(" ".join(parts.last) if parts and parts.last else name)


def make_key(paper: PaperInfo | PaperFields) -> str:
    """``hinton2015distilling``: first author's family name, year, first real word of the
    title; ``arxiv150302531`` for a paper known only by its id."""
    if isinstance(paper, PaperInfo) and paper.details_pending:
        if paper.arxiv_id:
            return f"arxiv{_ascii_word(paper.arxiv_id)}"
        return f"doi{_ascii_word(paper.doi or '')[:40]}"
    family = _family_word(paper.authors[0]) if paper.authors else ""
    words = [_ascii_word(word) for word in re.split(r"[\s\-:/]+", paper.title)]
    word = next((w for w in words if w and w not in _STOP_WORDS), "")
    year = str(paper.year) if paper.year else ""
    return f"{family or 'paper'}{year}{word}"


def unique_keys(papers: Sequence[PaperInfo]) -> list[str]:
    """A key for each paper: its own (from its .bib) first, then made ones around them; the
    same library gives the same keys on every export."""
    keys: list[str | None] = [None] * len(papers)
    taken: set[str] = set()

    def claim(base: str) -> str:
        key, suffix = base, 0
        while key in taken:
            suffix += 1
            # kim2024tiny, kim2024tinya, kim2024tinyb ... as BibTeX users expect.
            key = f"{base}{chr(ord('a') + suffix - 1)}" if suffix <= 26 else f"{base}-{suffix}"
        taken.add(key)
        return key

    for place, paper in enumerate(papers):
        if paper.bibtex_key:
            keys[place] = claim(paper.bibtex_key)
    for place, paper in enumerate(papers):
        if keys[place] is None:
            keys[place] = claim(make_key(paper))
    return [key or "" for key in keys]


# -- entries ---------------------------------------------------------------------------------


@dataclass
class _Fields:
    """An entry's fields in order, set and removed by name as BibTeX compares them."""

    pairs: list[tuple[str, str]]

    def find(self, *names: str) -> str | None:
        """The first of ``names`` the entry has, as the entry spells it."""
        for wanted in names:
            for name, _value in self.pairs:
                if name.lower() == wanted:
                    return name
        return None

    def set(self, name: str, value: str | None) -> None:
        spelled = self.find(name.lower()) or name
        place = next((i for i, (n, _v) in enumerate(self.pairs) if n == spelled), None)
        if value is None or value == "":
            if place is not None:
                del self.pairs[place]
        elif place is None:
            self.pairs.append((spelled, value))
        else:
            self.pairs[place] = (spelled, value)


def _venue(paper: PaperInfo) -> str | None:
    # "arXiv" is where a preprint is, not a venue: no journal or booktitle says it.
    return paper.venue if paper.venue and paper.venue.lower() != "arxiv" else None


def _type_of(paper: PaperInfo) -> str:
    venue = _venue(paper)
    if venue is None:
        return "misc"
    return "inproceedings" if _CONFERENCE.search(venue) else "article"


def _norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def _write_changes(
    fields: _Fields,
    entry_type: str,
    paper: PaperInfo,
    read: PaperFields | None,
    encode: Callable[[str], str],
) -> None:
    """Write into ``fields`` what the paper says that differs from what was ``read`` (all of
    it when nothing was read): the fields the paper did not change stay as written."""

    def changed(now: object, then: object) -> bool:
        return read is None or now != then

    if changed(_norm(paper.title), _norm(read.title if read else None)):
        # Braces keep "CLIP" capitalized under styles that lowercase titles.
        fields.set("title", "{" + encode(paper.title) + "}")
    authors = tuple(_norm(a) for a in paper.authors)
    if changed(authors, tuple(_norm(a) for a in read.authors) if read else None):
        fields.set("author", encode(" and ".join(paper.authors)))
    venue = _venue(paper)
    if changed(_norm(venue), _norm(read.venue if read else None)):
        name = fields.find(*VENUE_FIELDS) or _VENUE_OF_TYPE.get(entry_type, "howpublished")
        fields.set(name, encode(venue) if venue else None)
    if changed(paper.year, read.year if read else None):
        fields.set("year", str(paper.year) if paper.year else None)
    if changed(_norm(paper.abstract), _norm(read.abstract if read else None)):
        fields.set("abstract", encode(paper.abstract))
    # The library keeps tags in alphabetical order: the order alone is no change.
    if changed(sorted(paper.tags), sorted(read.tags) if read else None):
        fields.set("keywords", encode(", ".join(paper.tags)))
    # Written verbatim: escaping would break links ("\_" in a URL) and identifiers.
    if changed(paper.doi, read.doi if read else None):
        fields.set("doi", paper.doi)
    if changed(paper.url, read.url if read else None):
        fields.set("url", paper.url)
    if changed(paper.arxiv_id, read.arxiv_id if read else None):
        fields.set("eprint", paper.arxiv_id)
        if paper.arxiv_id and fields.find("archiveprefix", "eprinttype") is None:
            fields.set("archiveprefix", "arXiv")


def _entry(
    paper: PaperInfo, key: str, read: PaperFields | None, encode: Callable[[str], str]
) -> model.Entry:
    stored: BibtexEntry | None = paper.bibtex if read is not None else None
    entry_type = stored.entry_type if stored else _type_of(paper)
    fields = _Fields(list(stored.fields) if stored else [])
    _write_changes(fields, entry_type, paper, read if stored else None, encode)
    return model.Entry(entry_type, key, [model.Field(k, v) for k, v in fields.pairs])


def write_bibtex(papers: Sequence[PaperInfo]) -> str:
    """A BibTeX file of ``papers`` (in the given order) that bibtexparser reads back."""
    stored = [paper.bibtex for paper in papers if paper.bibtex is not None]
    read_back = iter(read_stored(stored))
    reads = [next(read_back) if paper.bibtex is not None else None for paper in papers]
    encoder = _encoder()
    entries = [
        _entry(paper, key, read, encoder.unicode_to_latex)
        for paper, key, read in zip(papers, unique_keys(papers), reads, strict=True)
    ]
    return write_string(Library(list[model.Block](entries)))
