"""The jekyll flavor on a real, stock Jekyll blog: `studyapp publish` into a site from
`jekyll new`, then `jekyll build`. Needs Debian's jekyll and jekyll-theme-minima (CI installs
them); skipped, loudly, where they are missing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pytest

from studyapp.core.markdown.jekyll import raw_wrapped

SHARED_SAMPLES = Path(__file__).parents[3] / "shared" / "samples"
SAMPLES = Path(__file__).parents[1] / "fixtures" / "samples"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)

LIQUID_NOTE = """\
# 프롬프트 템플릿 스터디

2025-04-01

Jinja fills in {{ model.output }} after the call; {% raw %} alone, then a lone {% here.
A loop: {% for x in items %}{{ x }}{% endfor %} and {% url "home" %}, {%- endraw -%} too.
Inline `{{ code }}` and:

```jinja
{% if user %}Hello {{ user.name }}{% endif %}
{% endraw %}
```

![[prompt-flow.png|480]]
![[missing-photo.heic]]
![[Some other note]]
"""

ENGLISH_NOTE = """\
---
title: "Reading group: {{ not a variable }}"
date: 2025-04-08
---
## Alice: Tiny Teachers (CVPR 2024)
Small teachers
can still teach.
"""

VERBATIM = [
    "{{ model.output }}",
    "{% raw %} alone, then a lone {% here.",
    '{% for x in items %}{{ x }}{% endfor %} and {% url "home" %}, {%- endraw -%} too.',
    "{{ code }}",
    "{% if user %}Hello {{ user.name }}{% endif %}",
    "{% endraw %}",
]


def _jekyll() -> str:
    found = shutil.which("jekyll")
    if found is None:
        message = "jekyll is not installed (apt-get install jekyll jekyll-theme-minima)"
        if os.environ.get("STUDYAPP_REQUIRE_JEKYLL"):
            pytest.fail(message)
        warnings.warn(f"SKIPPING the Jekyll blog build: {message}", stacklevel=2)
        pytest.skip(message)
    return found


@pytest.fixture
def site(tmp_path) -> Path:
    jekyll = _jekyll()
    subprocess.run(
        [jekyll, "new", "--skip-bundle", str(tmp_path / "blog")],
        check=True,
        capture_output=True,
        timeout=300,
    )
    blog = tmp_path / "blog"
    (blog / "Gemfile").unlink(missing_ok=True)  # the distribution's gems, not bundler's
    for post in (blog / "_posts").iterdir():
        post.unlink()
    return blog


@pytest.fixture
def notes(tmp_path) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    for source in [
        *SAMPLES.iterdir(),
        *(SHARED_SAMPLES.iterdir() if SHARED_SAMPLES.is_dir() else []),
    ]:
        if source.is_file():
            shutil.copy(source, folder / source.name)
    (folder / "prompt-template.md").write_text(LIQUID_NOTE, encoding="utf-8")
    (folder / "prompt-flow.png").write_bytes(PNG)
    (folder / "reading.md").write_text(ENGLISH_NOTE, encoding="utf-8")
    return folder


class _Text(HTMLParser):
    """The text a reader sees in the page's article."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _build(site: Path) -> None:
    done = subprocess.run(
        [_jekyll(), "build", "--source", str(site), "--destination", str(site / "_site")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("version", ["4", "3"])
def test_a_stock_blog_builds_the_minutes_as_written(cli, site, notes, version):
    assert cli("import", notes).code == 0
    published = cli("publish", site, "--jekyll", version)
    assert published.code == 0, published.err
    if version == "3":
        # Jekyll 3 has no render_with_liquid; the build here is Jekyll 4, so the wrapped
        # body is checked as Jekyll 3 would see it, then built with Liquid switched back on.
        for post in (site / "_posts").iterdir():
            text = post.read_text(encoding="utf-8")
            assert "render_with_liquid" not in text
            assert "{% raw %}" in text
    _build(site)

    pages = {
        page: page.read_text(encoding="utf-8")
        for page in (site / "_site").rglob("*.html")
        if page.name != "404.html"
    }
    posts = {page: text for page, text in pages.items() if 'class="post h-entry"' in text}
    assert len(posts) == len(list((site / "_posts").iterdir()))  # every post has the layout
    for page, text in posts.items():
        assert text.lstrip().startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in text
        assert "![[" not in text, page
        assert "{::" not in text, page

    [liquid] = [text for text in posts.values() if "프롬프트 템플릿 스터디" in text]
    reader = _Text()
    reader.feed(liquid)
    # kramdown's typographic quotes are the blog's own setting, as for any post.
    seen = re.sub(r"\s+", " ", "".join(reader.parts)).translate(str.maketrans("“”‘’", "\"\"''"))
    for line in VERBATIM:
        assert line in seen, line
    assert seen.count("프롬프트 템플릿 스터디") >= 1
    assert "[image not found: missing-photo.heic]" in seen
    assert "[embedded: Some other note]" in seen
    image = re.search(r'<img src="([^"]+prompt-flow\.png)"[^>]*width="480"', liquid)
    assert image is not None
    assert (site / "_site" / image[1].lstrip("/")).read_bytes() == PNG
    [english] = [text for text in posts.values() if "Small teachers" in text]
    assert "Small teachers<br />" in english  # the note's line break
    assert "Reading group: {{ not a variable }}" in english


def test_raw_wrapping_holds_against_hostile_text_in_real_liquid(tmp_path):
    ruby = shutil.which("ruby")
    if ruby is None or _jekyll() is None:
        pytest.skip("ruby with liquid is not installed")
    hostile = [
        "{% endraw %}",
        "{%- endraw -%}{%endraw%}{%  endraw  %}",
        "{% foo {% endraw %} bar",
        "{% raw %}{% raw %}{{ x }}",
        "{{ '{%' }} {% comment %} x {% endcomment %}",
        "a %} b }} {% c",
        "{% endraw %}{{ '{%' }}{% raw %}",
    ]
    script = tmp_path / "render.rb"
    script.write_text('require "liquid"\nprint Liquid::Template.parse(STDIN.read).render\n')
    for text in hostile:
        done = subprocess.run(
            [ruby, str(script)], input=raw_wrapped(text), capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout == text


def test_publishing_twice_commits_once(cli, tmp_path, notes):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    site = tmp_path / "site"
    site.mkdir()
    (site / "_config.yml").write_text("title: Lab\nbaseurl: /lab\n", encoding="utf-8")
    (site / "about.md").write_text("mine\n", encoding="utf-8")

    def git(*args: str) -> str:
        command = ["git", "-c", "core.quotePath=false", "-C", str(site), *args]
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout

    git("init", "-q")
    git("config", "user.email", "lab@example.com")
    git("config", "user.name", "Lab")
    git("add", "-A")
    git("commit", "-qm", "start")
    assert cli("import", notes).code == 0

    dry = cli("publish", site, "--dry-run")
    assert dry.code == 0 and "would write  _posts/" in dry.out
    assert git("status", "--porcelain") == ""
    first = cli("publish", site)
    assert first.code == 0, first.err
    assert "Committed" in first.out
    assert len(git("log", "--oneline").splitlines()) == 2
    changed = git("show", "--name-only", "--format=", "HEAD").split()
    assert changed and all(name.startswith(("_posts/", "assets/")) for name in changed)
    assert any(
        "/lab/assets/" in path.read_text(encoding="utf-8") for path in (site / "_posts").iterdir()
    )
    again = cli("publish", site)
    assert again.code == 0 and "Nothing to publish" in again.out
    assert len(git("log", "--oneline").splitlines()) == 2
    assert (site / "about.md").read_text(encoding="utf-8") == "mine\n"
