"""Writing exported minutes: one file per session, atomically, never outside the folder.

A file whose content is already what we would write is not touched, so repeated exports
keep modification times (and blog rebuilds, sync tools and git) quiet.

Every file is replaced atomically, a batch at a time (``core/atomic_files.py``), so a
reader or a crash sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import itertools
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from studyapp.core.atomic_files import FileBatch, create_temporary, describe, remove_quietly
from studyapp.core.dto import SessionDetail
from studyapp.core.errors import ExportError
from studyapp.core.markdown.embeds import linked_folders
from studyapp.core.markdown.exporter import check_flavor, render_markdown
from studyapp.core.markdown.html import render_html
from studyapp.core.markdown.jekyll import JekyllOptions, assets_folder
from studyapp.core.slug import session_file_name


@dataclass
class ExportResult:
    written: list[Path] = field(default_factory=list)  # pages
    unchanged: list[Path] = field(default_factory=list)
    images: list[Path] = field(default_factory=list)  # images written (unchanged ones not)
    cancelled: bool = False


def safe_target(folder: Path, file_name: str) -> Path:
    """``folder / file_name``, or ExportError when that would land anywhere else."""
    folder = Path(folder)
    return _inside(folder, folder.resolve(), file_name)


def _inside(folder: Path, root: Path, file_name: str) -> Path:
    """:func:`safe_target` with ``folder`` already resolved to ``root``."""
    if (
        not file_name
        or file_name in {".", ".."}
        or file_name != file_name.strip()
        or any(char in file_name for char in "/\\:\0")
    ):
        raise ExportError(
            "Refusing to write {file_name!r}: not a plain file name.", file_name=file_name
        )
    candidate = root / file_name
    # A plain name in a resolved folder stays inside unless a symlink already there points
    # away; resolving every name cost a system call for each part of the path.
    if os.path.islink(candidate):
        resolved = candidate.resolve()
        if resolved == root or not resolved.is_relative_to(root):
            raise ExportError(
                "Refusing to write {file_name!r}: it would land outside {folder}.",
                file_name=file_name,
                folder=folder,
            )
    return folder / file_name


def _prepare_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as error:
        raise ExportError(
            "Cannot export to {folder}: it is a file, not a folder.", folder=folder
        ) from error
    except OSError as error:
        raise ExportError(
            "Cannot create the folder {folder}: {reason}", folder=folder, reason=describe(error)
        ) from error
    # Probe with a real file: os.access says nothing useful about ACLs, root or network drives.
    try:
        descriptor, probe = create_temporary(folder, "studyapp-write-test")
    except OSError as error:
        raise ExportError(
            "Cannot write to {folder}: {reason}", folder=folder, reason=describe(error)
        ) from error
    os.close(descriptor)
    remove_quietly(probe)


def _key(name: str) -> str:
    # Names that differ only in case or normalization are one file on macOS and Windows.
    return unicodedata.normalize("NFC", name).casefold()


def _named(sessions: Iterable[SessionDetail], ext: str) -> Iterator[tuple[SessionDetail, str]]:
    """Each session with its file name; same date and slug -> "-2", "-3" by session id.

    Sessions of one date are buffered together (the services yield them by date, then id), so
    numbering follows ids without holding the whole export in memory.
    """
    taken: set[str] = set()
    for _date, day in itertools.groupby(sessions, key=lambda session: session.date):
        for session in sorted(day, key=lambda session: session.id):
            base = session_file_name(session.date, session.title, ext)
            stem = base[: -len(ext)]
            name, number = base, 2
            while _key(name) in taken:
                name, number = f"{stem}-{number}{ext}", number + 1
            taken.add(_key(name))
            yield session, name


def export_sessions(
    sessions: Iterable[SessionDetail],
    folder: Path,
    flavor: str,
    progress: Callable[[int, int | None], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    total: int | None = None,
    files: Callable[[SessionDetail], list[tuple[str, bytes]]] | None = None,
    jekyll: JekyllOptions | None = None,
) -> ExportResult:
    """Write one file per session into ``folder``; unchanged files are left alone.

    ``files`` gives a session's images, written beside its page under their own names
    (the notes link to them by that relative name), or for a blog (jekyll) into the
    assets folder, one folder per post.
    """
    blog = jekyll or JekyllOptions()
    check_flavor(flavor)
    folder = Path(folder)
    _prepare_folder(folder)
    root = folder.resolve()
    ext = ".html" if flavor == "html" else ".md"
    result = ExportResult()
    if progress is not None:
        progress(0, total)
    previous: dict[str, str] = {}  # each group's last meeting written, for obsidian's links
    with FileBatch(folder) as batch:
        for done, (session, name) in enumerate(_named(sessions, ext), start=1):
            if cancelled is not None and cancelled():
                result.cancelled = True
                break
            target = _inside(folder, root, name)
            stem = name[: -len(ext)]
            if flavor == "html":
                text = render_html(session)
            else:
                text = render_markdown(
                    session,
                    flavor,
                    previous=previous.get(session.group),
                    jekyll=blog,
                    post_stem=stem,
                )
            previous[session.group] = stem
            data = text.encode("utf-8")
            if batch.holds(target, data):
                result.unchanged.append(target)
            else:
                batch.write(target, data)
                result.written.append(target)
            attached = files(session) if files is not None and session.attachments else ()
            images, linked = folder, {}
            if attached and flavor == "jekyll":
                images = folder / blog.assets_dir / assets_folder(stem)
                _prepare_folder(images)
            elif attached and flavor != "html":
                linked = linked_folders(session.body)  # ![](attachments/x.png) finds it there
            for file_name, image in attached:
                for place in (images, *(folder / sub for sub in linked.get(file_name, ()))):
                    place_root = root if place == folder else place.resolve()
                    if place not in (folder, images):
                        if not place_root.is_relative_to(root):  # linked away: beside only
                            continue
                        _prepare_folder(place)
                    target = _inside(place, place_root, file_name)
                    if not batch.holds(target, image):
                        batch.write(target, image)
                        result.images.append(target)
            if progress is not None:
                progress(done, total)
    return result
