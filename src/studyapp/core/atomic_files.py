"""Replacing files so that a reader, or a crash, sees the old file or the new one.

Every file goes to a temporary file beside its target and is renamed over it. A batch
(:class:`FileBatch`) writes the temporary files first, makes them durable together and
only then renames them, syncing the folder once: an fsync of every file and of its folder
took seconds of a large export.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from studyapp.core.errors import ExportError

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


def describe(error: OSError) -> str:
    """A short lowercase reason for ``error``: "permission denied", "the disk is full"..."""
    reason = _REASONS.get(error.errno or 0) or error.strerror or str(error) or "unknown error"
    return reason[:1].lower() + reason[1:].rstrip(".")


def create_temporary(folder: Path, name: str) -> tuple[int, Path]:
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


def remove_quietly(path: Path) -> None:
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
        remove_quietly(temporary)
        raise ExportError(
            "Cannot write to {path}: {reason}", path=path, reason=describe(error)
        ) from error
    except BaseException:
        remove_quietly(temporary)
        raise
    _sync_folder(path.parent)


def _write_temporary(path: Path, data: bytes, *, sync: bool) -> Path:
    """``data`` in a new file beside ``path`` (synced if asked), with ``path``'s permissions."""
    try:
        descriptor, temporary = create_temporary(path.parent, path.name)
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
        remove_quietly(temporary)
        raise ExportError(
            "Cannot write to {path}: {reason}", path=path, reason=describe(error)
        ) from error
    except BaseException:
        remove_quietly(temporary)
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
            remove_quietly(each.temporary)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:  # os.write may write less than asked (a signal, a full disk)
        view = view[os.write(descriptor, view) :]


@dataclass(frozen=True)
class _Written:
    temporary: Path
    path: Path
    data: bytes
