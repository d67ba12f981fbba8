"""Exported front matter: our own keys, the user's preserved blocks, and YAML comparisons."""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import cast

import yaml

from studyapp.core.document.compose import wikilink
from studyapp.core.dto import SessionDetail
from studyapp.core.errors import ExportError
from studyapp.core.markdown import fast_yaml
from studyapp.core.markdown.text_lines import one_line, split_lines, trim_blank

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
    "previous",  # obsidian: the group's meeting before this one
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
    return tuple(dict.fromkeys(one_line(name) for name in names if name and name.strip()))


def _own_values(session: SessionDetail, links: SessionLinks | None) -> dict[str, object]:
    presentations = sorted(session.presentations, key=lambda p: p.position)
    values: dict[str, object] = {
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
        "previous": None,
    }
    if links is not None:
        # An Obsidian vault's graph and backlinks join meetings, people and papers.
        for concept in ("attendees", "absentees", "presenters", "papers"):
            names = cast(Sequence[str], values[concept])
            values[concept] = tuple(wikilink(name) for name in names)
        values["previous"] = wikilink(links.previous) if links.previous else None
    return values


@dataclass(frozen=True)
class SessionLinks:
    """What the obsidian flavor links a session to besides its own names."""

    previous: str | None = None  # the file name (no suffix) of the group's meeting before


def _yaml_line(key: str, value: object, concept: str | None) -> str:
    if isinstance(value, dt.datetime):
        # Jekyll's own style for the post date; plain ISO for the bookkeeping times.
        if concept == "date":
            offset = value.strftime("%z")  # "+0900", written "+09:00"
            text = value.strftime("%Y-%m-%d %H:%M:%S") + (offset and f" {offset[:3]}:{offset[3:5]}")
        else:
            text = value.isoformat()
        return f"{_key_text(key)}: {text}"
    if isinstance(value, tuple):
        value = list(value)
    plain = _plain_line(key, value)
    if plain is not None:
        return plain
    texts = value if isinstance(value, list) else [value]
    # PyYAML writes these raw when allowed Unicode, and then reads them back as line breaks.
    readable = not any(isinstance(text, str) and _YAML_BREAKS & set(text) for text in texts)
    return yaml.safe_dump(
        {key: value}, allow_unicode=readable, sort_keys=False, width=_WIDE, default_flow_style=False
    ).rstrip("\n")


@functools.lru_cache(maxsize=256)
def _key_text(key: str) -> str:
    """``key`` as PyYAML writes a mapping key (the same few keys, over and over)."""
    return yaml.safe_dump({key: 0}, allow_unicode=True, width=_WIDE)[: -len(": 0\n")]


# PyYAML's own judges of a scalar: how it must be quoted, and what it reads back as. Running
# them alone gives safe_dump's output for plain text without its whole pipeline, which
# took a third of an export's time.
_ANALYZER = yaml.emitter.Emitter(io.StringIO(), allow_unicode=True)
_ANALYZER.tag_prefixes = dict(_ANALYZER.DEFAULT_TAG_PREFIXES)  # as a document start sets them
_RESOLVE: Callable[[type[yaml.Node], str, tuple[bool, bool]], str] = (
    yaml.resolver.Resolver().resolve
)
_STR_TAG = "tag:yaml.org,2002:str"
# A key is written as "? key" from 128 characters on, its tag ("!!str") counted in.
_SIMPLE_KEY_AT_MOST = 127 - len(_ANALYZER.prepare_tag(_STR_TAG))


def _plain_line(key: str, value: object) -> str | None:
    """What ``safe_dump({key: value})`` writes when the key is a plain scalar and the value
    a plain or single-quoted one (or a list of them), as titles, names and tags mostly are;
    None for everything else."""
    # Exactly str: PyYAML's safe representer refuses subclasses such as enums.
    if type(key) is not str or _scalar(key, simple_key=True) != key:
        return None
    if type(value) is str:
        written = _scalar(value)
        return None if written is None else f"{key}: {written}"
    if type(value) is not list or any(type(item) is not str for item in value):
        return None
    if not value:
        return f"{key}: []"
    items = [_scalar(item) for item in value]
    if any(item is None for item in items):
        return None
    return "\n".join([f"{key}:", *(f"- {item}" for item in items)])


