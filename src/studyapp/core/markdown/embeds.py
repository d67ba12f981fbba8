"""Obsidian's ``![[slide.png|480]]`` embeds and ``[[Note|alias]]`` links, rendered as a reader
of the note expects: the session's own image, or a placeholder that names what is missing,
never the literal brackets. A Python-Markdown extension, so code spans and blocks keep them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Collection
from pathlib import PurePosixPath
from urllib.parse import unquote

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

# What a browser (and Qt's preview) shows; other images (HEIC from a phone) are kept and
# exported, and named in the page instead.
SHOWN_IMAGES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp"})
IMAGE_SUFFIXES = SHOWN_IMAGES | {".heic", ".heif", ".tif", ".tiff", ".avif"}

EMBED = re.compile(r"!\[\[(?P<target>[^\]|\n]+?)(?:\|(?P<option>[^\]\n]*))?\]\]")
_WIKILINK = r"(?<!!)\[\[([^\]|\n]+?)(?:\|([^\]\n]*))?\]\]"
EMBED_SIZE = re.compile(r"^\s*(\d{1,5})(?:\s*x\s*(\d{1,5}))?\s*$")
# A standard Markdown image: ``![alt](attachments/x.png)``, ``![](<my slide.png> "title")``.
LOCAL_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]\n]*)\]\(\s*(?:<(?P<angled>[^>\n]+)>|(?P<src>[^)\s]+))"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def embed_name(target: str) -> str:
    """The file an embed names: ``attachments/x.png#page`` -> ``x.png``."""
    return PurePosixPath(target.split("#", 1)[0].strip().replace("\\", "/")).name


def local_path(src: str) -> PurePosixPath | None:
    """The relative file an image link names (``attachments/my%20x.png`` ->
    ``attachments/my x.png``), or None for a web address, an absolute path or a fragment."""
    src = unquote(src.strip()).replace("\\", "/")
    if not src or _SCHEME.match(src) or src.startswith(("/", "#", "~")):
        return None
    path = PurePosixPath(src.split("#", 1)[0].split("?", 1)[0])
    return path if path.name and is_image(path.name) else None


def local_image(match: re.Match[str]) -> PurePosixPath | None:
    """The relative image file a :data:`LOCAL_IMAGE` match names, if it is one."""
    return local_path(match["angled"] or match["src"] or "")


def linked_folders(body: str) -> dict[str, set[PurePosixPath]]:
    """For each image file name, the folders (relative, never upwards) the note's standard
    image links find it in: an export writes it there too, so the links keep working."""
    folders: dict[str, set[PurePosixPath]] = {}
    for match in LOCAL_IMAGE.finditer(body):
        path = local_image(match)
        if path is not None and path.parent.parts and ".." not in path.parent.parts:
            folders.setdefault(path.name, set()).add(path.parent)
    return folders


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


class _LocalImages(Treeprocessor):
    """A standard image link to one of the session's images by its folder
    (``attachments/x.png``) shows that image, kept under its file name."""

    def __init__(self, md: Markdown, known: Collection[str]) -> None:
        super().__init__(md)
        self.known = known

    def run(self, root: etree.Element) -> None:
        for image in root.iter("img"):
            path = local_path(image.get("src", ""))
            if path is not None and path.name in self.known:
                image.set("src", path.name)


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
        md.treeprocessors.register(_LocalImages(md, self.known), "local_images", 5)
