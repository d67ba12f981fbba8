"""Front matter: the ``---`` fenced YAML (or JSON) block at the top of a note.

Besides the parsed mapping, each top-level key keeps the exact lines it was written
with, so an exporter can write untouched keys back byte for byte. Anything that does not
parse is never dropped: it goes back into the body inside a code fence, where nothing
else will try to read it again.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import yaml

from studyapp.core.markdown import fast_yaml
from studyapp.core.markdown.document import FrontMatter

_OPEN_FENCE = "---"
_CLOSE_FENCES = ("---", "...")
# A line that can only be a YAML key, used to tell front matter from a horizontal rule.
_KEY_LINE = re.compile(r"""^\s*(?:[^\s:#\-][^:]*|"[^"]*"|'[^']*')\s*:(?:\s|$)""")
_BACKTICK_RUN = re.compile(r"^\s*(`{3,})", re.MULTILINE)


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps an impossible date (``2025-02-30``) as the text written."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)  # type: ignore[arg-type]


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_FAST_LOADER = fast_yaml.c_loader_class()
if _FAST_LOADER is not None:
    _FAST_LOADER.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


class _Malformed(Exception):
    """The fenced block is meant as front matter but cannot be read."""


def split_front_matter(text: str) -> tuple[FrontMatter, str, list[str]]:
    """``(front matter, body, warnings)``; without front matter the body is ``text``."""
    lines = text.split("\n")
    if lines[0].rstrip() != _OPEN_FENCE:
        return FrontMatter(), text, []
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _CLOSE_FENCES), None)
    if close is None:
        return _unclosed(lines)
    content = "\n".join(lines[1:close])
    body = "\n".join(lines[close + 1 :])
    try:
        front = _parse(content)
    except _Malformed as problem:
        if not _KEY_LINE.search(content):
            # "---" then prose then "---": horizontal rules (or a setext heading), not metadata.
            return FrontMatter(), text, []
        block = "\n".join(lines[: close + 1])
        return FrontMatter(), _as_code(block) + "\n" + body, [str(problem)]
    if front is None:
        return FrontMatter(), text, []
    return front, body, []


def _parse(content: str) -> FrontMatter | None:
    """The front matter in ``content``; None when it is clearly not meant as front matter."""
    if not content.strip():
        return FrontMatter(format="yaml")
    if content.lstrip().startswith("{"):
        try:
            value = json.loads(content)
        except ValueError:
            value = None
        if isinstance(value, dict):
            data = _plain_mapping(value)
            return FrontMatter(format="json", data=data, blocks=_reserialised(data))
    read = fast_yaml.compose_mapping(_FAST_LOADER, content) or _compose(content)
    if read is None:
        return None
    node, constructed = read
    if not isinstance(constructed, dict):
        raise _Malformed("front matter is not a YAML mapping; kept as text")
    data = _plain_mapping(constructed)
    return FrontMatter(format="yaml", data=data, blocks=_blocks(content, node, data))


def _compose(content: str) -> tuple[yaml.MappingNode, object] | None:
    """The Python parser's reading: (mapping node, value), or None when it is no mapping."""
    loader = _Loader(content)
    try:
        node = loader.get_single_node()
        if not isinstance(node, yaml.MappingNode):
            if _KEY_LINE.search(content):
                raise _Malformed("front matter is not a YAML mapping; kept as text")
            return None
        return node, loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        raise _Malformed(_yaml_problem(error)) from error
    except (yaml.YAMLError, RecursionError, ValueError, TypeError, OverflowError) as error:
        raise _Malformed(f"front matter is not valid YAML ({error}); kept as text") from error
    finally:
        loader.dispose()


def _yaml_problem(error: yaml.MarkedYAMLError) -> str:
    mark = error.problem_mark or error.context_mark
    what = error.problem or error.context or "unreadable"
    # +2: the content starts on the line after the opening fence, and marks count from 0.
    where = f"line {mark.line + 2}: " if mark is not None else ""
    return f"front matter is not valid YAML ({where}{what}); kept as text"


_MAX_NODES = 20_000


