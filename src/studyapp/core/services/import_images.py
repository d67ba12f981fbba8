"""The images a note shows (``![[IMG_8158.heic]]``, ``![slide](attachments/slide.png)``),
found where Obsidian would find them, so an imported session keeps them: at the path the
link gives, beside the note, in the vault's attachment folder, or anywhere in the vault under
that name.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from studyapp.core.markdown.embeds import EMBED, LOCAL_IMAGE, embed_name, is_image, local_image
from studyapp.core.services.import_sources import stays_inside

MIME_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".bmp": "image/bmp",
    ".heic": "image/heic",
    ".heif": "image/heif",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".avif": "image/avif",
}
# Folders people (and Obsidian's settings) keep pasted images in, beside a note or at the top.
_USUAL_FOLDERS = ("attachments", "assets", "images", "img", "_resources", "Attachments")
_SKIPPED = {".git", ".obsidian", ".trash", "node_modules"}
# A vault walked for images by name stops here: a home folder named by mistake stays quick.
MAX_FILES_INDEXED = 100_000
_VAULT_DEPTH = 12  # folders above a note searched for the vault's .obsidian


@dataclass(frozen=True)
class FoundImage:
    name: str  # the file name the note embeds it by
    mime: str
    data: bytes


class ImageFinder:
    """Finds a note's embedded images; one per import (it remembers what it walked)."""

    def __init__(self) -> None:
        self._by_name: dict[Path, dict[str, Path]] = {}
        self._vaults: dict[Path, Path | None] = {}

    def images(self, body: str, note: Path, root: Path) -> tuple[FoundImage, ...]:
        """The images ``body`` embeds that exist as files; an embed of a missing file is left
        to the page, which names it."""
        found: dict[str, FoundImage] = {}
        wanted = [(m["target"].split("#", 1)[0].strip(), m["target"]) for m in EMBED.finditer(body)]
        for match in LOCAL_IMAGE.finditer(body):
            path = local_image(match)
            if path is not None:
                wanted.append((str(path), path.name))
        for target, named in wanted:
            name = embed_name(named)
            if not name or name in found or not is_image(name):
                continue
            place = self._locate(target, name, note, root)
            image = _read(place, name) if place is not None else None
            if image is not None:
                found[name] = image
        return tuple(found.values())

    def _locate(self, target: str, name: str, note: Path, root: Path) -> Path | None:
        folder = note.parent
        vault = self._vault(folder) or root
        places = [folder / target, folder / name]
        places += [folder / sub / name for sub in _USUAL_FOLDERS]
        attachments = _attachment_folder(vault, folder)
        if attachments is not None:
            places.append(attachments / name)
        places += [vault / target, *(vault / sub / name for sub in _USUAL_FOLDERS)]
        for place in places:
            if _is_file_inside(place, vault, folder):
                return place
        anywhere = self._index(vault).get(name)  # walks the vault once, only when needed
        return anywhere if anywhere is not None and _is_file_inside(anywhere, vault) else None

    def _vault(self, folder: Path) -> Path | None:
        """The folder holding ``.obsidian`` above ``folder``, if the note is in a vault."""
        if folder not in self._vaults:
            found = None
            for parent in [folder, *folder.parents][:_VAULT_DEPTH]:
                if (parent / ".obsidian").is_dir():
                    found = parent
                    break
            self._vaults[folder] = found
        return self._vaults[folder]

    def _index(self, vault: Path) -> dict[str, Path]:
        if vault not in self._by_name:
            index: dict[str, Path] = {}
            seen = 0
            for folder, subfolders, files in os.walk(vault):
                subfolders[:] = sorted(
                    d for d in subfolders if d not in _SKIPPED and not d.startswith(".")
                )
                for name in sorted(files):
                    seen += 1
                    if is_image(name):
                        index.setdefault(name, Path(folder) / name)
                if seen > MAX_FILES_INDEXED:
                    break
            self._by_name[vault] = index
        return self._by_name[vault]


def _attachment_folder(vault: Path, folder: Path) -> Path | None:
    """The folder Obsidian's settings put pasted files in (``.obsidian/app.json``)."""
    try:
        settings = json.loads((vault / ".obsidian" / "app.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    place = settings.get("attachmentFolderPath") if isinstance(settings, dict) else None
    if not isinstance(place, str) or not place.strip():
        return None
    if place.startswith("./"):
        return folder / place[2:]
    return vault / place.strip("/")


def _is_file_inside(path: Path, *roots: Path) -> bool:
    """An ordinary file under one of ``roots``: an embed never reaches outside the notes."""
    try:
        if not path.is_file():
            return False
    except OSError:
        return False
    return any(stays_inside(path, root.resolve()) for root in roots)


def _read(path: Path, name: str) -> FoundImage | None:
    # Here, not at the top: a worker process reading notes then loads no database modules.
    from studyapp.core.services.attachments import MAX_BYTES

    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    mime = MIME_TYPES.get(Path(name.lower()).suffix)
    return FoundImage(name, mime, data) if mime and data else None


def images_digest(images: tuple[FoundImage, ...]) -> str:
    """What a note's images add to its content hash: a changed image is a changed note."""
    digest = hashlib.sha256()
    for image in images:
        digest.update(image.name.encode("utf-8") + b"\0" + hashlib.sha256(image.data).digest())
    return digest.hexdigest()
