"""Obsidian's ``![[slide.png|480]]`` embeds and ``[[Note|alias]]`` links, rendered as a reader
of the note expects: the session's own image, or a placeholder that names what is missing,
never the literal brackets. A Python-Markdown extension, so code spans and blocks keep them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Collection
from pathlib import PurePosixPath

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

# What a browser (and Qt's preview) shows; other images (HEIC from a phone) are kept and
# exported, and named in the page instead.
SHOWN_IMAGES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp"})
IMAGE_SUFFIXES = SHOWN_IMAGES | {".heic", ".heif", ".tif", ".tiff", ".avif"}

EMBED = re.compile(r"!\[\[(?P<target>[^\]|\n]+?)(?:\|(?P<option>[^\]\n]*))?\]\]")
_WIKILINK = r"(?<!!)\[\[([^\]|\n]+?)(?:\|([^\]\n]*))?\]\]"
EMBED_SIZE = re.compile(r"^\s*(\d{1,5})(?:\s*x\s*(\d{1,5}))?\s*$")


def embed_name(target: str) -> str:
    """The file an embed names: ``attachments/x.png#page`` -> ``x.png``."""
    return PurePosixPath(target.split("#", 1)[0].strip().replace("\\", "/")).name


def is_image(name: str) -> bool:
    return PurePosixPath(name.lower()).suffix in IMAGE_SUFFIXES


class _EmbedProcessor(InlineProcessor):
    def __init__(self, pattern: str, known: Collection[str]) -> None:
        super().__init__(pattern)
        self.known = known

    def handleMatch(  # type: ignore[override]  # InlineProcessor takes (m, data)
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        target, option = m.group(1).strip(), (m.group(2) or "").strip()
        name = embed_name(target)
        if name in self.known and PurePosixPath(name.lower()).suffix in SHOWN_IMAGES:
            size = EMBED_SIZE.match(option)
            image = etree.Element(
                "img", {"src": name, "alt": name if size or not option else option}
            )
            if size:
                image.set("width", size[1])
                if size[2]:
                    image.set("height", size[2])
            return image, m.start(0), m.end(0)
        return _placeholder(name, target, known=name in self.known), m.start(0), m.end(0)


def _placeholder(name: str, target: str, *, known: bool) -> etree.Element:
    element = etree.Element("em")
    if is_image(name):
        element.text = f"[image: {name}]" if known else f"[image not found: {name}]"
    else:
        element.text = f"[embedded: {target}]"
    return element


class _LinkProcessor(InlineProcessor):
    def handleMatch(  # type: ignore[override]  # InlineProcessor takes (m, data)
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        shown = (m.group(2) or m.group(1)).strip()
        element = etree.Element("u")
        element.text = shown
        return element, m.start(0), m.end(0)


class ObsidianEmbeds(Extension):
    """``known`` are the file names of the session's own images."""

    def __init__(self, known: Collection[str] = (), **kwargs: object) -> None:
        self.known = frozenset(known)
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # Before links and images (150/160), which would read "[[x]]" as a reference.
        md.inlinePatterns.register(
            _EmbedProcessor(EMBED.pattern, self.known), "obsidian_embed", 175
        )
        md.inlinePatterns.register(_LinkProcessor(_WIKILINK), "obsidian_link", 174)