def _plain_mapping(mapping: dict[Any, Any]) -> dict[str, object]:
    """A tree copy with text keys; YAML aliases can make cycles or exponential blow-ups."""
    budget = [_MAX_NODES]

    def copy(value: object, depth: int) -> object:
        budget[0] -= 1
        if budget[0] < 0 or depth > 50:
            raise _Malformed("front matter is too deeply nested or repetitive; kept as text")
        if isinstance(value, dict):
            return {_key_text(key): copy(item, depth + 1) for key, item in value.items()}
        if isinstance(value, list | tuple | set | frozenset):
            return [copy(item, depth + 1) for item in value]
        return value

    return {_key_text(key): copy(value, 1) for key, value in mapping.items()}


def _key_text(key: object) -> str:
    if isinstance(key, bool):
        return str(key).lower()
    if isinstance(key, dt.date):
        return key.isoformat()
    return str(key)


def _blocks(content: str, node: yaml.MappingNode, data: dict[str, object]) -> list[tuple[str, str]]:
    """Each top-level key with the raw lines from its own line up to the next key."""
    lines = content.split("\n")
    starts: list[tuple[int, str]] = []
    for key_node, _value in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
        starts.append((key_node.start_mark.line, str(key)))
    lines_used = [line for line, _ in starts]
    if not starts or len(set(lines_used)) != len(lines_used) or lines_used != sorted(lines_used):
        # A flow mapping ({a: 1, b: 2}) has no per-key lines to keep.
        return _reserialised(data)
    blocks = []
    for index, (line, key) in enumerate(starts):
        first = 0 if index == 0 else line  # comments above the first key travel with it
        last = starts[index + 1][0] if index + 1 < len(starts) else len(lines)
        blocks.append((key, "\n".join(lines[first:last])))
    return blocks


def _reserialised(data: dict[str, object]) -> list[tuple[str, str]]:
    return [(key, dump_key(key, value)) for key, value in data.items()]


def dump_key(key: str, value: object) -> str:
    """One key as YAML lines: block style at the top, short lists and maps in flow style."""
    try:
        text = _dump({key: value}, flow=None)
        if text.startswith("{"):  # a scalar value makes PyYAML flow the whole mapping
            text = _dump({key: value}, flow=False)
        return text
    except yaml.YAMLError:
        return _dump({key: str(value)}, flow=False)


def _dump(data: dict[str, object], *, flow: bool | None) -> str:
    return yaml.safe_dump(
        data, allow_unicode=True, default_flow_style=flow, sort_keys=False, width=1_000_000
    ).rstrip("\n")


def _unclosed(lines: list[str]) -> tuple[FrontMatter, str, list[str]]:
    # Without a closing fence, only the key-like lines right after "---" are front matter.
    end = 1
    while end < len(lines) and lines[end].strip() and not lines[end].startswith("#"):
        end += 1
    head = lines[1:end]
    if not head or not _KEY_LINE.match(head[0]):
        return FrontMatter(), "\n".join(lines), []
    block = "\n".join(lines[:end])
    body = "\n".join(lines[end:])
    warning = "front matter has no closing '---' line; kept as text"
    return FrontMatter(), _as_code(block) + ("\n" + body if body else ""), [warning]


def _as_code(block: str) -> str:
    """``block`` inside a fence longer than any backtick fence it contains."""
    longest = max((len(run) for run in _BACKTICK_RUN.findall(block)), default=2)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{block}\n{fence}"


def front_matter_value(data: dict[str, Any], *names: str) -> object:
    """The first of ``names`` present in ``data`` (keys compared without case)."""
    folded = {key.casefold().strip(): value for key, value in data.items()}
    for name in names:
        if name in folded and folded[name] is not None:
            return folded[name]
    return None


# ---- reading values people put in front matter ------------------------------------------

_STATUS_SYNONYMS = {
    "planned": "planned",
    "scheduled": "planned",
    "upcoming": "planned",
    "todo": "planned",
    "예정": "planned",
    "held": "held",
    "done": "held",
    "completed": "held",
    "complete": "held",
    "finished": "held",
    "완료": "held",
    "cancelled": "cancelled",
    "canceled": "cancelled",
    "취소": "cancelled",
}


