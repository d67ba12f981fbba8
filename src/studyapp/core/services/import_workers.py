"""Note files read and parsed in worker processes while this process writes the database.

Parsing was half of a large import's time, all of it on one core. With a folder of many
files, other processes read and parse the files ahead of their turn, a few at a time; the
import takes each file's result in order, exactly as if it had read the file then.

A note is parsed knowing the people known so far (a presenter of an earlier note helps read
a later heading). A result made before someone new became known is taken only when none of
the new names appears in any of the note's headings (the only place the parser asks);
otherwise the file is read again here. A worker that fails (or cannot start) costs nothing
but time: its files are read here in their turn.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from multiprocessing import get_context

from studyapp.core.document.lines import scan_body
from studyapp.core.markdown.headings import may_name
from studyapp.core.search.tokens import index_text
from studyapp.core.services.import_files import (
    READ_AHEAD_CHARS,
    READ_AHEAD_FILES,
    ReadNote,
    SourceFile,
    read_note,
)
from studyapp.core.services.import_images import ImageFinder

# Fewer files than this are read in this process: starting a worker takes longer.
WORKER_FILES = 300
CHUNK_FILES = 32  # files a worker reads for one request: fewer round trips


def worker_count() -> int:
    """Worker processes for an import: every core but the one writing the database."""
    return max(1, min((os.cpu_count() or 2) - 1, 4))


_finder: ImageFinder | None = None  # one a worker process, as one an import


def _read_chunk(sources: list[SourceFile], people: list[str], split: bool) -> list[ReadNote]:
    """In a worker process: the files read and parsed, knowing ``people``, with their
    bodies' search index texts (the longest to work out of a note's)."""
    global _finder
    if _finder is None:
        _finder = ImageFinder()
    found = []
    for source in sources:
        read = read_note(source, people, split=split, finder=_finder)
        parts = tuple(replace(part, body_tokens=index_text(part.note.body)) for part in read.parts)
        found.append(replace(read, parts=parts))
    return found


class WorkerReader:
    """Files read by worker processes, taken in their turn (see the module's notes).

    At most ``READ_AHEAD_FILES`` files of ``READ_AHEAD_CHARS`` characters wait read or
    asked for; a file larger than what is left is read here, in its turn.
    """

    def __init__(self, files: Sequence[SourceFile], *, split: bool, workers: int) -> None:
        self.split = split
        self.finder = ImageFinder()  # for the files read here
        self._files = files
        # "spawn": a fork of a process with threads (the window's) may hang in the child.
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            workers, mp_context=get_context("spawn")
        )
        self._asked: dict[int, Future[list[ReadNote]]] = {}  # place -> its chunk's answer
        self._chunks: dict[int, list[int]] = {}  # a chunk's first place -> its places
        self._read: dict[int, ReadNote] = {}  # answers not taken yet
        self._next = 0  # the first place not yet asked for (or passed over)
        self._size = 0  # characters asked for and not taken

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def ask_ahead(self, start: int, people: list[str]) -> None:
        """Ask the workers for the files from ``start`` on, as far as the budget goes."""
        if self._pool is None:
            return
        self._next = max(self._next, start)
        chunk: list[int] = []
        while (
            self._pool is not None
            and self._next < len(self._files)
            and len(self._asked) + len(chunk) < READ_AHEAD_FILES
        ):
            source = self._files[self._next]
            if source.skipped is None:  # a skipped file is never opened
                if self._size + source.size > READ_AHEAD_CHARS:
                    if self._asked or chunk:
                        break  # the budget frees up as files are taken
                    self._next += 1  # too large for any budget: read here in its turn
                    continue
                chunk.append(self._next)
                self._size += source.size
            self._next += 1
            if len(chunk) == CHUNK_FILES:
                self._send(chunk, people)
                chunk = []
        if chunk and self._pool is not None:
            self._send(chunk, people)

    def read_while(
        self, busy: Callable[[], bool], files: Sequence[SourceFile], start: int, people: list[str]
    ) -> None:
        """As :meth:`ReadAhead.read_while`: the workers read on, this process only asks."""
        self.ask_ahead(start, people)

    def _send(self, places: list[int], people: list[str]) -> None:
        assert self._pool is not None
        sources = [self._files[place] for place in places]
        try:
            future = self._pool.submit(_read_chunk, sources, list(people), self.split)
        except RuntimeError:  # the pool broke: the rest is read here
            self._forget(places)
            self.close()
            return
        self._chunks[places[0]] = places
        for place in places:
            self._asked[place] = future

    def _forget(self, places: list[int]) -> None:
        for place in places:
            self._size -= self._files[place].size

    def _collect(self, place: int) -> None:
        """Wait for the chunk holding ``place`` and keep its answers."""
        future = self._asked[place]
        first = next(p for p, places in self._chunks.items() if place in places)
        places = self._chunks.pop(first)
        for asked in places:
            del self._asked[asked]
        try:
            answers = future.result()
        except Exception:
            # A worker that broke or a file it could not hand back: read here, in turn.
            self._forget(places)
            return
        self._read.update(zip(places, answers, strict=True))

    def take(self, place: int, source: SourceFile, people: list[str]) -> ReadNote:
        """The file at ``place``: a worker's answer when it holds for ``people``, else the
        file read now. Asks for the files after it meanwhile."""
        if place in self._asked:
            self._collect(place)
        read = self._read.pop(place, None)
        if read is not None:
            self._size -= self._files[place].size
        self.ask_ahead(place + 1, people)
        if read is not None and still_holds(read, people):
            return read
        return read_note(source, people, split=self.split, finder=self.finder)


def still_holds(read: ReadNote, people: list[str]) -> bool:
    """Whether a file parsed knowing the first ``read.people_known`` of ``people`` (the list
    only grows) reads the same knowing all of them."""
    added = people[read.people_known :]
    if len(people) < read.people_known:
        return False
    if not added:
        return True
    return not any(
        may_name(line.heading, added)
        for part in read.parts
        for line in scan_body(part.note.body)
        if line.level and not line.fenced
    )
