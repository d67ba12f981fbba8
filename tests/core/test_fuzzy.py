"""Fuzzy matching for the quick switcher: Hangul, Latin, dates, ranking, speed."""

import random
import time
import unicodedata

import pytest

from studyapp.core.fuzzy import FuzzyIndex, display_text, fold, fuzzy_match, fuzzy_score, rank

ENTRY = "2025-03-10 · KD 스터디 · Vision reading group 250310"


def bold(query: str, candidate: str) -> str:
    """The matched characters, as a person would see them in bold."""
    found = fuzzy_match(query, candidate)
    assert found is not None, (query, candidate)
    text = display_text(candidate)
    return "".join(text[i] for i in found.positions)


@pytest.mark.parametrize(
    ("query", "matched"),
    [
        ("ㄹㄷ", "리딩"),  # initial consonants
        ("ㄹㄷㅅㅌㄷ", "리딩스터디"),
        ("리ㄷ", "리딩"),  # a syllable, then an initial
        ("리딩", "리딩"),
        ("교ㅅ", "교사"),  # the IME still composing the second syllable
        ("굣", "교사"),  # ...or the final that will move on: 교 + ㅅ typed as 굣
        ("교", "교"),
        ("닭", "달가"),  # a compound final that splits
    ],
)
def test_hangul_queries(query, matched):
    assert bold(query, "영어 리딩 스터디 · 교사 연수 · 달가") == matched


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_normalization_of_query_and_candidate_does_not_matter(form):
    candidate = unicodedata.normalize(form, "KD 스터디 리딩")
    for query_form in ("NFC", "NFD"):
        query = unicodedata.normalize(query_form, "스터디")
        assert bold(query, candidate) == "스터디"


def test_positions_index_the_nfc_text_of_an_nfd_candidate():
    candidate = unicodedata.normalize("NFD", "논문 리딩")
    found = fuzzy_match("리딩", candidate)
    assert found is not None
    assert found.positions == (3, 4)
    assert len(fold(candidate)) == len(display_text(candidate)) == 5


def test_lone_conjoining_jamo_in_the_query_acts_as_initial():
    assert fuzzy_score("\u1105\u1103", "리딩") is not None  # ᄅᄃ as macOS may send it


def test_latin_is_case_insensitive():
    assert bold("VISION", ENTRY) == "Vision"
    assert bold("kd", ENTRY) == "KD"
    assert fuzzy_score("Kd", ENTRY) == fuzzy_score("kD", ENTRY)


def test_subsequence_prefers_word_starts():
    assert bold("vrg", ENTRY) == "Vrg"
    assert fuzzy_match("vrg", ENTRY).positions == (22, 29, 37)


def test_terms_match_in_any_order():
    assert bold("group kd", ENTRY) == "KDgroup"
    assert fuzzy_score("group xyz", ENTRY) is None


@pytest.mark.parametrize(
    "query", ["2025-03-10", "0310", "250310", "3/10", "03-10", "2025.3.10", "2025-03", "031"]
)
def test_dates_in_usual_spellings(query):
    assert fuzzy_score(query, "2025-03-10 · KD 스터디 · Vision") is not None


@pytest.mark.parametrize("query", ["0311", "3/1", "250311", "2024-03-10", "1310", "0210"])
def test_other_dates_do_not_match(query):
    assert fuzzy_score(query, "2025-03-10 · KD 스터디 · Vision") is None


def test_date_highlights_the_date():
    assert bold("3/10", "2025-03-10 · KD") == "03-10"
    assert bold("250310", "2025-03-10 · KD") == "2025-03-10"


def test_no_match_is_none():
    assert fuzzy_score("xyz", ENTRY) is None
    assert fuzzy_score("ㅋ", ENTRY) is None
    assert fuzzy_score("스터디스", ENTRY) is None


def test_empty_query_matches_everything_equally():
    assert fuzzy_score("", ENTRY) == fuzzy_score("   ", "other") == 0.0


def test_ranking_prefix_then_word_start_then_run_then_scattered():
    candidates = ["xxreadxx", "bread", "read me", "a reading", "r-e-a-d"]
    order = [hit.item for hit in rank("read", candidates, str)]
    assert order[:2] == ["read me", "a reading"]
    assert sorted(order) == sorted(candidates)
    assert order.index("bread") < order.index("xxreadxx")  # shorter first among equals


def test_exact_syllable_beats_what_it_may_grow_into():
    assert fuzzy_score("교", "교사") > fuzzy_score("교", "굣")
    assert fuzzy_score("교ㅅ", "교사") > fuzzy_score("교ㅅ", "교 수업 사")


def test_scores_are_deterministic_and_ties_keep_item_order():
    items = [f"2025-01-{day:02d} · MUG · paper" for day in range(1, 29)]
    first = [hit.item for hit in rank("paper", items, str, limit=10)]
    assert first == items[:10]
    assert [hit.item for hit in rank("paper", items, str, limit=10)] == first
    assert fuzzy_score("pp", items[0]) == fuzzy_score("pp", items[0])


def test_index_keeps_items_and_limit():
    items = [(n, f"session {n}") for n in range(100)]
    index = FuzzyIndex(items, key=lambda item: item[1])
    hits = index.search("session", limit=5)
    assert [hit.item[0] for hit in hits] == [0, 1, 2, 3, 4]
    assert hits[0].text == "session 0"
    assert index.search("", limit=3)[2].item == (2, "session 2")
    assert [hit.item[0] for hit in index.search("ses 42")] == [42]


WORDS = [
    *("Vision", "reading", "group", "transformer", "diffusion", "ECCV", "paper", "review"),
    *("리딩", "스터디", "논문", "증류", "KD", "교사", "멘토링", "LLM", "세미나", "회의"),
    *("동훈님", "휘발성", "낙타"),
]


def test_ten_thousand_candidates_per_keystroke():
    rng = random.Random(7)
    items = [
        f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} · "
        f"{rng.choice(['KD 스터디', 'MUG', 'Vision club'])} · "
        + " ".join(rng.choices(WORDS, k=rng.randint(2, 7)))
        for _ in range(10_000)
    ]
    started = time.perf_counter()
    index = FuzzyIndex(items, str)
    print(f"\nindex of 10,000: {(time.perf_counter() - started) * 1000:.1f} ms")
    for query in ["a", "ㄹ", "ㄹㄷ", "리딩 ㅅ", "vrg", "0310", "transformer", "zzz", "2025-03"]:
        started = time.perf_counter()
        hits = index.search(query)
        elapsed = (time.perf_counter() - started) * 1000
        print(f"{query!r:>14}: {elapsed:6.1f} ms, {len(hits)} hits")
        assert all(fuzzy_score(query, hit.item) == hit.score for hit in hits[:3])
