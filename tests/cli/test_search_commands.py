"""`studyapp search` on the index, and `studyapp reindex`."""

import datetime as dt
import io
import json
import sys

from studyapp.cli import main
from studyapp.core.db import open_database
from studyapp.core.services.sessions import SessionService


def seed(db_path):
    database = open_database(f"sqlite:///{db_path}")
    try:
        service = SessionService(database)
        service.create(
            group="KD 스터디", title="증류 세미나", date=dt.date(2025, 3, 10), body="교사를 만남"
        )
        service.create(group="KD 스터디", title="다른 날", date=dt.date(2025, 3, 17), body="학생만")
    finally:
        database.dispose()


def test_search_json_has_offsets(cli, db_path):
    seed(db_path)
    result = cli("search", "교사", "--json")
    assert result.code == 0, result.err
    [hit] = json.loads(result.out)
    assert hit["title"] == "증류 세미나"
    assert (hit["field"], hit["start"], hit["length"], hit["ref_id"]) == ("body", 0, 2, None)
    assert hit["snippet"] == "**교사**를 만남"


def test_search_text_and_nothing_found(cli, db_path):
    seed(db_path)
    out = cli("search", "교사").out
    assert "증류 세미나" in out and "body: **교사**를 만남" in out
    assert "Nothing found" in cli("search", "낙타").out


def test_search_bad_filter_is_one_line(cli, db_path):
    seed(db_path)
    result = cli("search", "before:March")
    assert result.code != 0
    assert "YYYY-MM-DD" in result.err and "Traceback" not in result.err


def test_reindex(cli, db_path):
    seed(db_path)
    result = cli("reindex")
    assert result.code == 0, result.err
    assert result.out.strip() == "Indexed 2 sessions for search."
    assert json.loads(cli("search", "학생", "--json").out)[0]["title"] == "다른 날"


def test_search_fields_of_a_body_with_a_talk_and_a_todo(cli, db_path):
    """A body's talk and to-do are found as presenter and checklist; other lines as body."""
    database = open_database(f"sqlite:///{db_path}")
    try:
        SessionService(database).create(
            group="KD 스터디",
            title="증류 세미나",
            date=dt.date(2025, 3, 10),
            body="Attendees: 민수님, Alice\n\n## 민수님: Tiny Teachers (CVPR 2024)\n"
            "- 교사를 만남\n> 질문이 나옴\n\n- [ ] Alice: 코드 공유하기 📅 2025-03-17",
        )
    finally:
        database.dispose()

    def fields(query):
        result = cli("search", query, "--json")
        assert result.code == 0, result.err
        return [(hit["field"], hit["snippet"]) for hit in json.loads(result.out)]

    assert fields("민수님") == [("presenter", "**민수님**")]
    assert fields("코드") == [("checklist", "**코드** 공유하기")]
    [(field, snippet)] = fields("질문")
    assert field == "body" and "**질문**이 나옴" in snippet
    assert {field for query in ("Tiny", "교사") for field, _ in fields(query)} <= {"body", "paper"}
    shown = json.loads(cli("show", "1", "--json").out)
    assert shown["attendees"] == ["민수님", "Alice"]
    [talk] = shown["presentations"]
    assert (talk["presenter"], talk["paper"]["title"]) == ("민수님", "Tiny Teachers")
    assert talk["discussion"] == "질문이 나옴"
    assert [item["text"] for item in shown["checklist"]] == ["코드 공유하기"]


def test_search_says_where_an_imported_note_matched(cli, tmp_path):
    note = tmp_path / "2025-03-10-kd.md"
    note.write_text(
        "---\ntitle: 3월 모임\ntags: [멘토링]\nlocation: 판교 오피스\n---\n"
        "- 참석: 태윤님, 동훈님\n\n오늘의 메모\n\n- [ ] 슬라이드 올리기\n",
        encoding="utf-8",
    )
    assert cli("import", str(note)).code == 0
    assert "    tags: **멘토링**" in cli("search", "멘토링").out
    assert "    attendance: **태윤**님, 동훈님" in cli("search", "태윤").out
    assert "    to-do: **슬라이드** 올리기" in cli("search", "슬라이드").out

    def matched_in(query):
        hits = json.loads(cli("search", query, "--json").out)
        return [(hit["matched_in"], hit["field"]) for hit in hits]

    assert matched_in("판교") == [("front matter", "front_matter")]
    assert matched_in("메모") == [("body", "body")]


class _CountingOut(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


def test_every_match_is_written_in_blocks_not_a_write_a_line(db_path, monkeypatch):
    database = open_database(f"sqlite:///{db_path}")
    try:
        service = SessionService(database)
        for n in range(30):
            service.create(group="g", title=f"교사 {n}", date=dt.date(2025, 1, 1 + n))
    finally:
        database.dispose()
    out = _CountingOut()
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["search", "교사", "--all", "--database", str(db_path)]) == 0
    lines = out.getvalue().splitlines()
    assert len(lines) == 30 and lines[0].endswith("2025-01-30  교사 29")
    assert out.writes <= 2
