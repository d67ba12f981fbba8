"""Text to index tokens: Hangul bigrams, casefolded words, normalization, match offsets."""

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
