import dataclasses
import datetime as dt
import html.parser

import pytest

from studyapp.core.dto import ChecklistItemInfo, PaperInfo, PresentationInfo, SessionDetail
from studyapp.core.markdown.html import render_fragment, render_html
from studyapp.core.tasks import parse_task_line

EVIL_NOTES = """\
<script>alert(1)</script>

<img src=x onerror=alert(2)>

[x](javascript:alert(3)) [y](JaVaScRiPt:alert(4)) <a href="&#106;avascript:alert(5)">z</a>

<style>body { display: none }</style>

<div onclick="alert(6)" style="color:red">클릭</div>

<iframe src="https://evil.example"></iframe>

![pixel](http://tracker.example/p.png) ![ok](https://example.com/ok.png) ![rel](img/a.png)

오늘은 **교사-학생** 증류를 읽었다. [논문](https://arxiv.org/abs/2501.01234) <mailto:a@b.c>
"""


HEADING = "## 민수님 논문 - [Tiny Teachers](https://example.com/tiny) (CVPR 2024)"
BODY = (
    EVIL_NOTES
    + f"\n{HEADING}\n\n"
    + "| 모델 | 정확도 |\n|---|---|\n| 교사 | 80.1 |\n\n> 용량 차이?\n\n"
    + "## 할 일\n\n- [x] 발표 순서 정하기 ✅ 2025-03-10\n"
)


def _session(**changes) -> SessionDetail:
    base = SessionDetail(
        id=1,
        title="KD 스터디 <0310> & 정리",
        date=dt.date(2025, 3, 10),
        start_time=dt.time(19, 30),
        timezone="Asia/Seoul",
        group="KD 스터디",
        kind="paper_review",
        status="held",
        body=BODY,
        presentations=(
            PresentationInfo(
                id=1,
                position=0,
                presenter="민수님",
                paper=PaperInfo(
                    id=1, title="Tiny Teachers", venue="CVPR 2024", url="https://example.com/tiny"
                ),
                heading_raw=HEADING,
                notes="| 모델 | 정확도 |\n|---|---|\n| 교사 | 80.1 |",
                discussion="용량 차이?",
            ),
        ),
        checklist=(
            ChecklistItemInfo(
                id=1,
                session_id=1,
                group="KD 스터디",
                position=0,
                task=parse_task_line("- [x] 발표 순서 정하기 ✅ 2025-03-10"),
            ),
        ),
    )
    return dataclasses.replace(base, **changes)


class _Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend((tag, name, value) for name, value in attrs)


def _parse(document: str) -> _Collector:
    collector = _Collector()
    collector.feed(document)
    return collector


def test_dangerous_markup_never_reaches_the_page():
    page = render_html(_session())
    collector = _parse(page)
    assert collector.tags.count("script") == 0
    assert collector.tags.count("style") == 1  # only our own, in <head>
    assert "iframe" not in collector.tags
    assert "alert(" not in page and "display: none" not in page
    for tag, name, value in collector.attributes:
        assert not name.startswith("on"), (tag, name)
        assert name != "style", tag
        assert not (value or "").strip().lower().startswith(("javascript:", "data:")), value
    sources = [value for tag, name, value in collector.attributes if (tag, name) == ("img", "src")]
    assert sources == ["x", "https://example.com/ok.png", "img/a.png"]


def test_korean_text_and_structure_survive():
    page = render_html(_session())
    assert page.startswith('<!DOCTYPE html>\n<html lang="ko">')
    assert '<meta charset="utf-8">' in page
    assert "prefers-color-scheme: dark" in page
    assert "<strong>교사-학생</strong>" in page
    assert '<a href="https://arxiv.org/abs/2501.01234" rel="noopener noreferrer">논문</a>' in page
    assert 'href="mailto:a@b.c"' in page
    assert "<table>" in page and "<td>80.1</td>" in page
    assert "<blockquote>" in page and "용량 차이?" in page
    assert '<a href="https://example.com/tiny" rel="noopener noreferrer">Tiny Teachers</a>' in page
    assert "☑ 발표 순서 정하기" in page
    assert page.index("Tiny Teachers") < page.index("<table>") < page.index("<blockquote>")
    assert page.index("<blockquote>") < page.index("☑ 발표 순서 정하기")


def test_the_page_is_the_body_not_the_rows():
    page = render_html(_session(presentations=(), checklist=()))
    assert "<table>" in page and "용량 차이?" in page and "☑ 발표 순서 정하기" in page
    other = render_html(_session(body="Only this line."))
    assert "Only this line." in other and "Tiny Teachers" not in other.split("<main>")[1]


def test_header_title_is_escaped():
    page = render_html(_session())
    assert "<title>KD 스터디 &lt;0310&gt; &amp; 정리</title>" in page
    assert "<h1>KD 스터디 &lt;0310&gt; &amp; 정리</h1>" in page
    assert '<time datetime="2025-03-10T19:30+09:00">2025-03-10 19:30</time> · KD 스터디' in page


def test_english_session_is_lang_en_and_deterministic():
    session = _session(
        title="Weekly paper club",
        group="MUG",
        body="We read two papers.",
        presentations=(),
        checklist=(),
    )
    page = render_html(session)
    assert '<html lang="en">' in page
    assert page == render_html(session)
    assert page.endswith("</html>\n")


@pytest.mark.parametrize(
    "snippet",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "<a href='vbscript:msgbox(1)'>v</a>",
        "<svg onload=alert(1)></svg>",
        "<object data='javascript:alert(1)'></object>",
    ],
)
def test_fragment_is_sanitized(snippet):
    fragment = render_fragment(f"{snippet}\n\n한국어 문장")
    assert "alert" not in fragment and "msgbox" not in fragment
    assert "onerror" not in fragment and "onload" not in fragment
    assert "한국어 문장" in fragment


def test_fragment_skips_front_matter_and_renders_lists():
    fragment = render_fragment("---\ntitle: x\n---\n\n## 발표\n\n1. one\n2. two\n\n- [ ] a\n")
    assert "title: x" not in fragment
    assert '<h2 id="발표">발표</h2>' in fragment
    assert "<ol>" in fragment and "☐ a" in fragment
