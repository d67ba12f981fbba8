"""The files an import takes: note files under the folders named, each a regular file inside
them, with a name that can be shown and stored.

Folders come from anywhere (a zip from Windows, a synced vault, a mounted share), so a bad
entry fails alone: a named pipe, a socket or a device is skipped without being opened (a
pipe would wait for a writer forever), a link leading out of the folder is not followed, and
a name that is not UTF-8 (CP949 bytes from a Korean Windows zip) is read as CP949 when it
can be, else shown with its bytes escaped, so that every name can be printed and stored.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from studyapp.core.errors import ImportFileError
from studyapp.core.markdown.reading import NOTE_SUFFIXES, special_kind

_SKIPPED_FOLDERS = {".git", ".obsidian", ".trash", ".github", "node_modules", "_site", ".venv"}


@dataclass(frozen=True)
class SourceFile:
    path: Path  # as the file system names it (opened by this)
    root: Path  # the folder the user named, or the file's own folder
    from_folder: bool = False  # found by walking a folder the user named
    shown: Path | None = None  # a readable form of ``path`` when its name is not UTF-8
    size: int = 0  # bytes, when known
    skipped: str | None = None  # why the file is not read (a pipe, a link leaving the folder)
    warning: str | None = None  # said with whatever becomes of the file

    @property
    def shown_path(self) -> Path:
        """The path to show and to store: ``path`` unless its name needed reading."""
        return self.shown or self.path

    @property
    def folder_name(self) -> str:
        """The root folder's name, readable."""
        return readable_path(self.root)[0].name


def collect_files(paths: Sequence[Path]) -> list[SourceFile]:
    """Every note file under ``paths``; a named file is taken whatever its suffix."""
    found: list[SourceFile] = []
    for given in paths:
        path = Path(given).expanduser()
        try:
            info = path.stat()
        except OSError:
            raise ImportFileError(
                "No such file or folder: {path}", path=readable_path(path)[0]
            ) from None
        if stat.S_ISDIR(info.st_mode):
            found += _walk(path.resolve())
        elif stat.S_ISREG(info.st_mode):
            resolved = path.resolve()
            found.append(_named(resolved, resolved.parent, info.st_size, from_folder=False))
        else:
            skipped = f"{special_kind(info.st_mode)}, not a file"
            found.append(_named(path, path.parent, 0, from_folder=False, skipped=skipped))
    unique: dict[Path, SourceFile] = {}
    for item in found:
        unique.setdefault(item.path, item)
    return _distinct_names(list(unique.values()))


def _walk(root: Path) -> list[SourceFile]:
    found: list[SourceFile] = []
    for folder, subfolders, files in os.walk(root):
        kept = []
        for name in sorted(subfolders):
            if name in _SKIPPED_FOLDERS or name.startswith("."):
                continue
            place = Path(folder) / name
            if place.is_symlink():  # not walked; one leading out of the folder is said so
                if not stays_inside(place, root):
                    found.append(_leaving(place, root))
                continue
            kept.append(name)
        subfolders[:] = kept
        for name in sorted(files):
            if name.lower().endswith(NOTE_SUFFIXES) and not name.startswith("."):
                found.append(_found(Path(folder) / name, root))
    return found


def _found(path: Path, root: Path) -> SourceFile:
    """A file found in ``root``, checked without opening it."""
    try:
        if path.is_symlink() and not stays_inside(path, root):
            return _leaving(path, root)
        info = path.stat()
    except OSError:  # gone, or a broken link: reading it fails in its turn, with the reason
        return _named(path, root, 0)
    if not stat.S_ISREG(info.st_mode):
        return _named(path, root, 0, skipped=f"{special_kind(info.st_mode)}, not a file")
    return _named(path, root, info.st_size)


def stays_inside(path: Path, root: Path) -> bool:
    """Whether ``path``, its links followed, is under ``root`` (a resolved folder)."""
    return Path(os.path.realpath(path)).is_relative_to(root)


def _leaving(path: Path, root: Path) -> SourceFile:
    target = readable_path(Path(os.path.realpath(path)))[0]
    return _named(path, root, 0, skipped=f"a link leading out of the folder (to {target})")


def _named(
    path: Path, root: Path, size: int, *, from_folder: bool = True, skipped: str | None = None
) -> SourceFile:
    shown, encoding = readable_path(path)
    warning = None
    if shown != path:
        warning = (
            f"its name is not UTF-8; read as {encoding}: {shown.name}"
            if encoding
            else f"its name is not UTF-8 or CP949; shown as {shown.name}"
        )
    return SourceFile(
        path,
        root,
        from_folder,
        shown if shown != path else None,
        size,
        skipped,
        warning,
    )


def _distinct_names(files: list[SourceFile]) -> list[SourceFile]:
    """A name read as CP949 that is another file's name shows its bytes instead, so each
    file keeps a name of its own (it is how a file is known again on the next import)."""
    taken = {item.path for item in files if item.shown is None}
    result = []
    for item in files:
        if item.shown is not None and item.shown in taken:
            shown = Path(*(_escaped(part, "ascii") for part in item.path.parts))
            warning = f"its name is not UTF-8; shown as {shown.name}"
            item = SourceFile(
                item.path, item.root, item.from_folder, shown, item.size, item.skipped, warning
            )
        if item.shown is not None:
            taken.add(item.shown)
        result.append(item)
    return result


def readable_path(path: Path) -> tuple[Path, str | None]:
    """``path`` with every part that is not UTF-8 (Python keeps such bytes as lone
    surrogates) read as CP949, or with its bytes escaped; and "CP949" when every such part
    read as CP949, else None. A UTF-8 path comes back as it is."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return path, None
    parts: list[str] = []
    encoding: str | None = "CP949"
    for part in path.parts:
        readable = _as_cp949(part)
        if readable is None:
            readable, encoding = _escaped(part), None
        parts.append(readable)
    return Path(*parts), encoding


def _as_cp949(part: str) -> str | None:
    try:
        part.encode("utf-8")
        return part
    except UnicodeEncodeError:
        pass
    try:
        return os.fsencode(part).decode("cp949")
    except UnicodeDecodeError:
        return None


def _escaped(part: str, encoding: str = "utf-8") -> str:
    """``part`` as it is if it is UTF-8, else its bytes in ``encoding``, others escaped."""
    try:
        part.encode("utf-8")
        return part
    except UnicodeEncodeError:
        return os.fsencode(part).decode(encoding, errors="backslashreplace")
