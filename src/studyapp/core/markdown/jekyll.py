"""A session as a post a stock Jekyll blog builds as written.

Notes about prompts, Jinja or Jekyll itself hold ``{{ x }}`` and ``{% tag %}``: Liquid would
erase or choke on them. Jekyll 4 is told not to read the post as Liquid
(``render_with_liquid: false``); Jekyll 3 (GitHub Pages) has no such switch, so the body is
wrapped in ``{% raw %}`` with every way the text could end that wrap taken apart. Images go
to the blog's assets as standard Markdown images; line breaks stay line breaks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from studyapp.core.document.lines import scan_body
from studyapp.core.markdown.embeds import (
    EMBED,
    EMBED_SIZE,
    LOCAL_IMAGE,
    SHOWN_IMAGES,
    embed_name,
    is_image,
    local_image,
)

LIQUID_FRONT_MATTER = "front matter"  # Jekyll 4: render_with_liquid: false
LIQUID_RAW = "raw"  # Jekyll 3 and GitHub Pages: the body inside {% raw %}
LIQUID_MODES = (LIQUID_FRONT_MATTER, LIQUID_RAW)


@dataclass(frozen=True)
class JekyllOptions:
    layout: str = "post"
    liquid: str = LIQUID_FRONT_MATTER
    assets_dir: str = "assets"  # where images are written, relative to the posts' folder
    assets_url: str = "/assets"  # where the blog serves that folder
    line_breaks: bool = True  # a single line break in the note is one on the page

    def front_matter(self) -> dict[str, object]:
        """What a post's front matter says for this blog (a note's own values win)."""
        values: dict[str, object] = {"layout": self.layout} if self.layout else {}
        if self.liquid == LIQUID_FRONT_MATTER:
            values["render_with_liquid"] = False
        return values


# Any Liquid tag that could close a raw block: "{%", optional "-", spaces, "endraw".
_ENDRAW = re.compile(r"\{%(?=-?\s*endraw)")
_ENDRAW_CUT = "{% endraw %}{{ '{%' }}{% raw %}"
# Parts of a line a hard line break must not follow or precede.
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d{1,9}[.)]\s|>|\||#{1,6}(?:\s|$)|`{3,}|~{3,})")
_INTERRUPTS = re.compile(r"^ {0,3}(?:#{1,6}(?:\s|$)|>)")


def raw_wrapped(text: str) -> str:
    """``text`` inside ``{% raw %}…{% endraw %}`` that Liquid outputs exactly as written.

    Inside raw only an endraw tag is read; each one the text holds is cut before its ``{%``,
    which is then printed by ``{{ '{%' }}`` outside the wrap, and the wrap reopens.
    """
    body = _ENDRAW.sub(_ENDRAW_CUT, text)
    return "{% raw %}" + body + "{% endraw %}"


def assets_folder(post_stem: str) -> str:
    """The folder, under the blog's assets, that one post's images go to."""
    return post_stem


@dataclass(frozen=True)
class Post:
    body: str
    embeds: tuple[str, ...]  # the note's ![[…]] embeds as written, in order


def jekyll_body(
    text: str,
    *,
    title: str,
    images: Collection[str],
    post_stem: str,
    options: JekyllOptions,
) -> Post:
    """The post's Markdown: the title heading not repeated, embeds as standard images (the
    embeds as written go to the front matter: the page shows no ``![[``, the post still
    holds every line of the note), line breaks kept, Liquid kept from reading it."""
    lines = text.split("\n")
    lines = _without_title_heading(lines, title)
    url = f"{options.assets_url.rstrip('/')}/{assets_folder(post_stem)}"
    fenced = [line.fenced for line in scan_body("\n".join(lines))]
    originals: list[str] = []
    out: list[str] = []
    for number, line in enumerate(lines):
        opens = fenced[number] and (number == 0 or not fenced[number - 1])
        closed = number > 0 and fenced[number - 1] and not fenced[number]
        # kramdown keeps a heading, fence or quote typed right under a list item inside
        # that item (Obsidian starts a new block): a blank line says what the note meant.
        starts = not fenced[number] and _INTERRUPTS.match(line) is not None
        if starts and line.lstrip().startswith(">") and out and out[-1].lstrip().startswith(">"):
            starts = False  # the same quote going on
        if out and out[-1].strip() and line.strip() and (opens or closed or starts):
            out.append("")
        if fenced[number]:
            out.append(line)
            continue
        line = _images(line, images, url, originals)
        if options.line_breaks and _breaks_after(lines, fenced, number):
            line += "  "
        out.append(line)
    body = "\n".join(out)
    if options.liquid == LIQUID_RAW and body:
        body = raw_wrapped(body)
    return Post(body, tuple(originals))


def _without_title_heading(lines: list[str], title: str) -> list[str]:
    """The blog's layout prints the title; a first ``# heading`` saying it again goes."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return lines
    heading = re.match(r"^#\s+(.*?)\s*#*\s*$", lines[first])
    if heading is None or " ".join(heading[1].split()) != " ".join(title.split()):
        return lines
    rest = lines[first + 1 :]
    while rest and not rest[0].strip():
        rest = rest[1:]
    return lines[:first] + rest


def _breaks_after(lines: list[str], fenced: list[bool], number: int) -> bool:
    """Whether a line runs on into the next line of the same paragraph."""
    line = lines[number]
    if not line.strip() or number + 1 >= len(lines) or fenced[number + 1]:
        return False
    following = lines[number + 1]
    if line.lstrip().startswith(">") and following.lstrip().startswith(">"):
        # Within a quote: the same question, with the quote marks taken off.
        line, following = line.lstrip(" >"), following.lstrip(" >")
        if not line.strip():
            return False
    if not following.strip() or _BLOCK_START.match(following) or line.endswith(("  ", "\\")):
        return False
    return not re.match(r"^\s*(?:#{1,6}\s|\||<)", line)


def _images(line: str, images: Collection[str], url: str, originals: list[str]) -> str:
    """Embeds and the session's own image links -> images served from the blog's assets.
    Each embed's text as written is added to ``originals`` (kept in the front matter)."""

    def embed(match: re.Match[str]) -> str:
        name = embed_name(match["target"])
        option = (match["option"] or "").strip()
        originals.append(match[0])
        if name in images and PurePosixPath(name.lower()).suffix in SHOWN_IMAGES:
            size = EMBED_SIZE.match(option)
            alt = name if size or not option else option
            width = f' width="{size[1]}"' if size else ""
            height = f' height="{size[2]}"' if size and size[2] else ""
            return f"![{_alt(alt)}]({url}/{_url_path(name)}){{: .embed{width}{height}}}"
        if name in images:  # kept, but not an image a browser shows (HEIC): a link to it
            return f"[{_alt(f'image: {name}')}]({url}/{_url_path(name)}){{: .embed}}"
        if is_image(name):
            shown = f"image not found: {name}"
        else:
            shown = f"embedded: {match['target'].strip()}"
        return f"*\\[{_alt(shown)}\\]*{{: .embed}}"

    def own(match: re.Match[str]) -> str:
        path = local_image(match)  # the session's image by its name or its folder
        if path is None or path.name not in images:
            return match[0]
        return f"![{match['alt']}]({url}/{_url_path(path.name)})"

    if "![" not in line:
        return line
    return _outside_code(line, lambda part: LOCAL_IMAGE.sub(own, EMBED.sub(embed, part)))


_CODE_SPAN = re.compile(r"(`+)(?:.+?)(?<!`)\1(?!`)")


def _outside_code(line: str, change: Callable[[str], str]) -> str:
    """``change`` applied to the parts of ``line`` outside inline code spans."""
    out, start = [], 0
    for span in _CODE_SPAN.finditer(line):
        out += [change(line[start : span.start()]), span[0]]
        start = span.end()
    out.append(change(line[start:]))
    return "".join(out)


def _alt(text: str) -> str:
    return text.replace("[", "\\[").replace("]", "\\]")


def _url_path(name: str) -> str:
    return name.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


EMBEDS_KEY = "obsidian_embeds"  # front matter: a post's embeds as the note wrote them
_CONVERTED = re.compile(
    r"(?:!?\[(?:\\.|[^\]\n\\])*\]\([^)\s]+\)|\*(?:\\.|[^*\n\\])*\*)\{: \.embed[^}\n]*\}"
)
_WRAPPED = re.compile(r"\A\{% raw %\}(?P<body>.*)\{% endraw %\}\Z", re.DOTALL)


def as_written(body: str, embeds: Sequence[str] = ()) -> str:
    """A post this module wrote, read back as the note it came from: the raw wrap taken
    off, each converted embed given back as written (``embeds``, from the front matter)."""
    wrapped = _WRAPPED.match(body)
    if wrapped is not None:
        body = wrapped["body"].replace(_ENDRAW_CUT, "{%")
    if embeds:
        given = iter(embeds)
        body = _CONVERTED.sub(lambda match: next(given, match[0]), body)
    return body
