"""BibTeX in through bibtexparser 2 (parsing, LaTeX accents, name splitting).

Reading is all or nothing: one malformed block makes the whole text a ValidationError that
names the line, so an import never half-happens. Each entry keeps its type and its fields
as written (``BibtexEntry``), so writing it out again (``bibtex_out.py``) changes nothing
the library did not change.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator, Sequence

from bibtexparser import model
from bibtexparser.entrypoint import parse_string
from bibtexparser.exceptions import BlockAbortedException
from bibtexparser.library import Library
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors
from bibtexparser.middlewares.names import parse_single_name_into_parts

from studyapp.core.errors import ValidationError
from studyapp.core.papers.fields import BibtexEntry, PaperFields
from studyapp.core.papers.identifiers import normalize_arxiv, parse_doi
from studyapp.core.papers.names import full_name, is_east_asian

_ENTRY_START = re.compile(r"@\s*[A-Za-z]+\s*[{(]")
_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
_ARXIV_MENTION = re.compile(r"arxiv(?:\.org/abs/|:\s*|\s+)(\d{4}\.\d{4,5})", re.IGNORECASE)
# The fields a venue is read from, in this order.
VENUE_FIELDS = ("booktitle", "journal", "journaltitle", "howpublished")


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


def _field(entry: model.Entry, key: str) -> model.Field | None:
    # Field names are case-insensitive in BibTeX ("Title", "DOI"); bibtexparser keeps them.
    found = entry.fields_dict.get(key)
    if found is not None:
        return found
    return next((field for field in entry.fields if field.key.lower() == key), None)


def _text(entry: model.Entry, *keys: str) -> str | None:
    for key in keys:
        field = _field(entry, key)
        if field is not None and isinstance(field.value, str):
            value = " ".join(field.value.split())
            if value:
                return value
    return None


def _link(value: str | None) -> str | None:
    wrapped = re.fullmatch(r"\\url\{(.*)\}", value or "")
    return wrapped.group(1).strip() if wrapped else value


def _person(name: str) -> str:
    """ "Kim, Minji" is Minji Kim and "김, 철수" is 김철수; other forms stay as written."""
    name = " ".join(name.split())
    if "," not in name:
        return name
    try:
        parts = parse_single_name_into_parts(name, strict=False)
    except ValueError:
        return name
    if is_east_asian(name):
        return full_name(" ".join(parts.first), " ".join([*parts.von, *parts.last]))
    return " ".join(parts.merge_first_name_first.split())


def _fields(entry: model.Entry, raw: model.Entry) -> PaperFields:
    title = _text(entry, "title")
    if not title:
        raise ValidationError("The BibTeX entry {key!r} has no title.", key=entry.key)
    field = _field(entry, "author")
    names = field.value if field is not None else []
    authors = tuple(_person(n) for n in (names if isinstance(names, list) else [names]) if n)
    year_text = _text(entry, "year") or _text(entry, "date") or ""
    year = _YEAR.search(year_text)
    arxiv_id = None
    eprint = _text(raw, "eprint")
    if eprint and (_text(entry, "archiveprefix", "eprinttype") or "arxiv").lower() == "arxiv":
        arxiv_id = normalize_arxiv(eprint)
    if arxiv_id is None:
        # Google Scholar writes "journal = {arXiv preprint arXiv:1503.02531}".
        places = " ".join(_text(raw, name) or "" for name in ("journal", "note", "url"))
        mentioned = _ARXIV_MENTION.search(places)
        arxiv_id = normalize_arxiv(mentioned.group(1)) if mentioned else None
    doi_text = _text(raw, "doi")
    keywords = _text(entry, "keywords") or ""
    return PaperFields(
        title=title,
        authors=tuple(a for a in authors if a),
        venue=_text(entry, *VENUE_FIELDS),
        year=int(year.group(1)) if year else None,
        url=_link(_text(raw, "url")),
        arxiv_id=arxiv_id,
        doi=parse_doi(doi_text) if doi_text else None,
        bibtex_key=entry.key or None,
        abstract=_text(entry, "abstract") or "",
        tags=tuple(t for t in (k.strip() for k in re.split(r"[,;]", keywords)) if t),
        bibtex=BibtexEntry(raw.entry_type, tuple((f.key, str(f.value)) for f in raw.fields)),
    )


def _decoded(library: Library) -> Library:
    with _quiet_parser():
        library = LatexDecodingMiddleware().transform(library)
        return SeparateCoAuthors().transform(library)


def parse_bibtex(text: str) -> list[PaperFields]:
    """Every entry of ``text`` as PaperFields, in order; ValidationError for any bad block."""
    with _quiet_parser():
        # Decoded for text; read a second time undecoded for links and ids, where "%" is
        # part of a URL and not a LaTeX comment, and for the entry kept as written.
        library = parse_string(
            text, append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors()]
        )
        verbatim = parse_string(text)
    if library.failed_blocks:
        problems = [_failure(block) for block in library.failed_blocks]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ValidationError(
            "Malformed BibTeX, nothing was added: {problem}{more}", problem=problems[0], more=more
        )
    if not library.entries:
        raise ValidationError("No BibTeX entry found (an entry starts like @article{key, ...}).")
    return [
        _fields(entry, raw) for entry, raw in zip(library.entries, verbatim.entries, strict=True)
    ]


def _model_entry(key: str, stored: BibtexEntry) -> model.Entry:
    return model.Entry(stored.entry_type, key, [model.Field(k, v) for k, v in stored.fields])


def read_stored(entries: Sequence[BibtexEntry]) -> list[PaperFields | None]:
    """What the library read from each stored entry when it was imported (None for one that
    no longer reads as a paper): export compares it with the paper now to see what changed."""
    if not entries:
        return []
    # Keys of their own: a library drops an entry whose key it has seen.
    raw = [_model_entry(f"entry{n}", stored) for n, stored in enumerate(entries)]
    decoded = _decoded(
        Library([_model_entry(f"entry{n}", stored) for n, stored in enumerate(entries)])
    )
    found: list[PaperFields | None] = []
    for entry, verbatim in zip(decoded.entries, raw, strict=True):
        try:
            found.append(_fields(entry, verbatim))
        except ValidationError:
            found.append(None)
    return found
