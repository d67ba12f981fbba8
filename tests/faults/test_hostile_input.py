"""Hostile input: random bytes, random Markdown and random strings never break studyapp.

The importer either imports a whole file or nothing; form fields either refuse a value with a
readable ValidationError or store it; exports never leave their folder.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from studyapp.core import models
from studyapp.core.db import Database
from studyapp.core.document.lines import split_body
from studyapp.core.document.outline import derive
from studyapp.core.errors import StudyappError, ValidationError
from studyapp.core.markdown.document import PaperRef
from studyapp.core.markdown.exporter import render_markdown
from studyapp.core.markdown.parser import parse_note
from studyapp.core.markdown.reading import read_note_text
from studyapp.core.markdown.text_lines import trim_blank, verbatim
from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.checklist_fields import task_from_text
from studyapp.core.services.exports import ExportService
from studyapp.core.services.imports import ImportService
from studyapp.core.services.lookup import title_key
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.sessions import SessionService
from studyapp.core.tasks import TaskFields

# One database serves every example of a test: function-scoped fixtures are fine here.
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text that tends to break things: Hangul, emoji, bidi marks, control characters, NUL,
# path pieces and Markdown syntax.
_NASTY = [
    "동훈님",
    "논문",
    "ㅎ",
    "한",
    "🙂",
    "👩‍💻",
    "\u200f",
    "\u202e",
    "\u200b",
    "\ufeff",
    "\x00",
    "\x1b",
    "\r",
    "\t",
    "\n",
    "/",
    "\\",
    "..",
    ".",
    "~",
    ":",
    "#",
    "- [ ] ",
    "---",
    "**",
    "`",
    "[[",
    "]]",
    "<script>",
    "%00",
    "CON",
    " ",
]
HOSTILE = st.lists(st.one_of(st.sampled_from(_NASTY), st.text(max_size=12)), max_size=12).map(
    "".join
) | st.text(min_size=300, max_size=3000)

_LINE = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40),
    st.sampled_from(
        [
            "# 저널 클럽",
            "## 동훈님 - UCDR-Adapter (WACV 2025)",
            "### 토론",
            "- [ ] 발표 자료 올리기 📅 2024-05-03",
            "- [x] done ✅ 2024-05-01",
            "* [ ] 🔼 high",
            "- 참석: 동훈, 지수",
            "참석자: Alice, Bob",
            "---",
            "title: 회의",
            "date: 2024-03-07",
            "tags: [a, b]",
            "> quote",
            "```",
            "| a | b |",
            "1. first",
            "",
            "   ",
        ]
    ),
)
MARKDOWN = st.lists(_LINE, max_size=25).map("\n".join)


def _session_count(database: Database) -> int:
    with database.transaction() as orm:
        return int(orm.scalar(select(func.count()).select_from(models.Session)) or 0)


def _import(database: Database, data: bytes, name: str = "note.md") -> tuple[str, int | None]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        before = _session_count(database)
        try:
            report = ImportService(database).import_paths([path])
        except StudyappError:
            assert _session_count(database) == before
            return "refused", None
        (outcome,) = report.outcomes
        after = _session_count(database)
        if outcome.status == "created":
            assert after == before + 1
            _check_whole(database, outcome.session_id, path)
        else:
            assert outcome.status in {"failed", "unchanged", "skipped"}, outcome
            assert after == before, "a failed file left a session behind"
            if outcome.status in {"failed", "skipped"}:
                assert outcome.message, "a failure needs a reason the user can read"
        return outcome.status, outcome.session_id


def _check_whole(database: Database, session_id: int | None, path: Path) -> None:
    """The stored session holds exactly what the parser read from the file: the body as
    written, and the talks, to-dos and attendance recognised in it."""
    assert session_id is not None
    text = read_note_text(path)
    note = parse_note(text, file_name=path.name)
    detail = SessionService(database).get(session_id)
    assert detail.body == note.body
    # The body is the note's own lines in the note's order (a front matter block that never
    # closes comes back as text inside a code fence, so fence lines are left out here).
    written = [line for line in split_body(detail.body) if line and not line.startswith("```")]
    assert _in_order(written, split_body(text))
    assert [p.heading_raw for p in detail.presentations] == [
        p.heading_raw for p in note.presentations
    ]
    assert [(p.notes, p.discussion) for p in detail.presentations] == [
        (p.notes, p.discussion) for p in note.presentations
    ]
    assert [item.source_line for item in detail.checklist] == [
        task.source_line for task in note.tasks
    ]
    assert [item.task for item in detail.checklist] == [task.fields for task in note.tasks]


@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes_never_crash_the_importer(database: Database, data: bytes) -> None:
    _import(database, data)


@FUZZ
@given(text=MARKDOWN, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_random_markdown_is_imported_whole_and_exported_again(
    database: Database, text: str, encoding: str
) -> None:
    status, session_id = _import(database, text.encode(encoding))
    if status != "created":
        return
    detail = SessionService(database).get(session_id)  # type: ignore[arg-type]
    rendered = render_markdown(detail, "obsidian")
    # A blog post of it reads back as the same lines (a line end may carry a hard break;
    # the title heading is the post's title).
    post = parse_note(render_markdown(detail), file_name="post.md").body
    read_back = {line.strip() for line in post.split("\n")}
    for line in filter(str.strip, detail.body.split("\n")):
        assert line.strip() in read_back or line.strip() == f"# {detail.title}".strip(), line
    # The export is the front matter, then the body exactly as stored (blank lines at its
    # ends aside, a code fence left open closed).
    body = verbatim(detail.body)
    if body:
        assert rendered.endswith(f"\n---\n\n{body}\n")
        stored = detail.body.split("\n")
        exported = rendered[:-1].split("\n")
        start = len(exported) - len(body.split("\n"))
        kept = trim_blank(stored)
        assert exported[start : start + len(kept)] == kept
    # Notes are read as NFC (composed Hangul and accents), so a decomposed "ü" comes back
    # composed: the same text, other code points. A NUL character is no text: it is dropped
    # (with a warning) and the rest of its line kept.
    read = unicodedata.normalize("NFC", text).replace("\x00", "")
    for line in read.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = line.strip()
        if stripped and stripped != "---":
            assert _words(stripped) <= _words(rendered), f"lost {line!r}"


def _words(text: str) -> set[str]:
    # Structure may be rewritten (front matter keys, list markers, spacing); words may not.
    return {word for word in text.split() if any(ch.isalnum() for ch in word)}


@pytest.fixture
def session_id(database: Database) -> int:
    return SessionService(database).create(group="G", title="t", date=dt.date(2024, 3, 7)).id


def _in_order(wanted: list[str], lines: list[str]) -> bool:
    """Whether ``wanted`` are lines of ``lines``, in that order."""
    rest = iter(lines)
    return all(any(line == item for line in rest) for item in wanted)


def _nfc_spaced(text: str) -> str:
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", text).split())


@FUZZ
@given(value=HOSTILE)
def test_session_fields_refuse_or_keep_any_string(
    database: Database, session_id: int, value: str
) -> None:
    sessions = SessionService(database)
    try:
        detail = sessions.rename(session_id, value)
    except ValidationError as error:
        assert str(error).strip() and "Traceback" not in str(error)
    else:
        assert detail.title == " ".join(value.split())
    sessions.set_body(session_id, value)
    detail = sessions.get(session_id)
    assert detail.body == value
    # The rows follow the body: its to-do lines, and talks whose headings are its lines.
    assert [item.source_line for item in detail.checklist] == [t.text for t in derive(value).tasks]
    assert _in_order([p.heading_raw or "" for p in detail.presentations], split_body(value))
    try:
        detail = sessions.set_tags(session_id, [value, "ok"])
    except ValidationError as error:
        assert str(error).strip()
    else:
        assert _nfc_spaced(value.lstrip("#")) in detail.tags
    try:
        detail = sessions.set_attendees(session_id, [value], ["누군가"])
    except ValidationError as error:
        assert str(error).strip()
    else:
        assert _nfc_spaced(value) in detail.attendees
    try:
        sessions.create(group=value, title=value, date=dt.date(2024, 1, 1), tags=[value])
    except ValidationError as error:
        assert str(error).strip()


@FUZZ
@given(value=HOSTILE)
def test_checklist_refuses_or_keeps_any_string(
    database: Database, session_id: int, value: str
) -> None:
    checklist = ChecklistService(database)
    try:
        item = checklist.add(session_id, value)
    except ValidationError as error:
        assert str(error).strip()
        item = checklist.add(session_id, "placeholder")
    else:
        assert item.task.text and "\n" not in item.task.text
        assert checklist.get(item.id) == item
        # Kept means kept whole: the to-do says what was typed (its Tasks fields read off).
        assert item.task == task_from_text(value)
    try:
        updated = checklist.update(item.id, TaskFields(text=value, assignee=value or None))
    except ValidationError as error:
        assert str(error).strip()
        assert checklist.get(item.id) == item  # a refused edit changes nothing
    else:
        assert updated.task.text == value.strip()
        assert checklist.get(item.id) == updated


@FUZZ
@given(value=HOSTILE)
def test_presentations_refuse_or_keep_any_string(
    database: Database, session_id: int, value: str
) -> None:
    slots = PresentationService(database)
    try:
        slot = slots.add(session_id, presenter=value or None, paper=PaperRef(title=value or "x"))
    except ValidationError as error:
        assert str(error).strip()
        slot = slots.add(session_id)
    else:
        if value.strip():
            assert slot.presenter == _nfc_spaced(value)
    # A talk's heading is a line of the body: the body holds it, and the slot reads back.
    body = SessionService(database).get(session_id).body
    assert slot.heading_raw is not None and slot.heading_raw in split_body(body)
    try:
        updated = slots.update(slot.id, presenter=value, paper=PaperRef(title=value))
    except ValidationError as error:
        assert str(error).strip()
    else:
        if value.strip():
            assert updated.presenter == _nfc_spaced(value)
            # The library's paper of that title (matched the way the library matches titles).
            assert updated.paper is not None
            assert title_key(updated.paper.title) == title_key(_nfc_spaced(value))
        assert updated.heading_raw in split_body(SessionService(database).get(session_id).body)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(titles=st.lists(HOSTILE, min_size=1, max_size=4))
def test_export_never_writes_outside_its_folder(
    database: Database, tmp_path: Path, titles: list[str]
) -> None:
    sessions = SessionService(database)
    made = 0
    for title in titles:
        try:
            sessions.create(group="Export", title=title, date=dt.date(2024, 3, 7))
            made += 1
        except ValidationError:
            continue
    assume(made)
    with tempfile.TemporaryDirectory(dir=tmp_path) as parent:
        folder = Path(parent) / "out"
        result = ExportService(database).export(folder, group="Export")
        root = folder.resolve()
        written = [p for p in Path(parent).rglob("*") if p.is_file()]
        assert written, result
        for path in written:
            assert path.resolve().is_relative_to(root), path
            assert path.parent.resolve() == root, path  # one flat folder of pages
