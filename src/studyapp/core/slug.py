"""File-name slugs that keep Hangul and are safe on Windows, macOS and Linux.

``"동훈님 논문 - UCDR-Adapter (WACV 2025)"`` becomes ``"동훈님-논문-ucdr-adapter-wacv-2025"``.
A slug never contains a path separator, never starts with a dot and is never empty, so a
file name built from it cannot leave the folder it is written to.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

UNTITLED = "untitled"

# Most file systems allow 255 bytes per name; staying well below leaves room for the
# date prefix, a "-2" style suffix and the extension.
MAX_SLUG_BYTES = 170
MAX_FILE_NAME_BYTES = 200

# Dropped without a separator so "Don't" reads "dont", not "don-t".
_JOINING = frozenset("'’‘`´\"“”«»")
_DASHES = re.compile(r"-{2,}")
_EXTENSION = re.compile(r"^\.[a-z0-9]{1,10}$")

_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"{stem}{digit}" for stem in ("com", "lpt") for digit in "0123456789¹²³"}
)


def _is_kept(char: str) -> bool:
    category = unicodedata.category(char)
    # Letters, digits and the combining marks some scripts need to stay readable.
    return category[0] in "LN" or (category[0] == "M" and category != "Me")


def _is_dropped(char: str) -> bool:
    # Control, format (zero-width joiners, bidi marks), unassigned and private-use code points
    # make names that cannot be typed or that render differently from what they are.
    return char in _JOINING or unicodedata.category(char) in {"Cc", "Cf", "Cn", "Co", "Cs"}


def _cap(slug: str, max_length: int) -> str:
    slug = slug[:max_length]
    while len(slug.encode("utf-8")) > MAX_SLUG_BYTES:
        slug = slug[:-1]
    return slug.strip("-")


def slugify(title: str, max_length: int = 80) -> str:
    """A lowercase, dash-separated file-name part of ``title``; ``"untitled"`` when none."""
    if max_length < 1:
        raise ValueError("max_length must be at least 1")
    text = unicodedata.normalize("NFC", title).lower()
    # Lowercasing can decompose (Turkish dotted I); bring it back to one form.
    text = unicodedata.normalize("NFC", text)
    pieces: list[str] = []
    for char in text:
        if _is_kept(char):
            pieces.append(char)
        elif char.isspace() or not _is_dropped(char):
            # Whitespace, punctuation, path separators, symbols: all become one separator.
            pieces.append("-")
    slug = _cap(_DASHES.sub("-", "".join(pieces)).strip("-"), max_length)
    if not slug:
        return UNTITLED
    if slug in _WINDOWS_RESERVED:
        # "nul.md" is still the null device on Windows; a suffix makes it an ordinary name.
        slug = f"{slug}_"
    return slug


def session_file_name(date: dt.date, title: str, ext: str = ".md") -> str:
    """``2025-03-10-vision-reading-group.md``: the date, the slug, the extension."""
    if not _EXTENSION.match(ext):
        raise ValueError(f"not a file extension: {ext!r}")
    name = f"{date.isoformat()}-{slugify(title)}{ext}"
    if len(name.encode("utf-8")) >= MAX_FILE_NAME_BYTES:  # only with an odd ext; be sure anyway
        raise ValueError(f"file name too long: {name!r}")
    return name
