"""What a session shows, as the texts the search index holds (plain SQL, no ORM).

One text a field: the title, the body, who attended or was absent (names as written, so
"태윤님" is found by 태윤 and by 태윤님), the tags, each talk's presenter and paper (title
when the heading does not already say it, authors, venue, year, abstract), each to-do and
the values of the front matter kept with the session that studyapp does not read into a
field of its own. The body holds the attendance line and the talk headings as written;
the attendance and paper texts add what only the rows know (front-matter attendees, a
paper's authors edited in the library).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import BindParameter

from studyapp.core.search.hits import (
    ATTENDANCE,
    BODY,
    CHECKLIST,
    FRONT_MATTER,
    PAPER,
    PRESENTER,
    TAGS,
    TITLE,
)

# Front matter keys whose values are indexed as a field of their own (title, tags,
# attendance): not repeated. Dates and times are kept: "2025-03-10" finds the note that
# says it, as a scan of the file would.
_OWN_KEYS = frozenset(
    {
        "title",
        "tags",
        "tag",
        "keywords",
        "attendees",
        "participants",
        "참석자",
        "absent",
        "absentees",
        "불참",
    }
)

# Flags such as ``dg-publish: true``: no one searches for them, and they are in most notes.
_NOT_WORDS = frozenset({"true", "false", "yes", "no", "null", "~"})


@dataclass(frozen=True)
class Doc:
    session_id: int
    field: str  # one of MATCHED_IN's keys
    ref_id: int | None  # presentation id, or checklist item id
    text: str


def _json(value: Any) -> Any:
    # Plain SQL hands SQLite's JSON columns over as text, PostgreSQL's already decoded.
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def front_matter_text(front_matter: Any) -> str:
    """The values of the kept front matter blocks that no other field holds, one a line."""
    data = _json(front_matter)
    blocks = data.get("blocks") if isinstance(data, dict) else None
    lines: list[str] = []
    for block in blocks if isinstance(blocks, list) else []:
        if not (isinstance(block, list) and len(block) == 2):
            continue
        key, raw = str(block[0]), str(block[1])
        if key.strip().casefold() in _OWN_KEYS:
            continue
        # The block is its raw YAML: the key goes, its punctuation is no token anyway.
        key_at = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*:", re.MULTILINE)
        value = key_at.sub("", raw, count=1).strip()
        if value and value.casefold() not in _NOT_WORDS:
            lines.append(value)
    return "\n".join(lines)


def _authors(value: Any) -> str:
    authors = _json(value)
    if isinstance(authors, list):
        return ", ".join(str(author) for author in authors if author)
    return str(authors or "")


def documents(connection: Connection, session_ids: Sequence[int]) -> list[Doc]:
    """Every searchable text of these sessions, read with plain SQL."""
    if not session_ids:
        return []
    ids: BindParameter[list[int]] = bindparam("ids", expanding=True)
    wanted = {"ids": list(session_ids)}

    def rows(sql: str) -> Any:
        return connection.execute(text(sql).bindparams(ids), wanted)

    docs: list[Doc] = []
    names: dict[int, list[str]] = defaultdict(list)
    for sid, name in rows(
        "SELECT a.session_id, pe.name FROM attendance a JOIN people pe ON pe.id = a.person_id"
        " WHERE a.session_id IN :ids ORDER BY a.session_id, a.present DESC, a.position"
    ):
        names[sid].append(name)
    tags: dict[int, list[str]] = defaultdict(list)
    for sid, name in rows(
        "SELECT st.session_id, t.name FROM session_tags st JOIN tags t ON t.id = st.tag_id"
        " WHERE st.session_id IN :ids ORDER BY st.session_id, t.name"
    ):
        tags[sid].append(name)
    for sid, title, body, front_matter in rows(
        "SELECT id, title, body, front_matter FROM sessions WHERE id IN :ids"
    ):
        docs += [
            Doc(sid, TITLE, None, title or ""),
            Doc(sid, BODY, None, body or ""),
            Doc(sid, ATTENDANCE, None, ", ".join(names.get(sid, ()))),
            Doc(sid, TAGS, None, ", ".join(tags.get(sid, ()))),
            Doc(sid, FRONT_MATTER, None, front_matter_text(front_matter)),
        ]
    for pid, sid, heading, presenter, title, authors, venue, year, abstract in rows(
        "SELECT p.id, p.session_id, p.heading_raw, pe.name,"
        " pa.title, pa.authors, pa.venue, pa.year, pa.abstract"
        " FROM presentations p"
        " LEFT JOIN people pe ON pe.id = p.presenter_id"
        " LEFT JOIN papers pa ON pa.id = p.paper_id"
        " WHERE p.session_id IN :ids ORDER BY p.session_id, p.position, p.id"
    ):
        # The heading and the talk's notes are in the body; the paper adds its own words.
        shown = heading and title and title in heading
        where = " ".join(str(part) for part in (venue, year) if part)
        parts = [None if shown else title, _authors(authors), where, abstract]
        docs += [
            Doc(sid, PAPER, pid, "\n".join(part for part in parts if part)),
            Doc(sid, PRESENTER, pid, presenter or ""),
        ]
    for item_id, sid, item_text in rows(
        "SELECT id, session_id, text FROM checklist_items"
        " WHERE session_id IN :ids ORDER BY session_id, position, id"
    ):
        docs.append(Doc(sid, CHECKLIST, item_id, item_text or ""))
    return [doc for doc in docs if doc.text.strip()]
