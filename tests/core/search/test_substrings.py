"""A Latin term matches inside words, and a clause may start inside one: whatever a note
shows, any piece of it (ignoring case) finds the note, on both engines."""

import datetime as dt
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.core.search import prefixes
from studyapp.core.search.phrases import plan_for
from studyapp.core.search.tokens import normalize, pieces
from studyapp.core.services.search import SearchService
from studyapp.core.services.sessions import SessionService

TITLE = "회의"


@pytest.fixture
def sessions(database):
    return SessionService(database)


@pytest.fixture
def search(database):
    return SearchService(database)


def make(sessions, body: str, day: int = 1) -> int:
    return sessions.create(group="모임", title=TITLE, date=dt.date(2025, 3, day), body=body).id


def found(search, query: str) -> set[int]:
    return {hit.session_id for hit in search.search_all(query)}


@pytest.mark.parametrize(
    ("note", "query"),
    [
        ("RoBERTa와 DistilBERT를 비교했다", "BERT"),
        ("ChatGPT로 요약", "GPT"),
        ("The Transformer architecture", "former"),
        ("minimal training budget", "ai"),
        ("batch inference로 속도를 쟀다", "ce로"),
        ("knowledge distillation의 원리", "ation의"),
        ("model v2.1 released", "2.1"),
    ],
)
def test_a_latin_piece_is_found_inside_words(sessions, search, note, query):
    sid = make(sessions, note)
    make(sessions, "다른 내용 only here", day=2)
    assert found(search, query) == {sid}
    [hit] = search.search(query)
    assert hit.session_id == sid
    marked = re.search(r"\*\*(.+?)\*\*", hit.snippet)
    assert marked is not None and normalize(marked.group(1)) == normalize(query)


def test_pieces_across_a_space_each_match_inside_words(sessions, search):
    sid = make(sessions, "a minimal training run")
    make(sessions, "minimal only", day=2)
    assert found(search, "mal tr") == {sid}
    assert found(search, "mal tr -ainin") == set()


def test_excluded_terms_exclude_what_they_would_find(sessions, search):
    robust = make(sessions, "RoBERTa 실험")
    plain = make(sessions, "GPT 실험", day=2)
    assert found(search, "실험 -bert") == {plain}
    assert found(search, "실험 -gpt") == {robust}


def test_a_quoted_clause_keeps_whole_words(sessions, search):
    sid = make(sessions, "ChatGPT 요약, GPT-4 비교")
    other = make(sessions, "ChatGPT 요약만", day=2)
    assert found(search, "gpt") == {sid, other}
    assert found(search, '"gpt"') == {sid}


def test_a_piece_of_too_many_words_is_scanned(sessions, search, monkeypatch):
    sid = make(sessions, "alpha beta gamma delta")
    make(sessions, "omega", day=2)
    monkeypatch.setattr(prefixes, "MAX_WORDS", 1)
    assert found(search, "TA") == {sid}
    [hit] = search.search("ta")
    assert hit.snippet == "alpha be**ta** gamma delta"


# Random notes: Korean syllables, English fragments, digits, punctuation and spaces.
_PIECES = st.sampled_from(
    ["교사", "가", "학생", "를", "의", "모델", "BERT", "Ro", "ta", "chat", "GPT", "former",
     "trans", "ai", "in", "e", "er", "x", "2", "10", "v3", " ", " ", " ", "\n", ",", ".", "(", ")"]
)  # fmt: skip
_NOTE = st.lists(_PIECES, min_size=1, max_size=30).map("".join)


def _visible(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _ok_query(query: str) -> bool:
    return len(query) >= 2 and any(char.isalnum() for char in query)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(notes=st.lists(_NOTE, min_size=1, max_size=4), data=st.data())
def test_any_piece_of_a_note_finds_it(database, sessions, search, notes, data):
    for n, note in enumerate(notes):
        make(sessions, note, day=1 + n)
    texts = {sid: _visible(TITLE + "\n" + body) for sid, body in _bodies(database).items()}
    for _ in range(3):
        note = data.draw(st.sampled_from(notes))
        start = data.draw(st.integers(0, max(len(note) - 2, 0)))
        length = data.draw(st.integers(2, 8))
        query = note[start : start + length].strip()
        if not _ok_query(query):
            continue
        wanted = {sid for sid, text in texts.items() if _visible(query) in text}
        got = found(search, query)
        assert wanted <= got, (query, wanted - got)
        lone_start = pieces(normalize(query))[0]
        if " " not in query and "\n" not in query and len(lone_start.text) > 1:
            # No more than the clause's pattern allows (pieces apart only by punctuation);
            # a leading lone syllable is not a token where it ends a longer run ("사가B"),
            # so the clause is looked up without it.
            [clause] = plan_for(query).positives
            allowed = {sid for sid, text in texts.items() if clause.pattern.search(normalize(text))}
            assert got <= allowed, (query, got - allowed)


def _bodies(database) -> dict[int, str]:
    """Every session's note: hypothesis runs its examples in the same database."""
    with database.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT id, body FROM sessions").all()
    return {sid: body or "" for sid, body in rows}
