"""Front matter: YAML or JSON between --- fences, kept key by key, never losing a line."""

import datetime as dt

from studyapp.core.markdown.frontmatter import (
    dump_key,
    guess_kind,
    names_value,
    split_front_matter,
    status_value,
    tags_value,
)


def test_yaml_blocks_keep_raw_lines_in_order():
    text = (
        '---\n# leading comment\ntitle: "Vision 250310"\ntags:\n  - review  # kd\n'
        "  - distillation\n\ncreated_at: 2025-03-10 19:05:00 +09:00\n---\n\n# Body\n"
    )
    front, body, warnings = split_front_matter(text)
    assert warnings == []
    assert front.format == "yaml"
    assert body == "\n# Body\n"
    assert [key for key, _ in front.blocks] == ["title", "tags", "created_at"]
    assert front.blocks[0][1] == '# leading comment\ntitle: "Vision 250310"'
    assert front.blocks[1][1] == "tags:\n  - review  # kd\n  - distillation\n"
    # Joined back, the blocks are the front matter byte for byte.
    assert "\n".join(raw for _, raw in front.blocks) == text.split("---\n")[1].rstrip("\n")
    assert front.data["tags"] == ["review", "distillation"]
    created = front.data["created_at"]
    assert isinstance(created, dt.datetime) and created.utcoffset() == dt.timedelta(hours=9)


def test_json_front_matter():
    text = (
        '---\n{"dg-publish":true,"permalink":"/projects/seg/24-12-03/","tags":["a","b"]}\n---\nbody'
    )
    front, body, warnings = split_front_matter(text)
    assert (front.format, body, warnings) == ("json", "body", [])
    assert front.data == {
        "dg-publish": True,
        "permalink": "/projects/seg/24-12-03/",
        "tags": ["a", "b"],
    }
    assert front.blocks == [
        ("dg-publish", "dg-publish: true"),
        ("permalink", "permalink: /projects/seg/24-12-03/"),
        ("tags", "tags: [a, b]"),
    ]


def test_flow_yaml_mapping_is_reserialised():
    front, _, _ = split_front_matter("---\n{title: x, date: 2025-01-02}\n---\n")
    assert front.format == "yaml"
    assert front.blocks == [("title", "title: x"), ("date", "date: 2025-01-02")]


def test_dots_close_and_empty_front_matter():
    front, body, _ = split_front_matter("---\ntitle: a\n...\nrest")
    assert front.data == {"title": "a"} and body == "rest"
    front, body, warnings = split_front_matter("---\n---\nrest")
    assert (front.format, front.data, body, warnings) == ("yaml", {}, "rest", [])


def test_no_front_matter():
    for text in ["# Title\n---\nx", "", "  ---\ntitle: x\n---\n", "text"]:
        front, body, warnings = split_front_matter(text)
        assert (front.format, body, warnings) == ("none", text, [])


def test_malformed_yaml_is_kept_as_a_code_block():
    text = "---\ntitle: [unclosed\ntags: : :\n---\n본문 한 줄\n"
    front, body, warnings = split_front_matter(text)
    assert front.format == "none"
    assert len(warnings) == 1 and "not valid YAML" in warnings[0] and "kept as text" in warnings[0]
    assert "line " in warnings[0]
    assert body == "```text\n---\ntitle: [unclosed\ntags: : :\n---\n```\n본문 한 줄\n"


def test_malformed_block_with_backticks_gets_a_longer_fence():
    text = "---\ntitle: x\n```\nbad: [\n---\nbody"
    _, body, warnings = split_front_matter(text)
    assert warnings and body.startswith("````text\n---\n") and "\n````\nbody" in body


def test_a_list_between_rules_is_body_but_a_broken_mapping_warns():
    text = "---\n- a: 1\n- b\n---\nx"
    assert split_front_matter(text)[1:] == (text, [])
    _, body, warnings = split_front_matter("---\ntitle: x\n- b\n---\nx")
    assert warnings and "title: x\n- b" in body


def test_horizontal_rules_around_prose_are_just_body():
    text = "---\n\nSome prose here\n\n---\nMore text"
    front, body, warnings = split_front_matter(text)
    assert (front.format, body, warnings) == ("none", text, [])
    text = "---\nA setext heading\n---\n"
    assert split_front_matter(text) == (split_front_matter(text)[0], text, [])


def test_unclosed_front_matter():
    text = "---\ntitle: x\ndate: 2025-01-01\n\n# Body\ntext"
    front, body, warnings = split_front_matter(text)
    assert front.format == "none" and warnings and "closing" in warnings[0]
    assert body == "```text\n---\ntitle: x\ndate: 2025-01-01\n```\n\n# Body\ntext"
    text = "---\n\nJust a rule then text"
    assert split_front_matter(text)[1:] == (text, [])


def test_impossible_date_is_kept_as_text():
    front, _, warnings = split_front_matter("---\ndate: 2025-02-30\n---\n")
    assert warnings == [] and front.data == {"date": "2025-02-30"}


def test_non_string_keys_become_text():
    front, _, _ = split_front_matter("---\n2025: year\ntrue: yes\n---\n")
    assert set(front.data) == {"2025", "true"}


def test_dump_key():
    assert dump_key("dg-publish", True) == "dg-publish: true"
    assert dump_key("tags", ["a", "b"]) == "tags: [a, b]"
    assert dump_key("title", "한글: 제목") == "title: '한글: 제목'"


def test_values():
    assert tags_value(["#review", "distillation", "review"]) == ["review", "distillation"]
    assert tags_value("a, b ,#c") == ["a", "b", "c"]
    assert tags_value("#a #b") == ["a", "b"]
    assert tags_value(None) == [] and tags_value({"x": 1}) == []
    assert names_value("민수, 서연 / 지호") == ["민수", "서연", "지호"]
    assert names_value(["[[Alice]]", "@Bob"]) == ["Alice", "Bob"]
    assert status_value("Done") == "held" and status_value("취소") == "cancelled"
    assert status_value("maybe") is None and status_value(None) is None


def test_kind():
    assert guess_kind({"kind": "Peer-Session"}, "x", [], [], False) == "peer session"
    assert guess_kind({"type": "post"}, "Weekly paper club", [], [], False) == "paper review"
    assert guess_kind({}, "24-12-03", [], ["멘토링", "최신 논문 소개"], False) == "mentoring"
    assert guess_kind({}, "conference-2024-fall", [], [], False) == "conference"
    assert guess_kind({"category": "lecture"}, "x", [], [], False) == "lecture"
    assert guess_kind({}, "x", ["피어세션"], [], False) == "peer session"
    assert guess_kind({}, "x", [], ["Intro"], True) == "paper review"
    assert guess_kind({}, "x", [], ["Intro"], False) == "other"
