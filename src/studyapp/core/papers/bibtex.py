"""BibTeX in and out through bibtexparser 2 (parsing, LaTeX accents, name splitting).

Reading is all or nothing: one malformed block makes the whole text a ValidationError that
names the line, so an import never half-happens. Writing gives each paper a stable key
(``kim2024tiny``) and leaves LaTeX escaping to the library.
"""

from __future__ import annotations

import contextlib
import logging
import re
import unicodedata
from collections.abc import Iterator, Sequence

from bibtexparser import model
from bibtexparser.entrypoint import parse_string, write_string
from bibtexparser.exceptions import BlockAbortedException
from bibtexparser.library import Library
from bibtexparser.middlewares import (
    LatexDecodingMiddleware,
    LatexEncodingMiddleware,
    SeparateCoAuthors,
)
from bibtexparser.middlewares.names import parse_single_name_into_parts
from pylatexenc.latexencode import (  # type: ignore[import-untyped]
    RULE_REGEX,
    UnicodeToLatexConversionRule,
    UnicodeToLatexEncoder,
)

from studyapp.core.dto import PaperInfo
from studyapp.core.errors import ValidationError
from studyapp.core.papers.fields import PaperFields
from studyapp.core.papers.identifiers import normalize_arxiv, parse_doi

_ENTRY_START = re.compile(r"@\s*[A-Za-z]+\s*[{(]")
_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
_CONFERENCE = re.compile(
    r"conference|proceedings|workshop|symposium|\b[A-Z]{2,}[A-Za-z]*\s*'?\d{2,4}\b", re.IGNORECASE
)
_STOP_WORDS = {"a", "an", "the", "on", "of", "for", "in", "to", "and", "with", "towards"}
# Written verbatim: escaping would break links ("\_" in a URL) and identifiers.
_VERBATIM_FIELDS = ("doi", "url", "eprint", "archiveprefix")


@contextlib.contextmanager
def _quiet_parser() -> Iterator[None]:
    # bibtexparser logs each bad block to the root handler; we report it ourselves.
    logger = logging.getLogger("bibtexparser")
    previous = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(previous)


def looks_like_bibtex(text: str) -> bool:
    """True when ``text`` holds at least one ``@type{`` entry start."""
    return bool(_ENTRY_START.search(text))


def _failure(block: model.ParsingFailedBlock) -> str:
    line = (block.start_line or 0) + 1
    first = (block.raw or "").strip().splitlines()[0][:60] if (block.raw or "").strip() else ""
    if isinstance(block, model.DuplicateBlockKeyBlock):
        return f"line {line}: the key {block.key!r} is used by two entries"
    if isinstance(block, model.DuplicateFieldKeyBlock):
        keys = ", ".join(sorted(block.duplicate_keys))
        return f"line {line}: the entry {first!r} gives {keys} twice"
    error = block.error
    if isinstance(error, BlockAbortedException) and error.abort_reason:
        reason = " ".join(error.abort_reason.split()).rstrip(".")
        return f"line {line}: {reason[:1].lower() + reason[1:]} in {first!r}"
    return f"line {line}: cannot read {first!r}"


def _text(entry: model.Entry, *keys: str) -> str | None:
    for key in keys:
        field = entry.fields_dict.get(key)
        if field is not None and isinstance(field.value, str):
            value = " ".join(field.value.split())
            if value:
                return value
    return None


def _link(value: str | None) -> str | None:
    wrapped = re.fullmatch(r"\\url\{(.*)\}", value or "")
    return wrapped.group(1).strip() if wrapped else value


def _person(name: str) -> str:
    """Turn "Kim, Minji" into "Minji Kim"; names in any other form stay as written."""
    name = " ".join(name.split())
    if "," not in name:
        return name
    try:
        return " ".join(
            parse_single_name_into_parts(name, strict=False).merge_first_name_first.split()
        )
    except ValueError:
        return name


def _fields(entry: model.Entry, raw: model.Entry) -> PaperFields:
    title = _text(entry, "title")
    if not title:
        raise ValidationError(f"The BibTeX entry {entry.key!r} has no title.")
    field = entry.fields_dict.get("author")
    names = field.value if field is not None else []
    authors = tuple(_person(n) for n in (names if isinstance(names, list) else [names]) if n)
    year_text = _text(entry, "year") or _text(entry, "date") or ""
    year = _YEAR.search(year_text)
    arxiv_id = None
    eprint = _text(raw, "eprint")
    if eprint and (_text(entry, "archiveprefix", "eprinttype") or "arxiv").lower() == "arxiv":
        arxiv_id = normalize_arxiv(eprint)
    doi_text = _text(raw, "doi")
    keywords = _text(entry, "keywords") or ""
    return PaperFields(
        title=title,
        authors=tuple(a for a in authors if a),
        venue=_text(entry, "booktitle", "journal", "journaltitle", "howpublished"),
        year=int(year.group(1)) if year else None,
        url=_link(_text(raw, "url")),
        arxiv_id=arxiv_id,
        doi=parse_doi(doi_text) if doi_text else None,
        bibtex_key=entry.key or None,
        abstract=_text(entry, "abstract") or "",
        tags=tuple(t for t in (k.strip() for k in re.split(r"[,;]", keywords)) if t),
    )


