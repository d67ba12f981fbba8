"""Meeting minutes as Markdown: YAML front matter plus a body people can keep editing.

Output is deterministic (no clock is read) and keeps what was imported: the user's own
front matter blocks, headings, attendance and task lines come back verbatim whenever
they still say what the database says.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence

import yaml

from studyapp.core.dto import PaperInfo, PresentationInfo, SessionDetail
from studyapp.core.errors import ExportError
from studyapp.core.markdown.headings import parse_attendees_line
from studyapp.core.tasks import task_line_for

FLAVORS = ("jekyll", "obsidian", "html")
DEFAULT_TIMEBOX_MINUTES = 20  # what a slot without its own time box is measured against

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LATIN = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[^\W\d_]+")
# Markup, link targets and bare URLs say nothing about the language people wrote in.
_NOT_PROSE = re.compile(r"<[^>\n]*>|\]\([^)\n]*\)|\b[a-zA-Z][\w+.-]*:[^\s)>\]]+|`[^`\n]*`")
_TITLE_HEADING = re.compile(r"^ {0,3}# ")
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")

_WIKILINK_UNSAFE = re.compile(r"[\[\]|#^\s]+")


def check_flavor(flavor: str) -> None:
    """Raise ExportError naming the valid flavors when ``flavor`` is not one of them."""
    if flavor not in FLAVORS:
        raise ExportError(f"Unknown flavor {flavor!r}; use one of: {', '.join(FLAVORS)}.")


def mostly_hangul(text: str) -> bool:
    """True when more words contain Hangul than are Latin-only ("feature의" counts as Hangul)."""
    hangul = latin = 0
    for word in _WORD.findall(_NOT_PROSE.sub(" ", text)):
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
    notes = _lines(_verbatim(session.notes))
    # People put the attendance right under the note's own title heading, if it has one.
    split = 1 if _TITLE_HEADING.match(notes[0]) else 0
    blocks = [
        "\n".join(notes[:split]),
        _attendance(session, wiki),
        "\n".join(_trim_blank(notes[split:])),
    ]
    presentations = sorted(session.presentations, key=lambda p: p.position)
    for number, presentation in enumerate(presentations, start=1):
        blocks.extend(_presentation(presentation, number, wiki))
    blocks.append(_checklist(session))
    text = "\n\n".join(block for block in blocks if block)
    return f"{text}\n" if text else ""


# -- text helpers ------------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    # Not str.splitlines(): that would also split on form feeds and U+2028 inside a line.
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _trim_blank(lines: list[str]) -> list[str]:
    filled = [index for index, line in enumerate(lines) if line.strip()]
    return lines[filled[0] : filled[-1] + 1] if filled else []


def _close_fences(lines: list[str]) -> list[str]:
    """Close a code fence left open, so it cannot swallow the sections written after it."""
    opening: tuple[str, str] | None = None
    for line in lines:
        match = _FENCE.match(line)
        if not match:
            continue
        indent, fence, rest = match.groups()
        if opening is None:
            if not (fence[0] == "`" and "`" in rest):
                opening = (indent, fence)
        elif fence[0] == opening[1][0] and len(fence) >= len(opening[1]) and not rest.strip():
            opening = None
    return lines if opening is None else [*lines, opening[0] + opening[1]]


def _verbatim(text: str) -> str:
    """The user's text as written, minus blank lines at its ends."""
    return "\n".join(_close_fences(_trim_blank(_lines(text))))


