"""Notes nested 10,000 deep go through every path that parses or renders them: import (the
parser), the search index, the Markdown export (verbatim) and the HTML export (flattened).
"""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pytest

from studyapp.core.db import Database
from studyapp.core.markdown import html as html_module
from studyapp.core.markdown.exporter import render_markdown
from studyapp.core.markdown.html import render_html
from studyapp.core.services.exports import ExportService
from studyapp.core.services.imports import ImportService
from studyapp.core.services.search import SearchService
from studyapp.core.services.sessions import SessionService

DEEP = {
    "quotes": ">" * 10_000 + " 낙타인용 깊은 곳",
    "spaced-quotes": "> " * 10_000 + "낙타인용 깊은 곳",
    "list": "- " * 10_000 + "낙타목록 깊은 곳",
    "numbers": "1. " * 10_000 + "낙타번호 깊은 곳",
    "stars": "*" * 10_000 + "\n\n" + "*" * 10_000 + "낙타별" + "*" * 10_000,
    "mixed": "> - " * 5_000 + "낙타섞임 깊은 곳",
    "staircase": "".join("  " * level + f"- 낙타계단 {level}\n" for level in range(2_000)),
}


@pytest.mark.parametrize("kind", list(DEEP))
def test_a_note_nested_10000_deep_imports_indexes_and_exports(
    database: Database, tmp_path: Path, kind: str
) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    body = f"# 깊은 회의\n\n{DEEP[kind]}".rstrip("\n")
    (folder / "2025-03-10.md").write_text(body + "\n", encoding="utf-8")

    (outcome,) = ImportService(database).import_paths([folder]).outcomes
    assert outcome.status == "created", outcome.message
    detail = SessionService(database).get(outcome.session_id)  # type: ignore[arg-type]
    assert detail.body == body  # stored as written

    word = re.search(r"낙타\w+", body)[0]  # type: ignore[index]
    hits = SearchService(database).search_hits(word).hits
    assert [hit.session_id for hit in hits] == [detail.id]

    assert render_markdown(detail, "obsidian").endswith(f"---\n\n{body}\n")  # as written

    # This thread's CPU time: a guard against the quadratic case that a busy machine
    # does not trip (speed itself is measured under benchmarks/).
    started = time.thread_time()
    page = render_html(detail)
    assert time.thread_time() - started < 10
    assert word in page


def test_an_html_export_of_many_notes_writes_every_page(database: Database, tmp_path: Path):
    sessions = SessionService(database)
    for number in range(1, 133):
        body = DEEP["stars"] if number == 55 else f"# 모임 {number}\n\n- [ ] 할 일 {number}"
        sessions.create(group="G", title=f"모임 {number}", date=dt.date(2025, 1, 1), body=body)
    result = ExportService(database).export(tmp_path / "out", flavor="html")
    assert len(result.written) == 132
    assert len(list((tmp_path / "out").glob("*.html"))) == 132


def test_a_page_that_still_nests_too_deep_shows_its_lines(monkeypatch) -> None:
    # Should a note get past the limits, its page shows the lines as written, and the
    # export goes on.
    # (Whether Python-Markdown recurses that deep depends on its release: the failure it
    # would meet is made here.)
    monkeypatch.setattr(html_module, "within_limits", lambda text: text)

    def too_deep(self, source: str) -> str:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(html_module.markdown.Markdown, "convert", too_deep)
    fragment = html_module.render_fragment("- " * 10_000 + "깊은 목록")
    assert fragment.startswith("<pre>- - - ") and "깊은 목록</pre>" in fragment
