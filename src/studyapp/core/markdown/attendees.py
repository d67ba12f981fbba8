"""The attendees line of a note: ``Attendees: A, B (absent: C)``, in English or Korean."""

from __future__ import annotations

import re

_WIKILINK = re.compile(r"\[\[(?P<target>[^\]|]+)(?:\|(?P<alias>[^\]]+))?\]\]")
_ATTENDEES = re.compile(
    r"^\s*(?:[-*+]\s+)?(?P<label>attendees|attendance|participants|present|members|"
    r"참석자|참석|참가자|참여자|출석|참석\s*인원)\s*[:：]\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_ABSENT_WORDS = r"absent|absentees|불참|결석|미참석|not\s+present|missing|apologies|regrets"
_ABSENT_PAREN = re.compile(rf"[(（]\s*(?:{_ABSENT_WORDS})\s*[:：]?\s*(?P<names>[^)）]*)[)）]", re.I)
# The word after the names, as Korean puts it: "(Alice 불참)", "(Alice, Bob absent)".
_ABSENT_AFTER = re.compile(
    rf"[(（]\s*(?P<names>[^()（）:：]+?)\s+(?:{_ABSENT_WORDS})\s*[)）]", re.I
)
_ABSENT_CLAUSE = re.compile(
    rf"(?:[;|]|\s[-–—]|^)\s*(?:{_ABSENT_WORDS})\s*[:：]\s*(?P<names>.*)$", re.I
)
_NAME_SEPARATORS = re.compile(r"\s*(?:[,、/·;，|]|\s&\s|\sand\s|\s및\s)\s*")


def parse_attendees_line(line: str) -> tuple[list[str], list[str]] | None:
    """``Attendees: A, B (absent: C)`` -> ``(["A", "B"], ["C"])``; None for any other line."""
    if len(line) > 4000:
        return None
    work = line.replace("**", "").replace("__", "")
    match = _ATTENDEES.match(work)
    if not match:
        return None
    rest = match["rest"].strip()
    absent: list[str] = []
    for pattern in (_ABSENT_PAREN, _ABSENT_AFTER, _ABSENT_CLAUSE):
        found = pattern.search(rest)
        if found:
            names = _names(found["names"])
            if names is None:
                return None
            absent += names
            rest = (rest[: found.start()] + " " + rest[found.end() :]).strip()
    rest = re.sub(r"[(（]\s*(?:총\s*)?\d+\s*(?:명|people|persons)?\s*[)）]", " ", rest).strip()
    present = _names(rest)
    if present is None or not (present or absent):
        return None
    if match["label"].casefold() == "present" and not all(_capitalised(n) for n in present):
        return None  # "Present: the results ..." is a sentence, not a list
    return present, absent


def _names(text: str) -> list[str] | None:
    """Names in a separated list; None when an entry reads like prose."""
    names: list[str] = []
    for part in _NAME_SEPARATORS.split(text.strip().rstrip(".")):
        name = _WIKILINK.sub(lambda m: m["alias"] or m["target"], part)
        name = re.sub(r"\s*[(（][^)）]*[)）]\s*$", "", name).strip().lstrip("@").strip()
        if not name:
            continue
        if len(name) > 40 or len(name.split()) > 4 or re.search(r"[:?!。]|^\d+$", name):
            return None
        if name not in names:
            names.append(name)
    return names


def _capitalised(name: str) -> bool:
    first = name[0]
    return not (first.isascii() and first.isalpha() and first.islower())
