"""A session as a Jekyll post: title, line breaks, blocks, embeds, Liquid, and back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.markdown.jekyll import (
    LIQUID_RAW,
    JekyllOptions,
    as_written,
    jekyll_body,
    raw_wrapped,
)

OPTIONS = JekyllOptions()


def _post(text: str, *, images=(), title="모임", options=OPTIONS):
    return jekyll_body(
        text, title=title, images=images, post_stem="2025-03-17-모임", options=options
    )


def test_the_title_heading_is_left_to_the_layout():
    assert _post("# 모임\n\n본문").body == "본문"
    assert _post("# 다른 제목\n\n본문").body == "# 다른 제목\n\n본문"


def test_single_line_breaks_are_kept_and_blocks_are_left_alone():
    body = _post("  • 붙여넣은 줄\n  • 줄바꿈\n\n- a\n- b\n> q\n> q2\n| a | b |\n|---|---|").body
    assert body.split("\n")[:2] == ["  • 붙여넣은 줄  ", "  • 줄바꿈"]
    assert "- a\n- b" in body  # list items are their own lines already
    assert "> q  \n> q2" in body
    assert "| a | b |\n|---|---|" in body
    soft = _post("a\nb", options=JekyllOptions(line_breaks=False)).body
    assert soft == "a\nb"


def test_a_heading_fence_or_quote_right_under_a_list_item_starts_its_own_block():
    body = _post("- a\n```\n# code\n```\nafter\n> q\n## h\ntext").body
    assert body == "- a\n\n```\n# code\n```\n\nafter\n\n> q\n\n## h\ntext"


def test_embeds_become_the_blogs_images_and_are_kept_as_written():
    post = _post(
        "![[slide.png|480]] ![[IMG_1.heic]]\n![[gone.png]] ![[Other note]]\n`![[x.png]]`",
        images=("slide.png", "IMG_1.heic"),
    )
    first, second, code = post.body.split("\n")
    assert first.startswith('![slide.png](/assets/2025-03-17-모임/slide.png){: .embed width="480"}')
    assert "[image: IMG_1.heic](/assets/2025-03-17-모임/IMG_1.heic){: .embed}" in first
    assert second.startswith("*\\[image not found: gone.png\\]*{: .embed}")
    assert "*\\[embedded: Other note\\]*{: .embed}" in second
    assert code == "`![[x.png]]`"
    assert post.embeds == (
        "![[slide.png|480]]",
        "![[IMG_1.heic]]",
        "![[gone.png]]",
        "![[Other note]]",
    )
    assert as_written(post.body, post.embeds).split("\n") == [
        "![[slide.png|480]] ![[IMG_1.heic]]  ",
        "![[gone.png]] ![[Other note]]  ",
        "`![[x.png]]`",
    ]


def test_raw_mode_wraps_and_reads_back():
    text = "{{ x }} {% endraw %} {%- endraw -%}"
    post = _post(text, options=JekyllOptions(liquid=LIQUID_RAW))
    assert post.body == raw_wrapped(text)
    assert as_written(post.body) == text
    assert JekyllOptions(liquid=LIQUID_RAW).front_matter() == {"layout": "post"}
    assert OPTIONS.front_matter() == {"layout": "post", "render_with_liquid": False}


_LINES = st.lists(
    st.sampled_from(
        [
            "text",
            "  • 줄",
            "- item",
            "> quote",
            "## 제목",
            "```",
            "![[a.png|30]]",
            "![[b.heic]]",
            "{% endraw %}",
            "{{ x }}",
            "",
            "| a |",
        ]
    ),
    max_size=15,
).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(_LINES, st.sampled_from(["front matter", LIQUID_RAW]))
def test_a_post_reads_back_as_the_notes_lines(text, liquid):
    options = JekyllOptions(liquid=liquid)
    post = _post(text, images=("a.png", "b.heic"), options=options)
    back = as_written(post.body, post.embeds)
    written = [line.rstrip() for line in text.split("\n") if line.strip()]
    assert [line.rstrip() for line in back.split("\n") if line.strip()] == written


def test_a_front_matter_list_studyapp_did_not_write_is_left_alone():
    from studyapp.core.markdown.parser import parse_note

    text = '---\nobsidian_embeds: ["![[a.png]]", 7]\n---\n![x](/a.png){: .embed}\n'
    note = parse_note(text, file_name="q.md")
    assert note.body == "![x](/a.png){: .embed}"
    assert [key for key, _ in note.front_matter.blocks] == ["obsidian_embeds"]
