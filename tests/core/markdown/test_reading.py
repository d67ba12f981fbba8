"""Reading note files: encodings, line ends, Unicode normalization, binary refusal, NUL
bytes and files that are not files."""

import hashlib
import os
import time
import unicodedata

import pytest

from studyapp.core.errors import ImportFileError
from studyapp.core.markdown.reading import (
    NOTE_SUFFIXES,
    content_hash,
    read_note_file,
    read_note_text,
)


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_with_bom_and_crlf(tmp_path):
    path = _write(tmp_path, "a.md", "\ufeff# 제목\r\n\r\n본문\rline\n".encode())
    assert read_note_text(path) == "# 제목\n\n본문\nline\n"


def test_utf16_with_bom(tmp_path):
    for encoding in ("utf-16", "utf-16-be"):
        data = "\ufeff# 회의록\r\n- [ ] 할 일\r\n".encode(encoding)
        assert read_note_text(_write(tmp_path, f"{encoding}.md", data)) == "# 회의록\n- [ ] 할 일\n"


def test_cp949_and_euc_kr(tmp_path):
    text = "회의 메모\n교사-학생 용량 차이\n"
    assert read_note_text(_write(tmp_path, "a.txt", text.encode("cp949"))) == text
    assert read_note_text(_write(tmp_path, "b.txt", text.encode("euc-kr"))) == text
    # A CP949-only syllable (not in EUC-KR's 2,350).
    assert read_note_text(_write(tmp_path, "c.txt", "똠방각하".encode("cp949"))) == "똠방각하"


def test_decomposed_hangul_is_composed(tmp_path):
    nfd = unicodedata.normalize("NFD", "교사 모델 정리")
    assert nfd != "교사 모델 정리"
    assert read_note_text(_write(tmp_path, "a.md", nfd.encode())) == "교사 모델 정리"


def test_binary_is_refused(tmp_path):
    with pytest.raises(ImportFileError, match=r"photo\.md: not a text file"):
        read_note_text(_write(tmp_path, "photo.md", bytes(range(256)) * 8))
    with pytest.raises(ImportFileError, match="not a text file"):
        read_note_text(_write(tmp_path, "ctl.md", bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 50 + b"abc"))
    # Zeros all through it: binary (or UTF-16 without its BOM), never text with holes.
    with pytest.raises(ImportFileError, match="not a text file"):
        read_note_text(_write(tmp_path, "zeros.md", b"\x00\x01" * 400))
    with pytest.raises(ImportFileError, match="not a text file"):
        read_note_text(_write(tmp_path, "wide.md", "# 회의 notes\n".encode("utf-16-le") * 20))


def test_a_nul_byte_is_dropped_with_a_warning_not_the_note(tmp_path):
    note = "# 주간 회의\n\n- [ ] 민수: 발표 자료 📅 2025-03-10\n" + "긴 메모 한 줄\n" * 50
    data = note.encode()
    middle = data.index("발표".encode())
    read = read_note_file(_write(tmp_path, "nul.md", data[:middle] + b"\x00" + data[middle:]))
    assert read.text == note
    assert read.warnings == ("1 NUL byte dropped (not text); the rest is read as written",)
    assert read_note_text(_write(tmp_path, "short.md", b"text\x00more")) == "textmore"
    # Spelled in UTF-16 (U+0000) it goes the same way.
    wide = read_note_file(_write(tmp_path, "wide.md", "회의\x00\x00 메모".encode("utf-16")))
    assert (wide.text, wide.warnings[0][:11]) == ("회의 메모", "2 NUL bytes")
    assert read_note_file(_write(tmp_path, "clean.md", data)).warnings == ()


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    started = time.monotonic()
    with pytest.raises(ImportFileError, match=r"pipe\.md: cannot be read \(a named pipe, not a"):
        read_note_text(pipe)
    assert time.monotonic() - started < 5


def test_undecodable_bytes_give_a_readable_message(tmp_path):
    with pytest.raises(ImportFileError, match=r"bad.md: not UTF-8.*UTF-8"):
        read_note_text(_write(tmp_path, "bad.md", b"ok \xff\xfe\xff\xff\xc0 end" * 3))


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ImportFileError, match=r"nope\.md"):
        read_note_text(tmp_path / "nope.md")
    with pytest.raises(ImportFileError, match="folder"):
        read_note_text(tmp_path)


def test_empty_file(tmp_path):
    assert read_note_text(_write(tmp_path, "empty.md", b"")) == ""


def test_hash_is_of_the_normalized_text(tmp_path):
    crlf = read_note_text(_write(tmp_path, "a.md", "\ufeffx\r\ny".encode()))
    lf = read_note_text(_write(tmp_path, "b.md", b"x\ny"))
    assert content_hash(crlf) == content_hash(lf)
    assert len(content_hash(lf)) == 64
    assert content_hash("a") != content_hash("b")


def test_note_suffixes():
    assert NOTE_SUFFIXES == (".md", ".markdown", ".txt")


def test_a_long_note_hashes_as_its_utf8_bytes(tmp_path):
    text = "교사-학생 distillation 🙂\n" * 200_000  # hashed in pieces, no UTF-8 copy of it
    assert content_hash(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()
