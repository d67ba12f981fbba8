"""Text to index tokens: Hangul bigrams, casefolded words, normalization, match offsets."""

import tracemalloc
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.search import tokens
from studyapp.core.search.index import matcher


def test_hangul_runs_become_overlapping_bigrams():
    assert tokens.tokens("교사가") == ["교사", "사가"]
    assert tokens.tokens("교사-학생") == ["교사", "학생"]


def test_a_lone_syllable_is_one_token():
    assert tokens.tokens("나 는") == ["나", "는"]


def test_latin_words_are_casefolded_and_mixed_script_words_split():
    assert tokens.tokens("The Transformer를 봤다") == ["the", "transformer", "를", "봤다"]
    assert tokens.tokens("GPT-4o_mini") == ["gpt", "4o", "mini"]


def test_nfd_and_full_width_input_give_the_same_tokens():
    assert tokens.tokens(unicodedata.normalize("NFD", "교사를")) == tokens.tokens("교사를")
    assert tokens.tokens("ＡＩ") == ["ai"]


def test_index_text_joins_tokens_with_spaces():
    assert tokens.index_text("교사를 만남") == "교사 사를 만남"


def test_locate_maps_back_to_the_original_text():
    text = "오늘 " + unicodedata.normalize("NFD", "교사") + "를 만남"
    found = tokens.locate(text, [matcher("교사").pattern])
    assert found is not None
    start, length = found
    assert unicodedata.normalize("NFC", text[start : start + length]) == "교사"


def test_locate_plain_text_offsets():
    assert tokens.locate("The Transformer를", [matcher("trans").pattern]) == (4, 5)
    assert tokens.locate("nothing here", [matcher("교사").pattern]) is None


def test_matcher_phrases():
    assert matcher("교사").fts == '"교사"'
    assert matcher("교사를").fts == '"교사 사를"'
    assert matcher("trans").fts == '"trans"*'
    assert matcher("transformer를").fts == '"transformer 를"*'
    assert matcher("deep learning", exact=True).fts == '"deep learning"'
    single = matcher("가")
    assert single.fts is None and single.needle == "가"
    assert matcher("--") is None


_MIXED = st.text(
    alphabet=st.one_of(
        st.sampled_from("교사가 학생-_ 4o ・ㄱㅏ漢字かなカナ Ａ  \n.,!é\u0301\u1100\u1161ß"),
        st.characters(),
    ),
    max_size=60,
)


@given(_MIXED)
@settings(max_examples=2000, deadline=None)
def test_tokens_agree_with_the_pieces_queries_are_split_into(text):
    # Queries are split with pieces()/piece_tokens(); the index must cut text the same way.
    expected = [
        token
        for piece in tokens.pieces(tokens.normalize(text))
        for token in tokens.piece_tokens(piece)
    ]
    assert tokens.tokens(text) == expected


@given(_MIXED, st.integers(min_value=1, max_value=12))
@settings(max_examples=1000, deadline=None)
def test_a_long_text_is_tokenized_a_chunk_at_a_time_into_the_same_index_text(text, chunk):
    # Chunks as short as a few characters cut inside Hangul runs, words and spaces alike.
    original = tokens._CHUNK_CHARS
    tokens._CHUNK_CHARS = chunk
    try:
        assert tokens._joined_tokens(text * 3) == " ".join(tokens.tokens(text * 3))
    finally:
        tokens._CHUNK_CHARS = original


def test_a_10_mb_note_is_indexed_without_a_token_list_of_its_size():
    hangul = "교사학생모델증류" * 400_000  # 3.2 million characters, no space: 3.2 million bigrams
    tracemalloc.start()
    try:
        joined = tokens.index_text(hangul)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert joined.startswith("교사 사학 학생 생모 모델 델증 증류 류교 교사")
    assert len(joined) == 3 * len(hangul) - 4  # n - 1 bigrams, n - 2 spaces between them
    # The result itself is about 19 MB (UCS-2); a list of every bigram was over 300 MB.
    assert peak < 4 * len(joined) * 2, peak
