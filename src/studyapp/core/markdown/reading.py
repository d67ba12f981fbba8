"""Reading note files from disk into one normalized text form.

Notes arrive from many editors: UTF-8 with or without a BOM, UTF-16 from Windows tools,
CP949 from Korean Windows, CRLF line ends, and decomposed Hangul from macOS file systems.
Everything downstream sees LF-only, NFC-normalized text, so the same note always hashes
the same wherever it was saved.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from studyapp.core.errors import ImportFileError

NOTE_SUFFIXES = (".md", ".markdown", ".txt")

# Control characters (category Cc: U+0000-U+001F, U+007F-U+009F) other than the ones plain
# text legitimately contains (\t \n \v \f \r ESC), and the replacement character. One regex
# scan instead of a category lookup per character: reading was a third of import time.
_ODD_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd]")
# Above this share of control or replacement characters the "text" is really binary.
_MAX_CONTROL_SHARE = 0.05
_FEW_NULS = 16  # a short note with a stray NUL byte or two is still text
_HASHED_AT_ONCE = 1 << 20  # characters
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # UTF-32's start like UTF-16's


@dataclass(frozen=True)
class NoteText:
    """A note file's text, and what had to be done to it to read it."""

    text: str
    warnings: tuple[str, ...] = ()


def read_note_text(path: Path) -> str:
    """The text of the note at ``path``, decoded and normalized (LF, NFC, no BOM)."""
    return read_note_file(path).text


def read_note_file(path: Path) -> NoteText:
    """:func:`read_note_text` with the warnings of reading it (NUL bytes dropped)."""
    try:
        data = _read_regular_file(path)
    except FileNotFoundError as error:
        raise ImportFileError("{name}: no such file", name=path.name) from error
    except IsADirectoryError as error:
        raise ImportFileError("{name}: is a folder, not a note", name=path.name) from error
    except PermissionError as error:
        raise ImportFileError("{name}: permission denied", name=path.name) from error
    except OSError as error:
        raise ImportFileError(
            "{name}: cannot be read ({reason})", name=path.name, reason=error.strerror or error
        ) from error
    text, warnings = _decode_text(data, path.name)
    del data  # a large note's bytes go before its text is copied again
    return NoteText(normalize_text(text), warnings)


def _read_regular_file(path: Path) -> bytes:
    """The bytes of ``path``, which must be a regular file.

    Opened without blocking, and checked once open: a named pipe put where a note was would
    otherwise wait for a writer forever, a device would never end.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with open(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, f"{special_kind(mode)}, not a file", str(path))
        return handle.read()


def special_kind(mode: int) -> str:
    """What a file that is not a regular file is, for a message."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def decode_note_bytes(data: bytes, name: str) -> str:
    """Decode the bytes of a note; raises ImportFileError when they are not text."""
    return _decode_text(data, name)[0]


def _decode_text(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """The text of ``data`` without NUL characters, and a warning when some were dropped.

    Text never holds one; a few in a note are a stray byte from another program or a damaged
    block, and the rest of the note is still the note. Many of them are binary.
    """
    nuls = data.count(0) if not data.startswith(_WIDE_BOMS) else 0
    if nuls > max(len(data) * _MAX_CONTROL_SHARE, _FEW_NULS):  # binary, or BOM-less UTF-16
        raise ImportFileError("{name}: not a text file", name=name)
    try:
        text = _decode(data.replace(b"\x00", b"") if nuls else data, name)
    except ImportFileError:
        if nuls:  # NUL bytes and no text around them: binary
            raise ImportFileError("{name}: not a text file", name=name) from None
        raise
    if "\x00" in text:  # UTF-16 or UTF-32 spelling U+0000
        nuls = text.count("\x00")
        text = text.replace("\x00", "")
    if _looks_binary(text):
        raise ImportFileError("{name}: not a text file", name=name)
    if not nuls:
        return text, ()
    dropped = "1 NUL byte" if nuls == 1 else f"{nuls} NUL bytes"
    return text, (f"{dropped} dropped (not text); the rest is read as written",)


def normalize_text(text: str) -> str:
    """LF line ends, NFC (composed Hangul), no leading BOM."""
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def content_hash(text: str) -> str:
    """sha256 hex digest of the normalized text; equal notes give equal hashes."""
    if len(text) <= _HASHED_AT_ONCE:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()
    digest = hashlib.sha256()  # the same bytes, without a copy of a long note as UTF-8
    for start in range(0, len(text), _HASHED_AT_ONCE):
        digest.update(text[start : start + _HASHED_AT_ONCE].encode("utf-8"))
    return digest.hexdigest()


def _decode(data: bytes, name: str) -> str:
    # A BOM is the only reliable signal, so it decides before anything else.
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8", name)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _strict(data, "utf-32", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        # Korean Windows editors save CP949 (a superset of EUC-KR) by default.
        try:
            return data.decode("cp949")
        except UnicodeDecodeError:
            position = utf8_error.start
            raise ImportFileError(
                "{name}: not UTF-8, UTF-16 or CP949/EUC-KR text (undecodable byte at offset "
                "{position}); save it as UTF-8 and try again",
                name=name,
                position=position,
            ) from utf8_error


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ImportFileError(
            "{name}: starts like {encoding} text but is damaged (undecodable byte at offset "
            "{position})",
            name=name,
            encoding=encoding.upper(),
            position=error.start,
        ) from error


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    if not text:
        return False
    sample = text[:65536]
    odd = len(_ODD_CHARS.findall(sample))
    return odd / len(sample) > _MAX_CONTROL_SHARE
