"""What the HTML renderer is given: nesting flattened past MAX_DEPTH, the rest as written."""

import time

import pytest

from studyapp.core.markdown.html import render_fragment
from studyapp.core.markdown.render_limits import (
    MAX_DEPTH,
    MAX_EMPHASIS_RUN,
    MAX_OPEN_BRACKETS,
    within_limits,
)

NOTE = """\
# 주간 회의

> 인용 안의
> > 인용, 그리고 **굵게** *기울게* ***둘 다***

- 하나
  - 둘
    - 셋
      1. 넷
         - [ ] 민수: 자료 📅 2025-03-10

[링크](https://example.com) ![[slide.png|480]] [[다른 노트]] [참고][1]

***

[1]: https://example.com/ref
"""


def test_a_note_people_write_is_given_as_it_is():
    assert within_limits(NOTE) == NOTE
    assert within_limits("") == ""
    assert within_limits("a\r\nb\rc") == "a\nb\nc"  # what Python-Markdown does first itself


def test_quotes_and_lists_deeper_than_the_limit_are_drawn_at_the_limit_with_their_text():
    assert within_limits(">" * 10_000 + " 깊은 인용") == ">" * MAX_DEPTH + " 깊은 인용"
    assert within_limits("> " * 10_000 + "x") == "> " * MAX_DEPTH + "x"
    assert within_limits("- " * 10_000 + "x") == "- " * MAX_DEPTH + "x"
    assert within_limits("1. " * 10_000 + "x").startswith("1. " * (MAX_DEPTH - 1) + "1. ")
    mixed = within_limits("> - " * 5_000 + "끝")
    assert mixed.endswith(" 끝") and mixed.count(">") + mixed.count("-") == MAX_DEPTH
    staircase = "".join("  " * level + f"- item {level}\n" for level in range(100))
    flattened = within_limits(staircase).split("\n")
    assert flattened[99] == " " * (4 * MAX_DEPTH) + "- item 99"
    assert flattened[:25] == staircase.split("\n")[:25]  # 48 columns and less: unchanged


def test_long_runs_of_emphasis_marks_are_cut_and_a_rule_stays_a_rule():
    run = within_limits("a " + "*" * 10_000 + "x" + "*" * 10_000 + " b")
    assert run == "a " + "*" * MAX_EMPHASIS_RUN + "…x" + "*" * MAX_EMPHASIS_RUN + "… b"
    assert within_limits("*" * 10_000) == "*" * 10_000  # a horizontal rule
    assert within_limits("_" * 33 + "밑줄") == "_" * MAX_EMPHASIS_RUN + "…밑줄"


def test_many_unclosed_brackets_are_escaped_and_links_stay_links():
    text = "[" * 1000 + " [링크](https://example.com) [[노트]]"
    escaped = within_limits(text)
    assert escaped == "\\[" * 1000 + " [링크](https://example.com) [[노트]]"
    few = "[" * MAX_OPEN_BRACKETS + " x"
    assert within_limits(few) == few  # a few are left to Python-Markdown
    html = render_fragment(text)
    assert html.count("[") == 1000  # every one shown; [[노트]] shows its name
    assert '<a href="https://example.com"' in html and "<u>노트</u>" in html


def test_fenced_code_is_left_as_it_is():
    deep = " " * 200 + "- " * 100 + "x"
    text = f"앞\n```python\n{deep}\n{'>' * 100}\n```\n{'>' * 100} 뒤\n~~~\n{deep}\n~~~"
    result = within_limits(text)
    assert f"```python\n{deep}\n{'>' * 100}\n```" in result
    assert f"~~~\n{deep}\n~~~" in result
    assert ">" * MAX_DEPTH + " 뒤" in result
    # A fence left open is no fence to Python-Markdown: its lines are limited like any.
    assert within_limits(f"```\n{'>' * 100} x") == f"```\n{'>' * MAX_DEPTH} x"
    assert deep in render_fragment(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(">" * 10_000 + " 깊은 인용", id="10,000 quote marks"),
        pytest.param("> " * 10_000 + "깊은 인용", id="10,000 spaced quote marks"),
        pytest.param("- " * 10_000 + "깊은 목록", id="10,000 list markers"),
        pytest.param("1. " * 10_000 + "깊은 목록", id="10,000 numbers"),
        pytest.param("a " + "*" * 10_000 + "깊은" + "*" * 10_000, id="10,000 stars each side"),
        pytest.param("* " * 10_000 + "깊은", id="10,000 star bullets"),
        pytest.param("> - " * 5_000 + "깊은", id="quote and list, 10,000"),
        pytest.param("[" * 10_000 + "깊은", id="10,000 open brackets"),
    ],
)
def test_ten_thousand_levels_render_quickly_with_their_words(text):
    # This thread's CPU time: a guard against the quadratic case that a busy machine
    # does not trip (speed itself is measured under benchmarks/).
    started = time.thread_time()
    html = render_fragment(text)
    assert time.thread_time() - started < 5
    assert "깊은" in html


def test_a_list_5000_levels_deep_renders_in_well_under_a_few_seconds():
    staircase = "".join("  " * level + f"- 항목 {level}\n" for level in range(5_000))  # 25 MB
    # This thread's CPU time: a guard against the quadratic case that a busy machine
    # does not trip (speed itself is measured under benchmarks/).
    started = time.thread_time()
    html = render_fragment(staircase)
    elapsed = time.thread_time() - started
    assert elapsed < 5, elapsed  # minutes before
    assert all(f"항목 {level}<" in html for level in range(0, 5_000, 97))
