"""A search query as typed: terms, ``"exact phrases"``, ``-exclusions`` and filters.

``교사 "knowledge distillation" -draft group:"KD 스터디" kind:lecture presenter:동훈
paper:distill after:2025-01-01 before:2025-07-01 is:open``

``before:`` and ``after:`` are strict (the day itself is not included). Every term and
phrase must occur somewhere in the session; an excluded one nowhere.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from studyapp.core.errors import ValidationError

FILTER_KEYS = ("group", "kind", "presenter", "paper", "before", "after", "is")
IS_VALUES = ("open",)
# models.SessionKind's values (a test keeps them equal): the models load SQLAlchemy's ORM,
# which the command line's search does without.
SESSION_KINDS = ("paper review", "mentoring", "lecture", "peer session", "conference", "other")

# -word, key:value, key:"quoted value", "phrase", or a bare word; quotes may be left open.
_TOKEN = re.compile(
    r"""
    (?P<neg>-)?
    (?:
        (?P<key>[A-Za-z]+):(?:"(?P<qvalue>[^"]*)"?|(?P<value>\S*))
      | "(?P<phrase>[^"]*)"?
      | (?P<word>\S+)
    )
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Clause:
    """A term (``exact`` False) or a quoted phrase that must, or must not, be found."""

    text: str
    exact: bool = False


@dataclass
class SearchQuery:
    terms: list[Clause] = field(default_factory=list)
    excluded: list[Clause] = field(default_factory=list)
    group: str | None = None
    kind: str | None = None
    presenter: str | None = None
    paper: str | None = None
    before: dt.date | None = None
    after: dt.date | None = None
    open_todos: bool = False

    @property
    def has_filters(self) -> bool:
        return any(
            value is not None
            for value in (self.group, self.kind, self.presenter, self.paper, self.before)
        ) or (self.after is not None or self.open_todos)

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.has_filters


def _date(key: str, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            "{key}: needs a date written YYYY-MM-DD (like {key}:2025-03-10), not {value!r}.",
            key=key,
            value=value,
        ) from None


def _set_filter(query: SearchQuery, key: str, value: str) -> None:
    if not value:
        raise ValidationError("{key}: needs a value, like {key}:something.", key=key)
    if key == "before":
        query.before = _date(key, value)
    elif key == "after":
        query.after = _date(key, value)
    elif key == "is":
        if value.casefold() not in IS_VALUES:
            raise ValidationError(
                "is:{value} is not a filter; use is:open (to-dos not done).", value=value
            )
        query.open_todos = True
    elif key == "kind":
        query.kind = _kind(value)
    else:
        setattr(query, key, value)


def _kind(value: str) -> str:
    """The stored kind for ``paper-review``, ``paper_review``, ``"paper review"`` or ``paper``."""
    wanted = re.sub(r"[-_\s]+", " ", value.casefold()).strip()
    kinds = SESSION_KINDS
    found = [kind for kind in kinds if kind == wanted] or [
        kind for kind in kinds if kind.startswith(wanted)
    ]
    if len(found) != 1:
        names = ", ".join(kind.replace(" ", "-") for kind in kinds)
        raise ValidationError(
            "kind:{value} is not a session kind; use one of {names}.", value=value, names=names
        )
    return found[0]


def parse_query(text: str) -> SearchQuery:
    """Read ``text``; raises ValidationError naming a bad filter value."""
    query = SearchQuery()
    for match in _TOKEN.finditer(unicodedata.normalize("NFC", text)):
        negative = match.group("neg") is not None
        key = match.group("key")
        if key is not None and key.casefold() in FILTER_KEYS and not negative:
            value = match.group("qvalue")
            if value is None:
                value = match.group("value") or ""
            _set_filter(query, key.casefold(), value.strip())
            continue
        if key is not None:
            # Not a filter ("http://…", "note:"): the whole thing is a plain term.
            clause = Clause(match.group().removeprefix("-"))
        elif match.group("phrase") is not None:
            if not match.group("phrase").strip():
                continue
            clause = Clause(match.group("phrase").strip(), exact=True)
        else:
            word = match.group("word")
            if negative and word is None:
                continue
            clause = Clause(word)
        if negative and clause.text:
            query.excluded.append(clause)
        elif clause.text:
            query.terms.append(clause)
    return query
