"""The search index end to end: recall, filters, ranking, snippets, staying in step."""

import datetime as dt
import shutil
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import event, select, text

from studyapp.core import models
from studyapp.core.errors import ValidationError
from studyapp.core.search import index, matching
from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.imports import ImportService
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.search import SearchService
from studyapp.core.services.sessions import SessionService
from studyapp.core.services.trash import TrashService

SAMPLES = Path(__file__).parents[2] / "fixtures" / "samples"


@pytest.fixture
def sessions(database):
    return SessionService(database)


@pytest.fixture
def search(database):
    return SearchService(database)


def make(sessions, title, body="", *, day=1, group="KD 스터디", kind="other"):
    return sessions.create(
        group=group, title=title, date=dt.date(2025, 3, day), body=body, kind=kind
    ).id


def ids(search, query):
    return [hit.session_id for hit in search.search(query)]


@pytest.mark.parametrize("note", ["교사가 왔다", "교사-학생 관계", "교사를 만났다", "예비교사"])
def test_two_syllables_are_found_inside_longer_words(sessions, search, note):
    sid = make(sessions, "회의", note)
    make(sessions, "다른 회의", "학생만 있다", day=2)
    assert ids(search, "교사") == [sid]


def test_longer_hangul_queries_and_phrases(sessions, search):
    first = make(sessions, "회의", "휘발성이 높은 메모리")
    make(sessions, "다른", "성이 휘 발", day=2)
    assert ids(search, "휘발성") == [first]
    assert ids(search, '"높은 메모리"') == [first]
    assert ids(search, '"메모리 높은"') == []


def test_mixed_script_words(sessions, search):
    sid = make(sessions, "회의", "오늘 Transformer를 읽었다")
    assert ids(search, "transformer") == [sid]
    assert ids(search, "transformer를") == [sid]
    assert ids(search, "TRANS") == [sid]
    assert ids(search, "former") == [sid]  # English matches inside words too
    assert ids(search, "former를") == [sid]  # and goes on from a word's end
    assert ids(search, "formers") == []


def test_nfd_input_and_nfd_text(sessions, search):
    sid = make(sessions, "회의", unicodedata.normalize("NFD", "교사를 만났다"))
    assert ids(search, unicodedata.normalize("NFD", "교사")) == [sid]
    assert ids(search, "교사") == [sid]
    [hit] = search.search("교사")
    assert hit.start == 0


def test_one_syllable_falls_back_to_a_scan(sessions, search):
    sid = make(sessions, "회의", "학교가 멀다")
    make(sessions, "다른", "멀다", day=2)
    [hit] = search.search("가")
    assert hit.session_id == sid
    assert hit.snippet == "학교**가** 멀다"


def test_every_term_somewhere_in_the_session_and_exclusions(sessions, search):
    both = make(sessions, "증류 발표", "teacher model")
    only = make(sessions, "증류 복습", "student model", day=2)
    assert set(ids(search, "증류 teacher")) == {both}
    assert ids(search, "증류 -teacher") == [only]


def test_snippet_marks_the_match_and_gives_offsets(sessions, search):
    body = "첫 줄\n" + "가나다 " * 20 + "여기에 휘발성이 있다 " + "라마바 " * 20
    make(sessions, "회의", body)
    [hit] = search.search("휘발성")
    assert hit.field == "body" and hit.ref_id is None
    assert "**휘발성**" in hit.snippet
    assert "\n" not in hit.snippet and hit.snippet.startswith("…")
    assert body[hit.start : hit.start + hit.length] == "휘발성"


def test_ranking_more_matches_and_newer_first(sessions, search):
    once = make(sessions, "회의", "증류 한 번 나온다 " + "기타 내용 " * 20, day=1)
    many = make(sessions, "회의", "증류 증류 증류 증류 이야기 " + "기타 내용 " * 20, day=2)
    assert ids(search, "증류") == [many, once]
    old = make(sessions, "세미나", "요약 정리", day=3)
    new = make(sessions, "세미나", "요약 정리", day=20)
    assert ids(search, "요약") == [new, old]


def test_title_hits_rank_above_body_hits(sessions, search):
    in_body = make(sessions, "회의", "오늘 낙타 이야기", day=5)
    in_title = make(sessions, "낙타 세미나", "내용 없음", day=1)
    assert ids(search, "낙타") == [in_title, in_body]


