"""Words in many notes: prefix words read from the index's word list, and a page filled
from the newest scored sessions gives the same hits as reading every match."""

import datetime as dt

import pytest

from studyapp.core.search import matching, prefixes, ranking
from studyapp.core.search.phrases import plan_for
from studyapp.core.services.search import SearchService
from studyapp.core.services.sessions import SessionService


@pytest.fixture
def many(database):
    """40 sessions that all say "transformer", in varying amounts, dates out of id order."""
    service = SessionService(database)
    made = []
    for n in range(40):
        date = dt.date(2024, 1, 1) + dt.timedelta(days=(n * 37) % 400)
        body = " ".join(
            ["transformer 모델"] * (1 + n % 5)
            + ["transformers 교사가" if n % 3 == 0 else "camel"]
            + (["distillation"] if n % 4 == 0 else [])
        )
        group = "KD 스터디" if n % 2 else "MUG"
        made.append(service.create(group=group, title=f"모임 {n}", date=date, body=body).id)
    return made


QUERIES = [
    "transformer",
    "transform",
    "transformer 모델",
    "trans -distill",
    "transformer group:KD",
    "모델 after:2024-06-01",
    '"transformer 모델"',
    "transformer 교사",
]


@pytest.mark.parametrize("query", QUERIES)
def test_the_quick_page_equals_the_complete_one(database, many, monkeypatch, query):
    monkeypatch.setattr(ranking, "RANK_CAP", 12)  # few scored texts: the quick path
    floors = []
    candidates = matching.candidates

    def spy(reader, plan, fts, floor=0):
        floors.append(floor)
        return candidates(reader, plan, fts, floor)

    def every_match(reader, plan, fts, floor=0):
        return candidates(reader, plan, fts)

    service = SearchService(database)
    for limit in (1, 3, 5):
        monkeypatch.setattr(matching, "candidates", spy)
        quick = service.search(query, limit=limit)
        monkeypatch.setattr(matching, "candidates", every_match)
        complete = service.search(query, limit=limit)
        assert quick == complete, (query, limit)
        assert quick.total == complete.total == service.count(query)
        assert quick  # every query here has matches
    assert any(floors), "the quick path was never taken"


@pytest.mark.sqlite_only  # SQLite's word list
def test_prefixes_become_the_indexed_words(database, many):
    service = SearchService(database)
    with database.engine.connect() as connection:
        driver = connection.connection.driver_connection
        expanded = prefixes.expand(driver, plan_for("transf"))
    assert expanded.positives[0].fts == '("transformer" OR "transformers")'
    by_prefix = {hit.session_id for hit in service.search("transf", limit=100)}
    assert by_prefix == set(many)
    assert service.search("transformerz", limit=100) == []  # no such word: nothing, quickly


@pytest.mark.sqlite_only  # SQLite's word list
def test_a_piece_of_many_words_is_scanned_for(database, monkeypatch):
    sessions = SessionService(database)
    words = " ".join(f"ab{chr(97 + n)}x" for n in range(10))
    sid = sessions.create(group="g", title="t", date=dt.date(2025, 1, 1), body=words).id
    sessions.create(group="g", title="t", date=dt.date(2025, 1, 2), body="xb bx a-b")
    monkeypatch.setattr(prefixes, "MAX_WORDS", 5)
    with database.engine.connect() as connection:
        driver = connection.connection.driver_connection
        scanned = prefixes.expand(driver, plan_for("AB")).positives[0]
        assert scanned.fts is None and scanned.needle == "ab" and scanned.folded
    [hit] = SearchService(database).search("AB")
    assert hit.session_id == sid and hit.snippet.startswith("**ab**ax")


def indexed_words(database) -> list[str]:
    with database.engine.connect() as connection:
        return [row[0] for row in connection.exec_driver_sql("SELECT word FROM search_words")]


@pytest.mark.sqlite_only  # SQLite's word list
def test_words_written_later_are_found_by_their_prefix(database, many):
    sessions = SessionService(database)
    later = sessions.create(
        group="MUG", title="Café 모임", date=dt.date(2025, 2, 1), body="TransformerXL 읽기"
    ).id
    edited = many[0]
    sessions.set_body(edited, "transformation 정리")
    assert {"transformerxl", "transformation", "café"} <= set(indexed_words(database))
    service = SearchService(database)
    assert later in {hit.session_id for hit in service.search("transformer", limit=100)}
    assert edited in {hit.session_id for hit in service.search("transforma", limit=100)}
    assert [hit.session_id for hit in service.search("caf", limit=100)] == [later]
    assert "모임" not in indexed_words(database)  # Hangul is found by bigrams, not prefixes


@pytest.mark.sqlite_only  # SQLite's word list
def test_a_word_no_text_holds_any_more_matches_nothing_and_goes_on_reindex(database):
    sessions = SessionService(database)
    sid = sessions.create(group="g", title="t", date=dt.date(2025, 1, 1), body="zebrafish").id
    sessions.set_body(sid, "goldfish")
    assert "zebrafish" in indexed_words(database)  # kept until the next rebuild: harmless
    service = SearchService(database)
    assert service.search("zebra") == []
    assert [hit.session_id for hit in service.search("gold")] == [sid]
    service.reindex()
    assert "zebrafish" not in indexed_words(database)
    assert "goldfish" in indexed_words(database)
