"""Recognizing arXiv ids and DOIs in what people paste: bare ids, prefixes and URLs.

Ids are stored without their version (``2401.01234``, not ``2401.01234v2``) so that two
versions of one paper are caught as the same paper; DOIs are stored lowercase because
DOIs are case-insensitive by definition.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass

# New style (2007 on): YYMM.NNNN, five digits from 2015 (the month is not checked: arXiv
# answers "no such paper" for an impossible one); old style: archive[.SUB]/YYMMNNN.
_NEW = r"\d{4}\.\d{4,5}"
_OLD = r"[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{2}(?:0[1-9]|1[0-2])\d{3}"
_ARXIV_ID = re.compile(rf"^(?P<id>{_NEW}|{_OLD})(?:v(?P<version>[1-9]\d*))?$", re.IGNORECASE)
_ARXIV_HOSTS = {"arxiv.org", "www.arxiv.org", "export.arxiv.org"}
_ARXIV_PATH = re.compile(r"^/(?:abs|pdf|html|format)/(?P<rest>.+?)(?:\.pdf)?/?$", re.IGNORECASE)
# The DOI handbook allows nearly any printable character after "10.<registrant>/".
_DOI = re.compile(r"^10\.\d{4,9}(?:\.\d+)*/\S+$")
_DOI_HOSTS = {"doi.org", "dx.doi.org", "www.doi.org"}


@dataclass(frozen=True)
class ArxivId:
    id: str  # without the version: "2401.01234", "hep-th/9901001"
    version: int | None = None

    def __str__(self) -> str:
        return self.id if self.version is None else f"{self.id}v{self.version}"


def _arxiv_core(text: str) -> ArxivId | None:
    found = _ARXIV_ID.match(text.strip())
    if found is None:
        return None
    identifier = found["id"]
    if "/" in identifier:
        # Archive names are lowercase, subject classes uppercase: "math.GT/0309136".
        archive, number = identifier.split("/", 1)
        name, _, subject = archive.partition(".")
        identifier = f"{name.lower()}{'.' + subject.upper() if subject else ''}/{number}"
    version = found["version"]
    return ArxivId(identifier, int(version) if version else None)


def parse_arxiv(text: str) -> ArxivId | None:
    """The arXiv id in ``text`` (a bare id, ``arXiv:...`` or an arxiv.org URL), else None."""
    text = text.strip()
    if not text:
        return None
    lowered = text.lower()
    if lowered.startswith("arxiv:"):
        return _arxiv_core(text[len("arxiv:") :])
    if "arxiv.org" in lowered:
        url = urllib.parse.urlsplit(text if "://" in text else f"https://{text}")
        if (url.hostname or "").lower() not in _ARXIV_HOSTS:
            return None
        path = _ARXIV_PATH.match(url.path)
        return _arxiv_core(path["rest"]) if path else None
    return _arxiv_core(text)


def normalize_arxiv(text: str) -> str | None:
    """The versionless id a library stores, or None when ``text`` is not an arXiv id."""
    found = parse_arxiv(text)
    return found.id if found else None


def parse_doi(text: str) -> str | None:
    """The DOI in ``text`` (bare, ``doi:...``, or a doi.org URL), lowercase, else None."""
    text = text.strip()
    lowered = text.lower()
    if lowered.startswith("doi:"):
        text = text[4:].strip()
    elif "://" in text or lowered.startswith(("doi.org/", "dx.doi.org/")):
        url = urllib.parse.urlsplit(text if "://" in text else f"https://{text}")
        if (url.hostname or "").lower() not in _DOI_HOSTS:
            return None
        text = urllib.parse.unquote(url.path.lstrip("/"))
    text = text.rstrip(".,;")
    return text.lower() if _DOI.match(text) else None


def doi_link(doi: str) -> str:
    return f"https://doi.org/{urllib.parse.quote(doi, safe='/:;()._-')}"


def arxiv_link(arxiv_id: str) -> str:
    return f"https://arxiv.org/abs/{arxiv_id}"


def placeholder_title(arxiv_id: str | None, doi: str | None) -> str | None:
    """The title a paper has while only its id is known: ``arXiv:1503.02531``, ``doi:10…``."""
    if arxiv_id:
        return f"arXiv:{arxiv_id}"
    if doi:
        return f"doi:{doi}"
    return None


def details_pending(title: str, arxiv_id: str | None, doi: str | None) -> bool:
    """Whether a paper still waits for its details: its title is only its id."""
    placeholders = (f"arXiv:{arxiv_id}" if arxiv_id else None, f"doi:{doi}" if doi else None)
    return bool(title) and title in placeholders
