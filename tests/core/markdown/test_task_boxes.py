"""Tasks lines in the preview and the HTML pages: a box for each status, in lists, quotes
and callouts, as Obsidian shows them."""

import datetime as dt

from studyapp.core.dto import SessionDetail
from studyapp.core.markdown.html import render_fragment, render_html


def test_each_status_has_its_box_and_a_cancelled_one_is_struck_through():
    fragment = render_fragment(
        "- [ ] to do\n- [x] done\n- [X] done too\n- [/] started\n"
        "- [-] dropped, see [notes](https://example.com/n)\n- [?] unknown status\n"
    )
    assert [line for line in fragment.splitlines() if line.startswith("<li>")] == [
        "<li>☐ to do</li>",
        "<li>☑ done</li>",
        "<li>☑ done too</li>",
        "<li>◐ started</li>",
        '<li>☒ <del>dropped, see <a href="https://example.com/n" rel="noopener noreferrer">'
        "notes</a></del></li>",
        "<li>☐ unknown status</li>",
    ]


def test_sub_items_of_a_cancelled_to_do_are_not_struck_through():
    fragment = render_fragment("- [-] dropped\n    - [ ] its step\n")
    assert "<li>☒ <del>dropped</del><ul>" in fragment
    assert "<li>☐ its step</li>" in fragment


def test_tasks_right_under_a_line_of_text_in_a_quote_or_callout_are_a_list():
    fragment = render_fragment(
        "## 토론\n"
        "> 질문: 왜 어댑터인가?\n"
        "> - [ ] 동훈님: 실험 다시 돌리기\n"
        "> - [-] 발표 연기\n"
        "\n"
        "> [!todo] 할 일\n"
        "> > - [/] nested quote\n"
        "\n"
        "text\n"
        "+ [x] plus marker\n"
        "1. [ ] numbered\n"
    )
    assert "<p>질문: 왜 어댑터인가?</p>\n<ul>\n<li>☐ 동훈님: 실험 다시 돌리기</li>" in fragment
    assert "<li>☒ <del>발표 연기</del></li>" in fragment
    assert "<li>◐ nested quote</li>" in fragment
    assert "<p>text</p>\n<ul>\n<li>☑ plus marker</li>" in fragment
    assert "☐ numbered" in fragment
    assert "[ ]" not in fragment and "[-]" not in fragment and "[/]" not in fragment


def test_a_tasks_line_in_code_or_after_an_item_stays_as_written():
    fragment = render_fragment(
        "```\nsome code\n- [ ] not a box\n```\n\n- [ ] item\n  more of it\n- [ ] next\n"
    )
    assert "- [ ] not a box" in fragment
    assert "<li>☐ item<br>\n  more of it</li>" in fragment
    assert "<li>☐ next</li>" in fragment


def test_the_exported_page_shows_the_boxes():
    session = SessionDetail(
        id=1,
        title="0310",
        date=dt.date(2025, 3, 10),
        start_time=None,
        timezone="Asia/Seoul",
        group="KD 스터디",
        kind="reading",
        status="done",
        body="## 할 일\n\n- [/] 슬라이드 ⏫\n- [-] 회의실 ❌ 2025-03-09",
    )
    page = render_html(session)
    assert "<li>◐ 슬라이드 ⏫</li>" in page
    assert "<li>☒ <del>회의실 ❌ 2025-03-09</del></li>" in page
