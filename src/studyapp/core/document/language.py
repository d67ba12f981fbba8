"""Which language a text is mostly in, for the words studyapp adds to it ("## 할 일")."""

from __future__ import annotations

import re

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LATIN = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[^\W\d_]+")
# Text of ASCII and Hangul syllables only (most notes) has ASCII letters and syllables for
# its letters, so its words can be counted on its UTF-8 bytes: a syllable's bytes are all
# 0x80 and up, an ASCII letter's are letters. Mapping each byte to a class and counting
# word starts runs in C; Unicode letter classes and a Python step per word made this most
# of an export's time.
_NOT_ASCII_OR_SYLLABLE = re.compile(r"[^\x00-\x7f\uac00-\ud7a3]")
_ASCII_LETTERS = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))
_LETTER_BYTES = bytes(
    ord("L") if byte >= 0x80 or byte in _ASCII_LETTERS else ord(" ") for byte in range(256)
)
_SYLLABLE_BYTES = bytes(ord("H") if byte >= 0x80 else ord(" ") for byte in range(256))
_NOT_PROSE_MARKS = ("<", "](", ":", "`")  # one of these is in every _NOT_PROSE match
# Markup, link targets and bare URLs say nothing about the language people wrote in.
_NOT_PROSE = re.compile(r"<[^>\n]*>|\]\([^)\n]*\)|\b[a-zA-Z][\w+.-]*:[^\s)>\]]+|`[^`\n]*`")


def mostly_hangul(text: str) -> bool:
    """True when more words contain Hangul than are Latin-only ("feature의" counts as Hangul)."""
    prose = _NOT_PROSE.sub(" ", text) if any(m in text for m in _NOT_PROSE_MARKS) else text
    if _NOT_ASCII_OR_SYLLABLE.search(prose) is None:
        data = b" " + prose.encode()
        words = data.translate(_LETTER_BYTES).count(b" L")
        # Without its ASCII letters, a word with a syllable still starts a run of H's.
        hangul = data.translate(_SYLLABLE_BYTES, _ASCII_LETTERS).count(b" H")
        return hangul > words - hangul
    hangul = latin = 0
    for word in _WORD.findall(prose):
        if _HANGUL.search(word):
            hangul += 1
        elif _LATIN.search(word):
            latin += 1
    return hangul > latin
