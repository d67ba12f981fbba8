"""Reading note files from disk into one normalized text form.

Notes arrive from many editors: UTF-8 with or without a BOM, UTF-16 from Windows tools,
CP949 from Korean Windows, CRLF line ends, and decomposed Hangul from macOS file systems.
Everything downstream sees LF-only, NFC-normalized text, so the same note always hashes
the same wherever it was saved.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from pathlib import Path

from studyapp.core.errors import ImportFileError

NOTE_SUFFIXES = (".md", ".markdown", ".txt")

# Control characters (category Cc: U+0000-U+001F, U+007F-U+009F) other than the ones plain
# text legitimately contains (\t \n \v \f \r ESC), and the replacement character. One regex
# scan instead of a category lookup per character: reading was a third of import time.
_ODD_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd]")
# Above this share of control or replacement characters the "text" is really binary.
_MAX_CONTROL_SHARE = 0.05


def read_note_text(path: Path) -> str:
    """The text of the note at ``path``, decoded and normalized (LF, NFC, no BOM)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise ImportFileError(f"{path.name}: no such file") from error
    except IsADirectoryError as error:
        raise ImportFileError(f"{path.name}: is a folder, not a note") from error
    except PermissionError as error:
        raise ImportFileError(f"{path.name}: permission denied") from error
    except OSError as error:
        raise ImportFileError(f"{path.name}: cannot be read ({error.strerror or error})") from error
    return normalize_text(decode_note_bytes(data, path.name))


def decode_note_bytes(data: bytes, name: str) -> str:
    """Decode the bytes of a note; raises ImportFileError when they are not text."""
    text = _decode(data, name)
    if _looks_binary(text):
        raise ImportFileError(f"{name}: not a text file")
    return text


def normalize_text(text: str) -> str:
    """LF line ends, NFC (composed Hangul), no leading BOM."""
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def content_hash(text: str) -> str:
    """sha256 hex digest of the normalized text; equal notes give equal hashes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _decode(data: bytes, name: str) -> str:
    # A BOM is the only reliable signal, so it decides before anything else.
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8", name)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _strict(data, "utf-32", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name)
    if b"\x00" in data:
        raise ImportFileError(f"{name}: not a text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        # Korean Windows editors save CP949 (a superset of EUC-KR) by default.
        try:
            return data.decode("cp949")
        except UnicodeDecodeError:
            position = utf8_error.start
            raise ImportFileError(
                f"{name}: not UTF-8, UTF-16 or CP949/EUC-KR text "
                f"(undecodable byte at offset {position}); save it as UTF-8 and try again"
            ) from utf8_error


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"{name}: starts like {encoding.upper()} text but is damaged "
            f"(undecodable byte at offset {error.start})"
        ) from error


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    if not text:
        return False
    sample = text[:65536]
    odd = len(_ODD_CHARS.findall(sample))
    return odd / len(sample) > _MAX_CONTROL_SHARE
