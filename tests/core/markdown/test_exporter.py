import dataclasses
import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.document.outline import derive
from studyapp.core.dto import ChecklistItemInfo, PaperInfo, PresentationInfo, SessionDetail
from studyapp.core.errors import ExportError
from studyapp.core.markdown.exporter import (
    FLAVORS,
    mostly_hangul,
    render_body,
    render_markdown,
    wikilink,
)
from studyapp.core.markdown.parser import parse_note
from studyapp.core.markdown.text_lines import verbatim

KST = dt.timezone(dt.timedelta(hours=9))

TASK_LINES = (
    "- [ ] 민수님: Mixture of Depths 읽어오기 📅 2025-03-17",
    "- [x] 발표 순서 정하기 ✅ 2025-03-10",
)
BODY = (
    "# 0310 리딩 그룹\n"
    "\n"
    "참석: 민수님, 서연님, 지호님 (불참: 하늘님)\n"
    "\n"
    "오늘은 세 편을 읽었다.\n"
    "\n"
    "## 민수님 논문 - Tiny Teachers (CVPR 2024)\n"
    "\n"
    "1. 교사 모델이 작아도 학생 성능이 유지되는 조건\n"
    "2. 실험은 ImageNet-1k\n"
    "\n"
    "> 교사-학생 용량 차이가 클 때도 같은 결론이 나올지?\n"
    ">\n"
    "> 적용?\n"
    "\n"
    "## 서연님 논문 - Prompted Retrieval (ICLR 2025 spotlight)\n"
    "\n"
    "1. 검색된 상위 K 문서를 프롬프트에 같이 넣어 환각을 줄임\n"
    "\n"
    "# 다음 주\n"
    "\n"
    f"{TASK_LINES[0]}\n"
    f"{TASK_LINES[1]}"
)
FRONT_MATTER = (
    ("revision", "revision: 0"),
    ("title", 'title: "Vision reading group 250310"'),
    ("category", "category: study"),
    ("tags", "tags:\n  - review\n  - distillation"),
    ("created_at", "created_at: 2025-03-10 19:05:00 +09:00"),
    ("last_modified_at", "last_modified_at: 2025-03-10 21:40:12 +09:00"),
    ("excerpt", 'excerpt: "논문 리뷰 - 0310"'),
)
PAPERS = {
    "Tiny Teachers": PaperInfo(id=1, title="Tiny Teachers", venue="CVPR 2024"),
    "Prompted Retrieval": PaperInfo(id=2, title="Prompted Retrieval", venue="ICLR 2025 spotlight"),
}


def _rows(body: str) -> dict:
    """The rows a save derives from ``body``, as SessionDetail holds them."""
    outline = derive(body, with_texts=True)
    presentations = tuple(
        PresentationInfo(
            id=n + 1,
            position=n,
            presenter=talk.presenter,
            paper=PAPERS.get(talk.paper.title) if talk.paper else None,
            heading_raw=talk.heading,
            notes=talk.notes,
            discussion=talk.discussion,
            duration_seconds=talk.duration_seconds,
            timebox_minutes=talk.timebox_minutes,
        )
        for n, talk in enumerate(outline.talks)
    )
    checklist = tuple(
        ChecklistItemInfo(
            id=n + 1,
            session_id=1,
            group="KD 스터디",
            position=n,
            task=task.fields,
            source_line=task.text,
        )
        for n, task in enumerate(outline.tasks)
    )
    return {"presentations": presentations, "checklist": checklist}


def _session(**changes) -> SessionDetail:
    body = changes.get("body", BODY)
    base = SessionDetail(
        id=1,
        title="Vision reading group 250310",
        date=dt.date(2025, 3, 10),
        start_time=None,
        timezone="+09:00",
        group="KD 스터디",
        kind="paper_review",
        status="held",
        tags=("review", "distillation"),
        attendees=("민수님", "서연님", "지호님"),
        absentees=("하늘님",),
        attendees_raw="참석: 민수님, 서연님, 지호님 (불참: 하늘님)",
        body=BODY,
        **_rows(body),
        front_matter_blocks=FRONT_MATTER,
        created_at=dt.datetime(2025, 3, 10, 10, 5, tzinfo=dt.UTC),
        updated_at=dt.datetime(2025, 3, 10, 21, 40, 12, tzinfo=KST),
    )
    return dataclasses.replace(base, **changes)


