import dataclasses
import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.dto import ChecklistItemInfo, PaperInfo, PresentationInfo, SessionDetail
from studyapp.core.errors import ExportError
from studyapp.core.markdown.exporter import (
    FLAVORS,
    attendance_matches,
    mostly_hangul,
    render_body,
    render_markdown,
)
from studyapp.core.markdown.headings import parse_presentation_heading
from studyapp.core.tasks import TaskFields, parse_task_line

KST = dt.timezone(dt.timedelta(hours=9))

TASK_LINES = (
    "- [ ] 민수님: Mixture of Depths 읽어오기 📅 2025-03-17",
    "- [x] 발표 순서 정하기 ✅ 2025-03-10",
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


def _items(lines=TASK_LINES):
    return tuple(
        ChecklistItemInfo(
            id=i + 1,
            session_id=1,
            group="KD 스터디",
            position=i,
            task=parse_task_line(line),
            source_line=line,
        )
        for i, line in enumerate(lines)
    )


def _session(**changes) -> SessionDetail:
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
        notes="# 0310 리딩 그룹\n\n오늘은 세 편을 읽었다.\n",
        presentations=(
            PresentationInfo(
                id=1,
                position=0,
                presenter="민수님",
                paper=PaperInfo(id=1, title="Tiny Teachers", venue="CVPR 2024"),
                heading_raw="## 민수님 논문 - Tiny Teachers (CVPR 2024)",
                notes="1. 교사 모델이 작아도 학생 성능이 유지되는 조건\n2. 실험은 ImageNet-1k",
                discussion="교사-학생 용량 차이가 클 때도 같은 결론이 나올지?\n\n적용?",
            ),
            PresentationInfo(
                id=2,
                position=1,
                presenter="서연님",
                paper=PaperInfo(id=2, title="Prompted Retrieval", venue="ICLR 2025 spotlight"),
                heading_raw="## 서연님 논문 - Prompted Retrieval (ICLR 2025 spotlight)",
                notes="1. 검색된 상위 K 문서를 프롬프트에 같이 넣어 환각을 줄임",
            ),
        ),
        checklist=_items(),
        checklist_heading="# 다음 주",
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
    texts = [session.notes, session.attendees_raw or "", session.checklist_heading or ""]
    texts += [raw for _key, raw in session.front_matter_blocks]
    texts += [item.source_line or "" for item in session.checklist]
    for presentation in session.presentations:
        texts += [presentation.heading_raw or "", presentation.notes]
        texts += [f"> {line}" for line in presentation.discussion.split("\n")]
    return [line for text in texts for line in text.split("\n") if line.strip() not in {"", ">"}]


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
    data, front, _body = _split(render_markdown(session))
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


def test_body_has_no_title_heading_and_blocks_in_order():
    body = render_body(_session())
    assert not body.startswith("# Vision")
    assert body.startswith("# 0310 리딩 그룹\n\n참석: 민수님, 서연님, 지호님 (불참: 하늘님)\n\n")
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


def test_imported_headings_are_not_followed_by_a_paper_line():
    body = render_body(_session())
    assert "Tiny Teachers" not in body.replace("## 민수님 논문 - Tiny Teachers (CVPR 2024)", "")


def test_canonical_headings_and_paper_lines():
    paper = PaperInfo(
        id=7, title="Scaling Laws for Retrieval", venue="arXiv 2501.01234", arxiv_id="2501.01234"
    )
    presentations = (
        PresentationInfo(id=1, position=0, presenter="Alice", paper=paper),
        PresentationInfo(id=2, position=1, presenter="Bob", paper=None, notes="project update"),
        PresentationInfo(id=3, position=2, presenter=None, paper=None),
        PresentationInfo(
            id=4, position=3, presenter=None, paper=PaperInfo(id=8, title="Model Soups")
        ),
    )
    session = _session(presentations=presentations)
    jekyll = render_body(session, "jekyll")
    # The paper's link sits in the heading, so no extra line reads back as notes.
    assert (
        "## Alice: [Scaling Laws for Retrieval](https://arxiv.org/abs/2501.01234)"
        " (arXiv 2501.01234)\n" in jekyll
    )
    assert "## Presentation by Bob\n\nproject update" in jekyll
    assert "## Presentation 3\n" in jekyll
    assert "## Presentation 4: Model Soups\n" in jekyll
    obsidian = render_body(session, "obsidian")
    assert (
        "## [[Alice]]: [Scaling Laws for Retrieval](https://arxiv.org/abs/2501.01234)"
        " (arXiv 2501.01234)" in obsidian
    )
    assert "## Presentation by [[Bob]]" in obsidian
    assert "## Presentation 4: [[Model Soups]]" in obsidian
    for text in (jekyll, obsidian):
        headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
        parsed = [
            parse_presentation_heading(h) for h in headings if h.startswith(("[[A", "A", "P"))
        ]
        assert [(p[0], p[1] and p[1].title) for p in parsed if p] == [
            ("Alice", "Scaling Laws for Retrieval"),
            ("Bob", None),
            (None, None),
            (None, "Model Soups"),
        ]


def test_attendance_line_verbatim_or_rebuilt():
    assert "\n참석: 민수님, 서연님, 지호님 (불참: 하늘님)\n" in render_body(_session())
    stale = _session(attendees=("민수님",), absentees=("서연님", "지호님", "하늘님"))
    assert "\nAttendees: 민수님 (absent: 서연님, 지호님, 하늘님)\n" in render_body(stale)
    wiki = render_body(_session(attendees_raw=None, notes="no title heading"), "obsidian")
    assert wiki.startswith(
        "Attendees: [[민수님]], [[서연님]], [[지호님]] (absent: [[하늘님]])\n\nno title heading\n"
    )
    nobody = render_body(_session(attendees=(), absentees=(), attendees_raw=None))
    assert "Attendees" not in nobody


@pytest.mark.parametrize(
    ("raw", "present", "absent", "expected"),
    [
        (
            "Attendees: Alice, Bob, Chen, Dana (absent: Eve)",
            ("Alice", "Bob", "Chen", "Dana"),
            ("Eve",),
            True,
        ),
        ("Attendees: Alice, Bob (absent: Eve)", ("Alice",), ("Eve",), False),
        ("Attendees: Alice, Bob (absent: Eve)", ("Alice", "Bob", "Eve"), (), False),
        ("**참석자**: 민수님, 서연님; 불참: 지호님", ("서연님", "민수님"), ("지호님",), True),
        ("Attendees: Alice and Bob", ("Alice", "Bob"), (), True),
        ("Attendees: Alice, Al", ("Alice",), (), False),
        ("Attendees: [[Alice]] (absent: [[Eve]])", ("Alice",), ("Eve",), True),
        ("Present: the results of the ablation", (), (), False),
    ],
)
def test_attendance_matches(raw, present, absent, expected):
    assert attendance_matches(raw, present, absent) is expected


def test_checklist_lines_use_the_source_line_only_while_accurate():
    done = dataclasses.replace(
        _items()[0],
        task=dataclasses.replace(_items()[0].task, done=True, done_date=dt.date(2025, 3, 16)),
    )
    session = _session(checklist=(done, _items()[1]))
    body = render_body(session)
    assert "- [x] 민수님: Mixture of Depths 읽어오기 📅 2025-03-17 ✅ 2025-03-16" in body
    assert TASK_LINES[0] not in body
    assert TASK_LINES[1] in body


def test_checklist_heading_defaults_by_language():
    korean = _session(checklist_heading=None)
    assert "\n## 할 일\n\n- [ ] 민수님" in render_body(korean)
    english = _session(
        checklist_heading=None,
        notes="We read three papers today.",
        presentations=(),
        checklist=(
            ChecklistItemInfo(
                id=1,
                session_id=1,
                group="g",
                position=0,
                task=TaskFields(text="send slides", assignee="Alice"),
            ),
        ),
    )
    assert render_body(english).endswith("## Action items\n\n- [ ] Alice: send slides\n")
    assert "할 일" not in render_body(_session(checklist=(), checklist_heading=None))


def test_mostly_hangul():
    assert mostly_hangul("logit 대신 중간 feature의 각도를 맞추는 손실")
    assert not mostly_hangul("Retrieval quality saturates after 1B tokens 정도")
    assert not mostly_hangul("")


def test_notes_are_verbatim_and_an_open_fence_is_closed():
    notes = "  indented line  \n\n\n```python\nprint('## not a heading')"
    body = render_body(_session(notes=notes))
    assert "  indented line  \n\n\n```python\nprint('## not a heading')\n```\n\n## 민수님" in body


def test_empty_session_has_only_front_matter():
    session = _session(
        attendees=(),
        absentees=(),
        attendees_raw=None,
        notes="",
        presentations=(),
        checklist=(),
        checklist_heading=None,
        front_matter_blocks=(),
        tags=(),
        created_at=None,
        updated_at=None,
    )
    text = render_markdown(session)
    assert text.endswith("\n---\n")
    data, _front, _body = _split(text + "\n")
    assert data["tags"] == [] and data["presenters"] == [] and "created" not in data


def test_unknown_flavor_names_the_valid_ones():
    with pytest.raises(ExportError, match="jekyll, obsidian, html"):
        render_markdown(_session(), "hugo")


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=150, deadline=None)
@given(
    title=_TEXT,
    group=_TEXT,
    tags=st.lists(_TEXT, max_size=4),
    notes=_TEXT,
    people=st.lists(_TEXT.filter(str.strip), max_size=3),
)
def test_any_text_gives_front_matter_that_reads_back(title, group, tags, notes, people):
    session = _session(
        title=title,
        group=group,
        tags=tuple(tags),
        notes=notes,
        attendees=tuple(people),
        absentees=(),
        attendees_raw=None,
        front_matter_blocks=(),
    )
    text = render_markdown(session)
    data, _front, _body = _split(text)
    assert (data["title"], data["group"], data["tags"]) == (title, group, tags)
    assert data.get("attendees", []) == list(people)
    assert text == render_markdown(session)
    lines = text.split("\n")
    for line in notes.replace("\r", "\n").split("\n"):
        assert not line.strip() or line in lines


# -- slot timing line ------------------------------------------------------------------------


def _timed(duration, timebox=None):
    first, second = _session().presentations
    timed = dataclasses.replace(first, duration_seconds=duration, timebox_minutes=timebox)
    return _session(presentations=(timed, second))


def test_timing_line_follows_the_slot_heading():
    body = render_body(_timed(18 * 60 + 30, 20))
    assert "## 민수님 논문 - Tiny Teachers (CVPR 2024)\n\n⏱ 18:30 / 20:00\n\n1. 교사" in body
    assert body.count("⏱") == 1  # the untimed slot has none


@pytest.mark.parametrize(
    ("duration", "timebox", "line"),
    [
        (0, None, "⏱ 00:00 / 20:00"),  # no time box of its own: the default
        (65, 5, "⏱ 01:05 / 05:00"),
        (3600 + 62, 90, "⏱ 1:01:02 / 1:30:00"),
    ],
)
def test_timing_line_format(duration, timebox, line):
    assert f"\n{line}\n" in render_body(_timed(duration, timebox))


def test_untimed_slot_has_no_timing_line():
    assert "⏱" not in render_body(_timed(None, 25))
