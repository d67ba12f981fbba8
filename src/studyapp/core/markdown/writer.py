"""Writing exported minutes: one file per session, atomically, never outside the folder.

A file whose content is already what we would write is not touched, so repeated exports
keep modification times (and blog rebuilds, sync tools and git) quiet.

Every file goes to a temporary file beside its target and is renamed over it, so a reader
(or a crash) sees the old file or the new one, never half of one. An export writes the
temporary files of a batch first, makes them durable together and only then renames them,
syncing the folder once: an fsync of every file and of its folder took seconds of a large
export.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import secrets
import stat
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from studyapp.core.dto import SessionDetail
from studyapp.core.errors import ExportError
from studyapp.core.markdown.embeds import linked_folders
from studyapp.core.markdown.exporter import check_flavor, render_markdown
from studyapp.core.markdown.html import render_html
from studyapp.core.markdown.jekyll import JekyllOptions, assets_folder
from studyapp.core.slug import session_file_name

_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOSPC: "the disk is full",
    errno.EROFS: "the file system is read-only",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.EISDIR: "a folder of that name is in the way",
    errno.ENAMETOOLONG: "the file name is too long",
}
if hasattr(errno, "EDQUOT"):
    _REASONS[errno.EDQUOT] = "the disk quota is exceeded"

# Files (and bytes) written before a batch is synced and renamed: bounds the dot files a
# crash can leave behind and how long the first file of a batch waits.
BATCH_FILES = 256
BATCH_BYTES = 32 << 20
# Linux's sync(2) returns once everything is written, so one call covers a whole batch;
# elsewhere sync may return early, so each file is synced on its own.
_ONE_SYNC = sys.platform.startswith("linux") and hasattr(os, "sync")


@dataclass
class ExportResult:
    written: list[Path] = field(default_factory=list)  # pages
    unchanged: list[Path] = field(default_factory=list)
    images: list[Path] = field(default_factory=list)  # images written (unchanged ones not)
    cancelled: bool = False


def describe(error: OSError) -> str:
    """A short lowercase reason for ``error``: "permission denied", "the disk is full"..."""
    reason = _REASONS.get(error.errno or 0) or error.strerror or str(error) or "unknown error"
    return reason[:1].lower() + reason[1:].rstrip(".")


def _create_temp(folder: Path, name: str) -> tuple[int, Path]:
    # A dot file beside the target: os.replace is atomic only within one file system, and
    # Jekyll and most sync tools skip dot files should a crash leave one behind.
    for _ in range(100):
        candidate = folder / f".{name[:40]}.{secrets.token_hex(4)}.tmp"
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            return os.open(candidate, flags, 0o666), candidate
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(folder))


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open folders this way.
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def write_atomically(path: Path, text: str | bytes) -> None:
    """Replace ``path`` with ``text`` (UTF-8) so readers see the old file or the new one."""
    path = Path(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
    temporary = _write_temporary(path, data, sync=True)
    try:
        os.replace(temporary, path)
    except OSError as error:
        _remove_quietly(temporary)
        raise ExportError(
            "Cannot write to {path}: {reason}", path=path, reason=describe(error)
        ) from error
    except BaseException:
        _remove_quietly(temporary)
        raise
    _sync_folder(path.parent)


def _write_temporary(path: Path, data: bytes, *, sync: bool) -> Path:
    """``data`` in a new file beside ``path`` (synced if asked), with ``path``'s permissions."""
    try:
        descriptor, temporary = _create_temp(path.parent, path.name)
    except OSError as error:
        raise ExportError(
            "Cannot write to {path}: {reason}", path=path, reason=describe(error)
        ) from error
    try:
        try:
            _write_all(descriptor, data)
            if sync:
                os.fsync(descriptor)
        finally:
            os.close(descriptor)
        with contextlib.suppress(OSError):  # keep the permissions someone gave the file
            os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))
    except OSError as error:
        _remove_quietly(temporary)
        raise ExportError(
            "Cannot write to {path}: {reason}", path=path, reason=describe(error)
        ) from error
    except BaseException:
        _remove_quietly(temporary)
        raise
    return temporary


class FileBatch:
    """Replaces files in one folder a batch at a time (see the module's docstring).

    While one batch is synced in the background the next one is written; a batch is
    renamed once its sync is done. Used as a context manager: on leaving, what was written
    is committed, also after an error, as file-by-file writing would have kept it; an
    interrupt drops the files not renamed yet.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._pending: list[_Written] = []  # written, not yet syncing
        self._syncing: list[_Written] = []  # syncing, renamed next
        self._sync: threading.Thread | None = None
        self._waiting: dict[Path, bytes] = {}  # what each target will hold once renamed
        self._bytes = 0

    def __enter__(self) -> FileBatch:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if error is None or isinstance(error, Exception):
            self.commit()
            return
        self._join()
        self._remove([*self._syncing, *self._pending])
        self._syncing, self._pending = [], []
        self._waiting.clear()

    def write(self, path: Path, data: bytes) -> None:
        """Write ``data`` for ``path``, which it replaces once its batch is synced."""
        temporary = _write_temporary(path, data, sync=not _ONE_SYNC)
        self._pending.append(_Written(temporary, path, data))
        self._waiting[path] = data
        self._bytes += len(data)
        if len(self._pending) >= BATCH_FILES or self._bytes >= BATCH_BYTES:
            self._rename_synced()
            self._syncing, self._pending, self._bytes = self._pending, [], 0
            if _ONE_SYNC:
                self._sync = threading.Thread(target=os.sync, name="export-sync", daemon=True)
                self._sync.start()

    def holds(self, path: Path, data: bytes) -> bool:
        """Whether ``path`` holds ``data`` already, or will once its batch is renamed."""
        waiting = self._waiting.get(path)
        if waiting is not None:
            return waiting == data
        try:
            info = os.stat(path)
            return (
                stat.S_ISREG(info.st_mode)
                and info.st_size == len(data)
                and (path.read_bytes() == data)
            )
        except OSError:
            return False

    def commit(self) -> None:
        """Put every file written so far in place of its target, durably."""
        self._rename_synced()
        self._syncing, self._pending, self._bytes = self._pending, [], 0
        if self._syncing and _ONE_SYNC:
            os.sync()
        self._rename_synced()

    def _join(self) -> None:
        if self._sync is not None:
            self._sync.join()
            self._sync = None

    def _rename_synced(self) -> None:
        """Once their sync is done, rename the syncing files over their targets."""
        self._join()
        syncing, self._syncing = self._syncing, []
        if not syncing:
            return
        done = 0
        try:
            for written in syncing:
                try:
                    os.replace(written.temporary, written.path)
                except OSError as error:
                    path = written.path
                    raise ExportError(
                        "Cannot write to {path}: {reason}", path=path, reason=describe(error)
                    ) from error
                if self._waiting.get(written.path) is written.data:  # not written again since
                    del self._waiting[written.path]
                done += 1
        finally:
            self._remove(syncing[done:])
            _sync_folder(self.folder)

    @staticmethod
    def _remove(written: list[_Written]) -> None:
        for each in written:
            _remove_quietly(each.temporary)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:  # os.write may write less than asked (a signal, a full disk)
        view = view[os.write(descriptor, view) :]


@dataclass(frozen=True)
class _Written:
    temporary: Path
    path: Path
    data: bytes


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
        descriptor, probe = _create_temp(folder, "studyapp-write-test")
    except OSError as error:
        raise ExportError(
            "Cannot write to {folder}: {reason}", folder=folder, reason=describe(error)
        ) from error
    os.close(descriptor)
    _remove_quietly(probe)


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