def parse_bibtex(text: str) -> list[PaperFields]:
    """Every entry of ``text`` as PaperFields, in order; ValidationError for any bad block."""
    with _quiet_parser():
        # Decoded for text; read a second time undecoded for links and ids, where "%" is
        # part of a URL and not a LaTeX comment.
        library = parse_string(
            text, append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors()]
        )
        verbatim = parse_string(text)
    if library.failed_blocks:
        problems = [_failure(block) for block in library.failed_blocks]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ValidationError(f"Malformed BibTeX, nothing was added: {problems[0]}{more}")
    if not library.entries:
        raise ValidationError("No BibTeX entry found (an entry starts like @article{key, ...}).")
    return [
        _fields(entry, raw) for entry, raw in zip(library.entries, verbatim.entries, strict=True)
    ]


# -- writing ---------------------------------------------------------------------------------


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def make_key(paper: PaperInfo | PaperFields) -> str:
    """``kim2024tiny``: first author's family name, year, first real word of the title."""
    family = ""
    if paper.authors:
        first = paper.authors[0]
        parts = parse_single_name_into_parts(first, strict=False) if first.strip() else None
        family = _ascii_word(" ".join(parts.last) if parts and parts.last else first)
    words = [_ascii_word(word) for word in re.split(r"[\s\-:/]+", paper.title)]
    word = next((w for w in words if w and w not in _STOP_WORDS), "")
    year = str(paper.year) if paper.year else ""
    return f"{family or 'paper'}{year}{word}"


def _unique_keys(papers: Sequence[PaperInfo]) -> list[str]:
    keys: list[str] = []
    taken: set[str] = set()
    for paper in papers:
        base = paper.bibtex_key or make_key(paper)
        key, suffix = base, 0
        while key in taken:
            suffix += 1
            # kim2024tiny, kim2024tinya, kim2024tinyb ... as BibTeX users expect.
            key = f"{base}{chr(ord('a') + suffix - 1)}" if suffix <= 26 else f"{base}-{suffix}"
        taken.add(key)
        keys.append(key)
    return keys


def _entry(paper: PaperInfo, key: str) -> model.Entry:
    venue = paper.venue if paper.venue and paper.venue.lower() != "arxiv" else None
    if venue is None:
        entry_type, venue_field = "misc", "howpublished"
    elif _CONFERENCE.search(venue):
        entry_type, venue_field = "inproceedings", "booktitle"
    else:
        entry_type, venue_field = "article", "journal"
    values: list[tuple[str, str]] = [("title", paper.title)]
    if paper.authors:
        values.append(("author", " and ".join(paper.authors)))
    if venue:
        values.append((venue_field, venue))
    if paper.year:
        values.append(("year", str(paper.year)))
    if paper.abstract:
        values.append(("abstract", paper.abstract))
    if paper.tags:
        values.append(("keywords", ", ".join(paper.tags)))
    return model.Entry(entry_type, key, [model.Field(k, v) for k, v in values])


def _encoder() -> LatexEncodingMiddleware:
    keep_math = UnicodeToLatexConversionRule(
        rule_type=RULE_REGEX, rule=[(re.compile(r"(?<!\\)(\$.*[^\\]\$)"), r"\1")]
    )
    # Hangul has no LaTeX form; it is kept as UTF-8 (biber and XeLaTeX read it) quietly.
    encoder = UnicodeToLatexEncoder(
        conversion_rules=[keep_math, "defaults"],
        unknown_char_policy="keep",
        unknown_char_warning=False,
    )
    return LatexEncodingMiddleware(encoder=encoder, allow_inplace_modification=True)


def write_bibtex(papers: Sequence[PaperInfo]) -> str:
    """A BibTeX file of ``papers`` (in the given order) that bibtexparser reads back."""
    entries = [_entry(p, k) for p, k in zip(papers, _unique_keys(papers), strict=True)]
    library = Library(list[model.Block](entries))
    with _quiet_parser():
        library = _encoder().transform(library)
    for entry, paper in zip(library.entries, papers, strict=True):
        # Braces keep "CLIP" capitalized under styles that lowercase titles.
        entry["title"] = "{" + entry["title"] + "}"
        verbatim = {
            "doi": paper.doi,
            "url": paper.url,
            "eprint": paper.arxiv_id,
            "archiveprefix": "arXiv" if paper.arxiv_id else None,
        }
        for name in _VERBATIM_FIELDS:
            value = verbatim[name]
            if value:
                entry.set_field(model.Field(name, value))
    return write_string(library)