def test_filters(sessions, search, database):
    kd = make(sessions, "증류 A", day=1, kind="lecture")
    other = make(sessions, "증류 B", day=10, group="NLP 모임")
    late = make(sessions, "증류 C", day=20)
    slots = PresentationService(database)
    slots.add(late, presenter="동훈님")
    sessions.set_body(late, sessions.get(late).body + "\n발표")
    ChecklistService(database).add(other, "증류 논문 읽기")
    assert set(ids(search, 'group:"KD 스터디" 증류')) == {kd, late}
    assert ids(search, "group:nlp") == [other]
    assert ids(search, "kind:lecture 증류") == [kd]
    assert ids(search, "presenter:동훈 증류") == [late]
    assert ids(search, "after:2025-03-10 증류") == [late]
    assert ids(search, "before:2025-03-10 증류") == [kd]
    assert ids(search, "is:open 증류") == [other]
    [hit] = search.search("is:open 논문")
    assert hit.field == "checklist" and hit.ref_id is not None


def test_paper_filter_and_paper_text(sessions, search, database):
    from studyapp.core.markdown.document import PaperRef

    sid = make(sessions, "리딩", "")
    make(sessions, "리딩 2", "", day=2)
    PresentationService(database).add(sid, paper=PaperRef(title="Distilling Knowledge"))
    assert ids(search, "paper:distilling") == [sid]
    # The talk's heading names the paper: the words are found once, in the body.
    body = sessions.get(sid).body
    [hit] = search.search("knowledge")
    assert (hit.session_id, hit.field, hit.ref_id) == (sid, "body", None)
    assert body[hit.start : hit.start + hit.length] == "Knowledge"
    assert "Knowledge" in body.split("\n")[0]


def test_paper_words_the_body_does_not_hold_are_the_papers(sessions, search, database):
    from studyapp.core.markdown.document import PaperRef
    from studyapp.core.papers.fields import PaperFields
    from studyapp.core.services.papers import PaperService

    PaperService(database).add(
        PaperFields(title="Distilling Knowledge", abstract="We compress an ensemble.")
    )
    sid = make(sessions, "리딩", "")
    slot = PresentationService(database).add(sid, paper=PaperRef(title="Distilling Knowledge"))
    [hit] = search.search("ensemble")
    assert (hit.session_id, hit.field, hit.ref_id) == (sid, "paper", slot.id)
    assert "Distilling" not in hit.snippet  # the title is in the heading, not repeated here


def test_bad_date_is_a_readable_error(search):
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        search.search("before:2025-02-30")


def test_paging_total_and_timing(sessions, search):
    for day in range(1, 8):
        make(sessions, f"증류 {day}", day=day)
    result = search.search_hits("증류", limit=3, offset=3)
    assert result.total == 7
    assert [hit.title for hit in result.hits] == ["증류 4", "증류 3", "증류 2"]
    assert result.took_ms >= 0
    assert search.search_hits("").total == 0


def test_index_follows_edits_and_trash(sessions, search, database):
    sid = make(sessions, "회의", "낙타 이야기")
    sessions.set_body(sid, "사막 이야기")
    assert ids(search, "낙타") == []
    assert ids(search, "사막") == [sid]
    sessions.rename(sid, "오아시스 회의")
    assert ids(search, "오아시스") == [sid]
    sessions.trash(sid)
    assert ids(search, "사막") == []
    sessions.restore(sid)
    assert ids(search, "사막") == [sid]
    sessions.trash(sid)
    TrashService(database).empty(older_than_days=None)
    with database.transaction() as orm:
        texts = models.SearchText.id.between(index.doc_id(sid, 0), index.doc_id(sid + 1, 0) - 1)
        assert orm.scalar(select(models.SearchText).where(texts)) is None


def test_index_follows_presentations_and_todos(sessions, search, database):
    sid = make(sessions, "회의")
    slots = PresentationService(database)
    slot = slots.add(sid, presenter="민수님")
    heading = sessions.get(sid).body
    sessions.set_body(sid, f"{heading}\n증류 노트\n> 토론 내용")
    [info] = slots.list_for_session(sid)
    assert (info.id, info.notes, info.discussion) == (slot.id, "증류 노트", "토론 내용")
    [hit] = search.search("토론")
    assert (hit.field, hit.ref_id) == ("body", None)
    assert ids(search, "민수") == [sid]
    sessions.set_body(sid, f"{heading}\n다른 노트\n> 토론 내용")
    assert ids(search, "증류") == []
    assert ids(search, "다른") == [sid]
    slots.remove(slot.id)  # the talk's whole section leaves the body
    assert ids(search, "토론") == []
    assert ids(search, "presenter:민수") == []
    todos = ChecklistService(database)
    item = todos.add(sid, "낙타 사진 올리기")
    assert ids(search, "is:open 낙타") == [sid]
    todos.set_done(item.id, True)
    assert ids(search, "is:open 낙타") == []
    assert ids(search, "낙타") == [sid]
    todos.remove(item.id)
    assert ids(search, "낙타") == []