# Text that is plain for PyYAML's analysis at a glance: starts and ends with a letter or
# digit (or closing punctuation), and holds no ":", "#" or anything unprintable.
_SURELY_PLAIN = re.compile(
    r"[A-Za-z0-9\uac00-\ud7a3](?:[A-Za-z0-9\uac00-\ud7a3 .,;!?()'+/=_-]*"
    r"[A-Za-z0-9\uac00-\ud7a3.,;!?()'+/=_-])?"
)


def _scalar(text: str, *, simple_key: bool = False) -> str | None:
    """``text`` as PyYAML's emitter writes it in block context, when that is plain or single
    quoted on one line; None when it would be double quoted, folded or an explicit key."""
    if _SURELY_PLAIN.fullmatch(text):  # the common case, without the character loop below
        plain, quotable = True, True
    else:
        analysis = _ANALYZER.analyze_scalar(text)
        if analysis.multiline or (simple_key and analysis.empty):
            return None
        plain, quotable = analysis.allow_block_plain, analysis.allow_single_quoted
    if simple_key and len(text) > _SIMPLE_KEY_AT_MOST:
        return None  # written as "? key", the explicit form
    if plain and _RESOLVE(yaml.ScalarNode, text, (True, False)) == _STR_TAG:
        return text
    if quotable and not simple_key:
        return "'" + text.replace("'", "''") + "'"
    return None


def _block_value(key: str, raw: str) -> object:
    """What one raw block says, or _MISSING when it is not a mapping of ``key`` alone."""
    if (
        not raw
        or raw[0].isspace()
        or any(line.rstrip() in ("---", "...") for line in split_lines(raw))
    ):
        return _MISSING
    try:
        data = fast_yaml.safe_load(raw)
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


def _front_matter_lines(
    session: SessionDetail,
    links: SessionLinks | None,
    extra: Mapping[str, object],
    *,
    cautious: bool,
) -> list[str]:
    values = _own_values(session, links)
    seen: set[str] = set()
    written = {key.strip().casefold() for key, _ in session.front_matter_blocks}
    out: list[str] = []
    for key, block in session.front_matter_blocks:
        raw = "\n".join(line.rstrip("\r") for line in trim_blank(split_lines(block)))
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
            out.append("\n".join(f"# {line}".rstrip() for line in split_lines(raw)))
    for concept in _OWN_KEYS:
        value = values[concept]
        if concept in seen or value is None or (concept in _OPTIONAL_LISTS and not value):
            continue
        out.append(_yaml_line(concept, value, concept))
    # What the export adds for its target (a blog's layout); the note's own value wins.
    out += [_yaml_line(k, v, None) for k, v in extra.items() if k.casefold() not in written]
    return out


def _parses(text: str) -> bool:
    try:
        return isinstance(fast_yaml.safe_load(text), dict)
    except Exception:
        return False


def render_front_matter(
    session: SessionDetail,
    links: SessionLinks | None = None,
    extra: Mapping[str, object] | None = None,
) -> str:
    """The YAML between the ``---`` lines, ending in a newline; always readable by safe_load.
    With ``links`` (the obsidian flavor) people, papers and the previous meeting are links;
    ``extra`` keys (``layout``) are added unless the note has its own."""
    extra = extra or {}
    text = "\n".join(_front_matter_lines(session, links, extra, cautious=False)) + "\n"
    # Lines written here from values always read back as one mapping (a property test holds
    # that), so only the user's own blocks, kept as written, need reading back: that was a
    # fifth of an export's time.
    if session.front_matter_blocks and not _parses(text):
        # Blocks that read fine alone can still clash together (odd anchors, tags); fall
        # back to keeping the user's unowned blocks as comments.
        text = "\n".join(_front_matter_lines(session, links, extra, cautious=True)) + "\n"
        if not _parses(text):
            raise ExportError("Cannot write the front matter of {title!r}.", title=session.title)
    return text
