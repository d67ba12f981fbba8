"""Counting and listing every match: exact, in date order, page after page without a
repeat or a gap, and the same sessions a plain scan of the texts finds."""

import datetime as dt
import unicodedata

import pytest

from studyapp.core import models
from studyapp.core.search import index, matching, pg_index, prefixes, query
from studyapp.core.search.reader import SqliteReader
from studyapp.core.services.search import SearchService
from studyapp.core.services.sessions import SessionService

WORDS = ["교사가", "학생을", "transformer", "Transformers", "camel", "증류", "낙타는", "모델"]


@pytest.fixture
def corpus(database):
    """60 sessions, many on the same few dates (ties), ids out of date order."""
    service = SessionService(database)
    made = {}
    for n in range(60):
        date = dt.date(2025, 1, 1) + dt.timedelta(days=(n * 7) % 5)
        words = [word for i, word in enumerate(WORDS) if (n + i) % 5 < 2 or n % (i + 2) == 0]
        body = " ".join(words) + f" 메모 {n}"
        group = "KD 스터디" if n % 3 else "MUG"
        session = service.create(group=group, title=f"모임 {n}", date=date, body=body)
        made[session.id] = (date, f"모임 {n}\n{body}", group)
    return made


def scan(corpus, needle: str, *, group: str | None = None, trashed=()) -> list[int]:
    """Brute force: sessions whose title or body holds ``needle`` (NFC, ignoring case),
    newest first."""
    folded = unicodedata.normalize("NFC", needle).casefold()
    found = [
        sid
        for sid, (date, text, in_group) in corpus.items()
        if folded in text.casefold()
        and sid not in trashed
        and (group is None or group.casefold() in in_group.casefold())
    ]
    return sorted(found, key=lambda sid: (corpus[sid][0], sid), reverse=True)


@pytest.mark.parametrize("needle", ["교사", "학생", "transformer", "camel", "증류", "낙타", "모델"])
def test_count_and_every_match_agree_with_a_scan(database, corpus, needle):
    service = SearchService(database)
    expected = scan(corpus, needle)
    assert len(expected) > 12
    listed = [hit.session_id for hit in service.search_all(needle)]
    assert listed == expected  # newest first, ties by id, none twice, none left out
    assert service.count(needle) == len(expected)
    top = service.search(needle, limit=5)
    assert len(top) == 5 and top.total == len(expected)
    assert {hit.session_id for hit in top} <= set(expected)


def test_filters_trash_and_exclusions_are_counted_as_listed(database, corpus):
    service = SearchService(database)
    trashed = sorted(scan(corpus, "교사"))[:3]
    for sid in trashed:
        SessionService(database).trash(sid)
    expected = scan(corpus, "교사", group="KD", trashed=trashed)
    listed = [hit.session_id for hit in service.search_all("교사 group:KD")]
    assert listed == expected and service.count("교사 group:KD") == len(expected)
    without_camel = [sid for sid in scan(corpus, "모델") if sid not in scan(corpus, "camel")]
    assert [hit.session_id for hit in service.search_all("모델 -camel")] == without_camel
    assert service.count("모델 -camel") == len(without_camel)
    on_a_day = [sid for sid in scan(corpus, "모델") if corpus[sid][0] > dt.date(2025, 1, 3)]
    assert [h.session_id for h in service.search_all("모델 after:2025-01-03")] == on_a_day
    assert service.count("모델 after:2025-01-03") == len(on_a_day)


@pytest.mark.sqlite_only  # read through the sqlite3 connection
def test_every_match_is_one_statement_read_as_it_goes(database, monkeypatch):
    # Pages of their own looked the matching ids up again for each page: 4 statements
    # for 10,000 matches, each as slow as the whole list.
    service = SessionService(database)
    start = dt.date(2024, 1, 1)
    made = [
        service.create(group="g", title=f"t{n}", date=start + dt.timedelta(days=n % 50)).id
        for n in range(230)
    ]
    statements: list[str] = []
    for name in ("rows", "stream"):
        monkeypatch.setattr(SqliteReader, name, _recording(getattr(SqliteReader, name), statements))
    listed = [hit.session_id for hit in SearchService(database).search_all("t")]
    newest_first = sorted(made, key=lambda sid: ((sid - made[0]) % 50, sid), reverse=True)
    assert listed == newest_first
    assert sum("FROM sessions s" in sql for sql in statements) == 1


def _recording(method, statements):
    def recorded(self, sql, params=None):
        statements.append(sql)
        return method(self, sql, params)

    return recorded


def test_an_empty_query_counts_and_lists_nothing(database, corpus):
    service = SearchService(database)
    assert service.count("  ") == 0 and list(service.search_all("--")) == []
    assert service.search("").total == 0


@pytest.mark.sqlite_only  # a file
def test_a_sqlite_file_is_searched_without_sqlalchemy_the_same(database, corpus):
    light = SearchService.for_sqlite_file(database.path)
    full = SearchService(database)
    for needle in ("교사", "transformer group:MUG", "낙", "camel -모델"):
        assert light.count(needle) == full.count(needle)
        assert list(light.search_all(needle)) == list(full.search_all(needle))
        assert light.search(needle) == full.search(needle)


def test_light_copies_of_constants_match_their_sources():
    assert matching.SHIFT == index.SHIFT
    assert prefixes.WORDS_TABLE == index.WORDS_TABLE == pg_index.WORDS_TABLE
    assert tuple(kind.value for kind in models.SessionKind) == query.SESSION_KINDS
