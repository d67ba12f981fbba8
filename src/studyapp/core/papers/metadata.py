"""Paper metadata from the public arXiv API (Atom XML) and Crossref (JSON).

One request per lookup, with a timeout, so an offline laptop fails fast and the user fills
the form by hand. ``STUDYAPP_ARXIV_API`` and ``STUDYAPP_CROSSREF_API`` replace the base
URLs (tests point them at a local server); they are read on every call.
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from typing import Any

from studyapp import __version__
from studyapp.core.errors import Message, StudyappError
from studyapp.core.papers.fields import PaperFields
from studyapp.core.papers.identifiers import arxiv_link
from studyapp.core.papers.names import full_name

ARXIV_API = "https://export.arxiv.org/api/query"
CROSSREF_API = "https://api.crossref.org/works"
DEFAULT_TIMEOUT = 8.0
MAX_BYTES = 5 * 1024 * 1024  # a real reply is a few kB; never read an endless stream
USER_AGENT = f"studyapp/{__version__} (study-group organizer; Python urllib)"

_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"
_TAGS = re.compile(r"<[^>]+>")


class MetadataError(StudyappError):
    """Metadata could not be fetched: offline, timed out, unknown id, unreadable reply.

    ``brief`` is the message without the advice to fill in the form by hand, for callers
    that keep the id and look it up again later instead.
    """

    code = "metadata"

    def __init__(self, template: str, /, *, brief: Message | None = None, **params: Any) -> None:
        super().__init__(template, **params)
        self.brief_message = brief or Message(template, **params)
        self.brief = str(self.brief_message)


class MetadataUnavailable(MetadataError):
    """The service gave no usable answer this time (offline, timed out, busy, an error page
    from a hotel's Wi-Fi login): worth asking again later, unlike "no such paper"."""

    code = "metadata-unavailable"


FILL_IN_BY_HAND = Message("fill in the details by hand")


def _unavailable(problem: Message, advice: Message = FILL_IN_BY_HAND) -> MetadataUnavailable:
    return MetadataUnavailable("{problem}; {advice}", problem=problem, advice=advice, brief=problem)


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _seconds(timeout: float) -> str:
    return f"{timeout:g} s"


class MetadataFetcher:
    """Fetches :class:`PaperFields` for an arXiv id or a DOI; safe to use from a thread."""

    def __init__(self, *, timeout: float | None = None, user_agent: str = USER_AGENT) -> None:
        self.timeout = DEFAULT_TIMEOUT if timeout is None else timeout
        self.user_agent = user_agent

    # -- HTTP ------------------------------------------------------------------------------

    def _get(self, url: str, service: str, what: Message, accept: str) -> bytes:
        """The body at ``url``; every failure becomes one MetadataError line."""
        request = urllib.request.Request(
            url, headers={"User-Agent": self.user_agent, "Accept": accept}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body: bytes = response.read(MAX_BYTES + 1)
        except urllib.error.HTTPError as error:
            if error.code in (400, 404, 410):
                raise MetadataError("{service} has no {what}", service=service, what=what) from None
            if error.code == 429:
                raise _unavailable(
                    Message("{service} asks to slow down (too many requests)", service=service),
                    Message("try again in a minute or fill in the details by hand"),
                ) from None
            raise _unavailable(
                Message(
                    "{service} answered with an error (HTTP {status})",
                    service=service,
                    status=error.code,
                ),
                Message("try again later or fill in the details by hand"),
            ) from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise self._timed_out(service) from None
            reason = _one_line(str(getattr(error.reason, "strerror", None) or error.reason))
            raise _unavailable(
                Message("Could not reach {service} ({reason})", service=service, reason=reason)
            ) from None
        except TimeoutError:
            raise self._timed_out(service) from None
        except (OSError, ValueError) as error:
            raise _unavailable(
                Message("Could not reach {service} ({reason})", service=service, reason=error)
            ) from None
        if len(body) > MAX_BYTES:
            raise _unavailable(
                Message("{service} sent a reply that is far too large", service=service)
            )
        return body

    def _timed_out(self, service: str) -> MetadataUnavailable:
        return _unavailable(
            Message(
                "Could not reach {service} (timed out after {seconds})",
                service=service,
                seconds=_seconds(self.timeout),
            )
        )

    # -- arXiv -----------------------------------------------------------------------------

    def arxiv(self, arxiv_id: str) -> PaperFields:
        """Title, authors, year, abstract (and DOI, journal reference) of an arXiv paper."""
        base = os.environ.get("STUDYAPP_ARXIV_API") or ARXIV_API
        query = urllib.parse.urlencode({"id_list": arxiv_id, "max_results": 1})
        what = Message("paper {arxiv_id}", arxiv_id=arxiv_id)
        body = self._get(f"{base}?{query}", "arXiv", what, "application/atom+xml")
        return parse_arxiv_feed(body, arxiv_id)

    # -- Crossref --------------------------------------------------------------------------

    def crossref(self, doi: str) -> PaperFields:
        """Title, authors, venue, year of a DOI registered with Crossref."""
        base = (os.environ.get("STUDYAPP_CROSSREF_API") or CROSSREF_API).rstrip("/")
        url = f"{base}/{urllib.parse.quote(doi, safe='')}"
        what = Message("record of DOI {doi}", doi=doi)
        body = self._get(url, "Crossref", what, "application/json")
        return parse_crossref_work(body, doi)


def parse_arxiv_feed(body: bytes, arxiv_id: str) -> PaperFields:
    """The paper in an arXiv API Atom feed; MetadataError when there is none."""
    unreadable = Message("arXiv sent a reply that could not be read")
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        raise _unavailable(unreadable) from None
    if root.tag != f"{_ATOM}feed":
        raise _unavailable(unreadable)
    for entry in root.findall(f"{_ATOM}entry"):
        entry_id = entry.findtext(f"{_ATOM}id") or ""
        if "/api/errors" in entry_id:
            # The API reports a bad id as an entry whose summary says what is wrong.
            raise MetadataError("arXiv has no paper {arxiv_id}", arxiv_id=arxiv_id)
        title = _one_line(entry.findtext(f"{_ATOM}title"))
        if not title:
            continue
        authors = tuple(
            name
            for author in entry.findall(f"{_ATOM}author")
            if (name := _one_line(author.findtext(f"{_ATOM}name")))
        )
        published = (entry.findtext(f"{_ATOM}published") or "").strip()
        year = int(published[:4]) if published[:4].isdigit() else None
        journal = _one_line(entry.findtext(f"{_ARXIV}journal_ref")) or None
        doi = _one_line(entry.findtext(f"{_ARXIV}doi")).lower() or None
        return PaperFields(
            title=title,
            authors=authors,
            venue=journal or "arXiv",
            year=year,
            url=arxiv_link(arxiv_id),
            arxiv_id=arxiv_id,
            doi=doi,
            abstract=_one_line(entry.findtext(f"{_ATOM}summary")),
        )
    raise MetadataError("arXiv has no paper {arxiv_id}", arxiv_id=arxiv_id)


def _crossref_author(author: dict[str, Any]) -> str:
    given = _one_line(str(author.get("given") or ""))
    family = _one_line(str(author.get("family") or ""))
    if not (given or family):
        return _one_line(str(author.get("name") or ""))
    return full_name(given, family)


def _first(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return _one_line(str(value or ""))


def _crossref_year(work: dict[str, Any]) -> int | None:
    for key in ("published-print", "published-online", "issued", "published", "created"):
        parts = (work.get(key) or {}).get("date-parts") or [[]]
        if parts and parts[0] and isinstance(parts[0][0], int):
            return int(parts[0][0])
    return None


def parse_crossref_work(body: bytes, doi: str) -> PaperFields:
    """The work in a Crossref ``/works/{doi}`` reply; MetadataError when unreadable."""
    unreadable = Message("Crossref sent a reply that could not be read")
    try:
        reply = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _unavailable(unreadable) from None
    work = reply.get("message") if isinstance(reply, dict) else None
    if not isinstance(work, dict):
        raise _unavailable(unreadable)
    title = _first(work.get("title"))
    if not title:
        raise MetadataError(
            "Crossref has no title for DOI {doi}; fill in the details by hand", doi=doi
        )
    authors = tuple(
        name
        for author in work.get("author") or []
        if isinstance(author, dict) and (name := _crossref_author(author))
    )
    event = work.get("event") if isinstance(work.get("event"), dict) else {}
    venue = (
        _first(event.get("acronym") if event else None)
        or _first(work.get("short-container-title"))
        or _first(work.get("container-title"))
        or None
    )
    abstract = _one_line(_TAGS.sub(" ", str(work.get("abstract") or "")))
    return PaperFields(
        title=title,
        authors=authors,
        venue=venue,
        year=_crossref_year(work),
        url=_first(work.get("URL")) or None,
        doi=(_first(work.get("DOI")) or doi).lower(),
        abstract=abstract,
    )
