"""A search text's id: its session id shifted left and a number, ``SHIFT`` bits of it."""

from __future__ import annotations

from collections.abc import Sequence

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
from studyapp.core.search.texts import Doc

# search_texts.field holds a number (one byte, where the names took nine at most: 0.8 MB
# of 120,000 texts); the search_docs view gives the name (migration 0015 writes it out).
FIELDS = (TITLE, BODY, ATTENDANCE, TAGS, PAPER, PRESENTER, CHECKLIST, FRONT_MATTER)
FIELD_CODES = {field: code for code, field in enumerate(FIELDS)}

# A text's id is its session id shifted left plus a small number, so the FTS rowid alone
# tells the session (no lookup in the large search_docs rows) and a session's texts are
# one rowid range. FTS5 stores a word's documents as differences of rowids: 13 bits keep
# the step from one session to the next at two bytes (20 bits took three or four, a third
# of the index). Numbers are reused; texts past the last number are folded into it.
SHIFT = 13
MAX_TEXTS = 1 << SHIFT


def doc_id(session_id: int, n: int) -> int:
    return (session_id << SHIFT) | n


def is_title_id(rowid: int) -> bool:
    return rowid & ((1 << SHIFT) - 1) == 0


def id_ranges(session_ids: Sequence[int]) -> list[tuple[int, int]]:
    """[first, last] text ids of these sessions, one range per run of consecutive ids."""
    runs: list[list[int]] = []
    for session_id in sorted(set(session_ids)):
        if runs and runs[-1][1] == session_id - 1:
            runs[-1][1] = session_id
        else:
            runs.append([session_id, session_id])
    return [(first << SHIFT, ((last + 1) << SHIFT) - 1) for first, last in runs]


def folded(docs: Sequence[Doc]) -> list[Doc]:
    """``docs`` with the texts of a session past ``MAX_TEXTS`` joined into its last one, so
    every text has a number (a note of thousands of to-dos: still found, as one text)."""
    counts: dict[int, int] = {}
    for doc in docs:
        counts[doc.session_id] = counts.get(doc.session_id, 0) + 1
    if max(counts.values(), default=0) <= MAX_TEXTS:
        return list(docs)
    kept: list[Doc] = []
    extra: dict[int, list[Doc]] = {}
    seen: dict[int, int] = {}
    for doc in docs:
        seen[doc.session_id] = seen.get(doc.session_id, 0) + 1
        if seen[doc.session_id] < MAX_TEXTS:
            kept.append(doc)
        else:
            extra.setdefault(doc.session_id, []).append(doc)
    for session_id, rest in extra.items():
        if len(rest) == 1:
            kept.append(rest[0])
        else:
            joined = "\n".join(doc.text for doc in rest)
            kept.append(Doc(session_id, rest[0].field, None, joined))
    return kept
