"""Meeting minutes as Markdown: YAML front matter plus a body people can keep editing.

Output is deterministic (no clock is read) and keeps what was imported: the user's own
front matter blocks, headings, attendance and task lines come back verbatim whenever
they still say what the database says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from studyapp.core.dto import PaperInfo, PresentationInfo, SessionDetail
from studyapp.core.errors import ExportError
from studyapp.core.markdown.attendees import parse_attendees_line
from studyapp.core.markdown.clock import DEFAULT_TIMEBOX_MINUTES, format_clock, timing_line
from studyapp.core.markdown.front_matter_out import render_front_matter
from studyapp.core.markdown.text_lines import one_line, split_lines, trim_blank, verbatim
from studyapp.core.tasks import task_line_for

__all__ = [
    "DEFAULT_TIMEBOX_MINUTES",
    "FLAVORS",
    "attendance_matches",
    "check_flavor",
    "format_clock",
    "mostly_hangul",
    "render_body",
    "render_front_matter",
    "render_markdown",
    "timing_line",
    "wikilink",
]

FLAVORS = ("jekyll", "obsidian", "html")

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LATIN = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[^\W\d_]+")
# Text of ASCII and Hangul syllables only (most notes) has ASCII letters and syllables for
# its letters, so its words can be counted on its UTF-8 bytes: a syllable's bytes are all
# 0x80 and up, an ASCII letter's are letters. Mapping each byte to a class and counting
# word starts runs in C; Unicode letter classes and a Python step per word made this most
# of an export's time.
_NOT_ASCII_OR_SYLLABLE = re.compile(r"[^\x00-\x7f\uac00-\ud7a3]")
_ASCII_LETTERS = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))
_LETTER_BYTES = bytes(
    ord("L") if byte >= 0x80 or byte in _ASCII_LETTERS else ord(" ") for byte in range(256)
)
_SYLLABLE_BYTES = bytes(ord("H") if byte >= 0x80 else ord(" ") for byte in range(256))
_NOT_PROSE_MARKS = ("<", "](", ":", "`")  # one of these is in every _NOT_PROSE match
# Markup, link targets and bare URLs say nothing about the language people wrote in.
_NOT_PROSE = re.compile(r"<[^>\n]*>|\]\([^)\n]*\)|\b[a-zA-Z][\w+.-]*:[^\s)>\]]+|`[^`\n]*`")
_TITLE_HEADING = re.compile(r"^ {0,3}# ")

_WIKILINK_UNSAFE = re.compile(r"[\[\]|#^\s]+")


def check_flavor(flavor: str) -> None:
    """Raise ExportError naming the valid flavors when ``flavor`` is not one of them."""
    if flavor not in FLAVORS:
        raise ExportError(f"Unknown flavor {flavor!r}; use one of: {', '.join(FLAVORS)}.")


def mostly_hangul(text: str) -> bool:
    """True when more words contain Hangul than are Latin-only ("feature의" counts as Hangul)."""
    prose = _NOT_PROSE.sub(" ", text) if any(m in text for m in _NOT_PROSE_MARKS) else text
    if _NOT_ASCII_OR_SYLLABLE.search(prose) is None:
        data = b" " + prose.encode()
        words = data.translate(_LETTER_BYTES).count(b" L")
        # Without its ASCII letters, a word with a syllable still starts a run of H's.
        hangul = data.translate(_SYLLABLE_BYTES, _ASCII_LETTERS).count(b" H")
        return hangul > words - hangul
    hangul = latin = 0
    for word in _WORD.findall(prose):
        if _HANGUL.search(word):
            hangul += 1
        elif _LATIN.search(word):
            latin += 1
    return hangul > latin


def render_markdown(session: SessionDetail, flavor: str = "jekyll") -> str:
    """The whole file: front matter, then the body. LF endings, one trailing newline."""
    check_flavor(flavor)
    front = f"---\n{render_front_matter(session)}---\n"
    body = render_body(session, flavor)
    return f"{front}\n{body}" if body else front


def render_body(session: SessionDetail, flavor: str = "jekyll") -> str:
    """The Markdown after the front matter; ``""`` when the session has nothing to say."""
    check_flavor(flavor)
    wiki = flavor == "obsidian"
    notes = split_lines(verbatim(session.notes))
    # People put the attendance right under the note's own title heading, if it has one.
    split = 1 if _TITLE_HEADING.match(notes[0]) else 0
    blocks = [
        "\n".join(notes[:split]),
        _attendance(session, wiki),
        "\n".join(trim_blank(notes[split:])),
    ]
    presentations = sorted(session.presentations, key=lambda p: p.position)
    for number, presentation in enumerate(presentations, start=1):
        blocks.extend(_presentation(presentation, number, wiki))
    blocks.append(_checklist(session))
    text = "\n\n".join(block for block in blocks if block)
    if wiki and session.attachments:
        text = _obsidian_embeds(text, session.attachments)
    return f"{text}\n" if text else ""


def _obsidian_embeds(text: str, names: tuple[str, ...]) -> str:
    """``![](slide.png)`` of the session's own images -> Obsidian's ``![[slide.png]]``."""
    pattern = re.compile(r"!\[[^\]\n]*\]\((" + "|".join(re.escape(name) for name in names) + r")\)")
    return pattern.sub(lambda match: f"![[{match[1]}]]", text)


# -- text helpers ------------------------------------------------------------------------------


def _quoted(text: str) -> str:
    lines = trim_blank(split_lines(text))
    return "\n".join(f"> {line}" if line.strip() else ">" for line in lines)


# Characters that would end or break an inline link's destination.
_LINK_ESCAPES = str.maketrans({" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E"})


def _link_target(url: str) -> str:
    return url.strip().translate(_LINK_ESCAPES)


def wikilink(name: str) -> str:
    """``[[민수님]]``; characters Obsidian cannot have in a link target become spaces."""
    target = _WIKILINK_UNSAFE.sub(" ", name).strip()
    return f"[[{target}]]" if target else one_line(name)


def _name(name: str, wiki: bool) -> str:
    return wikilink(name) if wiki else one_line(name)


# -- attendance --------------------------------------------------------------------------------


def attendance_matches(raw: str, attendees: Sequence[str], absentees: Sequence[str]) -> bool:
    """Whether the imported attendance line still reads back as exactly these people."""
    parsed = parse_attendees_line(raw)  # the importer's own reading, so both sides agree
    return parsed is not None and (sorted(parsed[0]), sorted(parsed[1])) == (
        sorted(attendees),
        sorted(absentees),
    )


def _attendance(session: SessionDetail, wiki: bool) -> str:
    raw = session.attendees_raw
    if raw is not None and attendance_matches(raw, session.attendees, session.absentees):
        return verbatim(raw)
    if not session.attendees and not session.absentees:
        return ""
    parts = ["Attendees:"]
    if session.attendees:
        parts.append(", ".join(_name(name, wiki) for name in session.attendees))
    if session.absentees:
        parts.append(f"(absent: {', '.join(_name(name, wiki) for name in session.absentees)})")
    return " ".join(parts)


# -- presentations -----------------------------------------------------------------------------


def _paper_shown(paper: PaperInfo, wiki: bool) -> str:
    """The paper inside a heading: a link when there is one, so nothing needs a second line."""
    title = one_line(paper.title)
    link = paper.link
    if link:
        text = title.replace("[", "\\[").replace("]", "\\]")
        return f"[{text}]({_link_target(link)})"
    return wikilink(paper.title) if wiki else title


def _heading(presentation: PresentationInfo, number: int, wiki: bool) -> str:
    """``## Alice: [Title](link) (ICML 2024)``; forms the importer reads back as a slot."""
    paper = presentation.paper
    about = ""
    if paper is not None and paper.title.strip():
        about = _paper_shown(paper, wiki)
        if paper.venue and paper.venue.strip():
            about = f"{about} ({one_line(paper.venue)})"
    presenter = presentation.presenter
    if presenter and presenter.strip():
        who = _name(presenter, wiki)
        return f"## {who}: {about}" if about else f"## Presentation by {who}"
    return f"## Presentation {number}: {about}" if about else f"## Presentation {number}"