def text_value(value: object) -> str | None:
    """A scalar front matter value as stripped text; None for empty, lists and mappings."""
    if value is None or isinstance(value, list | dict | tuple | set):
        return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = " ".join(str(value).split())
    return text or None


def _items(value: object) -> list[str]:
    if value is None or isinstance(value, dict):
        return []
    if isinstance(value, list | tuple | set):
        return [text for item in value for text in _items(item)]
    text = text_value(value)
    if not text:
        return []
    return [text]


def tags_value(value: object) -> list[str]:
    """Tags from a list or a ``"a, b"`` / ``"#a #b"`` string, without leading '#'."""
    raw = []
    for item in _items(value):
        parts = item.split(",") if "," in item or not isinstance(value, str) else item.split()
        raw += parts
    tags: list[str] = []
    for part in raw:
        tag = part.strip().lstrip("#").strip()
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def names_value(value: object) -> list[str]:
    """People from a list or a comma/slash separated string."""
    names: list[str] = []
    for item in _items(value):
        for part in re.split(r"\s*[,、/·;，]\s*", item):
            name = re.sub(r"^\[\[(.+?)(?:\|.*)?\]\]$", r"\1", part.strip()).lstrip("@").strip()
            if name and name not in names:
                names.append(name)
    return names


def status_value(value: object) -> str | None:
    """A SessionStatus value, or None when the front matter says nothing usable."""
    text = text_value(value)
    return _STATUS_SYNONYMS.get(text.casefold()) if text else None


# ---- kind --------------------------------------------------------------------------------

_KIND_SYNONYMS = {
    "paper review": "paper review",
    "paper": "paper review",
    "review": "paper review",
    "reading group": "paper review",
    "journal club": "paper review",
    "논문": "paper review",
    "논문 리뷰": "paper review",
    "mentoring": "mentoring",
    "mentor": "mentoring",
    "멘토링": "mentoring",
    "lecture": "lecture",
    "class": "lecture",
    "강의": "lecture",
    "수업": "lecture",
    "peer session": "peer session",
    "peer": "peer session",
    "피어세션": "peer session",
    "피어 세션": "peer session",
    "conference": "conference",
    "workshop": "conference",
    "symposium": "conference",
    "학술대회": "conference",
    "other": "other",
    "기타": "other",
}
# Checked in this order: a mentoring session often reviews papers, not the other way round.
_KIND_KEYWORDS = (
    ("mentoring", re.compile(r"멘토링|\bmentor(?:ing|ship)?\b", re.I)),
    ("lecture", re.compile(r"강의|\blectures?\b", re.I)),
    (
        "peer session",
        re.compile(r"피어\s?세션|\bpeer[- ]?sessions?\b|\bpeer\b(?![- ]review)", re.I),
    ),
    (
        "conference",
        re.compile(
            r"학술대회|컨퍼런스|콘퍼런스|워크숍|워크샵|심포지엄|"
            r"\b(?:conference|workshop|symposium)s?\b",
            re.I,
        ),
    ),
    (
        "paper review",
        re.compile(
            r"논문|리딩|리뷰|저널\s?클럽|\bpapers?\b|\breading[- ]group\b|"
            r"\bjournal[- ]club\b|\breviews?\b",
            re.I,
        ),
    ),
)


def guess_kind(
    data: dict[str, object],
    title: str,
    tags: list[str],
    headings: list[str],
    has_presentations: bool,
) -> str:
    """A SessionKind value from the front matter, else from the words people used."""
    declared = text_value(front_matter_value(data, "kind", "type", "session_kind"))
    if declared:
        kind = _KIND_SYNONYMS.get(
            " ".join(declared.casefold().replace("-", " ").replace("_", " ").split())
        )
        if kind:
            return kind
    category = front_matter_value(data, "category", "categories")
    labels = " | ".join([title, *tags, *tags_value(category)])
    for texts in (labels, " | ".join(headings)):
        for kind, pattern in _KIND_KEYWORDS:
            if pattern.search(texts):
                return kind
    return "paper review" if has_presentations else "other"