def _quoted(text: str) -> str:
    lines = _trim_blank(_lines(text))
    return "\n".join(f"> {line}" if line.strip() else ">" for line in lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _link_target(url: str) -> str:
    # Characters that would end or break an inline link's destination.
    table = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E"}
    return "".join(table.get(char, char) for char in url.strip())


def wikilink(name: str) -> str:
    """``[[민수님]]``; characters Obsidian cannot have in a link target become spaces."""
    target = _WIKILINK_UNSAFE.sub(" ", name).strip()
    return f"[[{target}]]" if target else _one_line(name)


def _name(name: str, wiki: bool) -> str:
    return wikilink(name) if wiki else _one_line(name)


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
        return _verbatim(raw)
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
    title = _one_line(paper.title)
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
            about = f"{about} ({_one_line(paper.venue)})"
    presenter = presentation.presenter
    if presenter and presenter.strip():
        who = _name(presenter, wiki)
        return f"## {who}: {about}" if about else f"## Presentation by {who}"
    return f"## Presentation {number}: {about}" if about else f"## Presentation {number}"


def format_clock(seconds: int) -> str:
    """``18:30``; ``1:05:07`` from an hour on. Shared with the window's slot timer."""
    minutes, secs = divmod(max(0, int(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def timing_line(duration_seconds: int | None, timebox_minutes: int | None) -> str:
    """``⏱ 18:30 / 20:00`` (time used / time box), or ``""`` for a slot never timed."""
    if duration_seconds is None:
        return ""
    box = DEFAULT_TIMEBOX_MINUTES if timebox_minutes is None else timebox_minutes
    return f"⏱ {format_clock(duration_seconds)} / {format_clock(box * 60)}"


def _presentation(presentation: PresentationInfo, number: int, wiki: bool) -> list[str]:
    # An imported heading already names presenter and paper, as the user wrote them.
    heading = None if presentation.heading_raw is None else _verbatim(presentation.heading_raw)
    return [
        heading or _heading(presentation, number, wiki),
        timing_line(presentation.duration_seconds, presentation.timebox_minutes),
        _verbatim(presentation.notes),
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
    return "\n\n".join(part for part in (_verbatim(heading), "\n".join(lines)) if part)


# -- front matter ------------------------------------------------------------------------------

_OWN_KEYS = (
    "title",
    "date",
    "group",
    "kind",
    "status",
    "tags",
    "attendees",
    "absentees",
    "presenters",
    "papers",
    "created",
    "last_modified_at",
)
_LISTS = frozenset({"tags", "attendees", "absentees", "presenters", "papers"})
_ALIASES = {
    "created_at": "created",
    "date created": "created",
    "updated": "last_modified_at",
    "modified": "last_modified_at",
    "lastmod": "last_modified_at",
    "participants": "attendees",
    "참석자": "attendees",
    "absent": "absentees",
    "불참": "absentees",
}
_OPTIONAL_LISTS = frozenset({"attendees", "absentees"})  # written only when someone is listed
_WIDE = 1 << 30  # never fold a long title over several lines
_MISSING = object()
_YAML_BREAKS = frozenset("\x85\u2028\u2029")
_OFFSET_SPACE = re.compile(r"\s+(Z|[+-]\d{1,2}(?::?\d{2})?)$")


def _concept(key: str) -> str | None:
    folded = key.strip().casefold()
    return folded if folded in _OWN_KEYS else _ALIASES.get(folded)


def _unique(names: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_one_line(name) for name in names if name and name.strip()))


def _own_values(session: SessionDetail) -> dict[str, object]:
    presentations = sorted(session.presentations, key=lambda p: p.position)
    return {
        "title": session.title,
        "date": session.date if session.start_time is None else session.start,
        "group": session.group,
        "kind": session.kind,
        "status": session.status,
        "tags": session.tags,
        "attendees": session.attendees,
        "absentees": session.absentees,
        "presenters": _unique(p.presenter for p in presentations),
        "papers": _unique(p.paper.title for p in presentations if p.paper),
        "created": session.created_at,
        "last_modified_at": session.updated_at,
    }


def _yaml_line(key: str, value: object, concept: str | None) -> str:
    if isinstance(value, dt.datetime):
        # Jekyll's own style for the post date; plain ISO for the bookkeeping times.
        if concept == "date":
            offset = value.strftime("%z")  # "+0900", written "+09:00"
            text = value.strftime("%Y-%m-%d %H:%M:%S") + (offset and f" {offset[:3]}:{offset[3:5]}")
        else:
            text = value.isoformat()
        key_text = yaml.safe_dump({key: 0}, allow_unicode=True, width=_WIDE)[: -len(": 0\n")]
        return f"{key_text}: {text}"
    if isinstance(value, tuple):
        value = list(value)
    texts = value if isinstance(value, list) else [value]
    # PyYAML writes these raw when allowed Unicode, and then reads them back as line breaks.
    readable = not any(isinstance(text, str) and _YAML_BREAKS & set(text) for text in texts)
    return yaml.safe_dump(
        {key: value}, allow_unicode=readable, sort_keys=False, width=_WIDE, default_flow_style=False
    ).rstrip("\n")


def _block_value(key: str, raw: str) -> object:
    """What one raw block says, or _MISSING when it is not a mapping of ``key`` alone."""
    if not raw or raw[0].isspace() or any(line.rstrip() in ("---", "...") for line in _lines(raw)):
        return _MISSING
    try:
        data = yaml.safe_load(raw)
    except Exception:  # YAMLError, or ValueError from impossible dates like 2025-13-40
        return _MISSING
    if isinstance(data, dict) and len(data) == 1:
        ((found, value),) = data.items()
        if str(found) == key:
            return value
    return _MISSING


def _json_value(key: str, raw: str) -> object:
    """A key of a JSON front matter (``"dg-publish":true``), which YAML cannot always read."""
    try:
        data = json.loads("{" + raw.strip().rstrip(",") + "}")
    except ValueError:
        return _MISSING
    return data[key] if isinstance(data, dict) and len(data) == 1 and key in data else _MISSING


def _as_when(value: object) -> object:
    text = _OFFSET_SPACE.sub(r"\1", value.strip()) if isinstance(value, str) else ""
    try:
        return dt.datetime.fromisoformat(text) if len(text) > 10 else dt.date.fromisoformat(text)
    except ValueError:
        return value


def _same_list(loaded: object, ours: Sequence[str], *, sort: bool = False) -> bool:
    if loaded is None or loaded == "":
        return not ours
    if isinstance(loaded, str):  # Jekyll also accepts "tags: a b"
        candidates = [loaded.split(), [part.strip() for part in loaded.split(",")]]
    elif isinstance(loaded, list) and not any(
        item is None or isinstance(item, (bool, dict, list)) for item in loaded
    ):
        candidates = [[str(item) for item in loaded]]
    else:
        return False
    return any((sorted(items) if sort else items) == list(ours) for items in candidates)


def _same_when(concept: str, loaded: object, ours: dt.date) -> bool:
    loaded = _as_when(loaded)
    if not isinstance(ours, dt.datetime):
        return type(loaded) is dt.date and loaded == ours
    if isinstance(loaded, dt.datetime):
        if loaded.tzinfo is None or ours.tzinfo is None:
            return loaded.replace(tzinfo=None) == ours.replace(tzinfo=None)
        if concept == "date":  # the offset decides the meeting's local time: it must agree too
            return loaded == ours and loaded.utcoffset() == ours.utcoffset()
        return loaded == ours  # bookkeeping times: the same instant is the same value
    return (
        concept != "date"
        and type(loaded) is dt.date
        and ours.time() == dt.time(0)
        and ours.date() == loaded
    )


def _same(concept: str, loaded: object, ours: object) -> bool:
    """Whether the user's block already says our value (a YAML date vs ours, list vs tuple)."""
    if concept == "tags" and isinstance(ours, tuple):
        # Tags are a set in the database (stored sorted): the user's order is kept if it
        # names the same tags.
        return _same_list(loaded, sorted(ours), sort=True)
    if concept in _LISTS and isinstance(ours, tuple):
        return _same_list(loaded, ours)
    if isinstance(ours, dt.date):
        return _same_when(concept, loaded, ours)
    if isinstance(loaded, str) or not isinstance(loaded, (int, float)) or isinstance(loaded, bool):
        return loaded == ours
    return str(loaded) == ours


def _front_matter_lines(session: SessionDetail, *, cautious: bool) -> list[str]:
    values = _own_values(session)
    seen: set[str] = set()
    out: list[str] = []
    for key, block in session.front_matter_blocks:
        raw = "\n".join(line.rstrip("\r") for line in _trim_blank(_lines(block)))
        concept = _concept(key)
        loaded = _block_value(key, raw)
        ours = values.get(concept) if concept else None
        if concept is not None and ours is not None:
            seen.add(concept)
            keep = loaded is not _MISSING and _same(concept, loaded, ours)
            out.append(raw if keep else _yaml_line(key.strip(), ours, concept))
        elif loaded is not _MISSING and not cautious:
            out.append(raw)
        elif (value := _json_value(key, raw)) is not _MISSING:
            out.append(_yaml_line(key, value, None))
        elif raw:
            # Text YAML cannot read stays as a comment: kept for a person, ignored by parsers.
            out.append("\n".join(f"# {line}".rstrip() for line in _lines(raw)))
    for concept in _OWN_KEYS:
        value = values[concept]
        if concept in seen or value is None or (concept in _OPTIONAL_LISTS and not value):
            continue
        out.append(_yaml_line(concept, value, concept))
    return out


def _parses(text: str) -> bool:
    try:
        return isinstance(yaml.safe_load(text), dict)
    except Exception:
        return False


def render_front_matter(session: SessionDetail) -> str:
    """The YAML between the ``---`` lines, ending in a newline; always readable by safe_load."""
    text = "\n".join(_front_matter_lines(session, cautious=False)) + "\n"
    if not _parses(text):
        # Blocks that read fine alone can still clash together (odd anchors, tags); fall
        # back to keeping the user's unowned blocks as comments.
        text = "\n".join(_front_matter_lines(session, cautious=True)) + "\n"
        if not _parses(text):
            raise ExportError(f"Cannot write the front matter of {session.title!r}.")
    return text