def _split(text: str) -> tuple[dict, str, str]:
    assert text.startswith("---\n")
    front, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(front), front, body


def _stored_lines(session: SessionDetail) -> list[str]:
    texts = [session.body, *(raw for _key, raw in session.front_matter_blocks)]
    return [line for text in texts for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("flavor", ["jekyll", "obsidian"])
def test_every_stored_line_is_in_the_output(flavor):
    session = _session()
    lines = render_markdown(session, flavor).split("\n")
    for line in _stored_lines(session):
        assert line in lines, f"lost {line!r}"


@pytest.mark.parametrize("flavor", FLAVORS)
def test_output_is_deterministic_and_tidy(flavor):
    session = _session()
    first = render_markdown(session, flavor)
    assert first == render_markdown(session, flavor)
    assert first.endswith("\n") and not first.endswith("\n\n")
    assert "\r" not in first and "\n\n\n" not in first
    assert all(line == line.rstrip() for line in first.split("\n"))


def test_front_matter_keeps_matching_user_blocks_in_their_order():
    data, front, _body = _split(render_markdown(_session()))
    assert front.startswith(
        'revision: 0\ntitle: "Vision reading group 250310"\ncategory: study\n'
        "tags:\n  - review\n  - distillation\ncreated_at: 2025-03-10 19:05:00 +09:00\n"
        "last_modified_at: 2025-03-10 21:40:12 +09:00\n"
        'excerpt: "논문 리뷰 - 0310"\n'
    )
    assert list(data)[7:] == [
        "date",
        "group",
        "kind",
        "status",
        "attendees",
        "absentees",
        "presenters",
        "papers",
        "layout",  # what a blog needs, after everything the note said
        "render_with_liquid",
    ]
    assert "created" not in data  # the user's created_at already carries it
    assert data["date"] == dt.date(2025, 3, 10)
    assert data["group"] == "KD 스터디"
    assert data["presenters"] == ["민수님", "서연님"]
    assert data["papers"] == ["Tiny Teachers", "Prompted Retrieval"]
    assert data["attendees"] == ["민수님", "서연님", "지호님"]
    assert data["absentees"] == ["하늘님"]
    assert "\\u" not in front  # Hangul stays readable


def test_changed_values_replace_only_their_own_blocks():
    session = _session(
        title="Vision: 리딩 #2",
        tags=("review",),
        updated_at=dt.datetime(2025, 3, 11, 8, 0, tzinfo=KST),
    )
    data, front, _body = _split(render_markdown(session))
    assert data["title"] == "Vision: 리딩 #2"
    assert data["tags"] == ["review"]
    assert data["last_modified_at"] == dt.datetime(2025, 3, 11, 8, 0, tzinfo=KST)
    assert "last_modified_at: 2025-03-11T08:00:00+09:00" in front
    assert 'excerpt: "논문 리뷰 - 0310"' in front and "revision: 0" in front
    assert front.index("title:") < front.index("category:")  # still in the user's place


def test_aliases_receive_our_value_under_the_users_key():
    blocks = (("Created", "Created: 2024-01-01"), ("lastmod", "lastmod: 2020-01-01T00:00:00Z"))
    session = _session(front_matter_blocks=blocks)
    data, _front, _body = _split(render_markdown(session))
    assert data["Created"] == dt.datetime(2025, 3, 10, 10, 5, tzinfo=dt.UTC)
    assert data["lastmod"] == dt.datetime(2025, 3, 10, 21, 40, 12, tzinfo=KST)
    assert "created" not in data and "last_modified_at" not in data


def test_canonical_keys_when_there_is_no_front_matter():
    session = _session(front_matter_blocks=(), start_time=dt.time(19, 0))
    data, front, _body = _split(render_markdown(session, "obsidian"))
    assert list(data) == [
        "title",
        "date",
        "group",
        "kind",
        "status",
        "tags",
        "attendees",
        "absentees",
        "presenters",
        "papers",
        "created",
        "last_modified_at",
    ]
    assert "date: 2025-03-10 19:00:00 +09:00\n" in front
    assert "created: 2025-03-10T10:05:00+00:00\n" in front
    assert data["date"] == dt.datetime(2025, 3, 10, 19, 0, tzinfo=KST)


def test_date_block_with_another_time_is_rewritten():
    blocks = (("date", "date: 2025-03-10 18:00:00 +09:00"),)
    session = _session(front_matter_blocks=blocks, start_time=dt.time(19, 0))
    assert "date: 2025-03-10 19:00:00 +09:00\n" in render_markdown(session)
    kept = _session(
        front_matter_blocks=(("date", "date: 2025-03-10 19:00:00 +0900"),),
        start_time=dt.time(19, 0),
    )
    assert "date: 2025-03-10 19:00:00 +0900\n" in render_markdown(kept)


@pytest.mark.parametrize(
    "title",
    [
        "a: b #c",
        "- dash",
        "'quoted'",
        "yes",
        "2024",
        "null",
        "[bracket]",
        "{brace}",
        "여러 줄\n제목",
        "@at",
        "%pct",
    ],
)
def test_titles_that_need_quoting_read_back(title):
    data, _front, _body = _split(render_markdown(_session(title=title, front_matter_blocks=())))
    assert data["title"] == title


def test_json_and_broken_blocks_still_give_valid_yaml():
    blocks = (
        ("dg-publish", '"dg-publish":true'),
        ("permalink", '"permalink":"/projects/seg/24-12-03/"'),
        ("broken", "broken: [unclosed"),
        ("aliases", "aliases:\n  - 0310 스터디"),
    )
    data, front, _body = _split(render_markdown(_session(front_matter_blocks=blocks), "obsidian"))
    assert data["dg-publish"] is True
    assert data["permalink"] == "/projects/seg/24-12-03/"
    assert data["aliases"] == ["0310 스터디"]
    assert "# broken: [unclosed" in front
    assert "aliases:\n  - 0310 스터디\n" in front


def test_tags_in_another_order_are_the_same_tags():
    session = _session(tags=("distillation", "review"))
    assert "tags:\n  - review\n  - distillation\n" in render_markdown(session)
    fewer = render_markdown(_session(tags=("review",)))
    assert "tags:\n- review\n" in fewer and "distillation" not in fewer


def test_jekyll_tags_written_as_a_string_are_kept():
    blocks = (("tags", "tags: [Boostcamp, daily report]"), ("layout", "layout: post"))
    session = _session(front_matter_blocks=blocks, tags=("Boostcamp", "daily report"))
    assert "tags: [Boostcamp, daily report]\nlayout: post\n" in render_markdown(session)


def test_body_is_written_as_stored_in_its_order():
    body = render_body(_session())
    assert body == BODY + "\n"
    assert not body.startswith("# Vision")  # the title is in the front matter only
    order = [
        "# 0310 리딩 그룹",
        "참석:",
        "오늘은",
        "## 민수님 논문",
        "> 교사-학생",
        "## 서연님 논문",
        "# 다음 주",
        "- [ ] 민수님",
    ]
    positions = [body.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "> 교사-학생 용량 차이가 클 때도 같은 결론이 나올지?\n>\n> 적용?" in body


def test_markdown_is_front_matter_a_blank_line_and_the_body():
    text = render_markdown(_session())
    _data, front, body = _split(text)
    assert body == "\n" + BODY + "\n"
    assert text == f"---\n{front}\n---\n{body}"


@pytest.mark.parametrize("flavor", ["jekyll", "obsidian"])
def test_export_reads_back_as_the_same_body_and_structure(flavor):
    session = _session()
    note = parse_note(render_markdown(session, flavor), file_name="x.md", known_people=())
    assert note.body == BODY
    assert [p.heading_raw for p in note.presentations] == [
        p.heading_raw for p in session.presentations
    ]
    assert [(p.notes, p.discussion) for p in note.presentations] == [
        (p.notes, p.discussion) for p in session.presentations
    ]
    assert [t.source_line for t in note.tasks] == list(TASK_LINES)
    assert note.attendees_raw == session.attendees_raw


def test_rows_do_not_rewrite_the_body():
    """Talks and to-dos are read from the body; the exporter writes no line of its own."""
    session = _session(
        presentations=(
            PresentationInfo(
                id=9,
                position=0,
                presenter="Alice",
                paper=PaperInfo(id=9, title="Elsewhere", venue="ICML 2024"),
                notes="not in the body",
                duration_seconds=60,
            ),
        ),
        checklist=(),
        attendees=("Bob",),
        absentees=(),
    )
    body = render_body(session)
    assert body == BODY + "\n"
    assert "Alice" not in body and "⏱" not in body and "Attendees" not in body
    for line in TASK_LINES:
        assert line in body.split("\n")


def test_attendance_line_is_kept_as_written():
    # Whatever the rows say, the body's own line is what the user wrote.
    stale = _session(attendees=("민수님",), absentees=("서연님", "지호님", "하늘님"))
    assert "\n참석: 민수님, 서연님, 지호님 (불참: 하늘님)\n" in render_body(stale)
    assert "Attendees" not in render_body(stale)


def test_done_task_lines_are_written_as_the_body_has_them():
    done = TASK_LINES[0] + " ✅ 2025-03-16"
    body = BODY.replace(TASK_LINES[0], done.replace("- [ ]", "- [x]"))
    text = render_body(_session(body=body))
    assert "- [x] 민수님: Mixture of Depths 읽어오기 📅 2025-03-17 ✅ 2025-03-16\n" in text
    assert TASK_LINES[0] not in text and TASK_LINES[1] in text


def test_obsidian_embeds_only_the_sessions_own_images():
    body = "# 0310\n\n![](slide.png) ![](other.png)\n![alt](slide.png)\n`![](slide.png)`"
    session = _session(body=body, attachments=("slide.png",))
    obsidian = render_body(session, "obsidian")
    assert obsidian.split("\n")[2:4] == ["![[slide.png]] ![](other.png)", "![[slide.png]]"]
    assert render_body(_session(body=body), "obsidian") == body + "\n"  # no attachments
    # A blog serves the session's images from its assets; code stays as written.
    jekyll = render_body(session, "jekyll").split("\n")
    assert jekyll[2].startswith("![](/assets/2025-03-10-") and "![](other.png)" in jekyll[2]
    assert jekyll[4] == "`![](slide.png)`"


def test_wikilink_is_reexported():
    assert wikilink("민수님") == "[[민수님]]"
    assert wikilink("a|b#c") == "[[a b c]]"


def test_mostly_hangul():
    assert mostly_hangul("logit 대신 중간 feature의 각도를 맞추는 손실")
    assert not mostly_hangul("Retrieval quality saturates after 1B tokens 정도")
    assert not mostly_hangul("")


def test_body_is_verbatim_and_an_open_fence_is_closed():
    body = "\n\n  indented line  \n\n\n```python\nprint('## not a heading')\n\n"
    text = render_body(_session(body=body))
    assert text == "  indented line  \n\n\n```python\nprint('## not a heading')\n```\n"


def test_empty_session_has_only_front_matter():
    session = _session(
        attendees=(),
        absentees=(),
        attendees_raw=None,
        body="",
        front_matter_blocks=(),
        tags=(),
        created_at=None,
        updated_at=None,
    )
    assert render_body(session) == "" and render_body(_session(body="\n \n\t\n")) == ""
    text = render_markdown(session)
    assert text.endswith("\n---\n")
    data, _front, _body = _split(text + "\n")
    assert data["tags"] == [] and data["presenters"] == [] and "created" not in data


def test_unknown_flavor_names_the_valid_ones():
    with pytest.raises(ExportError, match="jekyll, obsidian, html"):
        render_markdown(_session(), "hugo")
    with pytest.raises(ExportError, match="jekyll, obsidian, html"):
        render_body(_session(), "hugo")


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=150, deadline=None)
@given(
    title=_TEXT,
    group=_TEXT,
    tags=st.lists(_TEXT, max_size=4),
    body=_TEXT,
    people=st.lists(_TEXT.filter(str.strip), max_size=3),
)
def test_any_text_gives_front_matter_that_reads_back(title, group, tags, body, people):
    session = _session(
        title=title,
        group=group,
        tags=tuple(tags),
        body=body,
        attendees=tuple(people),
        absentees=(),
        attendees_raw=None,
        front_matter_blocks=(),
    )
    text = render_markdown(session, "obsidian")
    data, _front, _body = _split(text)
    assert (data["title"], data["group"], data["tags"]) == (title, group, tags)
    assert data.get("attendees", []) == [wikilink(person) for person in people]
    blog, _front, _body = _split(render_markdown(session))
    assert (blog["title"], blog["group"], blog["tags"]) == (title, group, tags)
    assert blog.get("attendees", []) == list(people)
    assert (blog["layout"], blog["render_with_liquid"]) == ("post", False)
    assert text == render_markdown(session, "obsidian")
    lines = text.split("\n")
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        assert not line.strip() or line in lines


_LINE = st.sampled_from(
    [
        "# 0310",
        "## Alice: X (ICML 2024)",
        "⏱ 01:00 / 20:00",
        "> q",
        ">",
        "- [ ] a 📅 2025-01-01",
        "- [x] b ✅ 2025-01-02",
        "Attendees: Alice (absent: Eve)",
        "  indented  ",
        "",
        " ",
        "```",
        "~~~",
        "text",
        "---",
        "민수님 발표",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINE, max_size=20).map("\n".join))
def test_any_body_reads_back_as_written(body):
    text = render_markdown(_session(body=body, front_matter_blocks=()), "obsidian")
    note = parse_note(text, file_name="x.md")
    assert note.body == verbatim(body)
    # A blog post reads back as the same lines; a line end may carry a hard break and a
    # blank line may separate blocks.
    blog = render_markdown(_session(body=body, front_matter_blocks=()))
    post = parse_note(blog, file_name="x.md")
    assert [line.rstrip() for line in post.body.split("\n") if line.strip()] == [
        line.rstrip() for line in verbatim(body).split("\n") if line.strip()
    ]
    if "```" not in body and "~~~" not in body:  # else an open fence was closed
        assert note.body == "\n".join(_trim(body.split("\n")))


def _trim(lines):
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def test_timing_line_stays_under_the_talk_heading():
    body = BODY.replace("(CVPR 2024)\n\n1. 교사", "(CVPR 2024)\n\n⏱ 18:30 / 20:00\n\n1. 교사")
    session = _session(body=body)
    text = render_body(session)
    assert "## 민수님 논문 - Tiny Teachers (CVPR 2024)\n\n⏱ 18:30 / 20:00\n\n1. 교사" in text
    assert text.count("⏱") == 1
    first, second = session.presentations
    assert (first.duration_seconds, first.timebox_minutes) == (18 * 60 + 30, 20)
    assert second.duration_seconds is None
    assert "⏱" not in first.notes


def test_obsidian_links_people_papers_and_the_previous_meeting():
    text = render_markdown(_session(), "obsidian", previous="2025-03-03-0303-리딩-그룹")
    data, _front, body = _split(text)
    assert data["attendees"] == ["[[민수님]]", "[[서연님]]", "[[지호님]]"]
    assert data["absentees"] == ["[[하늘님]]"]
    assert all(name.startswith("[[") and name.endswith("]]") for name in data["presenters"])
    assert all(title.startswith("[[") for title in data["papers"]) and data["papers"]
    assert data["previous"] == "[[2025-03-03-0303-리딩-그룹]]"
    assert body.strip("\n") == BODY.strip("\n")  # the note's own lines are not touched
    # Other flavors name people and papers plainly, and link nothing.
    plain, _, _ = _split(render_markdown(_session(), "jekyll", previous="x"))
    assert plain["attendees"] == ["민수님", "서연님", "지호님"] and "previous" not in plain


def test_a_link_target_holds_nothing_obsidian_refuses_in_a_file_name():
    assert wikilink('DistiLLM: Towards a/b "x"?') == "[[DistiLLM Towards a b x]]"