def _presentation(presentation: PresentationInfo, number: int, wiki: bool) -> list[str]:
    # An imported heading already names presenter and paper, as the user wrote them.
    heading = None if presentation.heading_raw is None else verbatim(presentation.heading_raw)
    return [
        heading or _heading(presentation, number, wiki),
        timing_line(presentation.duration_seconds, presentation.timebox_minutes),
        verbatim(presentation.notes),
        _quoted(presentation.discussion),
    ]


# -- checklist ---------------------------------------------------------------------------------


def _language_sample(session: SessionDetail) -> str:
    text = "\n".join(
        [
            session.notes,
            *(item.task.text for item in session.checklist),
            *(f"{p.notes}\n{p.discussion}" for p in session.presentations),
        ]
    )
    return text if _WORD.search(text) else session.title


def _checklist(session: SessionDetail) -> str:
    heading = session.checklist_heading
    if not session.checklist and heading is None:
        return ""
    if heading is None or not heading.strip():
        heading = "## 할 일" if mostly_hangul(_language_sample(session)) else "## Action items"
    items = sorted(session.checklist, key=lambda item: item.position)
    lines = [task_line_for(item.task, item.source_line) for item in items]
    return "\n\n".join(part for part in (verbatim(heading), "\n".join(lines)) if part)
