"""Typing that could not reach the server, kept in a file until it does.

One JSON line per failed save of a note (``spool.jsonl`` in the app's data folder): the
database it was for, the session, the version and text the typing was based on, and the
text. A save that succeeds takes that session's lines away; a window that opens the
database again (after it was closed while the server was down) saves what is left, oldest
first, through the same merge as any stale save, so nothing typed is lost and nothing
another member saved meanwhile is overwritten.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from studyapp.core import paths

FILE_NAME = "spool.jsonl"


@dataclass(frozen=True)
class Spooled:
    url: str  # shown without a password
    session_id: int
    version: int | None
    base: str | None
    text: str


def spool_path() -> Path:
    return paths.data_dir() / FILE_NAME


def _read(path: Path) -> list[Spooled]:
    if not path.is_file():
        return []
    kept = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            kept.append(Spooled(**json.loads(line)))
        except (ValueError, TypeError):
            continue  # a line cut short by a crash: the ones before and after still count
    return kept


def _write(path: Path, entries: list[Spooled]) -> None:
    if not entries:
        path.unlink(missing_ok=True)
        return
    temporary = path.with_suffix(".tmp")
    with temporary.open("w", encoding="utf-8") as out:
        for entry in entries:
            out.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
        out.flush()
        os.fsync(out.fileno())
    temporary.replace(path)


def keep(entry: Spooled, path: Path | None = None) -> None:
    """Append ``entry``, synced to disk before returning (the window may close next)."""
    path = path or spool_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
        out.flush()
        os.fsync(out.fileno())


def saved(url: str, session_id: int, path: Path | None = None) -> None:
    """The session's text reached the database: its spooled lines are done with."""
    path = path or spool_path()
    entries = _read(path)
    left = [e for e in entries if not (e.url == url and e.session_id == session_id)]
    if len(left) != len(entries):
        _write(path, left)


def waiting(url: str, path: Path | None = None) -> list[Spooled]:
    """What is spooled for ``url``: per session its newest text (each holds all the typing
    before it) with the base of its first, in the order the sessions were first spooled."""
    first: dict[int, Spooled] = {}
    for entry in _read(path or spool_path()):
        if entry.url != url:
            continue
        earlier = first.get(entry.session_id)
        base = earlier if earlier is not None else entry
        first[entry.session_id] = Spooled(
            url, entry.session_id, base.version, base.base, entry.text
        )
    return list(first.values())


def replay(url: str, save: Callable[[Spooled], object], path: Path | None = None) -> int:
    """Save what is spooled for ``url`` in order; each saved is taken off. The number saved;
    a save that fails stops the replay (the rest stays for the next time)."""
    done = 0
    for entry in waiting(url, path):
        save(entry)
        saved(url, entry.session_id, path)
        done += 1
    return done
