"""Preview and HTML read like the note did: line breaks kept, Obsidian embeds resolved."""

from __future__ import annotations

from studyapp.core.markdown.html import render_fragment

BLOG = """\
## 참고
  • Obsidian에서 붙여넣은 줄
  • 줄바꿈이 그대로 보여야 함
![[slide-0317.png]]
"""


def test_single_line_breaks_stay_line_breaks():
    html = render_fragment(BLOG, ["slide-0317.png"])
    assert "• Obsidian에서 붙여넣은 줄<br>\n  • 줄바꿈이 그대로 보여야 함<br>" in html


def test_an_embed_of_the_sessions_image_is_the_image():
    html = render_fragment(BLOG, ["slide-0317.png"])
    assert '<img alt="slide-0317.png" src="slide-0317.png">' in html
    assert "![[" not in html


def test_an_embed_with_a_width_and_a_folder():
    html = render_fragment("![[attachments/fig3.png|480]]", ["fig3.png"])
    assert '<img alt="fig3.png" src="fig3.png" width="480">' in html


def test_an_embed_of_a_missing_file_is_a_named_placeholder_never_literal_text():
    html = render_fragment("![[IMG_8158.heic]] and ![[Other note]]", [])
    assert "<em>[image not found: IMG_8158.heic]</em>" in html
    assert "<em>[embedded: Other note]</em>" in html
    assert "![[" not in html


def test_an_image_a_browser_cannot_show_is_named():
    html = render_fragment("![[IMG_8158.heic]]", ["IMG_8158.heic"])
    assert "<em>[image: IMG_8158.heic]</em>" in html


def test_wikilinks_show_their_alias_or_name():
    html = render_fragment("See [[Other note|that note]] and [[민수님]].", [])
    assert "<u>that note</u>" in html and "<u>민수님</u>" in html


def test_code_keeps_embeds_as_written():
    html = render_fragment("`![[x.png]]`\n\n```\n![[y.png]]\n```\n", ["x.png", "y.png"])
    assert "<code>![[x.png]]</code>" in html and "![[y.png]]" in html
    assert "<img" not in html
