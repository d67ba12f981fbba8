"""Meeting minutes as Markdown: YAML front matter, then the body exactly as written.

Output is deterministic (no clock is read). What studyapp adds (a title, presenters and
papers) goes in the front matter; the user's lines come back in the user's order.
"""

from __future__ import annotations

import re

from studyapp.core.document.compose import wikilink
from studyapp.core.document.language import mostly_hangul
from studyapp.core.dto import SessionDetail
from studyapp.core.errors import ExportError
from studyapp.core.markdown.front_matter_out import SessionLinks, render_front_matter
from studyapp.core.markdown.jekyll import EMBEDS_KEY, JekyllOptions, Post, jekyll_body
from studyapp.core.markdown.text_lines import verbatim
from studyapp.core.slug import session_file_name

__all__ = [
    "FLAVORS",
    "check_flavor",
    "mostly_hangul",
    "render_body",
    "render_front_matter",
    "render_markdown",
    "wikilink",
]

FLAVORS = ("jekyll", "obsidian", "html")


def check_flavor(flavor: str) -> None:
    """Raise ExportError naming the valid flavors when ``flavor`` is not one of them."""
    if flavor not in FLAVORS:
        raise ExportError(
            "Unknown flavor {flavor!r}; use one of: {flavors}.",
            flavor=flavor,
            flavors=", ".join(FLAVORS),
        )


def render_markdown(
    session: SessionDetail,
    flavor: str = "jekyll",
    *,
    previous: str | None = None,
    jekyll: JekyllOptions | None = None,
    post_stem: str | None = None,
) -> str:
    """The whole file: front matter, then the body. LF endings, one trailing newline.
    ``previous`` names the file of the group's meeting before (linked in the obsidian
    flavor); ``post_stem`` is the post's file name without its suffix (its images' folder)."""
    check_flavor(flavor)
    links = SessionLinks(previous) if flavor == "obsidian" else None
    extra: dict[str, object] = {}
    if flavor == "jekyll":
        blog = jekyll or JekyllOptions()
        post = _post(session, blog, post_stem)
        body = f"{post.body}\n" if post.body else ""
        extra = blog.front_matter()
        if post.embeds:
            extra[EMBEDS_KEY] = list(post.embeds)
    else:
        body = render_body(session, flavor)
    front = f"---\n{render_front_matter(session, links, extra)}---\n"
    return f"{front}\n{body}" if body else front


def render_body(session: SessionDetail, flavor: str = "jekyll") -> str:
    """The Markdown after the front matter; ``""`` when the session has nothing to say.
    ``html`` is the body as written, which the HTML page renders."""
    check_flavor(flavor)
    text = verbatim(session.body)
    if flavor == "obsidian" and session.attachments:
        text = _obsidian_embeds(text, session.attachments)
    elif flavor == "jekyll":
        text = _post(session, JekyllOptions(), None).body
    return f"{text}\n" if text else ""


def _post(session: SessionDetail, options: JekyllOptions, post_stem: str | None) -> Post:
    stem = post_stem or session_file_name(session.date, session.title).removesuffix(".md")
    return jekyll_body(
        verbatim(session.body),
        title=session.title,
        images=session.attachments,
        post_stem=stem,
        options=options,
    )


def _obsidian_embeds(text: str, names: tuple[str, ...]) -> str:
    """``![](slide.png)`` of the session's own images -> Obsidian's ``![[slide.png]]``."""
    pattern = re.compile(r"!\[[^\]\n]*\]\((" + "|".join(re.escape(name) for name in names) + r")\)")
    return pattern.sub(lambda match: f"![[{match[1]}]]", text)