def test_index_follows_imports_and_reimports(search, database, tmp_path):
    folder = shutil.copytree(SAMPLES, tmp_path / "notes")
    ImportService(database).import_paths([folder])
    note = next(folder.glob("*.md"))
    before = search.search_hits("zzqqmarker").total
    note.write_text(note.read_text(encoding="utf-8") + "\nzzqqmarker 재수입\n", encoding="utf-8")
    ImportService(database).import_paths([note])
    assert before == 0
    assert search.search_hits("zzqqmarker").total == 1
    assert search.search_hits("재수입").total == 1


def test_reindex_rebuilds_the_same_index(sessions, search, database):
    sid = make(sessions, "회의", "낙타 이야기")
    with database.transaction() as orm:
        if database.engine.dialect.name == "sqlite":
            orm.execute(text("INSERT INTO search_fts(search_fts) VALUES ('delete-all')"))
        orm.execute(text("DELETE FROM search_texts"))  # on PostgreSQL with its vectors
    assert ids(search, "낙타") == []
    seen = []
    assert search.reindex(lambda done, total: seen.append((done, total))) == 1
    assert seen[-1] == (1, 1)
    assert ids(search, "낙타") == [sid]
    assert search.reindex(cancelled=lambda: True) == 0
    assert ids(search, "낙타") == [sid]  # a cancelled rebuild keeps the old index


def _plan(database, sql, params=()):
    with database.engine.connect() as connection:
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params).all()
    return " | ".join(row[-1] for row in rows)


@pytest.mark.sqlite_only  # SQLite's query plans
def test_search_query_uses_the_fts_index(database):
    plan = _plan(
        database,
        "SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ? AND rowid > ?",
        ('"교사"', 0),
    )
    assert "VIRTUAL TABLE INDEX" in plan and "SCAN search_docs" not in plan


@pytest.mark.sqlite_only  # SQLite's query plans
def test_a_sessions_texts_are_read_by_their_id_range(sessions, database):
    """A text's session is worked out from its id: the page's texts and a save's old texts
    are found on the primary key, not by reading every text."""
    page = matching.PAGE_TEXTS.replace(":page", "(1, 2)")
    plan = _plan(database, f"SELECT d.id, d.field, d.text FROM {page} AND d.field = 'title'")
    assert "SEARCH t USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)" in plan, plan
    session = sessions.create(group="G", title="모임", date=dt.date(2025, 3, 10), body="낙타")
    save = _plan_of_call(
        database, lambda: sessions.set_body(session.id, "고래"), "search_docs d JOIN"
    )
    assert "SCAN t" not in save and "INTEGER PRIMARY KEY" in save, save


def _plan_of_call(database, call, table):
    """The query plan of the first statement ``call`` runs that reads ``table``."""
    captured = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        captured.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", capture)
    try:
        call()
    finally:
        event.remove(database.engine, "before_cursor_execute", capture)
    statement, parameters = next((s, p) for s, p in captured if f"FROM {table}" in s)
    return _plan(database, statement, parameters)


@pytest.mark.sqlite_only  # SQLite's query plans
def test_sidebar_query_uses_the_date_index(sessions, database):
    plan = _plan_of_call(database, lambda: sessions.list_sessions(limit=200), "sessions")
    assert "ix_sessions_live_newest" in plan and "TEMP B-TREE" not in plan, plan


@pytest.mark.sqlite_only  # SQLite's query plans
def test_group_counts_read_only_an_index(sessions, database):
    plan = _plan_of_call(database, sessions.groups, "sessions")
    assert "COVERING INDEX ix_sessions_live_group" in plan, plan


@pytest.mark.sqlite_only  # SQLite's query plans
def test_carried_over_walks_the_groups_sessions_newest_first(sessions, database):
    import datetime as dt

    from studyapp.core.services.checklist import ChecklistService

    session_id = sessions.create(group="KD", title="모임", date=dt.date(2025, 3, 10)).id
    plan = _plan_of_call(
        database,
        lambda: ChecklistService(database).carried_over(session_id, newest=21),
        "checklist_items",
    )
    assert "ix_sessions_group_date" in plan and "ix_checklist_items_session_id" in plan, plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan, plan  # only the right part is sorted
