"""Minutes as a standalone HTML page, and sanitized HTML of any Markdown snippet.

Notes are typed by people and pasted from anywhere, so every rendered fragment goes
through nh3: scripts, styles, event handlers and ``javascript:`` links never survive.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection

import markdown
import nh3
from markdown.extensions.toc import slugify_unicode

from studyapp.core.dto import SessionDetail
from studyapp.core.markdown.embeds import ObsidianEmbeds
from studyapp.core.markdown.exporter import mostly_hangul, render_body
from studyapp.core.markdown.render_limits import within_limits
from studyapp.core.markdown.task_boxes import TaskBoxes

ALLOWED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
        "wbr",
    }
)
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "time": {"datetime"},
    "h1": {"id"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "h6": {"id"},
    "sup": {"id"},
    "li": {"id"},  # footnotes link to these
}
# Removed with everything inside them, not just unwrapped.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "object",
        "embed",
        "noscript",
        "template",
        "textarea",
        "select",
        "title",
        "svg",
        "math",
        "frame",
        "frameset",
        "applet",
    }
)
URL_SCHEMES = frozenset({"http", "https", "mailto"})

_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)

STYLE = """\
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e;
  --line: #d1d9e0; --code: #f6f8fa; --link: #0969da; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --code: #151b23;
    --link: #4493f8; }
}
body { margin: 2rem auto; max-width: 46rem; padding: 0 1rem; color: var(--fg);
  background: var(--bg); line-height: 1.65; word-break: keep-all; overflow-wrap: anywhere;
  font-family: system-ui, -apple-system, "Segoe UI", "Apple SD Gothic Neo", "Malgun Gothic",
    "Noto Sans KR", sans-serif; }
a { color: var(--link); }
header { border-bottom: 1px solid var(--line); margin-bottom: 1.5rem; }
header h1 { margin-bottom: 0.25rem; }
.meta { color: var(--muted); margin-top: 0; }
blockquote { margin: 0; padding: 0 1em; color: var(--muted);
  border-left: 0.25em solid var(--line); }
pre, code { background: var(--code); border-radius: 6px; font-size: 0.9em; }
pre { padding: 0.8em; overflow-x: auto; }
code { padding: 0.1em 0.3em; }
pre code { padding: 0; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--line); padding: 0.3em 0.6em; }
img { max-width: 100%; }
"""


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    # nh3 already limits schemes to URL_SCHEMES; images are further kept to https or
    # relative sources so an exported page never loads plain-http or mail content.
    if tag == "img" and attribute == "src":
        match = _SCHEME.match(value)
        if match and match[1].lower() != "https":
            return None
    return value


def sanitize(fragment: str) -> str:
    """``fragment`` with only the tags, attributes and URL schemes listed above."""
    return str(
        nh3.clean(
            fragment,
            tags=set(ALLOWED_TAGS),
            clean_content_tags=set(DROPPED_WITH_CONTENT),
            attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
            attribute_filter=_attribute_filter,
            url_schemes=set(URL_SCHEMES),
            link_rel="noopener noreferrer",
            strip_comments=True,
        )
    )


def _to_html(markdown_text: str, images: Collection[str] = ()) -> str:
    # nl2br: a line break in the note is one on the page, as Obsidian shows it (notes pasted
    # from blogs put each "  • item" on a line of its own).
    converter = markdown.Markdown(
        extensions=["extra", "sane_lists", "toc", "nl2br", ObsidianEmbeds(images), TaskBoxes()],
        extension_configs={"toc": {"slugify": slugify_unicode}},
        output_format="html",
    )
    try:
        return str(converter.convert(within_limits(markdown_text)))
    except RecursionError:
        # Within the limits nothing nests this deep; should a note still, its lines are shown
        # as written rather than the page (or the whole export) lost.
        return f"<pre>{html.escape(markdown_text)}</pre>"


def render_fragment(markdown_text: str, images: Collection[str] = ()) -> str:
    """Sanitized HTML of a Markdown snippet; a leading front matter block is left out.
    ``images`` are the file names an embed may show (the session's own images)."""
    text = markdown_text.replace("\r\n", "\n")
    text = _FRONT_MATTER.sub("", text, count=1)
    return sanitize(_to_html(text, images))


def _header(session: SessionDetail) -> str:
    date = session.date.isoformat()
    when = f'<time datetime="{date}">{date}</time>'
    if session.start_time is not None:
        stamp = session.start.isoformat(timespec="minutes")
        shown = f"{date} {session.start_time.strftime('%H:%M')}"
        when = f'<time datetime="{html.escape(stamp)}">{shown}</time>'
    meta = " · ".join(part for part in (when, html.escape(session.group)) if part)
    return (
        f'<header>\n<h1>{html.escape(session.title)}</h1>\n<p class="meta">{meta}</p>\n</header>\n'
    )


def render_html(session: SessionDetail) -> str:
    """A complete HTML5 page of the minutes: header, then the jekyll-flavor Markdown body."""
    body = render_body(session, "html")
    lang = "ko" if mostly_hangul(f"{session.title}\n{body}") else "en"
    # The header is built from escaped text here; only the user's Markdown needs nh3.
    content = sanitize(_to_html(body, session.attachments)).strip()
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f"<title>{html.escape(session.title)}</title>\n"
        f"<style>\n{STYLE}</style>\n</head>\n<body>\n{_header(session)}"
        f"<main>\n{content}\n</main>\n</body>\n</html>\n"
    )
