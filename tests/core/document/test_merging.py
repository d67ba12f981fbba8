"""Two writers' changes of one text: merged when they touch different lines."""

from studyapp.core.document.merging import merge_texts

BASE = "# 3월 세미나\n\n## Alice: Paper\n메모\n\n## 동훈님 논문 - UCDR\n토론\n"


def test_changes_to_different_lines_are_both_kept():
    mine = BASE.replace("메모\n", "메모 — 질문 두 개\n")
    theirs = BASE.replace("토론\n", "토론: 데이터셋 크기\n")
    merged = merge_texts(BASE, mine, theirs)
    assert merged.clean
    assert merged.text == BASE.replace("메모\n", "메모 — 질문 두 개\n").replace(
        "토론\n", "토론: 데이터셋 크기\n"
    )


def test_changes_to_the_same_line_overlap_and_mine_is_returned_whole():
    mine = BASE.replace("메모\n", "메모 A\n")
    theirs = BASE.replace("메모\n", "메모 B\n")
    merged = merge_texts(BASE, mine, theirs)
    assert not merged.clean
    assert merged.text == mine


def test_a_line_added_after_a_last_line_without_a_break_does_not_overlap_an_edit_above():
    base = "첫 줄\n둘째 줄"
    mine = "첫 줄 고침\n둘째 줄"
    theirs = "첫 줄\n둘째 줄\n셋째 줄"
    merged = merge_texts(base, mine, theirs)
    assert merged.clean
    assert merged.text == "첫 줄 고침\n둘째 줄\n셋째 줄"


def test_the_final_line_break_follows_the_writer_who_changed_it():
    assert merge_texts("a\nb\n", "a!\nb\n", "a\nb").text == "a!\nb"
    assert merge_texts("a\nb", "a!\nb", "a\nb").text == "a!\nb"
    assert merge_texts("a\nb", "a\nb\n", "a\nb?").text == "a\nb?\n"


def test_one_side_unchanged_gives_the_other():
    assert merge_texts("x\n", "x\n", "y\n").text == "y\n"
    assert merge_texts("x\n", "y\n", "x\n").text == "y\n"
    assert merge_texts("", "mine\n", "").text == "mine\n"
