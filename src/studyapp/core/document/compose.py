"""Lines studyapp writes into a body for the user: a talk's heading, an attendance line."""

from __future__ import annotations

import re
from collections.abc import Sequence

from studyapp.core.dto import PaperInfo
from studyapp.core.markdown.attendees import parse_attendees_line
from studyapp.core.markdown.document import PaperRef

# Characters a link target cannot hold, and those Obsidian refuses in a note's file name.
_WIKILINK_UNSAFE = re.compile(r"[\[\]|#^\s\\/:*?\"<>]+")
# Characters that would end or break an inline link's destination.
_LINK_ESCAPES = str.maketrans({" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E"})


def one_line(text: str) -> str:
    return " ".join(text.split())


def wikilink(name: str) -> str:
    """``[[민수님]]``; characters Obsidian cannot have in a link target become spaces."""
    target = _WIKILINK_UNSAFE.sub(" ", name).strip()
    return f"[[{target}]]" if target else one_line(name)


def _name(name: str, wiki: bool) -> str:
    return wikilink(name) if wiki else one_line(name)


def _paper_shown(paper: PaperInfo, wiki: bool) -> str:
    """The paper inside a heading: a link when there is one, so nothing needs a second line."""
    title = one_line(paper.title)
    link = paper.link
    if link:
        text = title.replace("[", "\\[").replace("]", "\\]")
        return f"[{text}]({link.strip().translate(_LINK_ESCAPES)})"
    return wikilink(paper.title) if wiki else title


def shown_paper(ref: PaperRef | None) -> PaperInfo | None:
    """A paper as a note names it, in the shape a heading is written from (no library id)."""
    if ref is None or not ref.title.strip():
        return None
    return PaperInfo(
        id=0,
        title=ref.title,
        venue=ref.venue,
        year=ref.year,
        url=ref.url,
        arxiv_id=ref.arxiv_id,
        doi=ref.doi,
    )


def talk_heading(
    presenter: str | None,
    paper: PaperInfo | None,
    number: int,
    *,
    wiki: bool = False,
    level: int = 2,
) -> str:
    """``## Alice: [Title](link) (ICML 2024)``; forms the parser reads back as a talk."""
    marks = "#" * max(1, min(level, 6))
    about = ""
    if paper is not None and paper.title.strip():
        about = _paper_shown(paper, wiki)
        if paper.venue and paper.venue.strip():
            about = f"{about} ({one_line(paper.venue)})"
    if presenter and presenter.strip():
        who = _name(presenter, wiki)
        return f"{marks} {who}: {about}" if about else f"{marks} Presentation by {who}"
    return f"{marks} Presentation {number}: {about}" if about else f"{marks} Presentation {number}"


def attendance_matches(raw: str, attendees: Sequence[str], absentees: Sequence[str]) -> bool:
    """Whether an attendance line reads back as exactly these people."""
    parsed = parse_attendees_line(raw)  # the parser's own reading, so both sides agree
    return parsed is not None and (sorted(parsed[0]), sorted(parsed[1])) == (
        sorted(attendees),
        sorted(absentees),
    )


def attendance_line(
    attendees: Sequence[str], absentees: Sequence[str], *, wiki: bool = False
) -> str:
    """``Attendees: A, B (absent: C)``, or ``""`` when nobody is named."""
    if not attendees and not absentees:
        return ""
    parts = ["Attendees:"]
    if attendees:
        parts.append(", ".join(_name(name, wiki) for name in attendees))
    if absentees:
        parts.append(f"(absent: {', '.join(_name(name, wiki) for name in absentees)})")
    return " ".join(parts)
